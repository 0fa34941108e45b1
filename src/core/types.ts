/**
 * A leaf module (imports nothing of ours): the primitive words every layer speaks, so that the
 * page↔worker messages and the API clients can name them without importing the database layer.
 * src/db/types.ts re-exports them with the stored shapes.
 */

/** Constant Contact's two APIs. */
export type Generation = "v2" | "v3";

/** A bulk activity's status, normalised across v2 and v3 (the raw word is kept on the row). */
export type ActivityStatus = "pending" | "running" | "completed" | "failed" | "cancelled" | "timed_out";
