import type { BulkActivity } from "../db/types";

/**
 * Where a finished export's results file is: v3 `_links.results.href`, v2 `file_name` (a URL for
 * an export; an import's `file_name` is only the uploaded file's name, hence the URL check).
 * Undefined when the activity has none. A leaf the screens may import without loading the engine.
 */
export function resultsHrefOf(activity: BulkActivity): string | undefined {
  if (activity.status !== "completed") return undefined;
  const href = activity.generation === "v3" ? activity.resultsHref : activity.fileName;
  if (!href) return undefined;
  return activity.generation === "v3" || /^https?:|^\//.test(href) ? href : undefined;
}
