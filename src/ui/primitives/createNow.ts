import { type Accessor, createSignal, onCleanup } from "solid-js";

/**
 * The current time (epoch ms), ticking every `intervalMs`, so that "3 min ago" stays true on a
 * screen left open. One timer per caller, stopped with its owner.
 * @example const now = createNow(30_000); <span>{formatRelative(fetchedAt, now())}</span>
 */
export function createNow(intervalMs = 30_000): Accessor<number> {
  const [now, setNow] = createSignal(Date.now());
  const timer = setInterval(() => setNow(Date.now()), intervalMs);
  onCleanup(() => clearInterval(timer));
  return now;
}
