// Error and warning lines of bulk activities, generated on demand from (activity, index). v2 items
// come both as plain strings and as objects, as the real API does (one SDK crashed on the strings).
import { pick, rngFor } from "../random";
import { personAt } from "./people";

export type V2ErrorItem = string | { message: string; line_number: number; email_address: string };

const PROBLEMS = [
  "Invalid email",
  "Email address is on the do-not-mail list",
  "Birthday is not a valid date",
  "First name exceeds 50 characters",
  "Duplicate contact in file",
] as const;

export function v2ErrorItem(
  seed: number,
  activityId: string,
  kind: "error" | "warning",
  index: number,
): V2ErrorItem {
  const rng = rngFor(seed, "v2-line", activityId, kind, index);
  const line = 2 + index * 3 + Math.floor(rng() * 3);
  const message = kind === "error" ? pick(rng, PROBLEMS) : "Contact already exists; it was updated";
  if (index % 3 === 0) return `Line ${line}: ${message}`;
  return { message, line_number: line, email_address: personAt(seed, (index * 7919) % 100_000).email };
}

export function v3ErrorLine(seed: number, activityId: string, index: number): string {
  const rng = rngFor(seed, "v3-line", activityId, index);
  const line = 2 + index * 2 + Math.floor(rng() * 2);
  return `Line ${line}: ${pick(rng, PROBLEMS)} (${personAt(seed, (index * 104_729) % 100_000).email})`;
}
