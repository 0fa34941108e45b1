import type { Clock } from "../core/clock";
import { MailroomError, toMailroomError } from "../core/errors";
import { formatCount } from "../core/formatCount";
import { paceLockName, withLock } from "../core/locks";
import { nextUtcMidnight, utcDay } from "../core/utcDay";
import { db } from "../db/db";
import type { RequestBudget } from "../db/types";

/** Constant Contact's limits per application key (both generations): 4 requests/s, 10,000/day. */
export const DEFAULT_REQUESTS_PER_SECOND = 4;
export const DAILY_LIMIT = 10_000;
/**
 * The 1-s window is measured with some slack, so jitter between a request's departure stamp and
 * its arrival cannot make it 5 at the server. 10 ms was too little: the 1M bench of 2 Dec 2026
 * (07:24 UTC) got one 429 in 56 paced requests; 30 ms still allows 3.88 requests/s.
 */
const WINDOW_MS = 1_030;

export interface PacerOptions {
  appKey: string;
  /** Requests per second; 0 turns per-second spacing off (allowed for sandbox accounts only). */
  requestsPerSecond: number;
  dailyLimit?: number;
  clock: Clock;
  /** Web Locks, when the platform has them: one pacer across tabs and the service worker. */
  locks?: LockManager;
}

export interface Pacer {
  /** Waits until a request may start and counts it against the day's budget. */
  slot(signal?: AbortSignal): Promise<void>;
  /** A quota_exceeded answer: no request for this key before `resetsAt`. */
  block(resetsAt: number): Promise<void>;
}

/** A slot reserved at `at` (now or later), or none before `resetsAt`. */
type Decision = { granted: true; at: number } | { granted: false; resetsAt: number };

export function makePacer(options: PacerOptions): Pacer {
  const dailyLimit = options.dailyLimit ?? DAILY_LIMIT;
  const lockName = paceLockName(options.appKey);
  const locked = <T>(task: () => Promise<T>): Promise<T> => withLock(options.locks, lockName, task);

  // One short read-modify-write per request: it reserves the earliest slot the pace allows (now
  // or later) and the caller waits for it outside lock and transaction. Reserving, rather than
  // waiting and then asking again, keeps a second transaction's latency out of every gap, which
  // held a busy page to about 3.2 requests/s instead of 4.
  const decide = async (): Promise<Decision> => {
    await corrections.get(correctionKey(options.appKey));
    return decideNow();
  };
  const decideNow = (): Promise<Decision> =>
    locked(() =>
      db().transaction("rw", db().budget, async () => {
        const now = options.clock.now();
        const row = freshForToday(await db().budget.get(options.appKey), options.appKey, now);
        if (row.blockedUntil !== undefined && row.blockedUntil > now)
          return { granted: false, resetsAt: row.blockedUntil };
        if (row.used >= dailyLimit) return { granted: false, resetsAt: nextUtcMidnight(now) };
        const at = now + paceWait(row.recent, now, options.requestsPerSecond);
        const recent = [...row.recent.filter((t) => t > at - WINDOW_MS), at].slice(
          -Math.max(1, options.requestsPerSecond),
        );
        // Counted when reserved: a run cancelled while waiting for its slot spends that one request.
        await db().budget.put({ ...row, used: row.used + 1, recent });
        return { granted: true, at };
      }),
    );

  return {
    async slot(signal) {
      if (signal?.aborted) throw signal.reason;
      const decision = await decide().catch((error: unknown) => {
        // The budget lives in IndexedDB: a failure there is a storage problem, never a network one.
        throw toMailroomError(error);
      });
      if (!decision.granted) {
        const at = new Date(decision.resetsAt).toISOString();
        throw new MailroomError(
          "quota_exceeded",
          `The day's ${formatCount(dailyLimit)} requests are spent; they reset at ${at}.`,
          { resetsAt: decision.resetsAt },
        );
      }
      const waitMs = decision.at - options.clock.now();
      if (waitMs > 0) await options.clock.sleep(waitMs, signal);
      restampIfLate(options, decision.at);
    },
    block(resetsAt) {
      return locked(() =>
        db().transaction("rw", db().budget, async () => {
          const row = freshForToday(
            await db().budget.get(options.appKey),
            options.appKey,
            options.clock.now(),
          );
          await db().budget.put({ ...row, blockedUntil: resetsAt });
        }),
      );
    },
  };
}

/**
 * Restamps requests sent later than granted. A grant is stamped inside its transaction, and that
 * transaction's commit can lag behind a busy disk (a page of sends being written) by tens of ms:
 * a request stamped early but sent late, followed by one sent on time, would put 5 requests in one
 * second at the server. The restamp records the time the request actually left; the next decision
 * (of any pacer of this key in this page or worker) waits for it.
 */
const corrections = new Map<string, Promise<void>>();

function restampIfLate(options: PacerOptions, grantedAt: number): void {
  const sentAt = options.clock.now();
  if (sentAt - grantedAt < 2) return;
  const database = db();
  const key = correctionKey(options.appKey);
  const previous = corrections.get(key) ?? Promise.resolve();
  const next = previous.then(() =>
    database.transaction("rw", database.budget, async () => {
      const row = await database.budget.get(options.appKey);
      if (!row) return;
      const recent = row.recent.map((t) => (t === grantedAt ? sentAt : t)).sort((a, b) => a - b);
      await database.budget.put({ ...row, recent });
    }),
  );
  const settled = next.then(
    () => undefined,
    (error: unknown) => {
      // Only the pace's precision is lost (the next request is spaced from the grant instead).
      console.warn("Mailroom: could not restamp a paced request", error);
    },
  );
  corrections.set(key, settled);
  void settled.then(() => {
    if (corrections.get(key) === settled) corrections.delete(key);
  });
}

/** Per database as well as per key: tests give each case a database of its own. */
function correctionKey(appKey: string): string {
  return `${db().name}|${appKey}`;
}

/** The row as of today: a new UTC day starts with an empty budget and no block. */
function freshForToday(row: RequestBudget | undefined, appKey: string, now: number): RequestBudget {
  const day = utcDay(now);
  if (row && row.day === day) return row;
  return { appKey, day, used: 0, recent: row?.recent ?? [], blockedUntil: undefined };
}

/**
 * How long until the next request may start: ≥ 1000/rps after the last one left, and ≤ rps in any
 * window. Both count from departures (restamped when late), so the server never sees 5 in a second.
 */
export function paceWait(recent: number[], now: number, requestsPerSecond: number): number {
  if (requestsPerSecond <= 0) return 0;
  const inWindow = recent.filter((t) => t > now - WINDOW_MS);
  const last = inWindow.at(-1);
  const spacingWait = last === undefined ? 0 : last + 1000 / requestsPerSecond - now;
  const oldest =
    inWindow.length >= requestsPerSecond ? inWindow[inWindow.length - requestsPerSecond] : undefined;
  const windowWait = oldest === undefined ? 0 : oldest + WINDOW_MS - now;
  return Math.max(0, spacingWait, windowWait);
}

/**
 * The pace an account may use. Real accounts never exceed Constant Contact's 4/s, and never go
 * unpaced; sandbox accounts may ask for more or for 0 (off), which the bench needs.
 */
export function requestsPerSecondFor(account: { sandbox: boolean; requestsPerSecond?: number }): number {
  const asked = account.requestsPerSecond;
  if (asked === undefined || !Number.isFinite(asked) || asked < 0) return DEFAULT_REQUESTS_PER_SECOND;
  if (account.sandbox) return asked;
  return asked === 0 ? DEFAULT_REQUESTS_PER_SECOND : Math.min(asked, DEFAULT_REQUESTS_PER_SECOND);
}
