/**
 * The server's own error key and message, from any of the shapes Constant Contact uses: an array of
 * `{error_key, error_message}`, a single such object (v3 401/429, some v2 auth errors), or a Mashery
 * gateway page (v2 over-limit answers, which may be HTML with an `X-Mashery-Error-Code` header).
 */
export interface ErrorBody {
  errorKey?: string;
  errorMessage?: string;
}

export function readErrorBody(text: string, headers?: Headers): ErrorBody {
  const fromJson = parseJsonErrors(text);
  if (fromJson.errorKey) return fromJson;
  const mashery = headers?.get("x-mashery-error-code")?.toLowerCase() ?? "";
  const lowered = text.toLowerCase();
  if (mashery.includes("over_qps") || lowered.includes("over qps")) {
    return { errorKey: "mashery.not.authorized.over.qps", errorMessage: fromJson.errorMessage };
  }
  if (mashery.includes("over_rate") || lowered.includes("over rate")) {
    return { errorKey: "mashery.not.authorized.over.ratelimit", errorMessage: fromJson.errorMessage };
  }
  return fromJson;
}

function parseJsonErrors(text: string): ErrorBody {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    // Not JSON (an HTML gateway page, an empty body): no key to read; keep a little text to show.
    if (!(error instanceof SyntaxError)) throw error;
    return { errorMessage: text.trim() === "" ? undefined : text.trim().slice(0, 200) };
  }
  const first = Array.isArray(parsed) ? parsed[0] : parsed;
  if (typeof first !== "object" || first === null) return {};
  const record = first as Record<string, unknown>;
  const key = record.error_key ?? record.errorKey ?? record.error;
  const message = record.error_message ?? record.errorMessage ?? record.message ?? record.error_description;
  return {
    errorKey: typeof key === "string" ? key : undefined,
    errorMessage: typeof message === "string" ? message : undefined,
  };
}
