import Dexie from "dexie";

/**
 * Every primary key [dataset, sentAt, contactId] of one send list lies between these bounds: the
 * one-element array sorts before its extensions, Dexie.maxKey (an array) after any string.
 */
export function datasetBounds(dataset: string): [unknown[], unknown[]] {
  return [[dataset], [dataset, Dexie.maxKey]];
}
