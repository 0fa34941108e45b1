/** The authorize page's address: `endpoint` with the sign-in's query parameters, in this order. */
export function authorizeUrl(endpoint: string, parameters: Record<string, string>): string {
  const url = new URL(endpoint);
  for (const [name, value] of Object.entries(parameters)) url.searchParams.set(name, value);
  return url.href;
}
