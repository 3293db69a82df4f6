/**
 * Reuse links between two articles: verbatim passages first (identical, near-verbatim, shared
 * wire, quotation), then paraphrased sentences in what the passages left uncovered. Pure: the
 * caller supplies both articles, what the corpus taught about stock phrases and term weights.
 */
import { createHash } from 'node:crypto';
import type { ArticleId, Credit, Span } from '../article.js';
import type { ReuseKind, ReuseLink } from '../records.js';
import { alignPassages, shingleText, DEFAULT_PASSAGE_OPTIONS, type PassageOptions, type ShingleSpread, type ShingledText } from './align-passages.js';
import {
  alignSentences,
  makeComparableSentence,
  DEFAULT_SENTENCE_ALIGNMENT_OPTIONS,
  type SentenceAlignmentOptions,
} from './align-sentences.js';
import { contentTermsOf, type Stemmer } from './content-terms.js';
import { decideRetoldKind, decideVerbatimKind, verbatimScore, DEFAULT_LINK_KIND_OPTIONS, type LinkKindOptions } from './link-kind.js';

/** The fields of an Article reuse detection reads. */
export interface ReuseArticle {
  readonly id: ArticleId;
  readonly text: string;
  readonly published?: string | null;
  readonly outlet?: string | null;
  readonly credits?: readonly Pick<Credit, 'name' | 'kind'>[];
}

export interface PairOptions {
  readonly passage: PassageOptions;
  readonly sentences: SentenceAlignmentOptions;
  readonly kinds: LinkKindOptions;
  /**
   * Paraphrase alignment compares every sentence of one article with every sentence of the other;
   * above this many sentence pairs (two 100-sentence articles) it is skipped and only verbatim
   * passages are reported, so a 1 MB article cannot stall a run.
   */
  readonly maxSentencePairs: number;
}

export const DEFAULT_PAIR_OPTIONS: PairOptions = {
  passage: DEFAULT_PASSAGE_OPTIONS,
  sentences: DEFAULT_SENTENCE_ALIGNMENT_OPTIONS,
  kinds: DEFAULT_LINK_KIND_OPTIONS,
  maxSentencePairs: 10_000,
};

/** Language tools loaded once by the caller: sentence spans, a stemmer, function words. */
export interface ReuseContext {
  readonly splitSentences: (text: string) => Span[];
  readonly stem: Stemmer;
  readonly functionWords: ReadonlySet<string>;
}

/** What the corpus has taught: stock phrases and sentences, and how informative a term is. */
export interface CorpusKnowledge {
  readonly shingles: ShingleSpread;
  /** Whether a sentence of a prepared article is stock (a sign-off, a formula): it is no reuse. */
  readonly isStockSentence: (sentence: PreparedSentence, article: PreparedArticle) => boolean;
  readonly weightOfTerm: (term: string) => number;
}

/** A sentence of a prepared article: its span, its content terms and those inside quotation marks. */
export interface PreparedSentence {
  readonly span: Span;
  readonly terms: readonly string[];
  readonly quotedTerms: readonly string[];
}

/** An article tokenised, shingled and split once, for comparison with many others. */
export interface PreparedArticle {
  readonly article: ReuseArticle;
  readonly shingled: ShingledText;
  readonly sentences: readonly PreparedSentence[];
}

export function prepareArticle(article: ReuseArticle, context: ReuseContext, options: PairOptions = DEFAULT_PAIR_OPTIONS): PreparedArticle {
  const termsOf = (text: string) => contentTermsOf(text, context.stem, context.functionWords);
  const sentences = context.splitSentences(article.text).map((span) => {
    const text = article.text.slice(span.start, span.end);
    return { span, terms: termsOf(text), quotedTerms: quotedParts(text).flatMap(termsOf) };
  });
  return { article, shingled: shingleText(article.text, options.passage.shingleTokens), sentences };
}

/**
 * `alignParaphrases: false` looks for verbatim passages only: the index passes it for candidates
 * that share fingerprints but too few rare terms to hold a paraphrase, which saves the costly part.
 */
export function findReuseLinks(
  a: PreparedArticle,
  b: PreparedArticle,
  knowledge: CorpusKnowledge,
  options: PairOptions = DEFAULT_PAIR_OPTIONS,
  alignParaphrases = true,
): ReuseLink[] {
  const sentenceBounds = { a: a.sentences.map((s) => s.span), b: b.sentences.map((s) => s.span) };
  const passages = alignPassages(a.shingled, b.shingled, options.passage, knowledge.shingles, sentenceBounds);
  const sideA = { text: a.article.text, tokenCount: a.shingled.tokens.norms.length, credits: a.article.credits ?? [] };
  const sideB = { text: b.article.text, tokenCount: b.shingled.tokens.norms.length, credits: b.article.credits ?? [] };
  const links = passages.map((p) =>
    makeLink(decideVerbatimKind(p, sideA, sideB, options.kinds), a.article.id, p.a, b.article.id, p.b, verbatimScore(p)),
  );
  if (!alignParaphrases || a.sentences.length * b.sentences.length > options.maxSentencePairs) return links;

  // Sentences inside a verbatim passage are already linked, stock sentences are no reuse;
  // paraphrase looks at the rest.
  const distinctiveWeight = pairTermWeight(a, b, knowledge.weightOfTerm);
  const comparable = (side: PreparedArticle, covered: readonly Span[]) =>
    side.sentences
      .filter((s) => !covered.some((c) => c.start < s.span.end && s.span.start < c.end) && !knowledge.isStockSentence(s, side))
      .map((s) => makeComparableSentence(s.span, s.terms, knowledge.weightOfTerm, distinctiveWeight, s.quotedTerms));
  const pairs = alignSentences(
    comparable(a, passages.map((p) => p.a)),
    comparable(b, passages.map((p) => p.b)),
    options.sentences,
  );
  const retoldKind = decideRetoldKind(sideA, sideB);
  for (const pair of pairs) links.push(makeLink(retoldKind, a.article.id, pair.a, b.article.id, pair.b, pair.score));
  return links;
}

/**
 * Sentences of both articles a term must occur in to count as their shared topic (see
 * pairTermWeight): from 2 on, the paraphrase dev set lost recall (0.82 → 0.79), its 8-sentence
 * articles name their subject twice as a matter of course.
 */
const MIN_TOPIC_SENTENCES = 3;

/**
 * A term's weight when two articles are compared: its corpus weight, divided by the number of
 * sentences it occurs in (in the article where it occurs in fewer) once that reaches
 * MIN_TOPIC_SENTENCES. A name or subject that runs through both articles (the story's place, its people, "Sanierung des Hallenbads") is what two
 * independent reports of one story share in every sentence; a paraphrased statement shares what
 * it says, which the rest of the article does not repeat.
 */
export function pairTermWeight(a: PreparedArticle, b: PreparedArticle, weightOfTerm: (term: string) => number): (term: string) => number {
  const inA = sentencesPerTerm(a);
  const inB = sentencesPerTerm(b);
  return (term) => {
    const repeats = Math.min(inA.get(term) ?? 0, inB.get(term) ?? 0);
    return repeats >= MIN_TOPIC_SENTENCES ? weightOfTerm(term) / repeats : weightOfTerm(term);
  };
}

/** Counted once per article: a wire text is compared with every copy that follows it. */
const sentencesPerTermOf = new WeakMap<PreparedArticle, Map<string, number>>();

function sentencesPerTerm(article: PreparedArticle): Map<string, number> {
  const known = sentencesPerTermOf.get(article);
  if (known !== undefined) return known;
  const counts = new Map<string, number>();
  for (const sentence of article.sentences) for (const term of new Set(sentence.terms)) counts.set(term, (counts.get(term) ?? 0) + 1);
  sentencesPerTermOf.set(article, counts);
  return counts;
}

/** Quoted words: „…“, "…", »…«, «…» (an unclosed quote runs to the end of the sentence). */
const QUOTED = /„([^“”"]*)|»([^«]*)|«([^»]*)|"([^"]*)"/gu;

function quotedParts(sentence: string): string[] {
  return [...sentence.matchAll(QUOTED)].map((m) => m[1] ?? m[2] ?? m[3] ?? m[4] ?? '');
}

function makeLink(kind: ReuseKind, aId: ArticleId, a: Span, bId: ArticleId, b: Span, score: number): ReuseLink {
  const id = createHash('sha256').update(`${kind} ${aId} ${a.start} ${a.end} ${bId} ${b.start} ${b.end}`).digest('hex').slice(0, 16);
  return {
    id,
    kind,
    a: { articleId: aId, start: a.start, end: a.end },
    b: { articleId: bId, start: b.start, end: b.end },
    score: Math.round(score * 1000) / 1000,
  };
}
