import type { ApiClient } from "./client";

/**
 * An export's results file: v3 `_links.results.href` or v2 `file_name`, followed verbatim (never
 * built by hand: the spec's own example misspells the path). The client adds token and api_key.
 */
export function fetchResultsFile(client: ApiClient, href: string, signal?: AbortSignal): Promise<Blob> {
  const scope = client.generation === "v3" ? ("contact_data" as const) : undefined;
  return client.getBlob(href, { signal, context: { what: "the export's results file", scope } });
}
