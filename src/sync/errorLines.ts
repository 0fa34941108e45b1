import type { ErrorItem } from "../api/schemas/common";
import type { ActivityErrorLine } from "../db/types";

const LINE_PREFIX = /^\s*line\s*(\d+)\s*[:,-]?\s*/i;
const EMAIL = /[^\s<>(),;:"']+@[^\s<>(),;:"']+\.[^\s<>(),;:"']+/;

/**
 * One error or warning item, from either shape the API uses: a string ("Line 355: Invalid email",
 * sometimes with the address in it) or an object `{message, line_number, email_address}`.
 */
export function parseErrorItem(item: ErrorItem): { lineNumber?: number; email?: string; message: string } {
  if (typeof item === "string") {
    const match = LINE_PREFIX.exec(item);
    const email = EMAIL.exec(item)?.[0];
    // "Line 12: Invalid email (a@b.test)": the address gets its own column, the message keeps the words.
    const rest = match ? item.slice(match[0].length) : item;
    const message = (email ? rest.replace(`(${email})`, "") : rest).trim();
    return {
      ...(match?.[1] ? { lineNumber: Number(match[1]) } : {}),
      ...(email ? { email } : {}),
      message: message === "" ? item.trim() : message,
    };
  }
  const message = item.message ?? item.error_message ?? "";
  return {
    ...(item.line_number !== undefined && item.line_number !== null ? { lineNumber: item.line_number } : {}),
    ...(item.email_address ? { email: item.email_address } : {}),
    message,
  };
}

/** An activity's errors then warnings as stored lines, numbered in the server's order. */
export function errorLinesOf(
  accountId: string,
  activityId: string,
  errors: readonly ErrorItem[] | null | undefined,
  warnings: readonly ErrorItem[] | null | undefined,
): ActivityErrorLine[] {
  const tagged = [
    ...(errors ?? []).map((item) => ({ item, kind: "error" as const })),
    ...(warnings ?? []).map((item) => ({ item, kind: "warning" as const })),
  ];
  return tagged.map(({ item, kind }, index) => ({
    accountId,
    activityId,
    index,
    kind,
    ...parseErrorItem(item),
  }));
}
