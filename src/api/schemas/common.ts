import * as v from "valibot";

/** Ids arrive as strings, and in one SDK fixture as numbers: accept both, store strings. */
export const LenientId = v.pipe(v.union([v.string(), v.number()]), v.transform(String));

/** Optional fields that servers also send as null. */
export const Maybe = <T extends v.GenericSchema>(schema: T) => v.nullish(schema);

/** A number that may come as a numeric string. */
export const LenientNumber = v.pipe(
  v.union([v.number(), v.pipe(v.string(), v.regex(/^-?\d+(\.\d+)?$/))]),
  v.transform(Number),
);

/**
 * Error and warning items of activities: plain strings ("Line 355: Invalid email") or objects
 * `{message, line_number, email_address}`; the official PHP SDK crashed on the strings.
 */
export const ErrorItem = v.union([
  v.string(),
  v.looseObject({
    message: Maybe(v.string()),
    error_message: Maybe(v.string()),
    line_number: Maybe(LenientNumber),
    email_address: Maybe(v.string()),
  }),
]);
export type ErrorItem = v.InferOutput<typeof ErrorItem>;

/** A date-time the API promises; invalid ones fail validation rather than poison sort order. */
export const DateTime = v.pipe(
  v.string(),
  v.check((s) => !Number.isNaN(Date.parse(s)), "not a date-time"),
);
