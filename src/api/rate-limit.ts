/** A fixed-window request counter per client, so one client cannot flood the ingest queue. */

export interface RateLimitOptions {
  /** Requests allowed per client in each window. */
  readonly max: number;
  readonly windowMs: number;
}

export interface RateLimiter {
  /** Counts a request; answers the ms to wait when the client is over its limit, else 0. */
  take(client: string, now?: number): number;
}

export function makeRateLimiter(options: RateLimitOptions): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    take(client, now = Date.now()) {
      const window = windows.get(client);
      if (window === undefined || now - window.start >= options.windowMs) {
        // Old windows are dropped as clients come back, so the map holds only recent clients.
        if (windows.size > 10_000) windows.clear();
        windows.set(client, { start: now, count: 1 });
        return 0;
      }
      window.count += 1;
      return window.count > options.max ? window.start + options.windowMs - now : 0;
    },
  };
}
