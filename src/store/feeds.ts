/**
 * The monitored sources side of the Store: feeds and sitemaps with their polling state, and every
 * item they listed, remembered so that a restart or a crash neither loses nor repeats one. An item
 * is pending from the poll that first lists it until its page (or, failing that, its own text) is stored.
 */
import type { ArticleId, DocumentHints } from '../article.js';

export type FeedKind = 'feed' | 'sitemap';

/** ETag and Last-Modified of the last full answer, sent back on the next poll. */
export interface FeedValidators {
  readonly etag?: string;
  readonly lastModified?: string;
}

export interface NewFeed {
  readonly url: string;
  /** RSS, Atom or JSON Feed; or a (Google News) sitemap. */
  readonly kind: FeedKind;
  /** Outlet name given to every article from this source (else each page's own). */
  readonly outlet: string | null;
  /** Pause between polls (ms). */
  readonly everyMs: number;
}

export interface FeedRecord extends NewFeed {
  readonly id: number;
  readonly paused: boolean;
  /** ISO 8601, UTC, as every time below. */
  readonly addedAt: string;
  readonly lastPollAt: string | null;
  readonly lastSuccessAt: string | null;
  readonly validators: FeedValidators;
  /** Failed polls since the last good one; polls back off while it grows. */
  readonly errorsInRow: number;
  readonly lastError: string | null;
  readonly nextPollAt: string;
  /** Items it has listed so far, and those of them still waiting for their page. */
  readonly itemCount: number;
  readonly pendingCount: number;
}

/** A feed item as the feed gave it: enough to fetch its page and, failing that, to store its own text. */
export interface FeedItemDocument {
  /** The item's link: the page to fetch. */
  readonly url: string | null;
  /** The source that listed it (after redirects): where its own text was found. */
  readonly feedUrl: string;
  /** Its guid or id (origin.record of what is stored from it). */
  readonly record: string | null;
  /** "https://…/feed.xml, item 3": names it in messages. */
  readonly label: string;
  readonly format: 'text' | 'html';
  /** The feed's own text for it (full content or teaser); empty for a sitemap entry. */
  readonly content: string;
  readonly hints: DocumentHints;
}

export interface NewFeedItem {
  /** What identifies it within its feed across polls: guid, else link, else a hash of its text. */
  readonly key: string;
  readonly document: FeedItemDocument;
}

/** What one poll of a feed found; recorded in one transaction with the items it listed. */
export interface FeedPoll {
  readonly feedId: number;
  readonly at: string;
  readonly nextPollAt: string;
  /** Null when the poll succeeded (including a 304), else the reason it failed. */
  readonly error: string | null;
  /** New validators after a full answer; absent keeps the stored ones. */
  readonly validators?: FeedValidators;
  /** Every item the feed listed; those already known are left as they are. */
  readonly items: readonly NewFeedItem[];
  /** When the new items may first be fetched. */
  readonly itemsDueAt: string;
}

/** An item waiting for its page. */
export interface PendingItem {
  /** Its place in the order items were first seen: the handle for finishing it. */
  readonly seq: number;
  readonly feedId: number;
  readonly key: string;
  /** host[:port] of its URL, or null without one. */
  readonly host: string | null;
  /** Failed tries so far. */
  readonly attempts: number;
  readonly document: FeedItemDocument;
}

export interface PendingQuery {
  /** Items whose next try is due by then. */
  readonly dueBy: string;
  readonly limit: number;
  /** At most this many items of one host (the first seen first): one slow host must not fill the batch. */
  readonly perHost: number;
  /** Hosts to leave out (busy, or backing off). */
  readonly skipHosts?: readonly string[];
  /** Only items of these feeds (else every feed that is not paused). */
  readonly feedIds?: readonly number[];
}

export type ItemOutcome =
  | { readonly seq: number; readonly state: 'done'; readonly articleIds: readonly ArticleId[]; readonly at: string; readonly reason?: string }
  | { readonly seq: number; readonly state: 'failed'; readonly reason: string; readonly at: string }
  /** Try again later: `attempts` counts this try. */
  | { readonly seq: number; readonly state: 'pending'; readonly reason: string; readonly nextAttemptAt: string };

export interface FeedTables {
  /** Adds a source, due for its first poll at once; null when its URL is already monitored. */
  addFeed(feed: NewFeed, at: string): Promise<FeedRecord | null>;
  /** In the order they were added. */
  listFeeds(): Promise<readonly FeedRecord[]>;
  getFeed(id: number): Promise<FeedRecord | null>;
  getFeedByUrl(url: string): Promise<FeedRecord | null>;
  /** Forgets a source and its items (articles stored from them stay); false when there was none. */
  removeFeed(id: number): Promise<boolean>;
  /** A paused source is neither polled nor are its pending items fetched; false when there was none. */
  setFeedPaused(id: number, paused: boolean): Promise<boolean>;
  /** Sources not paused whose next poll is due by `at` (of `feedIds` only, when given), the longest overdue first. */
  dueFeeds(at: string, feedIds?: readonly number[]): Promise<readonly FeedRecord[]>;
  /** Records a poll and the items it listed; returns how many of them were new. */
  recordPoll(poll: FeedPoll): Promise<number>;
  /** Pending items due by `dueBy`, first seen first, at most `perHost` per host. */
  pendingItems(query: PendingQuery): Promise<readonly PendingItem[]>;
  /** Items done, given up, or to be tried again, in one transaction. */
  finishItems(outcomes: readonly ItemOutcome[]): Promise<void>;
  /** When the next pending item of these feeds (of every feed not paused, when absent) is due, or null when none waits. */
  nextItemDue(feedIds?: readonly number[]): Promise<string | null>;
  /** Stored articles with an occurrence at each of these URLs (URLs without one are left out). */
  articleIdsAtUrls(urls: readonly string[]): Promise<ReadonlyMap<string, readonly ArticleId[]>>;
}
