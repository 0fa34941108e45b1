// Request limits per application key: a sliding one-second window (so a client pacing itself at
// one request per 250 ms is never refused at 4/s) and a daily quota that resets at 00:00 UTC.

export class SlidingWindowLimiter {
  private readonly hits = new Map<string, number[]>();

  /** `perWindow` 0 disables the limit. */
  constructor(
    private readonly perWindow: number,
    private readonly windowMs = 1000,
  ) {}

  /** Records and allows the request, or refuses it (refused requests do not count). */
  tryAcquire(key: string, nowMs: number): boolean {
    if (this.perWindow <= 0) return true;
    const recent = (this.hits.get(key) ?? []).filter((t) => t > nowMs - this.windowMs);
    if (recent.length >= this.perWindow) {
      this.hits.set(key, recent);
      return false;
    }
    recent.push(nowMs);
    this.hits.set(key, recent);
    return true;
  }
}

const DAY_MS = 86_400_000;

export class DailyQuota {
  private readonly used = new Map<string, { day: number; count: number }>();

  constructor(private readonly perDay: number) {}

  /** `now` is simulated time: a test can move to the next UTC day to see the quota reset. */
  tryConsume(key: string, now: number): boolean {
    const day = Math.floor(now / DAY_MS);
    const entry = this.used.get(key);
    const current = entry && entry.day === day ? entry : { day, count: 0 };
    if (current.count >= this.perDay) return false;
    current.count += 1;
    this.used.set(key, current);
    return true;
  }

  usedToday(key: string, now: number): number {
    const entry = this.used.get(key);
    return entry && entry.day === Math.floor(now / DAY_MS) ? entry.count : 0;
  }
}
