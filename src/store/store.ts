/**
 * The Store: the one interface the runner, CLI and API use to keep articles. SQLite implements it
 * now (sqlite/), PostgreSQL later; test/store/store-contract.ts is the behaviour every one must show.
 */
import type { Article, ArticleId, Origin, Span } from '../article.js';
import type { BrowseQueries } from './browse.js';
import type { StoryTables } from './stories.js';
import type { ReuseLinkTables } from './reuse-links.js';
import type { FeedTables } from './feeds.js';

/** One place an article's text was found, with what that place said about it. */
export interface Occurrence {
  readonly origin: Origin;
  readonly title: string | null;
  readonly published: string | null;
  readonly outlet: string | null;
  /** When this store first saw it (ISO 8601, UTC). */
  readonly seenAt: string;
}

/** An article as stored: `article.origin` is its first-seen occurrence; `occurrences` lists all, first seen first. */
export interface StoredArticle {
  readonly article: Article;
  readonly occurrences: readonly Occurrence[];
}

export interface PutResult {
  /** Articles whose text was new to the store. */
  readonly articlesAdded: number;
  /** New (article, origin) pairs, including those of new articles. */
  readonly occurrencesAdded: number;
}

export interface ListOptions {
  readonly limit: number;
  /** `nextCursor` of the previous page; absent for the first page. */
  readonly cursor?: string;
}

export interface ArticlePage {
  /** In the order the store first saw them. */
  readonly articles: readonly StoredArticle[];
  /** Pass back to get the next page; null when this was the last. */
  readonly nextCursor: string | null;
}

export interface SearchOptions {
  readonly limit: number;
}

/** A piece of an article around the words that matched, with the matched words marked. */
export interface Snippet {
  readonly text: string;
  /** Offsets into `text` of the words that matched the query. */
  readonly highlights: readonly Span[];
}

export interface SearchHit {
  readonly id: ArticleId;
  readonly title: string | null;
  readonly published: string | null;
  readonly outlet: string | null;
  readonly language: string | null;
  /** Higher is better; comparable only within one result list. */
  readonly score: number;
  readonly snippet: Snippet;
}

export interface CountByName {
  readonly name: string;
  readonly count: number;
}

export interface StoreStats {
  readonly articles: number;
  readonly occurrences: number;
  /** Articles per outlet, most first; unknown outlets count under "(unknown)". */
  readonly outlets: readonly CountByName[];
  /** Articles per language code, most first; unknown under "(unknown)". */
  readonly languages: readonly CountByName[];
  /** Articles crediting each agency or source ("dpa", "AFP"), most first. */
  readonly credits: readonly CountByName[];
  /** Earliest and latest `published` values (as stored, any precision), null when none is known. */
  readonly publishedRange: { readonly earliest: string; readonly latest: string } | null;
  /** Highest schema migration applied. */
  readonly schemaVersion: number;
}

export interface Store {
  /**
   * Adds articles and where they were found, in one transaction: all of them or none. Idempotent: an
   * article already stored (same id) gains only the occurrences it did not have; nothing is dropped.
   */
  putArticles(articles: readonly Article[]): Promise<PutResult>;
  /** The article with this id, or null. */
  getArticle(id: ArticleId): Promise<StoredArticle | null>;
  /** The stored articles among these ids, in one read (unknown ids are left out). */
  getArticles(ids: readonly ArticleId[]): Promise<readonly StoredArticle[]>;
  /** Ids of stored articles that start with `prefix` (at most `limit`), so users can type a short id. */
  findIdsByPrefix(prefix: string, limit: number): Promise<readonly ArticleId[]>;
  /** A page of articles in first-seen order; follow `nextCursor` to read them all. */
  listArticles(options: ListOptions): Promise<ArticlePage>;
  /**
   * Full-text search over title and text. German inflected forms match ("Sicherheitsgarantie" finds
   * "Sicherheitsgarantien"); words are ANDed; "double quotes" or hyphens make a phrase; a trailing *
   * makes a prefix ("Sicherheits*"). Best first.
   */
  search(query: string, options: SearchOptions): Promise<readonly SearchHit[]>;
  stats(): Promise<StoreStats>;
  /** Faceted search, entities, quotes, outlets, reuse links and stories: what the web API reads (browse.ts). */
  readonly browse: BrowseQueries;
  /** Events and storylines with their evidence (issue 5, src/story/). */
  readonly stories: StoryTables;
  /** Reuse links between articles with their direction (issue 4, src/link/ and src/provenance/). */
  readonly reuse: ReuseLinkTables;
  /** Monitored feeds and sitemaps with their polling state and the items they listed (src/monitor/). */
  readonly feeds: FeedTables;
  close(): Promise<void>;
}
