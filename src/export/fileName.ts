import { clock } from "../core/clock";
/**
 * File names like `mailroom-sends-spring-sale-2026-11-25.csv`: what was exported, from which
 * campaign, on which (UTC) day. Only ASCII letters, digits and dashes survive, so the name is valid
 * on Windows, macOS and Linux and cannot climb out of the downloads folder.
 */
export function slug(text: string, maxLength = 60): string {
  const ascii = text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
  const dashed = ascii
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return dashed.slice(0, maxLength).replace(/-+$/, "");
}

export function exportFileName(
  what: "sends" | "errors" | "history" | "people",
  subject: string | undefined,
  date: Date = new Date(clock.now()),
): string {
  const day = date.toISOString().slice(0, 10);
  const name = slug(subject ?? "");
  const parts = ["mailroom", what, ...(name ? [name] : []), day];
  return `${parts.join("-")}.csv`;
}

/** A caller's own name, made safe the same way (keeps the `.csv` ending). */
export function safeFileName(name: string): string {
  const base = slug(name.replace(/\.csv$/i, ""), 120);
  return `${base || "mailroom-export"}.csv`;
}
