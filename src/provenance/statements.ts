/**
 * Statements: one quoted statement with all its occurrences across articles, word for word or in
 * another translation. Quotes are joined when their speakers agree (or one is unknown) and either a
 * reuse link covers both or their content terms mostly agree; the earliest occurrence and the
 * outlets that carried it come with each statement.
 */
import { createHash } from 'node:crypto';
import type { ArticleId, Quote } from '../article.js';
import { contentTermsOf, type Stemmer } from '../link/content-terms.js';
import type { ReuseLinkRecord } from '../store/reuse-links.js';
import { foldWord } from '../link/reuse-tokens.js';

/** The fields of an article statements read. */
export interface QuotingArticle {
  readonly id: ArticleId;
  readonly outlet: string | null;
  readonly published: string | null;
  readonly quotes: readonly Quote[];
}

export interface StatementOptions {
  /**
   * Dice overlap of two quotes' content-term sets that makes them one statement without a reuse
   * link: translations of one sentence share most names, numbers and content stems.
   */
  readonly minTermOverlap: number;
  /** Quotes with fewer content terms ("Nein.", "Wir bleiben dabei.") are too short to tell apart. */
  readonly minQuoteTerms: number;
}

export const DEFAULT_STATEMENT_OPTIONS: StatementOptions = { minTermOverlap: 0.5, minQuoteTerms: 4 };

export interface StatementOccurrence {
  readonly articleId: ArticleId;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly speaker: string | null;
  readonly outlet: string | null;
  readonly published: string | null;
}

export interface Statement {
  readonly id: string;
  readonly speaker: string | null;
  /** The earliest occurrence's wording. */
  readonly text: string;
  /** Earliest first (unknown dates last). */
  readonly occurrences: readonly StatementOccurrence[];
  readonly outlets: readonly string[];
}

export interface TermTools {
  readonly stem: Stemmer;
  readonly functionWords: ReadonlySet<string>;
}

const NAME_WORD = /[\p{L}\p{M}]+/gu;
/**
 * How far apart two quotes may sit in a linked passage, as a share of the shorter quote, and still be
 * one quote carried over: edits shift text a little, the next quote of the passage lies a whole quote away.
 */
const SAME_PLACE_SHARE_OF_QUOTE = 0.5;

/** Statements carried by at least two articles. */
export function findStatements(
  articles: readonly QuotingArticle[],
  links: readonly ReuseLinkRecord[],
  tools: TermTools,
  options: StatementOptions = DEFAULT_STATEMENT_OPTIONS,
): Statement[] {
  // Copied articles carry the same quotes word for word: each text is reduced to its terms once.
  const termsOfText = new Map<string, ReadonlySet<string>>();
  const termsOf = (text: string) => {
    let terms = termsOfText.get(text);
    if (terms === undefined) {
      terms = new Set(contentTermsOf(text, tools.stem, tools.functionWords));
      termsOfText.set(text, terms);
    }
    return terms;
  };
  const quotes = articles.flatMap((article) =>
    article.quotes
      .map((quote) => ({ article, quote, speakerKey: speakerKeyOf(quote.speaker), terms: termsOf(quote.text) }))
      .filter((q) => q.terms.size >= options.minQuoteTerms),
  );
  // Every pair of quotes is compared: look a pair's links up instead of scanning all links each time.
  const linksBetween = new Map<string, ReuseLinkRecord[]>();
  for (const link of links) {
    for (const key of [`${link.a.articleId} ${link.b.articleId}`, `${link.b.articleId} ${link.a.articleId}`]) {
      const list = linksBetween.get(key);
      if (list === undefined) linksBetween.set(key, [link]);
      else if (list.at(-1) !== link) list.push(link);
    }
  }
  const parent = quotes.map((_, i) => i);
  const root = (i: number): number => {
    if (parent[i] === i) return i;
    parent[i] = root(parent[i]!);
    return parent[i];
  };
  const join = (i: number, j: number) => {
    const x = quotes[i]!;
    const y = quotes[j]!;
    // Already one statement through other quotes: nothing this pair could add.
    if (x.article.id === y.article.id || root(i) === root(j)) return;
    const pairLinks = linksBetween.get(`${x.article.id} ${y.article.id}`) ?? [];
    if (linkedByReuse(x.article.id, x.quote, y.article.id, y.quote, pairLinks) || dice(x.terms, y.terms) >= options.minTermOverlap) {
      parent[root(i)] = root(j);
    }
  };
  // Two named speakers must be the same one: quotes are compared within a speaker, and with the unnamed.
  const bySpeaker = new Map<string | null, number[]>();
  quotes.forEach((q, i) => {
    const same = bySpeaker.get(q.speakerKey);
    if (same === undefined) bySpeaker.set(q.speakerKey, [i]);
    else same.push(i);
  });
  const unnamed = bySpeaker.get(null) ?? [];
  for (const [speakerKey, named] of bySpeaker) {
    if (speakerKey === null) continue;
    for (let a = 0; a < named.length; a++) for (let b = a + 1; b < named.length; b++) join(named[a]!, named[b]!);
    for (const i of named) for (const j of unnamed) join(i, j);
  }
  for (let a = 0; a < unnamed.length; a++) for (let b = a + 1; b < unnamed.length; b++) join(unnamed[a]!, unnamed[b]!);
  const groups = new Map<number, typeof quotes>();
  for (const [i, q] of quotes.entries()) groups.set(root(i), [...(groups.get(root(i)) ?? []), q]);
  return [...groups.values()]
    .filter((group) => new Set(group.map((q) => q.article.id)).size >= 2)
    .map((group) => {
      const occurrences = group
        .map(({ article, quote }) => ({
          articleId: article.id,
          start: quote.start,
          end: quote.end,
          text: quote.text,
          speaker: quote.speaker,
          outlet: article.outlet,
          published: article.published,
        }))
        // a direct quote inside an indirect one joins the statement twice: the article carries it once, in the inner words
        .filter((o, _, all) => !all.some((p) => p !== o && p.articleId === o.articleId && p.start >= o.start && p.end <= o.end))
        .sort((x, y) => (x.published ?? '\uffff').localeCompare(y.published ?? '\uffff') || x.articleId.localeCompare(y.articleId));
      const first = occurrences[0]!;
      return {
        id: createHash('sha256').update(occurrences.map((o) => `${o.articleId}:${o.start}`).join(' ')).digest('hex').slice(0, 16),
        speaker: occurrences.find((o) => o.speaker !== null)?.speaker ?? null,
        text: first.text,
        occurrences,
        outlets: [...new Set(occurrences.flatMap((o) => (o.outlet === null ? [] : [o.outlet])))],
      };
    })
    .sort((x, y) => y.occurrences.length - x.occurrences.length || x.id.localeCompare(y.id));
}

/** The speaker's last name, folded: "Außenministerin Helene Brask" and "Brask" are one speaker. */
function speakerKeyOf(speaker: string | null): string | null {
  const words = speaker?.match(NAME_WORD);
  return words === undefined || words === null || words.length === 0 ? null : foldWord(words.at(-1)!);
}

/**
 * Whether a reuse link carries one quote into the other: both lie in the link's spans, and, in a long
 * passage holding many quotes, at about the same place in it (a paraphrase link is one sentence).
 */
function linkedByReuse(aId: ArticleId, a: Quote, bId: ArticleId, b: Quote, links: readonly ReuseLinkRecord[]): boolean {
  type Side = ReuseLinkRecord['a'];
  const overlaps = (q: Quote, s: Side) => q.start < s.end && s.start < q.end;
  const samePlace = (x: Quote, sx: Side, y: Quote, sy: Side) =>
    Math.abs(x.start - sx.start - (y.start - sy.start)) < Math.min(x.end - x.start, y.end - y.start) * SAME_PLACE_SHARE_OF_QUOTE;
  const carries = (l: ReuseLinkRecord, x: Quote, y: Quote) =>
    overlaps(x, l.a) && overlaps(y, l.b) && (l.kind === 'paraphrase' || samePlace(x, l.a, y, l.b));
  return links.some((l) => (l.a.articleId === aId && l.b.articleId === bId && carries(l, a, b)) || (l.a.articleId === bId && l.b.articleId === aId && carries(l, b, a)));
}

function dice(x: ReadonlySet<string>, y: ReadonlySet<string>): number {
  let shared = 0;
  for (const t of x) if (y.has(t)) shared += 1;
  return (2 * shared) / (x.size + y.size);
}
