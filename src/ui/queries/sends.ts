import Dexie from "dexie";
import { db } from "../../db";

/**
 * Every primary key [dataset, sentAt, contactId] of one send list lies between these bounds: the
 * one-element array sorts before its extensions, Dexie.maxKey (an array) after any string.
 */
export function datasetBounds(dataset: string): [unknown[], unknown[]] {
  return [[dataset], [dataset, Dexie.maxKey]];
}

/** How many sends are cached for a list: a count over a key range, read natively by IndexedDB. */
export function countCachedSends(dataset: string): Promise<number> {
  return db()
    .sends.where("[dataset+sentAt+contactId]")
    .between(...datasetBounds(dataset))
    .count();
}
