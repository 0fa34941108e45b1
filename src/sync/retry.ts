import type { Clock } from "../core/clock";
import { isMailroomError, type MailroomError } from "../core/errors";

export interface RetryPolicy {
  /** Tries for server errors and network failures, the first included. */
  maxTries: number;
  /** First back-off; doubled each time, with jitter. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** `throttled` answers tolerated in a row before giving up: a storm that never ends is a fault. */
  maxThrottledWaits: number;
  throttledWaitMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxTries: 5,
  baseDelayMs: 500,
  maxDelayMs: 15_000,
  maxThrottledWaits: 30,
  throttledWaitMs: 1_000,
};

export interface RetryDeps {
  clock: Clock;
  random: () => number;
  signal?: AbortSignal;
  policy?: RetryPolicy;
  /** Told about a quota_exceeded answer before it is thrown, so the pacer blocks the key. */
  onQuotaExceeded?: (error: MailroomError) => Promise<void>;
  /** Told before each wait, so the user sees a retry instead of a silent stall. */
  onRetry?: (retry: RetryNotice) => void;
}

/** A request that failed and will be tried again after `waitMs`. */
export interface RetryNotice {
  kind: "throttled" | "server" | "network" | "bad_response";
  message: string;
  /** This retry's number, and how many the policy allows for this kind. */
  attempt: number;
  of: number;
  waitMs: number;
}

/**
 * Runs one request with Mailroom's retry rules: throttled → wait and retry; quota_exceeded → stop;
 * server and network errors, and bodies cut short → exponential back-off with jitter, bounded;
 * anything else → stop.
 */
export async function withRetries<T>(task: () => Promise<T>, deps: RetryDeps): Promise<T> {
  const policy = deps.policy ?? DEFAULT_RETRY_POLICY;
  let failures = 0;
  let throttled = 0;
  for (;;) {
    try {
      return await task();
    } catch (error) {
      if (deps.signal?.aborted) throw deps.signal.reason;
      if (!isMailroomError(error)) throw error;
      if (error.kind === "quota_exceeded") {
        await deps.onQuotaExceeded?.(error);
        throw error;
      }
      if (error.kind === "throttled") {
        throttled += 1;
        if (throttled > policy.maxThrottledWaits) throw error;
        const waitMs = policy.throttledWaitMs * (1 + deps.random() / 4);
        deps.onRetry?.({
          kind: "throttled",
          message: error.message,
          attempt: throttled,
          of: policy.maxThrottledWaits,
          waitMs,
        });
        await deps.clock.sleep(waitMs, deps.signal);
        continue;
      }
      const kind = transientKind(error);
      if (!kind) throw error;
      failures += 1;
      if (failures >= policy.maxTries) throw error;
      const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (failures - 1));
      const waitMs = exponential * (0.5 + deps.random() / 2);
      deps.onRetry?.({
        kind,
        message: error.message,
        attempt: failures,
        of: policy.maxTries - 1,
        waitMs,
      });
      await deps.clock.sleep(waitMs, deps.signal);
    }
  }
}

/** Failures that may well not happen again: a server error, a lost connection, a body cut short. */
function transientKind(error: MailroomError): RetryNotice["kind"] | undefined {
  if (error.kind === "server" || error.kind === "network") return error.kind;
  if (error.kind === "bad_response" && error.details.cutShort) return "bad_response";
  return undefined;
}
