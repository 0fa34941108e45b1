import { type Accessor, createSignal, onCleanup } from "solid-js";
import { clock } from "../../core/clock";

/**
 * The current time (epoch ms), ticking every `intervalMs`, so that "3 min ago" stays true on a
 * screen left open. One timer per caller, stopped with its owner.
 * @example const now = createNow(30_000); <span>{formatRelative(fetchedAt, now())}</span>
 */
export function createNow(intervalMs = 30_000): Accessor<number> {
  const [now, setNow] = createSignal(clock.now());
  const timer = setInterval(() => setNow(clock.now()), intervalMs);
  onCleanup(() => clearInterval(timer));
  return now;
}
