/**
 * `storytrace feeds add|list|remove|pause|resume`: the sources `watch` monitors, kept in the database
 * with their state (last poll, validators, errors in a row, next poll, items seen and pending).
 */
import type { FeedRecord } from '../store/feeds.js';
import type { Store } from '../store/store.js';
import { formatInterval } from './interval.js';
import { writeLine } from './output.js';
import { CommandError, openExistingStore, openStoreForWriting, runStoreCommand, type DatabaseOptions } from './store-option.js';

export interface FeedsAddOptions extends DatabaseOptions {
  /** ms, parsed by parseInterval. */
  readonly every: number;
  readonly outlet?: string;
  readonly sitemap?: boolean;
}

export interface FeedsListOptions extends DatabaseOptions {
  readonly json?: boolean;
}

export const DEFAULT_FEED_INTERVAL = '15m';

const URL_SPEC = /^https?:\/\/\S+$/i;

export function runFeedsAdd(url: string, options: FeedsAddOptions): Promise<number> {
  return runStoreCommand(async () => {
    if (!URL_SPEC.test(url)) throw new CommandError(`"${url}" is not an http(s) URL of a feed or sitemap`, 2);
    const store = openStoreForWriting(options);
    try {
      const added = await store.feeds.addFeed(
        { url, kind: options.sitemap ? 'sitemap' : 'feed', outlet: options.outlet ?? null, everyMs: options.every },
        new Date().toISOString(),
      );
      if (added === null) {
        const known = (await store.feeds.getFeedByUrl(url))!;
        await writeLine(`already monitored as source ${known.id}: ${url}`);
        return 0;
      }
      await writeLine(`added source ${added.id}: ${url} (${added.kind}, every ${formatInterval(added.everyMs)}${added.outlet ? `, outlet ${added.outlet}` : ''}); "storytrace watch" polls it`);
      return 0;
    } finally {
      await store.close();
    }
  });
}

export function runFeedsList(options: FeedsListOptions): Promise<number> {
  return runStoreCommand(async () => {
    const store = openExistingStore(options);
    try {
      const feeds = await store.feeds.listFeeds();
      if (options.json) await writeLine(JSON.stringify(feeds, null, 2));
      else await writeLine(feeds.length === 0 ? 'no sources; add one with "storytrace feeds add URL"' : feeds.map(formatFeed).join('\n'));
      return 0;
    } finally {
      await store.close();
    }
  });
}

export type FeedChange = 'remove' | 'pause' | 'resume';

export function runFeedsChange(change: FeedChange, idOrUrl: string, options: DatabaseOptions): Promise<number> {
  return runStoreCommand(async () => {
    const store = openExistingStore(options);
    try {
      const feed = await findFeed(store, idOrUrl);
      if (change === 'remove') await store.feeds.removeFeed(feed.id);
      else await store.feeds.setFeedPaused(feed.id, change === 'pause');
      const done = { remove: 'removed (its stored articles stay)', pause: 'paused', resume: 'resumed' }[change];
      await writeLine(`source ${feed.id} ${done}: ${feed.url}`);
      return 0;
    } finally {
      await store.close();
    }
  });
}

async function findFeed(store: Store, idOrUrl: string): Promise<FeedRecord> {
  const feed = /^\d+$/.test(idOrUrl) ? await store.feeds.getFeed(Number(idOrUrl)) : await store.feeds.getFeedByUrl(idOrUrl);
  if (feed !== null) return feed;
  const known = (await store.feeds.listFeeds()).map((f) => `${f.id} ${f.url}`);
  throw new CommandError(`no source "${idOrUrl}"; known sources: ${known.length > 0 ? known.join(', ') : 'none'}`, 2);
}

/** `3  active  every 15m  12 items (2 pending)  last poll 2025-03-14T08:00:00Z, 1 error in a row: HTTP 503  next 08:30  https://…` */
function formatFeed(feed: FeedRecord): string {
  const state = feed.paused ? 'paused' : 'active';
  const items = `${feed.itemCount} item(s)${feed.pendingCount > 0 ? ` (${feed.pendingCount} pending)` : ''}`;
  const polled = feed.lastPollAt === null ? 'never polled' : `last poll ${feed.lastPollAt}`;
  const errors = feed.errorsInRow > 0 ? `, ${feed.errorsInRow} error(s) in a row: ${feed.lastError}` : '';
  const kind = feed.kind === 'sitemap' ? ' sitemap' : '';
  return `${feed.id}\t${state}${kind}\tevery ${formatInterval(feed.everyMs)}\t${items}\t${polled}${errors}\tnext poll ${feed.nextPollAt}\t${feed.url}${feed.outlet ? `\t(${feed.outlet})` : ''}`;
}
