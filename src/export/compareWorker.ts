// Compare send lists' own thread: it opens the database itself (db() in this scope), tallies the
// chosen lists there and keeps the answer, so the page only ever holds the page it shows.
import { type ComparedPerson, compareLists, sortPeople } from "../db/people/compare";
import { comparedPage } from "../db/people/comparedRows";
import { firstInOrder } from "../db/people/firstInOrder";
import type { FromCompareWorker, ToCompareWorker } from "./compareMessages";
import { toWireError } from "./messages";

interface CompareWorkerScope {
  postMessage(message: FromCompareWorker): void;
  addEventListener(type: "message", listener: (event: MessageEvent<ToCompareWorker>) => void): void;
}

const scope = self as unknown as CompareWorkerScope;
const controller = new AbortController();
let people: ComparedPerson[] = [];
let sorted = false;
/** Pages up to here are picked without sorting the whole answer: the count and first page come sooner. */
const PICK_UP_TO = 1_000;

async function peopleAt(offset: number, limit: number): Promise<ComparedPerson[]> {
  if (!sorted && offset + limit <= PICK_UP_TO) {
    return (await firstInOrder(people, offset + limit, (p) => p.folded)).slice(offset);
  }
  if (!sorted) sortPeople(people);
  sorted = true;
  return people.slice(offset, offset + limit);
}

async function start(message: Extract<ToCompareWorker, { type: "start" }>): Promise<void> {
  try {
    const answer = await compareLists(message.query, {
      signal: controller.signal,
      sort: false,
      onProgress: (done, total) => scope.postMessage({ type: "progress", done, total }),
    });
    people = answer.people;
    scope.postMessage({ type: "answer", count: answer.count });
  } catch (error) {
    scope.postMessage({ type: "failed", error: toWireError(error) });
  }
}

async function page(message: Extract<ToCompareWorker, { type: "page" }>): Promise<void> {
  try {
    const rows = await comparedPage(await peopleAt(message.offset, message.limit));
    scope.postMessage({ type: "page", id: message.id, rows });
  } catch (error) {
    scope.postMessage({ type: "failed", id: message.id, error: toWireError(error) });
  }
}

scope.addEventListener("message", (event) => {
  const message = event.data;
  if (message.type === "cancel") controller.abort(new DOMException("Comparison cancelled", "AbortError"));
  else if (message.type === "start") void start(message);
  else void page(message);
});
