// The CSV file of a finished contact export. Quoted per RFC 4180, since names carry commas,
// quotes and line-breaking characters.

import { hashKeys } from "../random";
import { personAt } from "./people";

function cell(value: string | undefined): string {
  const text = value ?? "";
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function exportCsv(seed: number, exportId: string, rows: number): string {
  const start = hashKeys(seed, "export", exportId) % 1_000_000;
  const lines = ["email,first_name,last_name,contact_id"];
  for (let i = 0; i < rows; i++) {
    const p = personAt(seed, start + i);
    lines.push([p.email, p.firstName, p.lastName, p.v3ContactId].map(cell).join(","));
  }
  return `${lines.join("\r\n")}\r\n`;
}
