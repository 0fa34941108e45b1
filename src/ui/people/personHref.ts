/** The address of one person's history: the email encoded, so "@", "+" and "/" survive the router. */
export const personHref = (email: string) => `/people/${encodeURIComponent(email)}`;
