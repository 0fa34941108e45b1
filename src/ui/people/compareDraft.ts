import type { CompareQuestion } from "../../db/people/compare";

/** The compare form as typed: strings from the inputs, checked before anything runs. */
export interface CompareDraft {
  kind: CompareQuestion["kind"];
  a: string;
  b: string;
  lists: string[];
  n: number;
  /** "YYYY-MM-DD" local days from <input type="date">. */
  from: string;
  to: string;
}

/** Local midnight of a "YYYY-MM-DD" day, in epoch ms; NaN when it is not a day. */
const dayStart = (day: string) => new Date(`${day}T00:00:00`).getTime();

/** What stops the question from being asked, in words; undefined when it can run. */
export function compareProblem(draft: CompareDraft): string | undefined {
  if (draft.kind === "aNotB") {
    if (!draft.a || !draft.b) return "Choose send list A and send list B.";
    if (draft.a === draft.b) return "Choose two different send lists for A and B.";
    return undefined;
  }
  if (draft.lists.length < 2) return "Choose at least two send lists.";
  if (draft.kind !== "atLeast") return undefined;
  if (!Number.isInteger(draft.n) || draft.n < 1 || draft.n > draft.lists.length)
    return `N must be a whole number from 1 to ${draft.lists.length} (the lists chosen).`;
  if (Number.isNaN(dayStart(draft.from)) || Number.isNaN(dayStart(draft.to)))
    return "Choose the first and the last day of the window.";
  if (dayStart(draft.from) > dayStart(draft.to)) return "The first day comes after the last day.";
  return undefined;
}

/** The question a valid draft asks (days as local midnights; the last day included whole). */
export function questionOf(draft: CompareDraft): CompareQuestion {
  if (draft.kind === "aNotB") return { kind: "aNotB", a: [draft.a], b: [draft.b] };
  if (draft.kind !== "atLeast") return { kind: draft.kind, lists: [...draft.lists] };
  const toMs = new Date(`${draft.to}T00:00:00`);
  toMs.setDate(toMs.getDate() + 1);
  return {
    kind: "atLeast",
    lists: [...draft.lists],
    n: draft.n,
    fromMs: dayStart(draft.from),
    toMs: toMs.getTime() - 1,
  };
}
