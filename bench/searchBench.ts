import type { Page } from "playwright-core";
import { round } from "./bundle";
import { frameWhen } from "./ui";

export const ROW = ".sends-table tbody tr";
/** The search box waits this long after the last keystroke (src/ui/sends/SendsSearchForm.tsx). */
const TYPING_PAUSE_MS = 200;
/** A substring search not answered by then is reported as missed, with what the page showed. */
const SUBSTRING_DEADLINE_MS = 10_000;

/** The search box, by its name before issue 14 ("starts with") and after it ("contains"). */
const searchBox = (page: Page) =>
  page.getByRole("searchbox", { name: /Email or name (starts with|contains)/ });

/** Empties the box and lets the unfiltered page come back, so the next search starts from it. */
async function clearSearch(page: Page): Promise<void> {
  await searchBox(page).fill("");
  await page.waitForTimeout(TYPING_PAUSE_MS * 3);
}

/**
 * Notes when the page receives the next input event (window.__benchInputAt). A search is timed
 * from there, as first paint is from the click the page receives: Playwright's fill checks the box
 * (visible, enabled, editable) and focuses it in several round trips first, which is the
 * harness's time (70 ms on this machine under load), not the app's.
 */
async function watchInput(page: Page): Promise<void> {
  await page.evaluate(
    `document.addEventListener("input", () => { window.__benchInputAt = performance.now(); }, { capture: true, once: true })`,
  );
}

const inputAt = async (page: Page) => Number(await page.evaluate("window.__benchInputAt"));

/** A search's time: from the input the page received, and from before Playwright's fill. */
export interface SearchTime {
  ms: number;
  fromActionMs: number;
}

/** Types a prefix; its own answer time, the typing pause excluded. Clears the box after. */
export async function timePrefixSearch(page: Page, prefix: string): Promise<SearchTime> {
  await watchInput(page);
  const typedAt = await page.evaluate(() => performance.now());
  await searchBox(page).fill(prefix);
  // Answered: every row on screen now holds the prefix in a cell, accents aside as the search
  // folds them ("zoe" finds "Zoë"; the search finds any part, so a row may hold it inside), and a
  // row starts with it (the screen is on this search).
  const answeredAt = await frameWhen(
    page,
    `(p) => { const fold = (text) => text.normalize("NFKD").replace(/[\\u0300-\\u036f]/g, "").toLowerCase(); const rows = [...document.querySelectorAll(${JSON.stringify(ROW)})]; const cells = (tr) => [...tr.querySelectorAll("td")].map((td) => fold(td.textContent.trim())); return rows.length > 0 && rows.every((tr) => cells(tr).some((c) => c.includes(p))) && rows.some((tr) => cells(tr).some((c) => c.startsWith(p))); }`,
    prefix,
  );
  const received = await inputAt(page);
  await clearSearch(page);
  return {
    ms: round(answeredAt - received - TYPING_PAUSE_MS),
    fromActionMs: round(answeredAt - typedAt - TYPING_PAUSE_MS),
  };
}

/**
 * What the page shows for a substring search: "answered" once every row on screen holds the text
 * (case-insensitive, accents folded) in its email or name cell, and at least one row holds it
 * only inside its cells, at the start of none (a prefix search alone cannot find that row).
 */
const SUBSTRING_STATE = `(needle) => {
  const fold = (text) => text.normalize("NFKD").replace(/[\\u0300-\\u036f]/g, "").toLowerCase();
  const rows = [...document.querySelectorAll(${JSON.stringify(ROW)})];
  if (rows.length === 0) return document.querySelector(".empty") ? "no rows" : "waiting";
  const cells = (tr) => [...tr.querySelectorAll("td")].filter((td) => !td.querySelector("time"));
  const hits = rows.map((tr) => cells(tr).map((td) => fold(td.textContent.trim())).filter((c) => c.includes(needle)));
  if (hits.some((found) => found.length === 0)) return "rows without it";
  const onlyInside = rows.some((tr) => cells(tr).every((td) => !fold(td.textContent.trim()).startsWith(needle)));
  return onlyInside ? "answered" : "only prefix matches";
}`;

/**
 * Types a part of an address or name; its own answer time from the input the page received, the
 * typing pause excluded, or (past
 * the deadline) what the page showed instead. Clears the box after.
 */
export async function timeSubstringSearch(page: Page, needle: string): Promise<number | string> {
  await watchInput(page);
  await searchBox(page).fill(needle);
  const outcome = (await page.evaluate(`new Promise((resolve) => {
    const state = ${SUBSTRING_STATE};
    const deadline = performance.now() + ${SUBSTRING_DEADLINE_MS};
    const check = () => {
      const now = performance.now();
      const shown = state(${JSON.stringify(needle)});
      if (shown === "answered" || now > deadline) resolve({ shown, at: now });
      else requestAnimationFrame(check);
    };
    check();
  })`)) as { shown: string; at: number };
  const received = await inputAt(page);
  await clearSearch(page);
  if (outcome.shown !== "answered")
    return `not answered in ${SUBSTRING_DEADLINE_MS / 1000} s (${outcome.shown})`;
  return round(outcome.at - received - TYPING_PAUSE_MS);
}

/** The rows on screen as [email, name] cell texts. */
function rowsOnScreen(page: Page): Promise<[string, string][]> {
  return page.$$eval(ROW, (rows) =>
    rows.map((tr) => {
      const cells = [...tr.querySelectorAll("td")];
      return [tr.querySelector("td.email")?.textContent ?? "", cells.at(-1)?.textContent ?? ""];
    }),
  );
}

const fold = (text: string) =>
  text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();

/**
 * Two parts to search for, from rows far down the first page: a plain domain (after an "@") and
 * a surname folded to plain letters ("garcia" for García: the search must fold accents too), from
 * the name cell, or else from the middle of a `first.last123@` address.
 */
export async function substringSamples(page: Page): Promise<{ domain: string; surname: string }> {
  const rows = (await rowsOnScreen(page)).slice(50);
  const domain = rows.map(([email]) => /@([a-z0-9.-]+)$/.exec(email.trim().toLowerCase())?.[1]).find(Boolean);
  const fromName = rows
    .map(([, name]) => name.trim().split(" "))
    .filter((words) => words.length === 2)
    .map((words) => fold(words[1] ?? ""))
    .find((last) => /^[a-z]{4,}$/.test(last));
  const fromEmail = rows.map(([email]) => /^[a-z]+\.([a-z]{4,})\d+@/.exec(email.trim())?.[1]).find(Boolean);
  const surname = fromName ?? fromEmail;
  if (!domain || !surname) throw new Error("No plain domain or surname in rows 51–100 of the first page");
  return { domain, surname };
}
