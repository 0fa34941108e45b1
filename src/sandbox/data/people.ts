// Contacts: a pool of 2^21 people, each a pure function of (seed, person index). The names and
// addresses are deliberately awkward: Unicode, plus signs, quotes, commas, HTML, and values that
// spreadsheet programs would run as formulas (=, +, -, @), so exports and rendering get tested.
import { pick, rngFor, uuidFor } from "../random";

export const PERSON_POOL_SIZE = 2 ** 21;

export interface Person {
  /** v2 contact ids are numeric strings. */
  v2ContactId: string;
  /** v3 contact ids are UUIDs. */
  v3ContactId: string;
  email: string;
  firstName?: string;
  lastName?: string;
}

const FIRST_NAMES = [
  "Ana",
  "José",
  "Zoë",
  "Łukasz",
  "Siobhán",
  "Björn",
  "Ngozi",
  "Mei",
  "Søren",
  "Ayşe",
  "Renée",
  "Dmitrij",
  "Åsa",
  "Nuño",
  "Kalani",
  "Thảo",
  "Chloé",
  "Oğuz",
  "Priya",
  "Ólafur",
] as const;

const LAST_NAMES = [
  "García",
  "O'Brien",
  "Müller",
  "Nguyễn",
  "Smith, Jr.",
  "Kowalski",
  "Ødegård",
  "Dubois",
  "Yılmaz",
  "Fernández",
  "D'Angelo",
  "Þórsson",
  "van der Berg",
  "Ivanov",
  "Okafor",
  "Brontë",
] as const;

// Names that must survive CSV export, HTML rendering and spreadsheet import unchanged and inert.
const TRICKY_FIRST_NAMES = [
  "=SUM(1+1)",
  "+1 555 0100",
  "-2+3",
  "@handle",
  '<script>alert("x")</script>',
  "<b>Bold</b> & Co",
  'Quote "Q" Person',
  "Comma, First",
  "李",
  "محمد",
  "👩‍💻 Dev",
  '=HYPERLINK("http://evil.invalid","click")',
] as const;

const DOMAINS = ["example.com", "example.org", "example.net", "mail.example.co.uk", "exämple.de"] as const;

function asciiLocal(name: string): string {
  const plain = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "");
  return plain || "contact";
}

/** The person at `index` of the pool (0 ≤ index < PERSON_POOL_SIZE). */
export function personAt(seed: number, index: number): Person {
  const rng = rngFor(seed, "person", index);
  const tricky = rng() < 0.08;
  const first = tricky ? pick(rng, TRICKY_FIRST_NAMES) : pick(rng, FIRST_NAMES);
  const last = pick(rng, LAST_NAMES);
  const style = rng();
  const domain = pick(rng, DOMAINS);
  // The index in the address keeps every address in the pool unique.
  const base = `${asciiLocal(first)}.${asciiLocal(last)}${index}`;
  let email: string;
  if (style < 0.15) email = `${base}+news@${domain}`;
  else if (style < 0.2) email = `=${base}@${domain}`;
  else if (style < 0.24) email = `-${base}@${domain}`;
  else if (style < 0.28) email = `+${base}@${domain}`;
  else if (style < 0.31) email = `${asciiLocal(last)}'${index}@${domain}`;
  else if (style < 0.33) email = `ünïcødé.${index}@${domain}`;
  else email = `${base}@${domain}`;
  const hasNames = rng() > 0.1;
  return {
    v2ContactId: String(1000 + index),
    v3ContactId: uuidFor(seed, "contact", index),
    email,
    firstName: hasNames ? first : undefined,
    lastName: hasNames ? last : undefined,
  };
}

/** The pool index of the person with `email`, or -1 (every address carries its index: see above). */
export function poolIndexOfEmail(seed: number, email: string): number {
  const digits = /(\d+)(?:\+news)?@[^@]*$/.exec(email)?.[1];
  const index = digits === undefined ? -1 : Number(digits);
  return index >= 0 && index < PERSON_POOL_SIZE && personAt(seed, index).email === email ? index : -1;
}
