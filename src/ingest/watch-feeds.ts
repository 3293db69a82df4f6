/**
 * Polls feed URLs on a fixed interval and hands on only the items not seen before, round by round,
 * until the caller's signal stops it. What "seen" means is kept here, per watcher, in memory: after a
 * restart every current item comes again, and the store, which is idempotent, adds nothing twice.
 */
import type { RawDocument } from '../article.js';
import { hasFatal } from '../diagnostic.js';
import type { CacheValidators } from './fetch-url.js';
import { readUrlUnlessCached, type ReadOptions } from './read-inputs.js';

export interface WatchOptions {
  /** Pause between the end of one round and the start of the next (ms). */
  readonly everyMs: number;
  readonly read: ReadOptions;
  /** Stops the watcher: the pause ends at once, a fetch under way is abandoned. */
  readonly signal: AbortSignal;
}

/**
 * Item keys remembered per feed. A busy feed shows 20–100 items; 10,000 covers months of them while
 * bounding memory for a watcher left running for a year. The oldest keys go first.
 */
const MAX_REMEMBERED_ITEMS_PER_FEED = 10_000;

export interface WatchRound {
  /** 1 for the first poll. */
  readonly round: number;
  /** Items not seen in earlier rounds, and one failed document per feed that could not be read. */
  readonly documents: readonly RawDocument[];
}

export async function* watchFeeds(urls: readonly string[], options: WatchOptions): AsyncGenerator<WatchRound> {
  const seenByFeed = new Map<string, Set<string>>(urls.map((url) => [url, new Set<string>()]));
  // a feed's ETag/Last-Modified from the last poll: an unchanged feed then costs a 304, not a download
  const validatorsByFeed = new Map<string, CacheValidators>();
  for (let round = 1; !options.signal.aborted; round++) {
    const documents: RawDocument[] = [];
    for (const url of urls) {
      if (options.signal.aborted) break;
      const reading = await readUrlUnlessCached(url, { ...options.read, signal: options.signal }, validatorsByFeed.get(url));
      if (options.signal.aborted) break;
      validatorsByFeed.set(url, reading.validators);
      documents.push(...keepNewItems(reading.documents, seenByFeed.get(url)!));
    }
    if (options.signal.aborted) return;
    yield { round, documents };
    await pause(options.everyMs, options.signal);
  }
}

/** Unseen items of one fetch, remembered from now on; failures are never remembered, so they are retried and reported each round. */
function keepNewItems(documents: readonly RawDocument[], seen: Set<string>): RawDocument[] {
  const fresh: RawDocument[] = [];
  for (const document of documents) {
    if (hasFatal(document.messages)) {
      fresh.push(document);
      continue;
    }
    const key = document.origin.record ?? document.origin.url ?? document.label;
    if (seen.has(key)) continue;
    seen.add(key);
    fresh.push(document);
  }
  while (seen.size > MAX_REMEMBERED_ITEMS_PER_FEED) seen.delete(seen.values().next().value!);
  return fresh;
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}
