import * as v from "valibot";
import type { MailroomError } from "../core/errors";
import { badResponse, type RequestContext } from "./mapError";

/** Validates an answer at the edge: a shape the API does not promise becomes one bad_response. */
export function validate<S extends v.GenericSchema>(
  schema: S,
  body: unknown,
  ctx: Pick<RequestContext, "what">,
): v.InferOutput<S> {
  const result = v.safeParse(schema, body);
  if (result.success) return result.output;
  throw shapeError(result.issues, ctx);
}

function shapeError(issues: v.GenericIssue[], ctx: Pick<RequestContext, "what">): MailroomError {
  const first = issues[0];
  const where = first ? (v.getDotPath(first) ?? "(top level)") : "(top level)";
  const detail = first ? `${where}: ${first.message}` : "unknown shape";
  return badResponse(ctx, detail, issues);
}
