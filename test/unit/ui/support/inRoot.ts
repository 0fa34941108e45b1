import { createRoot } from "solid-js";
import { afterEach } from "vitest";

// Primitives are tested inside createRoot, as solid-primitives does: the root is the owner whose
// disposal runs the primitive's cleanup. Every root made here is disposed after its test.
const disposers: (() => void)[] = [];
afterEach(() => {
  for (const dispose of disposers.splice(0)) dispose();
});

/** Runs `make` inside a new root: what it made, and the root's disposal (also run after the test). */
export function inRoot<T>(make: () => T): [made: T, dispose: () => void] {
  return createRoot((dispose) => {
    disposers.push(dispose);
    return [make(), dispose];
  });
}
