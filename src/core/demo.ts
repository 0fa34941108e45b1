/**
 * Demo mode ("Explore with demo data"): every endpoint on this made-up origin is answered inside
 * Mailroom by the sandbox, never by a network, so a static deployment can be tried with no server
 * and no Constant Contact account. A leaf module, because every layer meets demo URLs: the Connect
 * form fills them in, auth and api route their requests here, the service worker relays them.
 *
 * Who answers depends on the program: a page runs the sandbox itself (src/auth/demoInPage.ts, a
 * lazily loaded chunk); the service worker asks an open page (src/sw/demoRelay.ts), so that the
 * worker's bundle never holds the sandbox.
 */
import { MailroomError } from "./errors";

export const DEMO_ORIGIN = "https://demo.mailroom.invalid";

export function isDemoUrl(url: string): boolean {
  return URL.canParse(url) && new URL(url).origin === DEMO_ORIGIN;
}

/**
 * What "Explore with demo data" keeps between page loads, so that every page's in-page sandbox
 * serves the same world and accepts the same tokens: the sandbox makes it
 * (src/sandbox/browser/demo.ts), db stores it as is in `settings` under one key
 * (src/db/demoWorld.ts; a single row needs no table of its own, nor a schema version).
 */
export interface DemoWorld {
  seed: number;
  /** Epoch ms the demo's generated data is anchored to: the minute of the first visit. */
  anchor: number;
  /** What the demo sandbox marks its tokens with. */
  tokenSecret: string;
}

export type DemoFetch = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

let answerer: DemoFetch | undefined;

/** Puts `next` in charge of demo requests in this program; returns the function that restores the previous one. */
export function answerDemoRequestsWith(next: DemoFetch): () => void {
  const previous = answerer;
  answerer = next;
  return () => {
    answerer = previous;
  };
}

/** `fetch` for demo URLs, through whoever answers them in this program. */
export const demoFetch: DemoFetch = (input, init) => {
  if (!answerer) {
    return Promise.reject(
      new MailroomError(
        "network",
        "Demo data cannot be answered here (no demo sandbox in this part of Mailroom).",
      ),
    );
  }
  return answerer(input, init);
};
