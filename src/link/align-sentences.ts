/**
 * Paraphrase alignment: pairs sentences of two texts that say the same thing in other words, by
 * an IDF-weighted overlap of their content terms (stems, compound parts, numbers, names), and keeps
 * only pairings that run in the same order in both texts (a monotone alignment found by dynamic
 * programming), which is what keeps a shared name or number from pairing unrelated sentences.
 */
import type { Span } from '../article.js';

export interface SentenceAlignmentOptions {
  /**
   * Weighted overlap (0–1, a Dice coefficient of term weights) at which a sentence pair is a
   * paraphrase on its own. Tuned with `minGapFillScore`, `minAnchors` and
   * `minSharedWeight` on the paraphrase dev set (scripts/eval-reuse-direct.ts): with Snowball
   * stems 0.25 gave P 0.93 R 0.89 and 0.28 P 0.96 R 0.87 (before the shared-weight floor); with a
   * lighter stemmer 0.35 gave P 0.97 R 0.75. Change them together.
   */
  readonly minPairScore: number;
  /**
   * A lower bar for a sentence left alone between two aligned pairs (or before the first, after
   * the last) facing exactly one unaligned sentence in the other text: order alone makes them
   * likely partners, but they must still share some content.
   */
  readonly minGapFillScore: number;
  /** Gap-filled partners must have similar lengths: the shorter at least this share of the longer (characters). */
  readonly minGapFillLengthRatio: number;
  /**
   * A paraphrase retells several sentences, not one that happens to match: two independent reports
   * of one story share a formula sentence or two ("Der Gemeinderat von X will am Montag über die
   * Sanierung entscheiden", the headline's place and subject). A text pair needs at least this many
   * anchors (pairs at `minPairScore`), spanning `minAnchoredChars` in each text, before anything is
   * reported. They need not be adjacent: a short agency version retells sentences that a longer one
   * keeps apart (seeds 000 and 001).
   */
  readonly minAnchors: number;
  /**
   * Characters the anchors must span together in each text: a headline and one formula sentence are
   * about 150. On the 3,000-article bench, 200 let such pairs through (precision 0.57 against 0.89).
   */
  readonly minAnchoredChars: number;
  /**
   * Least summed weight of shared terms for an anchor pair, whatever its score: a Dice score is
   * blind to scale, so two sentences sharing only everyday words ("Mehrheit", "Kosten") would
   * score like two sharing a rare name and a number. 6 is the weight of one term found in about
   * one article in 400 (IDF, natural log).
   */
  readonly minSharedWeight: number;
  /**
   * An anchor pair must share at least one term this informative (IDF; 3.5 ≈ a term in fewer than
   * 3 % of articles): sentences built on one frame ("Laut X gebe es für Y bislang keinen Plan")
   * share many everyday words and nothing specific, while a paraphrase keeps a name, a number or
   * a specific noun. At 4, a term two of a handful of articles share (IDF 3.8 with the weight prior)
   * could never anchor, and seeds 000 and 001 went unlinked; the paraphrase dev set went from
   * R 0.819 (4) to 0.851 (3.5) at P 0.987.
   */
  readonly minRarestSharedWeight: number;
  /**
   * A pair sharing no term that rare still anchors when its Dice score over distinctive weights
   * (the terms both texts repeat throughout discounted) reaches this: a sentence retold in
   * everyday words shares nearly all of them, while two reports' formula sentences share the frame
   * and the story's names but not what fills the slots.
   */
  readonly minPlainPairScore: number;
  /** Content terms both sentences of such a plain anchor must hold: "Quelle: dpa" matches itself everywhere. */
  readonly minPlainTerms: number;
  /**
   * A lone anchor (fewer than `minAnchors`, or spanning less than `minAnchoredChars`) is still a
   * link when the evidence is strong: a single retold statement or one copied long sentence. Its
   * score must reach `minLonePairScore`, both sentences must be `minLoneSentenceChars` long, and
   * they must share `minLoneRareTerms` terms at `minRarestSharedWeight` (distinctive weights:
   * names, numbers, specific nouns the rest of the two texts does not repeat). At 0.6, 100 and 3
   * neither the paraphrase dev set (P 0.987 R 0.840, scripts/eval-reuse-direct.ts) nor the
   * 3,000-article bench gained a wrong link; at 0.4, 60 and 2 the dev set fell to P 0.978 (R 0.845).
   */
  readonly minLonePairScore: number;
  readonly minLoneSentenceChars: number;
  readonly minLoneRareTerms: number;
  /** Weight kept for a compound-part match ("Versammlung" in "Nationalversammlung"), relative to an exact one. */
  readonly compoundPartWeight: number;
}

export const DEFAULT_SENTENCE_ALIGNMENT_OPTIONS: SentenceAlignmentOptions = {
  minPairScore: 0.28,
  minGapFillScore: 0.1,
  minGapFillLengthRatio: 0.4,
  minAnchors: 2,
  minAnchoredChars: 300,
  minSharedWeight: 6,
  minRarestSharedWeight: 3.5,
  minPlainPairScore: 0.9,
  minPlainTerms: 4,
  minLonePairScore: 0.6,
  minLoneSentenceChars: 100,
  minLoneRareTerms: 3,
  compoundPartWeight: 0.7,
};

/** A sentence ready for comparison: its span and weighted content terms. */
export interface ComparableSentence {
  readonly span: Span;
  readonly terms: readonly string[];
  readonly weights: readonly number[];
  /** Weights with the terms both compared texts repeat throughout discounted (see `minRarestSharedWeight`). */
  readonly distinctiveWeights: readonly number[];
  /** Terms inside quotation marks: what the sentence quotes someone as saying. */
  readonly quotedTerms: readonly string[];
  readonly totalWeight: number;
  readonly distinctiveTotalWeight: number;
}

export interface SentencePair {
  readonly a: Span;
  readonly b: Span;
  /** Weighted term overlap, 0–1. */
  readonly score: number;
  /** Whether the pair was accepted on order alone at the lower gap-fill bar. */
  readonly gapFilled: boolean;
}

/** Shortest compound part that counts: "Rat" in "Stadtrat" is too short to mean the same thing. */
const MIN_COMPOUND_PART_CHARS = 5;

export function makeComparableSentence(
  span: Span,
  terms: readonly string[],
  weightOf: (term: string) => number,
  distinctiveWeightOf: (term: string) => number = weightOf,
  quotedTerms: readonly string[] = [],
): ComparableSentence {
  const weights = terms.map(weightOf);
  const distinctiveWeights = terms.map(distinctiveWeightOf);
  const sum = (values: readonly number[]) => values.reduce((total, w) => total + w, 0);
  return { span, terms, weights, distinctiveWeights, quotedTerms, totalWeight: sum(weights), distinctiveTotalWeight: sum(distinctiveWeights) };
}

/**
 * Weighted Dice overlap of two sentences' terms: exact term matches first, then compound parts
 * (one term ending or starting with the other); each term is matched at most once.
 */
export function scoreSentencePair(s: ComparableSentence, t: ComparableSentence, compoundPartWeight: number): number {
  if (s.totalWeight === 0 || t.totalWeight === 0) return 0;
  return (2 * sharedWeightOf(s, t, compoundPartWeight)) / (s.totalWeight + t.totalWeight);
}

/**
 * Two sentences that both quote someone say the same only if the quotes share a word: "X sagte,
 * die Sanierung sei „zu spät“" and "X sagte, die Sanierung sei „ein Fehler“" share speaker,
 * subject and frame, but not the statement.
 */
function quotesAgree(s: ComparableSentence, t: ComparableSentence): boolean {
  if (s.quotedTerms.length === 0 || t.quotedTerms.length === 0) return true;
  return s.quotedTerms.some((term) => t.quotedTerms.includes(term));
}

/** Dice overlap over distinctive weights (see `ComparableSentence.distinctiveWeights`). */
function distinctiveScore(s: ComparableSentence, t: ComparableSentence, compoundPartWeight: number): number {
  const total = s.distinctiveTotalWeight + t.distinctiveTotalWeight;
  return total > 0 ? (2 * sharedWeightOf(s, t, compoundPartWeight, (sentence) => sentence.distinctiveWeights)) / total : 0;
}

/** Terms both sentences hold exactly whose distinctive weight (the smaller of the two) reaches `minWeight`. */
function rareSharedTerms(s: ComparableSentence, t: ComparableSentence, minWeight: number): number {
  let count = 0;
  for (let i = 0; i < s.terms.length; i++) {
    const j = t.terms.indexOf(s.terms[i]!);
    if (j >= 0 && Math.min(s.distinctiveWeights[i]!, t.distinctiveWeights[j]!) >= minWeight) count++;
  }
  return count;
}

/** Weight of the most informative term both sentences hold exactly (the smaller of its two weights). */
function heaviestSharedTerm(s: ComparableSentence, t: ComparableSentence): number {
  let heaviest = 0;
  for (let i = 0; i < s.terms.length; i++) {
    const j = t.terms.indexOf(s.terms[i]!);
    if (j >= 0) heaviest = Math.max(heaviest, Math.min(s.distinctiveWeights[i]!, t.distinctiveWeights[j]!));
  }
  return heaviest;
}

/** Summed weight of the terms two sentences share, each term matched once (the smaller weight of the two counts). */
function sharedWeightOf(
  s: ComparableSentence,
  t: ComparableSentence,
  compoundPartWeight: number,
  weightsOf: (sentence: ComparableSentence) => readonly number[] = (sentence) => sentence.weights,
): number {
  const sWeights = weightsOf(s);
  const tWeights = weightsOf(t);
  const used = new Uint8Array(t.terms.length);
  const unmatched: number[] = [];
  let shared = 0;
  for (let i = 0; i < s.terms.length; i++) {
    const j = findUnused(t.terms, used, (x) => x === s.terms[i]);
    if (j < 0) {
      unmatched.push(i);
      continue;
    }
    used[j] = 1;
    shared += Math.min(sWeights[i]!, tWeights[j]!);
  }
  for (const i of unmatched) {
    const term = s.terms[i]!;
    const j = findUnused(t.terms, used, (x) => isCompoundPart(term, x) || isCompoundPart(x, term));
    if (j < 0) continue;
    used[j] = 1;
    shared += compoundPartWeight * Math.min(sWeights[i]!, tWeights[j]!);
  }
  return shared;
}

function findUnused(terms: readonly string[], used: Uint8Array, matches: (term: string) => boolean): number {
  for (let j = 0; j < terms.length; j++) if (used[j] === 0 && matches(terms[j]!)) return j;
  return -1;
}

/** "versammlung" is a part of "nationalversammlung"; "walis" of "walisisch" (stems of one family). */
function isCompoundPart(part: string, whole: string): boolean {
  return part.length >= MIN_COMPOUND_PART_CHARS && whole.length > part.length && (whole.endsWith(part) || whole.startsWith(part));
}

/**
 * The monotone alignment of a's and b's sentences that maximises the summed margin above
 * `minPairScore`, then gap filling; pairs in text order.
 */
export function alignSentences(
  a: readonly ComparableSentence[],
  b: readonly ComparableSentence[],
  options: SentenceAlignmentOptions = DEFAULT_SENTENCE_ALIGNMENT_OPTIONS,
): SentencePair[] {
  if (a.length === 0 || b.length === 0) return [];
  const { scores, sharedWeights } = scoreSharingPairs(a, b, options.compoundPartWeight);
  const isAnchor = (i: number, j: number, score: number) =>
    quotesAgree(a[i]!, b[j]!) &&
    ((sharedWeights[i]![j]! >= options.minSharedWeight && heaviestSharedTerm(a[i]!, b[j]!) >= options.minRarestSharedWeight) ||
    (score >= options.minPlainPairScore &&
      Math.min(a[i]!.terms.length, b[j]!.terms.length) >= options.minPlainTerms &&
      distinctiveScore(a[i]!, b[j]!, options.compoundPartWeight) >= options.minPlainPairScore));
  const anchorScores = scores.map((row, i) => row.map((score, j) => (score >= options.minPairScore && isAnchor(i, j, score) ? score : 0)));
  const anchors = bestMonotonePairs(anchorScores, options.minPairScore);
  const anchored = (side: readonly ComparableSentence[], at: 0 | 1) => anchors.reduce((sum, anchor) => sum + spanLength(side[anchor[at]]!.span), 0);
  if (anchors.length < options.minAnchors || Math.min(anchored(a, 0), anchored(b, 1)) < options.minAnchoredChars) {
    const isStrongAlone = ([i, j]: [number, number]) =>
      scores[i]![j]! >= options.minLonePairScore &&
      Math.min(spanLength(a[i]!.span), spanLength(b[j]!.span)) >= options.minLoneSentenceChars &&
      rareSharedTerms(a[i]!, b[j]!, options.minRarestSharedWeight) >= options.minLoneRareTerms;
    return anchors.filter(isStrongAlone).map(([i, j]) => ({ a: a[i]!.span, b: b[j]!.span, score: scores[i]![j]!, gapFilled: false }));
  }
  const pairs: SentencePair[] = anchors.map(([i, j]) => ({ a: a[i]!.span, b: b[j]!.span, score: scores[i]![j]!, gapFilled: false }));
  // Gaps: between consecutive anchors, and before the first and after the last one.
  const bounds: Array<[number, number]> = [[-1, -1], ...anchors, [a.length, b.length]];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const [i0, j0] = bounds[k]!;
    const [i1, j1] = bounds[k + 1]!;
    if (i1 - i0 !== 2 || j1 - j0 !== 2) continue;
    const i = i0 + 1;
    const j = j0 + 1;
    if (scores[i]![j]! >= options.minGapFillScore && lengthRatio(a[i]!.span, b[j]!.span) >= options.minGapFillLengthRatio) {
      pairs.push({ a: a[i]!.span, b: b[j]!.span, score: scores[i]![j]!, gapFilled: true });
    }
  }
  return pairs.sort((x, y) => x.a.start - y.a.start);
}

/**
 * The score matrix, computed only for sentence pairs sharing at least one exact term (the rest
 * stay 0): two 60-sentence articles on one story share terms in a few hundred of their 3,600
 * pairs. A pair matching only through compound parts is left out on purpose; it never reaches
 * `minPairScore` alone.
 */
function scoreSharingPairs(
  a: readonly ComparableSentence[],
  b: readonly ComparableSentence[],
  compoundPartWeight: number,
): { scores: number[][]; sharedWeights: number[][] } {
  const sentencesWithTerm = new Map<string, number[]>();
  b.forEach((t, j) => {
    for (const term of new Set(t.terms)) {
      const list = sentencesWithTerm.get(term);
      if (list === undefined) sentencesWithTerm.set(term, [j]);
      else list.push(j);
    }
  });
  const scores: number[][] = [];
  const sharedWeights: number[][] = [];
  for (const s of a) {
    const scoreRow = new Array<number>(b.length).fill(0);
    const weightRow = new Array<number>(b.length).fill(0);
    const sharing = new Set<number>();
    for (const term of s.terms) for (const j of sentencesWithTerm.get(term) ?? []) sharing.add(j);
    for (const j of sharing) {
      const t = b[j]!;
      weightRow[j] = sharedWeightOf(s, t, compoundPartWeight);
      scoreRow[j] = s.totalWeight + t.totalWeight > 0 ? (2 * weightRow[j]!) / (s.totalWeight + t.totalWeight) : 0;
    }
    scores.push(scoreRow);
    sharedWeights.push(weightRow);
  }
  return { scores, sharedWeights };
}

function spanLength(span: Span): number {
  return span.end - span.start;
}

function lengthRatio(x: Span, y: Span): number {
  return Math.min(spanLength(x), spanLength(y)) / Math.max(spanLength(x), spanLength(y), 1);
}

/** Dynamic programming over the score matrix: the order-consistent set of pairs above `threshold` with the largest summed margin. */
function bestMonotonePairs(scores: number[][], threshold: number): Array<[number, number]> {
  const n = scores.length;
  const m = scores[0]!.length;
  const best = Array.from({ length: n + 1 }, () => new Float64Array(m + 1));
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const margin = scores[i - 1]![j - 1]! - threshold;
      best[i]![j] = Math.max(best[i - 1]![j]!, best[i]![j - 1]!, margin >= 0 ? best[i - 1]![j - 1]! + margin + 1e-9 : -Infinity);
    }
  }
  const pairs: Array<[number, number]> = [];
  for (let i = n, j = m; i > 0 && j > 0; ) {
    if (best[i]![j] === best[i - 1]![j]) i--;
    else if (best[i]![j] === best[i]![j - 1]) j--;
    else {
      pairs.push([i - 1, j - 1]);
      i--;
      j--;
    }
  }
  return pairs.reverse();
}
