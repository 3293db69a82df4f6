/**
 * Per outlet: how much of its text comes from which sources. Reused passages count for the outlet
 * of the article they were taken from (or, with no known direction, for a shared agency credit);
 * the rest of an article that credits an agency counts for that agency; what is left is its own.
 */
import type { ArticleId, Credit } from '../article.js';
import { commonAgencyCredit } from '../link/link-kind.js';
import type { ReuseLinkRecord } from '../store/reuse-links.js';
import { articleProvenanceOf, mergeSpans } from './article-provenance.js';

/** The fields of an article outlet dependence reads. */
export interface OutletArticle {
  readonly id: ArticleId;
  readonly textLength: number;
  readonly outlet: string | null;
  readonly credits: readonly Pick<Credit, 'name' | 'kind'>[];
}

export interface SourceShare {
  /** An outlet or agency name; OWN_TEXT for what no source explains. */
  readonly source: string;
  readonly chars: number;
  /** 0–1 of the outlet's text. */
  readonly share: number;
}

export interface OutletDependence {
  readonly outlet: string;
  readonly articles: number;
  readonly chars: number;
  /** Largest first; OWN_TEXT among them. */
  readonly sources: readonly SourceShare[];
}

export const OWN_TEXT = '(own)';
export const UNKNOWN_OUTLET = '(unknown)';
const UNKNOWN_SOURCE = '(unknown source)';

export function outletDependenceOf(articles: readonly OutletArticle[], links: readonly ReuseLinkRecord[]): OutletDependence[] {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const linksOf = new Map<ArticleId, ReuseLinkRecord[]>();
  for (const link of links) {
    for (const id of new Set([link.a.articleId, link.b.articleId])) linksOf.set(id, [...(linksOf.get(id) ?? []), link]);
  }
  const outlets = new Map<string, { articles: number; chars: number; sources: Map<string, number> }>();
  for (const article of articles) {
    const outlet = article.outlet ?? UNKNOWN_OUTLET;
    const entry = outlets.get(outlet) ?? { articles: 0, chars: 0, sources: new Map<string, number>() };
    outlets.set(outlet, entry);
    entry.articles += 1;
    entry.chars += article.textLength;
    const add = (source: string, chars: number) => chars > 0 && entry.sources.set(source, (entry.sources.get(source) ?? 0) + chars);

    const provenance = articleProvenanceOf(article.id, article.textLength, linksOf.get(article.id) ?? []);
    const reused = provenance.passages.filter((p) => p.role !== 'taken-by');
    // Each character counts once: passages are attributed in order of confidence, overlaps skipped.
    const counted: { start: number; end: number }[] = [];
    for (const p of [...reused].sort((x, y) => y.confidence - x.confidence)) {
      const fresh = uncoveredChars(p, counted);
      counted.push({ start: p.start, end: p.end });
      add(sourceNameOf(p.role === 'taken-from' ? byId.get(p.otherArticleId) : undefined, article, byId.get(p.otherArticleId)), fresh);
    }
    const rest = article.textLength - mergeSpans(counted).reduce((sum, s) => sum + (s.end - s.start), 0);
    const agency = article.credits.find((c) => c.kind === 'agency' && c.name !== article.outlet);
    add(agency?.name ?? OWN_TEXT, rest);
  }
  return [...outlets]
    .map(([outlet, e]) => ({
      outlet,
      articles: e.articles,
      chars: e.chars,
      sources: [...e.sources]
        .map(([source, chars]) => ({ source, chars, share: e.chars === 0 ? 0 : Math.round((chars / e.chars) * 1000) / 1000 }))
        .sort((x, y) => y.chars - x.chars || x.source.localeCompare(y.source)),
    }))
    .sort((x, y) => y.chars - x.chars || x.outlet.localeCompare(y.outlet));
}

/** The source outlet; with no direction, an agency both sides credit (two rewrites of one wire text). */
function sourceNameOf(source: OutletArticle | undefined, article: OutletArticle, other: OutletArticle | undefined): string {
  if (source !== undefined) return source.outlet ?? UNKNOWN_SOURCE;
  return commonAgencyCredit(article.credits, other?.credits ?? []) ?? UNKNOWN_SOURCE;
}

function uncoveredChars(span: { start: number; end: number }, counted: readonly { start: number; end: number }[]): number {
  const overlaps = mergeSpans(counted.filter((c) => c.start < span.end && span.start < c.end).map((c) => ({ start: Math.max(c.start, span.start), end: Math.min(c.end, span.end) })));
  return span.end - span.start - overlaps.reduce((sum, s) => sum + (s.end - s.start), 0);
}
