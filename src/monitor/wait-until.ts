/** Waiting that a stop can cut short: the monitor's pauses and the fetcher's per-host delays. */

/** Resolves true at `atMs` (ms since the epoch), or false as soon as `signal` aborts. */
export function waitUntil(atMs: number, signal: AbortSignal | undefined): Promise<boolean> {
  if (signal?.aborted) return Promise.resolve(false);
  const wait = atMs - Date.now();
  if (wait <= 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => finish(true), wait);
    const onAbort = () => finish(false);
    signal?.addEventListener('abort', onAbort, { once: true });
    function finish(reached: boolean) {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      resolve(reached);
    }
  });
}
