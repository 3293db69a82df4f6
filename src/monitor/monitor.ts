/**
 * The monitor: polls each source when it is due, and fetches the page of every new item it lists,
 * different hosts in parallel, through one polite fetcher. Items are remembered in the store from
 * the poll that first lists them, and marked done only once what came of them is stored, so a
 * restart or a crash (kill -9) neither loses an item nor stores one twice: an item left pending is
 * settled again, and one whose page was already stored is found by its URL and not fetched again.
 * Settled items go through the runner (pipeline, store, reuse links, stories) in batches; an item
 * whose page gives no article falls back on its own text in the feed, marked as such.
 */
import type { Article, ArticleId, RawDocument } from '../article.js';
import { diagnostic, type Diagnostic } from '../diagnostic.js';
import type { PipelineResult } from '../pipeline.js';
import type { RunObserver, Runner } from '../run/runner.js';
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
  /** Settled items handed to the runner together, and the longest a settled item waits for its batch (ms). */
  readonly batchItems: number;
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
  // the runner's transaction size: an item is one page, usually one article
  batchItems: 200,
  batchMaxMs: 2000,
  maxChildSitemaps: 5,
  maxPollBackoffMs: 6 * 3_600_000,
  maxBytes: 50 * 1024 * 1024,
};

export type MonitorEvent =
  | { readonly type: 'polled'; readonly feed: FeedRecord; readonly newItems: number; readonly notModified: boolean; readonly error: string | null; readonly messages: readonly Diagnostic[] }
  | {
      readonly type: 'stored';
      /** Items settled for good in this batch, and of them those stored from their feed text or given up. */
      readonly items: number;
      readonly fromFeedText: number;
      readonly failed: number;
      /** Items whose page is to be tried again later. */
      readonly retrying: number;
      readonly articlesAdded: number;
      readonly linksAdded: number;
      /** Events in the store after the batch was placed. */
      readonly events: number;
      /** The articles of the batch, stored, linked and placed (follows read them). */
      readonly articles: readonly Article[];
    };

export interface MonitorOptions {
  /** Where sources and items are kept, and where an item's other URLs are recorded. */
  readonly store: Store;
  /** Takes each batch through pipeline, store, reuse links and stories. */
  readonly runner: Runner;
  readonly fetcher: PoliteFetcher;
  /** Stops the monitor: fetches under way are abandoned (their items stay pending), what was settled is stored. */
  readonly signal: AbortSignal;
  /** Only these sources (`watch URL…`); every source not paused when absent. */
  readonly feedIds?: readonly number[];
  readonly settings: MonitorSettings;
  /** Hears every document the runner reads and every step it skips (the CLI's reporter). */
  readonly observer?: RunObserver;
  readonly onEvent?: (event: MonitorEvent) => void;
}

/** What fetching did for one item: a document for the runner, or an outcome decided already. */
interface SettledItem {
  readonly item: PendingItem;
  /** The page (or, without one, the feed text, or a failure to report) to run. */
  readonly document?: RawDocument;
  /** With a page: every other URL it answers to, recorded as occurrences of what it gives. */
  readonly urls?: readonly string[];
  /** Decided without the runner: already stored (with its occurrence here), or to be tried again. */
  readonly outcome?: ItemOutcome;
  readonly occurrences?: readonly Article[];
}

export async function runMonitor(options: MonitorOptions): Promise<void> {
  const { store, settings, signal } = options;
  const polling = new Set<number>();
  // items being settled, or settled and waiting for their batch, by seq: never started twice
  const claimed = new Map<number, PendingItem>();
  const claimedUrls = new Set<string>();
  const fetchingHosts = new Map<string, number>();
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

  const release = (item: PendingItem) => {
    claimed.delete(item.seq);
    if (item.document.url !== null) claimedUrls.delete(item.document.url);
  };

  const settle = async (item: PendingItem) => {
    if (item.host !== null) fetchingHosts.set(item.host, (fetchingHosts.get(item.host) ?? 0) + 1);
    let result: SettledItem | null;
    try {
      result = await settleItem(item, options);
    } finally {
      if (item.host !== null) fetchingHosts.set(item.host, fetchingHosts.get(item.host)! - 1);
    }
    if (result === null) return release(item);
    if (settled.length === 0) firstSettledAt = Date.now();
    settled.push(result);
  };

  const flush = async () => {
    const batch = settled;
    settled = [];
    if (batch.length > 0) options.onEvent?.(await storeBatch(batch, options));
    for (const s of batch) release(s.item);
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
    if (settled.length > 0 && (idle || settled.length >= settings.batchItems || Date.now() - firstSettledAt >= settings.batchMaxMs)) {
      await flush();
      continue;
    }
    await Promise.race([woken, waitUntil(Date.now() + settings.tickMs, signal)]);
  }
  await Promise.allSettled([...tasks]);
  await flush();
}

/** Fetches an item's page, or decides it without one; null when stopped. */
async function settleItem(item: PendingItem, options: MonitorOptions): Promise<SettledItem | null> {
  const { document } = item;
  if (document.url === null) return { item, document: feedTextDocument(document, null) };
  // Stored already, by a run killed before it could mark the item done, or reached through another feed.
  const known = (await options.store.feeds.articleIdsAtUrls([document.url])).get(document.url);
  if (known !== undefined) {
    const stored = await options.store.getArticles(known);
    const occurrences = stored.map(({ article }) => ({ ...article, origin: { path: null, url: document.url, record: document.record, segment: article.origin.segment } }));
    return { item, occurrences, outcome: { seq: item.seq, state: 'done', articleIds: known, at: isoOf(Date.now()), reason: 'already stored from this URL' } };
  }
  const page = await fetchItemPage({ ...document, url: document.url }, options.fetcher, { signal: options.signal, maxBytes: options.settings.maxBytes });
  if (page.kind === 'stopped') return null;
  if (page.kind === 'page') return { item, document: page.document, urls: page.urls };
  if (page.transient && item.attempts + 1 < options.settings.maxAttempts) {
    const retryAt = Math.max(page.retryAt ?? 0, Date.now() + options.settings.tickMs);
    return { item, outcome: { seq: item.seq, state: 'pending', reason: `${page.rule}: ${page.reason}`, nextAttemptAt: isoOf(retryAt) } };
  }
  return { item, document: feedTextDocument(document, `its page could not be fetched (${page.rule}: ${page.reason})`) };
}

/**
 * Runs the batch's documents through the runner, the feed text of items whose page gave no article
 * after them, records every other URL of each page, and marks the items.
 */
async function storeBatch(batch: readonly SettledItem[], options: MonitorOptions): Promise<MonitorEvent & { type: 'stored' }> {
  const results = new Map<RawDocument, PipelineResult>();
  const observer: RunObserver = {
    documentDone: (raw, result) => {
      results.set(raw, result);
      options.observer?.documentDone?.(raw, result);
    },
    ...(options.observer?.stepSkipped ? { stepSkipped: options.observer.stepSkipped } : {}),
  };
  const outcomes: ItemOutcome[] = [];
  const occurrences: Article[] = batch.flatMap((s) => s.occurrences ?? []);
  const stored: Article[] = [];
  let fromFeedText = 0;
  const totals = { articlesAdded: 0, linksAdded: 0, events: 0 };
  const run = async (documents: readonly RawDocument[]) => {
    if (documents.length === 0) return;
    const done = await options.runner.ingest(documents, observer);
    totals.articlesAdded += done.articlesAdded;
    totals.linksAdded += done.linksAdded;
    totals.events = done.events;
  };
  const articlesOf = (document: RawDocument) => results.get(document)?.articles ?? [];
  const at = () => isoOf(Date.now());

  await run(batch.flatMap((s) => (s.document ? [s.document] : [])));
  const fallbacks: { item: PendingItem; document: RawDocument }[] = [];
  for (const s of batch) {
    if (s.outcome) {
      outcomes.push(s.outcome);
      continue;
    }
    const articles = articlesOf(s.document!);
    if (articles.length > 0) {
      stored.push(...articles);
      occurrences.push(...atEveryUrl(articles, s.urls ?? []).filter((a) => !articles.includes(a)));
      const fromFeed = s.document!.messages.some((m) => m.rule === FEED_TEXT_FALLBACK);
      if (fromFeed) fromFeedText += 1;
      outcomes.push(doneOutcome(s.item, articles, fromFeed ? s.document!.messages[0]!.reason : undefined, at()));
    } else if (s.urls !== undefined) {
      // a page without article text: the feed's own text stands in, in a second run below
      fallbacks.push({ item: s.item, document: feedTextDocument(s.item.document, 'its page gave no article text') });
    } else {
      outcomes.push({ seq: s.item.seq, state: 'failed', reason: problemOf(results.get(s.document!)), at: at() });
    }
  }
  await run(fallbacks.map((f) => f.document));
  for (const { item, document } of fallbacks) {
    const articles = articlesOf(document);
    stored.push(...articles);
    if (articles.length > 0) fromFeedText += 1;
    outcomes.push(articles.length > 0 ? doneOutcome(item, articles, document.messages[0]!.reason, at()) : { seq: item.seq, state: 'failed', reason: problemOf(results.get(document)), at: at() });
  }
  // the same articles found at more places: only their occurrences are new to the store
  if (occurrences.length > 0) await options.store.putArticles(occurrences);
  await options.store.feeds.finishItems(outcomes);
  return {
    type: 'stored',
    items: outcomes.filter((o) => o.state !== 'pending').length,
    fromFeedText,
    failed: outcomes.filter((o) => o.state === 'failed').length,
    retrying: outcomes.filter((o) => o.state === 'pending').length,
    ...totals,
    articles: stored,
  };
}

const FEED_TEXT_FALLBACK = 'feed-text-fallback';

function doneOutcome(item: PendingItem, articles: readonly Article[], reason: string | undefined, at: string): ItemOutcome {
  const articleIds: ArticleId[] = [...new Set(articles.map((a) => a.id))];
  return { seq: item.seq, state: 'done', articleIds, at, ...(reason === undefined ? {} : { reason }) };
}

function problemOf(result: PipelineResult | undefined): string {
  const fatal = result?.messages.find((m) => m.severity === 'fatal');
  return fatal ? `${fatal.rule}: ${fatal.reason}` : 'it gave no article text';
}

/**
 * The item's own text in the feed, marked as such (the pipeline carries the note onto each article);
 * `pageProblem` says why its page could not be used, null when the item links none. Without any text,
 * a document that only carries the reason nothing is stored.
 */
function feedTextDocument(document: FeedItemDocument, pageProblem: string | null): RawDocument {
  const empty = document.content.trim() === '';
  const note = empty
    ? diagnostic('fatal', 'ingest', 'no-page', `${pageProblem ?? 'the item links no page'}; the feed has no text for it either, so nothing is stored`)
    : pageProblem === null
      ? diagnostic('info', 'ingest', 'feed-text', 'the item links no page; its text in the feed is stored')
      : diagnostic('warning', 'ingest', FEED_TEXT_FALLBACK, `${pageProblem}; the feed's own text for it is stored instead (often only a teaser)`);
  return {
    origin: { path: null, url: document.url ?? document.feedUrl, record: document.record, segment: null },
    format: document.format,
    content: document.content,
    hints: document.hints,
    label: document.label,
    messages: [note],
  };
}
