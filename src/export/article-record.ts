/**
 * The data contract: the JSON shape of an article that `process` prints and `export` writes.
 * Other tools and the evaluation scorers read it: extend it, never break it (see README, "Data contract").
 */
import type { Article, Credit, EntityMention, Origin, Quote, SideText, TextDate } from '../article.js';
import type { StoredArticle } from '../store/store.js';

export interface ArticleRecord {
  readonly id: string;
  readonly origin: Origin;
  readonly pageId: string | null;
  readonly title: string | null;
  readonly text: string;
  readonly published: string | null;
  readonly publishedNotBefore: string | null;
  readonly language: string | null;
  readonly outlet: string | null;
  readonly byline: string | null;
  readonly credits: readonly Credit[];
  readonly sideTexts: readonly SideText[];
  readonly entities: readonly EntityMention[];
  readonly quotes: readonly Quote[];
  readonly dates: readonly TextDate[];
}

export function toArticleRecord(article: Article): ArticleRecord {
  return {
    id: article.id,
    origin: article.origin,
    pageId: article.pageId,
    title: article.title,
    text: article.text,
    published: article.published,
    publishedNotBefore: article.publishedNotBefore ?? null,
    language: article.language,
    outlet: article.outlet,
    byline: article.byline,
    credits: article.credits,
    sideTexts: article.sideTexts,
    entities: article.entities ?? [],
    quotes: article.quotes ?? [],
    dates: article.dates ?? [],
  };
}

/** Where a stored article was found: its origin plus what that place said about it. */
export interface OccurrenceRecord extends Origin {
  readonly title: string | null;
  readonly published: string | null;
  readonly outlet: string | null;
}

/** What `export` writes: the contract record (origin = first seen) plus every place the text was found. */
export interface StoredArticleRecord extends ArticleRecord {
  readonly occurrences: readonly OccurrenceRecord[];
}

export function toStoredArticleRecord(stored: StoredArticle): StoredArticleRecord {
  return {
    ...toArticleRecord(stored.article),
    occurrences: stored.occurrences.map((o) => ({ ...o.origin, title: o.title, published: o.published, outlet: o.outlet })),
  };
}
