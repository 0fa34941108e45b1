/**
 * The text a search compares against: lower case, accents removed ("Müller" → "muller"), spaces
 * at the ends trimmed. Applied to the stored rows once, when they are written, and to the query
 * on every search, so "muller" finds "Müller" and "MULLER" alike.
 */
export function foldText(value: string): string {
  return (
    value
      .trim()
      .toLowerCase()
      .normalize("NFD")
      // Combining marks (accents) go; tabs and newlines separate a chunk's lines and fields.
      .replace(/[\u0300-\u036f\t\n\r]/g, "")
  );
}

/** "first last" as shown and searched; empty when the send has no name. */
export function fullName(firstName?: string, lastName?: string): string {
  return [firstName, lastName]
    .map((part) => (part ?? "").trim())
    .filter((part) => part !== "")
    .join(" ");
}
