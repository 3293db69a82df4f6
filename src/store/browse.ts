/**
 * The read side the web API browses by: faceted search, entities with their mentions and quotes,
 * quotes and outlets (stories and reuse links have their own tables: stories.ts, reuse-links.ts). Every list is a page with a cursor, like `listArticles`.
 */
import type { ArticleId, Credit, EntityMention, Quote } from '../article.js';
import type { CountByName, SearchHit } from './store.js';
import type { StoryRecord } from './stories.js';

export interface PageRequest {
  readonly limit: number;
  /** `nextCursor` of the previous page; absent for the first page. */
  readonly cursor?: string;
}

export interface Page<T> {
  readonly items: readonly T[];
  /** Pass back to get the next page; null when this was the last. */
  readonly nextCursor: string | null;
}

/** A date as `from` and `to` take it, at any precision the store keeps: 2025, 2025-03, 2025-03-14. */
export const ISO_DATE_PREFIX = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;

/** Narrows a search or article listing; every field is optional and they are ANDed. */
export interface ArticleFilter {
  /** Full-text query (the store's stemmed search); absent or blank lists articles in first-seen order. */
  readonly query?: string;
  readonly outlet?: string;
  readonly language?: string;
  /** Published on or after / on or before (ISO date prefix compare, so "2025-03" works). */
  readonly from?: string;
  readonly to?: string;
  /** Canonical entity key the article must mention ("person:mara-lindqvist"). */
  readonly entity?: string;
  /** Id of an event or storyline the article belongs to. */
  readonly story?: string;
}

export interface SearchFacets {
  readonly outlets: readonly CountByName[];
  readonly languages: readonly CountByName[];
  /** The entities most articles of the result mention, as keys with their display names. */
  readonly entities: readonly EntityCount[];
  /** The storylines (or events outside any storyline) most articles of the result belong to. */
  readonly stories: readonly StoryCount[];
  /** Articles the filters match in all (not just this page). */
  readonly total: number;
  /** How many of the best hits the facets counted (all of them when the total is small); `entities` also for stories. */
  readonly sampled: { readonly outletsAndLanguages: number; readonly entities: number };
}

export interface StoryCount {
  readonly id: string;
  readonly kind: 'event' | 'storyline';
  readonly title: string | null;
  readonly count: number;
}

export interface FacetedSearchResult extends Page<SearchHit> {
  readonly facets: SearchFacets;
}

export interface EntityCount {
  readonly key: string;
  readonly name: string;
  readonly type: EntityMention['type'];
  readonly count: number;
}

export interface EntitySummary {
  /** The canonical id, or "type:~surface form" when the linker could not resolve the mention. */
  readonly key: string;
  /** The surface form used most often. */
  readonly name: string;
  readonly type: EntityMention['type'];
  readonly mentions: number;
  readonly articles: number;
}

/** An article seen from somewhere else: enough to list and link it. */
export interface ArticleRef {
  readonly id: ArticleId;
  readonly title: string | null;
  readonly outlet: string | null;
  readonly published: string | null;
}

export interface MentionInContext {
  readonly article: ArticleRef;
  readonly mention: EntityMention;
  /** The sentence-ish stretch of text around the mention, and where the mention sits in it. */
  readonly context: { readonly text: string; readonly start: number; readonly end: number };
}

export interface QuoteRecord {
  readonly article: ArticleRef;
  /** Position of the quote in its article's `quotes`. */
  readonly index: number;
  readonly quote: Quote;
}

export interface EntityDetail extends EntitySummary {
  /** Every surface form with how often it was used. */
  readonly names: readonly CountByName[];
  /** Mentions in the most recently first-seen articles first, at most the page limit. */
  readonly mentionSample: readonly MentionInContext[];
  /**
   * Quotes whose speaker is one of this entity's mentions (or carries one of its names), newest
   * articles first, at most ENTITY_QUOTES_SHOWN; `quoteCount` says how many there are in all
   * (listQuotes with `entity` pages through them).
   */
  readonly quotes: readonly QuoteRecord[];
  readonly quoteCount: number;
  /** Quotes by others whose words name this entity: what was said about it (at most ENTITY_QUOTES_SHOWN of `quotedAboutCount`). */
  readonly quotedAbout: readonly QuoteRecord[];
  readonly quotedAboutCount: number;
  readonly articleRefs: readonly ArticleRef[];
}

export interface QuoteFilter {
  /** Part of the speaker's display name, case-insensitive. */
  readonly speaker?: string;
  readonly article?: ArticleId;
  /** Quotes this entity (a key) spoke, or with `role: 'about'`, those whose words name it. */
  readonly entity?: string;
  readonly role?: QuoteRole;
}

export type QuoteRole = 'speaker' | 'about';

/** How many quotes of each kind an entity page carries; the rest are a listQuotes away. */
export const ENTITY_QUOTES_SHOWN = 100;

export interface OutletSummary {
  readonly name: string;
  readonly articles: number;
  readonly languages: readonly CountByName[];
  /** Agencies and sources its articles credit (what it republishes), most first. */
  readonly credits: readonly CountByName[];
  readonly earliest: string | null;
  readonly latest: string | null;
}

/** A story without its evidence (the largest part): what lists show. */
export type StoryHeader = Omit<StoryRecord, 'evidence'>;

/** An article as the story page lists it. */
export interface ArticleListing extends ArticleRef {
  readonly language: string | null;
  readonly credits: readonly Credit[];
  /** Places it was found. */
  readonly occurrences: number;
}

export interface ArticleSize {
  readonly id: ArticleId;
  readonly outlet: string | null;
  /** Of its text, in JavaScript string units (as every offset). */
  readonly textLength: number;
  readonly credits: readonly Credit[];
}

/** An article's quotes with what statements across articles need of it. */
export interface ArticleQuotes {
  readonly id: ArticleId;
  readonly outlet: string | null;
  readonly published: string | null;
  readonly quotes: readonly Quote[];
}

export interface BrowseQueries {
  searchArticles(filter: ArticleFilter, page: PageRequest): Promise<FacetedSearchResult>;
  /** Ids of every article the filter matches, in first-seen order (unranked and uncapped, for exports and follows). */
  filterArticleIds(filter: ArticleFilter, page: PageRequest): Promise<Page<ArticleId>>;
  listEntities(type: EntityMention['type'] | undefined, page: PageRequest): Promise<Page<EntitySummary>>;
  /** One entity by key with a sample of its mentions, its quotes and the articles naming it; null when unknown. */
  getEntity(key: string, sampleLimit: number): Promise<EntityDetail | null>;
  listQuotes(filter: QuoteFilter, page: PageRequest): Promise<Page<QuoteRecord>>;
  listOutlets(page: PageRequest): Promise<Page<OutletSummary>>;
  /** Events and storylines a page at a time: storylines first, then by number of articles (most first), then by end date (latest first), then id. */
  listStories(kind: StoryRecord['kind'] | undefined, page: PageRequest): Promise<Page<StoryHeader>>;
  /** The events of a storyline, ordered by start date. */
  eventsOf(storylineId: string): Promise<readonly StoryHeader[]>;
  /** These articles (unknown ids left out), in the order asked for. */
  listArticlesById(ids: readonly ArticleId[]): Promise<readonly ArticleListing[]>;
  /** Ids of an outlet's articles (UNKNOWN: those without one), first seen first. */
  listOutletArticleIds(outlet: string): Promise<readonly ArticleId[]>;
  /** Length and credits of these articles (what outlet provenance weighs), in no particular order. */
  listArticleSizes(ids: readonly ArticleId[]): Promise<readonly ArticleSize[]>;
  /** The quotes of these articles, for those that have any, in the order asked for. */
  listArticleQuotes(ids: readonly ArticleId[]): Promise<readonly ArticleQuotes[]>;
}

/** The key an entity mention is grouped under. */
export function entityKeyOf(mention: Pick<EntityMention, 'canonical' | 'type' | 'text'>): string {
  return mention.canonical ?? `${mention.type}:~${mention.text}`;
}
