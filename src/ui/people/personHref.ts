/**
 * The address of one person's history: the email encoded, so "@", "+" and "/" survive the router,
 * and "/history" after it, because an address ends like a file name (".co.uk") and the service
 * worker's offline fallback leaves paths that look like files to the network.
 */
export const personHref = (email: string) => `/people/${encodeURIComponent(email)}/history`;
