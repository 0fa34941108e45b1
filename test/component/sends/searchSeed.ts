import type { Send } from "../../../src/db";

export const DS = "acc-1|v3|5c6d7e8f-activity";
export const START = Date.parse("2026-11-20T09:00:00.000Z");

/** The people a search must tell apart; `local` starts the email, numbered per row. */
export const PEOPLE = [
  { firstName: "John", lastName: "Smith", local: "john.smith", domain: "lists.example.org" },
  // The email starts with the first name: the surname is found in the name only.
  { firstName: "Anna", lastName: "Kowalski", local: "anna", domain: "mail.example.com" },
  { firstName: "Jürgen", lastName: "Müller", local: "jmueller", domain: "example.de" },
  { firstName: "Zoë", lastName: "Durand", local: "zoe.d", domain: "example.fr" },
  { firstName: "ZOE", lastName: "MULLER", local: "ZMuller", domain: "Example.ORG.uk" },
  { firstName: undefined, lastName: undefined, local: "orgchart", domain: "elsewhere.net" },
] as const;

/**
 * `count` sends of one list, 700 ms apart with every fourth in the same millisecond as the one
 * before (the contact id breaks the tie); ids alternate UUIDs and plain text as v3 and v2 send them.
 */
export function searchRows(count: number, start = START, tag = ""): Send[] {
  return Array.from({ length: count }, (_, i) => {
    const person = PEOPLE[(i * 5 + Math.floor(i / 6)) % PEOPLE.length]!;
    const n = String(i).padStart(5, "0");
    const row: Send = {
      dataset: DS,
      contactId:
        i % 2 === 0 ? `00000000-0000-4000-8000-${tag.padEnd(2, "0")}${n.padStart(10, "0")}` : `c${tag}${n}`,
      email: `${person.local}${i}@${person.domain}`,
      sentAt: new Date(start + (i - (i % 4 === 3 ? 1 : 0)) * 700).toISOString(),
      campaignActivityId: "5c6d7e8f-activity",
    };
    if (person.firstName) row.firstName = person.firstName;
    if (person.lastName) row.lastName = person.lastName;
    return row;
  });
}
