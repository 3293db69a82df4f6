/**
 * One poll of one source: a conditional GET through the polite fetcher, its items read, the newest
 * child sitemaps of a sitemap index fetched too, and when to poll next (later and later while it fails).
 */
import type { Diagnostic } from '../diagnostic.js';
import { diagnostic } from '../diagnostic.js';
import { sourceOfFetched } from '../ingest/read-inputs.js';
import type { ChildSitemap } from '../ingest/sitemap.js';
import type { FeedPoll, FeedRecord, NewFeedItem } from '../store/feeds.js';
import { readFeedListing } from './feed-items.js';
import type { PoliteFetcher } from './polite-fetcher.js';

export interface PollOptions {
  readonly fetcher: PoliteFetcher;
  readonly signal: AbortSignal;
  /** Largest body read (bytes). */
  readonly maxBytes: number;
  /**
   * Child sitemaps of an index fetched per poll, newest first: a news sitemap index lists a few; a
   * site's archive index lists hundreds of months nobody monitors.
   */
  readonly maxChildSitemaps: number;
  /** The longest a failing source is left unpolled (ms). */
  readonly maxPollBackoffMs: number;
}

export interface PollOutcome {
  readonly poll: FeedPoll;
  readonly notModified: boolean;
  /** About the source as a whole: unreadable parts, a failed child sitemap. */
  readonly messages: readonly Diagnostic[];
}

/** The poll to record, or null when stopped before it finished. */
export async function pollFeed(feed: FeedRecord, options: PollOptions): Promise<PollOutcome | null> {
  const fetched = await options.fetcher.fetch(feed.url, { cached: feed.validators, signal: options.signal });
  const at = Date.now();
  const record = (fields: Pick<FeedPoll, 'error' | 'items'> & { validators?: FeedPoll['validators']; retryAt?: number }, notModified: boolean, messages: readonly Diagnostic[]): PollOutcome => ({
    poll: {
      feedId: feed.id,
      at: isoOf(at),
      nextPollAt: isoOf(at + nextPollDelayMs(feed, fields.error !== null, fields.retryAt === undefined ? 0 : fields.retryAt - at, options.maxPollBackoffMs)),
      error: fields.error,
      ...(fields.validators ? { validators: fields.validators } : {}),
      items: fields.items,
      itemsDueAt: isoOf(at),
    },
    notModified,
    messages,
  });
  if (!fetched.ok) {
    if (fetched.rule === 'stopped') return null;
    const failed = diagnostic('fatal', 'ingest', fetched.rule, fetched.reason);
    return record({ error: `${fetched.rule}: ${fetched.reason}`, items: [], ...(fetched.retryAt ? { retryAt: fetched.retryAt } : {}) }, false, [failed]);
  }
  if (fetched.notModified) return record({ error: null, items: [] }, true, []);
  const source = sourceOfFetched({ label: feed.url, path: null, url: feed.url }, fetched);
  const listing = readFeedListing(fetched.bytes, source, { maxBytes: options.maxBytes, outlet: feed.outlet });
  const items: NewFeedItem[] = [...listing.items];
  const messages: Diagnostic[] = [...listing.messages];
  for (const child of newestFirst(listing.children).slice(0, options.maxChildSitemaps)) {
    const part = await options.fetcher.fetch(child.url, { signal: options.signal });
    if (!part.ok) {
      if (part.rule === 'stopped') return null;
      messages.push(diagnostic('warning', 'ingest', part.rule, `child sitemap ${child.url}: ${part.reason}`));
      continue;
    }
    const childSource = sourceOfFetched({ label: child.url, path: null, url: child.url }, part);
    const childListing = readFeedListing(part.bytes, childSource, { maxBytes: options.maxBytes, outlet: feed.outlet });
    items.push(...childListing.items);
    messages.push(...childListing.messages);
  }
  const nothingRead = items.length === 0 && messages.some((m) => m.severity === 'fatal');
  const error = nothingRead ? messages.filter((m) => m.severity === 'fatal').map((m) => `${m.rule}: ${m.reason}`).join('; ') : null;
  return record({ error, items, validators: fetched.validators }, false, messages);
}

/**
 * After a good poll, the source's own interval; after the n-th failure in a row, the interval times
 * 2^(n-1), capped, and never before the server asked to be left alone (`retryAfterMs`).
 */
export function nextPollDelayMs(feed: Pick<FeedRecord, 'everyMs' | 'errorsInRow'>, failed: boolean, retryAfterMs: number, maxBackoffMs: number): number {
  if (!failed) return feed.everyMs;
  const backoff = Math.min(Math.max(feed.everyMs, maxBackoffMs), feed.everyMs * 2 ** feed.errorsInRow);
  return Math.max(backoff, retryAfterMs);
}

/** Children with a lastmod, newest first, then those without in the order listed. */
function newestFirst(children: readonly ChildSitemap[]): ChildSitemap[] {
  const dated = children.filter((c) => c.lastmod !== null && !Number.isNaN(Date.parse(c.lastmod)));
  const undated = children.filter((c) => !dated.includes(c));
  return [...dated.sort((a, b) => Date.parse(b.lastmod!) - Date.parse(a.lastmod!)), ...undated];
}

export function isoOf(ms: number): string {
  return new Date(ms).toISOString();
}
