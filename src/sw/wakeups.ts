/** `sync` and `periodicsync` events: not in TypeScript's WebWorker library yet. */
export interface TaggedEvent {
  readonly tag: string;
  waitUntil(promise: Promise<unknown>): void;
}
