/**
 * The data contract: the JSON shape of an article that `process` prints and `export` writes.
 * Other tools and the evaluation scorers read it: extend it, never break it (see README, "Data contract").
 */
import type { Article, Credit, EntityMention, Origin, Quote, SideText } from '../article.js';

export interface ArticleRecord {
  readonly id: string;
  readonly origin: Origin;
  readonly pageId: string | null;
  readonly title: string | null;
  readonly text: string;
  readonly published: string | null;
  readonly language: string | null;
  readonly outlet: string | null;
  readonly byline: string | null;
  readonly credits: readonly Credit[];
  readonly sideTexts: readonly SideText[];
  readonly entities: readonly EntityMention[];
  readonly quotes: readonly Quote[];
}

export function toArticleRecord(article: Article): ArticleRecord {
  return {
    id: article.id,
    origin: article.origin,
    pageId: article.pageId,
    title: article.title,
    text: article.text,
    published: article.published,
    language: article.language,
    outlet: article.outlet,
    byline: article.byline,
    credits: article.credits,
    sideTexts: article.sideTexts,
    entities: article.entities ?? [],
    quotes: article.quotes ?? [],
  };
}
