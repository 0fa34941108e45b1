// A token bucket per client (its IP address): a client may burst, then holds the sustained rate.
// Mailroom paces itself to 4 requests/s per account, plus a preflight now and then, so the default
// 10/s with a bucket of 4 s of them never gets in its way; a runaway script or a stranger's loop
// gets 429 with Retry-After instead of the relay's and Constant Contact's budget.

/** How many seconds of the sustained rate a full bucket holds. */
export const BURST_SECONDS = 4;
/** Above this many tracked clients, full (idle) buckets are forgotten. */
const SWEEP_ABOVE = 1000;

interface Bucket {
  tokens: number;
  updatedMs: number;
}

export interface RateLimiter {
  /** Takes one request's token: 0 when allowed, else the seconds to wait before trying again. */
  take(client: string): number;
}

/** `now` is a monotonic clock in ms (performance.now), so the machine's date never matters. */
export function makeRateLimiter(ratePerSecond: number, now: () => number): RateLimiter {
  const capacity = ratePerSecond * BURST_SECONDS;
  const buckets = new Map<string, Bucket>();
  const refill = (bucket: Bucket, at: number) => {
    bucket.tokens = Math.min(capacity, bucket.tokens + ((at - bucket.updatedMs) / 1000) * ratePerSecond);
    bucket.updatedMs = at;
  };
  const sweep = (at: number) => {
    for (const [client, bucket] of buckets) {
      refill(bucket, at);
      if (bucket.tokens >= capacity) buckets.delete(client);
    }
  };
  return {
    take(client) {
      const at = now();
      if (buckets.size > SWEEP_ABOVE) sweep(at);
      let bucket = buckets.get(client);
      if (!bucket) {
        bucket = { tokens: capacity, updatedMs: at };
        buckets.set(client, bucket);
      }
      refill(bucket, at);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      return Math.max(1, Math.ceil((1 - bucket.tokens) / ratePerSecond));
    },
  };
}
