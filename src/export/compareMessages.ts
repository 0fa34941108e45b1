import type { CompareQuery } from "../db/people/compare";
import type { ComparedRow } from "../db/people/comparedRows";
import type { WireError } from "./messages";

/** The page ↔ compare worker vocabulary, imported by both sides. */
export type ToCompareWorker =
  | { type: "start"; query: CompareQuery }
  | { type: "page"; id: number; offset: number; limit: number }
  | { type: "cancel" };

export type FromCompareWorker =
  | { type: "progress"; done: number; total: number }
  | { type: "answer"; count: number }
  | { type: "page"; id: number; rows: ComparedRow[] }
  | { type: "failed"; error: WireError; id?: number };
