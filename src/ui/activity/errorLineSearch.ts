import type { ActivityErrorLine } from "../../db";

/** Lines whose email, message or line number contain the query (case-insensitive). */
export function searchErrorLines(lines: ActivityErrorLine[], query: string): ActivityErrorLine[] {
  const needle = query.trim().toLowerCase();
  if (needle === "") return lines;
  return lines.filter(
    (line) =>
      (line.email ?? "").toLowerCase().includes(needle) ||
      line.message.toLowerCase().includes(needle) ||
      (line.lineNumber !== undefined && String(line.lineNumber).includes(needle)),
  );
}
