/**
 * The monitor: polls each source when it is due, and fetches the page of every new item it lists,
 * different hosts in parallel, through one polite fetcher. Items are remembered in the store from
 * the poll that first lists them, and marked done only once what came of them is stored, so a
 * restart or a crash (kill -9) neither loses an item nor stores one twice: an item left pending is
 * settled again, and one whose page was already stored is found by its URL and not fetched again.
 * Its pages run through the pipeline here; storing is batched, and each stored batch is handed on
 * (reuse links, stories, follows).
 */
import type { Article, RawDocument } from '../article.js';
import { diagnostic, type Diagnostic } from '../diagnostic.js';
import { runPipelineReportingBugs, type Pipeline } from '../pipeline.js';
import type { FeedItemDocument, FeedRecord, ItemOutcome, PendingItem } from '../store/feeds.js';
import type { Store } from '../store/store.js';
import { atEveryUrl, fetchItemPage } from './item-page.js';
import { isoOf, pollFeed } from './poll-feed.js';
import type { PoliteFetcher } from './polite-fetcher.js';
import { waitUntil } from './wait-until.js';

export interface MonitorSettings {
  /** How often due sources and items are looked for when nothing else wakes the loop (ms). */
  readonly tickMs: number;
  /** Items whose page is being fetched at once, over all hosts (each host has one at a time). */
  readonly maxItemsInFlight: number;
  /** Tries of an item's page that failed for a passing reason (a timeout, a 503) before its feed text is used. */
  readonly maxAttempts: number;
  /** Articles stored per transaction, and the longest a settled item waits to be stored (ms). */
  readonly batchArticles: number;
  readonly batchMaxMs: number;
  /** See PollOptions. */
  readonly maxChildSitemaps: number;
  readonly maxPollBackoffMs: number;
  /** Largest feed or page body read (bytes). */
  readonly maxBytes: number;
}

export const DEFAULT_MONITOR_SETTINGS: MonitorSettings = {
  tickMs: 1000,
  maxItemsInFlight: 16,
  // with the fetcher's back-off (30 s doubling) five tries span about eight minutes
  maxAttempts: 5,
  batchArticles: 200,
  batchMaxMs: 2000,
  maxChildSitemaps: 5,
  maxPollBackoffMs: 6 * 3_600_000,
  maxBytes: 50 * 1024 * 1024,
};

export type MonitorEvent =
  | { readonly type: 'polled'; readonly feed: FeedRecord; readonly newItems: number; readonly notModified: boolean; readonly error: string | null; readonly messages: readonly Diagnostic[] }
  | { readonly type: 'stored'; readonly items: number; readonly articlesAdded: number; readonly fromFeedText: number; readonly failed: number; readonly retrying: number };

export interface MonitorOptions {
  readonly store: Store;
  readonly pipeline: Pipeline;
  readonly fetcher: PoliteFetcher;
  /** Stops the monitor: fetches under way are abandoned (their items stay pending), what was settled is stored. */
  readonly signal: AbortSignal;
  /** Only these sources (`watch URL…`); every source not paused when absent. */
  readonly feedIds?: readonly number[];
  readonly settings: MonitorSettings;
  /** Each stored batch (and its items marked done): link reuse, place in stories, update follows. */
  readonly afterStore: (articles: readonly Article[]) => Promise<void>;
  /** One document read: its label, the articles it gave, its messages (the CLI's reporter). */
  readonly onDocument: (label: string, articleCount: number, messages: readonly Diagnostic[]) => void;
  readonly onEvent?: (event: MonitorEvent) => void;
}

/** What became of one item: its outcome, and the articles to store with it. */
interface SettledItem {
  readonly item: PendingItem;
  readonly outcome: ItemOutcome;
  readonly articles: readonly Article[];
  readonly fromFeedText: boolean;
}

export async function runMonitor(options: MonitorOptions): Promise<void> {
  const { store, settings, signal } = options;
  const polling = new Set<number>();
  // items being settled or settled and not yet stored, by seq: never started twice
  const claimed = new Map<number, PendingItem>();
  const fetchingHosts = new Map<string, number>();
  const claimedUrls = new Set<string>();
  // hosts the fetcher would make wait past the next tick, until when (ms): their items are left for later
  const waitingHosts = new Map<string, number>();
  const tasks = new Set<Promise<void>>();
  let settled: SettledItem[] = [];
  let firstSettledAt = 0;
  let wake: () => void = () => {};

  const spawn = (task: () => Promise<void>) => {
    const running = task().finally(() => {
      tasks.delete(running);
      wake();
    });
    tasks.add(running);
  };

  const poll = async (feed: FeedRecord) => {
    polling.add(feed.id);
    try {
      const outcome = await pollFeed(feed, { fetcher: options.fetcher, signal, maxBytes: settings.maxBytes, maxChildSitemaps: settings.maxChildSitemaps, maxPollBackoffMs: settings.maxPollBackoffMs });
      if (outcome === null) return;
      const newItems = await store.feeds.recordPoll(outcome.poll);
      options.onEvent?.({ type: 'polled', feed, newItems, notModified: outcome.notModified, error: outcome.poll.error, messages: outcome.messages });
    } finally {
      polling.delete(feed.id);
    }
  };

  const settle = async (item: PendingItem) => {
    if (item.host !== null) fetchingHosts.set(item.host, (fetchingHosts.get(item.host) ?? 0) + 1);
    let result: SettledItem | null;
    try {
      result = await settleItem(item, options);
    } finally {
      if (item.host !== null) fetchingHosts.set(item.host, fetchingHosts.get(item.host)! - 1);
    }
    if (result === null) {
      release(item);
      return;
    }
    if (settled.length === 0) firstSettledAt = Date.now();
    settled.push(result);
  };

  const release = (item: PendingItem) => {
    claimed.delete(item.seq);
    if (item.document.url !== null) claimedUrls.delete(item.document.url);
  };

  const flush = async () => {
    const batch = settled;
    settled = [];
    if (batch.length === 0) return;
    const articles = batch.flatMap((s) => s.articles);
    const put = articles.length > 0 ? await store.putArticles(articles) : { articlesAdded: 0 };
    await store.feeds.finishItems(batch.map((s) => s.outcome));
    for (const s of batch) release(s.item);
    options.onEvent?.({
      type: 'stored',
      items: batch.filter((s) => s.outcome.state !== 'pending').length,
      articlesAdded: put.articlesAdded,
      fromFeedText: batch.filter((s) => s.fromFeedText).length,
      failed: batch.filter((s) => s.outcome.state === 'failed').length,
      retrying: batch.filter((s) => s.outcome.state === 'pending').length,
    });
    if (articles.length > 0) await options.afterStore(articles);
  };

  const startDueWork = async () => {
    const now = Date.now();
    for (const feed of await store.feeds.dueFeeds(isoOf(now), options.feedIds)) {
      if (!polling.has(feed.id)) spawn(() => poll(feed));
    }
    const fetching = [...fetchingHosts.values()].reduce((a, b) => a + b, 0);
    const room = settings.maxItemsInFlight - fetching;
    if (room <= 0) return;
    for (const [host, until] of waitingHosts) if (until <= now) waitingHosts.delete(host);
    const busy = [...fetchingHosts].filter(([, n]) => n > 0).map(([host]) => host);
    const pending = await store.feeds.pendingItems({
      dueBy: isoOf(now),
      // room for the items already claimed but not yet stored, which come back until they are
      limit: room + claimed.size,
      perHost: 1 + claimed.size,
      skipHosts: [...busy, ...waitingHosts.keys()],
      ...(options.feedIds ? { feedIds: options.feedIds } : {}),
    });
    let started = 0;
    const startedHosts = new Set<string>();
    for (const item of pending) {
      if (started >= room) break;
      if (claimed.has(item.seq) || (item.document.url !== null && claimedUrls.has(item.document.url))) continue;
      if (item.host !== null) {
        if (startedHosts.has(item.host)) continue;
        const readyAt = options.fetcher.readyAt(item.document.url!);
        if (readyAt > now + settings.tickMs) {
          waitingHosts.set(item.host, readyAt);
          continue;
        }
        startedHosts.add(item.host);
      }
      claimed.set(item.seq, item);
      if (item.document.url !== null) claimedUrls.add(item.document.url);
      started += 1;
      spawn(() => settle(item));
    }
  };

  while (!signal.aborted) {
    const woken = new Promise<void>((resolve) => (wake = resolve));
    await startDueWork();
    const idle = [...fetchingHosts.values()].every((n) => n === 0);
    if (settled.length > 0 && (idle || settled.reduce((n, s) => n + s.articles.length, 0) >= settings.batchArticles || Date.now() - firstSettledAt >= settings.batchMaxMs)) {
      await flush();
      continue;
    }
    await Promise.race([woken, waitUntil(Date.now() + settings.tickMs, signal)]);
  }
  await Promise.allSettled([...tasks]);
  await flush();
}

/** Fetches and reads an item's page, or its feed text when the page cannot be had; null when stopped. */
async function settleItem(item: PendingItem, options: MonitorOptions): Promise<SettledItem | null> {
  const { document } = item;
  const now = () => isoOf(Date.now());
  if (document.url === null) return fromFeedText(item, null, options);
  // Stored already, by a run killed before it could mark the item done, or reached through another feed.
  const known = (await options.store.feeds.articleIdsAtUrls([document.url])).get(document.url);
  if (known !== undefined) {
    const stored = await options.store.getArticles(known);
    const articles = stored.map(({ article }) => ({ ...article, origin: { path: null, url: document.url, record: document.record, segment: article.origin.segment } }));
    return { item, articles, fromFeedText: false, outcome: { seq: item.seq, state: 'done', articleIds: known, at: now(), reason: 'already stored from this URL' } };
  }
  const page = await fetchItemPage({ ...document, url: document.url }, options.fetcher, { signal: options.signal, maxBytes: options.settings.maxBytes });
  if (page.kind === 'stopped') return null;
  let why: string;
  if (page.kind === 'page') {
    const result = runPipelineReportingBugs(options.pipeline, page.document);
    options.onDocument(page.document.label, result.articles.length, result.messages);
    if (result.articles.length > 0) {
      return { item, articles: atEveryUrl(result.articles, page.urls), fromFeedText: false, outcome: { seq: item.seq, state: 'done', articleIds: result.articles.map((a) => a.id), at: now() } };
    }
    why = 'its page gave no article text';
  } else if (page.transient && item.attempts + 1 < options.settings.maxAttempts) {
    const retryAt = Math.max(page.retryAt ?? 0, Date.now() + options.settings.tickMs);
    return { item, articles: [], fromFeedText: false, outcome: { seq: item.seq, state: 'pending', reason: `${page.rule}: ${page.reason}`, nextAttemptAt: isoOf(retryAt) } };
  } else {
    why = `its page could not be fetched (${page.rule}: ${page.reason})`;
  }
  return fromFeedText(item, why, options);
}

/**
 * The item's own text in the feed, marked as such on each article; `pageProblem` says why its page
 * could not be used (null: the item links none). Failed when the feed gives no text either.
 */
function fromFeedText(item: PendingItem, pageProblem: string | null, options: MonitorOptions): SettledItem {
  const { document } = item;
  const at = isoOf(Date.now());
  if (document.content.trim() === '') {
    const reason = `${pageProblem ?? 'the item links no page'}; the feed has no text for it either, so nothing is stored`;
    options.onDocument(document.label, 0, [diagnostic('fatal', 'ingest', 'no-page', reason)]);
    return { item, articles: [], fromFeedText: false, outcome: { seq: item.seq, state: 'failed', reason, at } };
  }
  const note =
    pageProblem === null
      ? diagnostic('info', 'ingest', 'feed-text', 'the item links no page; its text in the feed is stored')
      : diagnostic('warning', 'ingest', 'feed-text-fallback', `${pageProblem}; the feed's own text for it is stored instead (often only a teaser)`);
  const result = runPipelineReportingBugs(options.pipeline, feedTextDocument(document));
  options.onDocument(document.label, result.articles.length, [note, ...result.messages]);
  const articles = result.articles.map((a) => ({ ...a, messages: [...a.messages, note] }));
  if (articles.length === 0) return { item, articles, fromFeedText: true, outcome: { seq: item.seq, state: 'failed', reason: `${note.reason}; it gave no article text`, at } };
  return { item, articles, fromFeedText: true, outcome: { seq: item.seq, state: 'done', articleIds: articles.map((a) => a.id), at, reason: note.reason } };
}

function feedTextDocument(document: FeedItemDocument): RawDocument {
  return {
    origin: { path: null, url: document.url ?? document.feedUrl, record: document.record, segment: null },
    format: document.format,
    content: document.content,
    hints: document.hints,
    label: document.label,
    messages: [],
  };
}
