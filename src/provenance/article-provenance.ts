/**
 * Provenance of one article: which of its passages are its own and which it took from where, the
 * share of reused text, and its likely original source, read from its stored reuse links.
 */
import type { ArticleId, Span } from '../article.js';
import type { ReuseKind } from '../records.js';
import type { ReuseLinkRecord } from '../store/reuse-links.js';

/** How a passage of this article relates to the other article's text. */
export type PassageRole =
  /** the other article is the likely source */
  | 'taken-from'
  /** this article is the likely source: its own text, reused elsewhere */
  | 'taken-by'
  /** shared, direction unknown (two rewrites of one wire text, same-hour copies) */
  | 'shared';

export interface ProvenancePassage extends Span {
  readonly role: PassageRole;
  readonly kind: ReuseKind;
  readonly otherArticleId: ArticleId;
  readonly otherStart: number;
  readonly otherEnd: number;
  readonly score: number;
  readonly confidence: number;
  readonly reasons: readonly string[];
}

export interface LikelySource {
  readonly articleId: ArticleId;
  /** Characters of this article the source's passages cover. */
  readonly chars: number;
  readonly confidence: number;
  readonly reasons: readonly string[];
}

export interface ArticleProvenance {
  readonly articleId: ArticleId;
  readonly textLength: number;
  readonly passages: readonly ProvenancePassage[];
  /** Stretches covered by no 'taken-from' or 'shared' passage: the article's own text. */
  readonly ownSpans: readonly Span[];
  /** 0–1: characters in 'taken-from' or 'shared' passages over the text length. */
  readonly reusedShare: number;
  /** The article most of its reused text was taken from; null when nothing was taken with a known direction. */
  readonly likelySource: LikelySource | null;
}

export function articleProvenanceOf(articleId: ArticleId, textLength: number, links: readonly ReuseLinkRecord[]): ArticleProvenance {
  const passages = links
    .filter((l) => l.a.articleId === articleId || l.b.articleId === articleId)
    .map((link) => passageOf(articleId, link))
    .sort((x, y) => x.start - y.start || x.end - y.end);
  const reused = mergeSpans(passages.filter((p) => p.role !== 'taken-by'));
  const reusedChars = reused.reduce((sum, s) => sum + (s.end - s.start), 0);
  return {
    articleId,
    textLength,
    passages,
    ownSpans: complementOf(reused, textLength),
    reusedShare: textLength === 0 ? 0 : Math.min(1, reusedChars / textLength),
    likelySource: likelySourceOf(passages),
  };
}

function passageOf(articleId: ArticleId, link: ReuseLinkRecord): ProvenancePassage {
  // A link to itself (one text repeating its own passage) has both sides here: read it as side a.
  const [mine, other] = link.a.articleId === articleId ? [link.a, link.b] : [link.b, link.a];
  const from = link.direction.from;
  const role: PassageRole = from === null ? 'shared' : from === articleId ? 'taken-by' : 'taken-from';
  return {
    start: mine.start,
    end: mine.end,
    role,
    kind: link.kind,
    otherArticleId: other.articleId,
    otherStart: other.start,
    otherEnd: other.end,
    score: link.score,
    confidence: link.direction.confidence,
    reasons: link.direction.reasons,
  };
}

function likelySourceOf(passages: readonly ProvenancePassage[]): LikelySource | null {
  const bySource = new Map<ArticleId, ProvenancePassage[]>();
  for (const p of passages) if (p.role === 'taken-from') bySource.set(p.otherArticleId, [...(bySource.get(p.otherArticleId) ?? []), p]);
  let best: LikelySource | null = null;
  for (const [articleId, taken] of bySource) {
    const chars = mergeSpans(taken).reduce((sum, s) => sum + (s.end - s.start), 0);
    if (best !== null && chars <= best.chars) continue;
    const strongest = taken.reduce((x, y) => (y.confidence > x.confidence ? y : x));
    best = { articleId, chars, confidence: strongest.confidence, reasons: strongest.reasons };
  }
  return best;
}

/** Overlapping or touching spans joined, in text order. */
export function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = [...spans].sort((x, y) => x.start - y.start);
  const merged: { start: number; end: number }[] = [];
  for (const s of sorted) {
    const last = merged.at(-1);
    if (last !== undefined && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ start: s.start, end: s.end });
  }
  return merged;
}

function complementOf(covered: readonly Span[], length: number): Span[] {
  const own: Span[] = [];
  let at = 0;
  for (const s of covered) {
    if (s.start > at) own.push({ start: at, end: s.start });
    at = Math.max(at, s.end);
  }
  if (at < length) own.push({ start: at, end: length });
  return own;
}
