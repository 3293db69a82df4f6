/**
 * Local alignment of two texts into reused passages with exact character offsets in both: shared
 * word shingles are the seeds, seeds on one diagonal are chained, and chains close in both texts
 * are merged across small edits. An edited copy with a reordered paragraph comes out as several
 * passages, one per stretch that runs in the same order in both texts.
 */
import type { Span } from '../article.js';
import { tokenizeForReuse, type ReuseTokens } from './reuse-tokens.js';
import { hashShingles } from './shingles.js';

export interface PassageOptions {
  /** Tokens per shingle. 5 German words rarely repeat by chance outside stock phrases. */
  readonly shingleTokens: number;
  /**
   * Passages shorter than this in either text (characters) are dropped: "Mehr zum Thema" is no
   * reuse, and a shared stretch shorter than one long sentence is formulaic ("Der Gemeinderat will
   * am Freitag über die Sanierung entscheiden.") more often than copied. On the generated bench
   * corpus chance overlaps between unrelated articles are 100–140 characters long. A shorter
   * copied sentence can still be linked by sentence alignment (as a paraphrase scoring 1).
   */
  readonly minPassageChars: number;
  /**
   * A shorter passage is kept when it is at least this long (characters), copies whole sentences
   * in both texts (at least `minWholeSentences` of them) word for word, and holds no common or
   * stock shingle: a two-sentence teaser run as another text's lede (about 140 characters). A
   * single copied formula sentence ("Der Gemeinderat von X will am Montag über die Sanierung
   * entscheiden.") is what independent reports of one story share by chance, so one is not enough.
   */
  readonly minSentencesPassageChars: number;
  readonly minWholeSentences: number;
  /**
   * A passage mostly made of common shingles (spread over several articles, see
   * `ShingleSpread.isCommon`) must be at least this long (characters): a widely shared long
   * stretch is a wire text run by many outlets, a widely shared sentence is a formula.
   */
  readonly minCommonPassageChars: number;
  /**
   * Share of such a mostly common passage that must match word for word. A wire text run by many
   * outlets is copied nearly whole; a formula every report of a story repeats with other slots
   * ("Der Gemeinderat von X will am Montag über die Sanierung entscheiden") matches in pieces
   * (0.64–0.78 on the generated bench corpus's false links).
   */
  readonly minCommonMatchedShare: number;
  /**
   * Share (0–1) of a passage's tokens in a that shared shingles must cover. Gap bridging joins an
   * edited copy across a changed word (share ~0.9); it must not join two short chance matches
   * with a different clause between them (share ~0.6) into one "passage".
   */
  readonly minMatchedShare: number;
  /**
   * Unmatched tokens tolerated between two matched stretches of one passage (in either text): an
   * inserted clause or a changed word costs up to k tokens of shingle matches on each side.
   */
  readonly maxGapTokens: number;
  /**
   * A shingle occurring more often than this in one text is not used as a seed: an article that is
   * one sentence repeated would otherwise pair every copy with every copy (quadratic seeds).
   */
  readonly maxShingleRepeats: number;
  /**
   * How many shingles on each side of a stock fingerprint are vetoed with it. The index only counts
   * the winnowed fingerprints (one per window of the phrase), so the shingles between them are
   * stock too: set this to the winnowing window − 1.
   */
  readonly stockReachShingles: number;
}

export const DEFAULT_PASSAGE_OPTIONS: PassageOptions = {
  shingleTokens: 5,
  minPassageChars: 150,
  minSentencesPassageChars: 100,
  minWholeSentences: 2,
  minCommonPassageChars: 250,
  minCommonMatchedShare: 0.9,
  minMatchedShare: 0.75,
  maxGapTokens: 12,
  maxShingleRepeats: 4,
  stockReachShingles: 3,
};

/** What the corpus says about a shingle's spread; both false when the caller knows no corpus. */
export interface ShingleSpread {
  /** So widespread it is a stock phrase: like a common shingle, and stock sentences are no paraphrase. */
  readonly isStock: (hash: number) => boolean;
  /** Shared by several articles: passages made mostly of such shingles must be long. */
  readonly isCommon: (hash: number) => boolean;
}

const NO_SPREAD: ShingleSpread = { isStock: () => false, isCommon: () => false };

/** Sentence spans of both texts (offsets into each text), when the caller has split them. */
export interface SentenceBounds {
  readonly a: readonly Span[];
  readonly b: readonly Span[];
}

/** One reused stretch: where it lies in each text and how much of it matches word for word. */
export interface Passage {
  /** Offsets into text a (JavaScript string indices). */
  readonly a: Span;
  /** Offsets into text b. */
  readonly b: Span;
  /** Tokens of the passage in a and in b. */
  readonly aTokens: number;
  readonly bTokens: number;
  /** Tokens of a covered by shared shingles. */
  readonly matchedTokens: number;
}

/** Tokens of a text with its shingle hashes; computed once per article and reused for every pair. */
export interface ShingledText {
  readonly text: string;
  readonly tokens: ReuseTokens;
  readonly shingles: Uint32Array;
}

export function shingleText(text: string, shingleTokens: number): ShingledText {
  const tokens = tokenizeForReuse(text);
  return { text, tokens, shingles: hashShingles(tokens.norms, shingleTokens) };
}

/** A run of seeds on one diagonal, in token indices (end exclusive). */
interface Run {
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
}

interface OpenPassage extends Run {
  runs: Run[];
}

/** Closing punctuation a passage may take along when both texts have it: the full stop, a closing quote. */
const TRAILING_PUNCTUATION = /^[.!?…“”"»«’)\]]+/u;

/**
 * Passages shared by a and b, ordered by their start in a. `spread` tells stock and common
 * shingles (they count only in long passages) that the caller learned from its corpus.
 */
export function alignPassages(
  a: ShingledText,
  b: ShingledText,
  options: PassageOptions = DEFAULT_PASSAGE_OPTIONS,
  spread: ShingleSpread = NO_SPREAD,
  sentences?: SentenceBounds,
): Passage[] {
  const runs = chainSeeds(findSeeds(a, b, options), options.shingleTokens);
  // Stock shingles seed too: a long stretch of them is still a copy (a wire text so widely run that its
  // phrases look stock); like common ones they only count in passages of minCommonPassageChars.
  const commonTokens = markSpreadTokens(a, options, (hash) => spread.isCommon(hash) || spread.isStock(hash));
  const sentencesA = sentences === undefined ? null : sentenceTokenBounds(a, sentences.a);
  const sentencesB = sentences === undefined ? null : sentenceTokenBounds(b, sentences.b);
  return mergeRuns(runs, options.maxGapTokens)
    .filter((p) => {
      const chars = Math.min(a.tokens.ends[p.aEnd - 1]! - a.tokens.starts[p.aStart]!, b.tokens.ends[p.bEnd - 1]! - b.tokens.starts[p.bStart]!);
      const tokens = p.aEnd - p.aStart;
      const matched = coveredTokens(p.runs);
      let common = 0;
      for (let t = p.aStart; t < p.aEnd; t++) common += commonTokens[t]!;
      if (chars < options.minPassageChars) {
        return (
          chars >= options.minSentencesPassageChars &&
          common === 0 &&
          matched === tokens &&
          p.bEnd - p.bStart === tokens &&
          sentencesA !== null &&
          sentencesB !== null &&
          wholeSentencesIn(sentencesA, p.aStart, p.aEnd) >= options.minWholeSentences &&
          wholeSentencesIn(sentencesB, p.bStart, p.bEnd) >= options.minWholeSentences
        );
      }
      if (matched < options.minMatchedShare * tokens) return false;
      return common * 2 <= tokens || (chars >= options.minCommonPassageChars && matched >= options.minCommonMatchedShare * tokens);
    })
    .map((p) => toPassage(p, a, b));
}

/** Each sentence as the token index of its first word and the index just past its last (empty sentences left out). */
interface SentenceTokens {
  readonly starts: readonly number[];
  readonly ends: ReadonlySet<number>;
}

function sentenceTokenBounds(text: ShingledText, spans: readonly Span[]): SentenceTokens {
  const starts: number[] = [];
  const ends = new Set<number>();
  for (const span of spans) {
    const first = firstAtOrAfter(text.tokens.starts, span.start);
    const end = firstAtOrAfter(text.tokens.starts, span.end);
    if (end <= first) continue;
    starts.push(first);
    ends.add(end);
  }
  return { starts, ends };
}

/** How many whole sentences the token range [from, to) covers; 0 unless it starts and ends on sentence bounds. */
function wholeSentencesIn(sentences: SentenceTokens, from: number, to: number): number {
  if (!sentences.ends.has(to)) return 0;
  const first = firstAtOrAfter(sentences.starts, from);
  if (sentences.starts[first] !== from) return 0;
  return firstAtOrAfter(sentences.starts, to) - first;
}

/** Index of the first value at or after `value` in an ascending list. */
export function firstAtOrAfter(values: ArrayLike<number>, value: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (values[mid]! < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Seeds as (token index in a, token index in b) pairs, packed for sorting by diagonal. */
function findSeeds(a: ShingledText, b: ShingledText, options: PassageOptions): Array<[number, number]> {
  const inB = positionsByHash(b.shingles, options.maxShingleRepeats);
  const repeatsInA = countHashes(a.shingles);
  const seeds: Array<[number, number]> = [];
  for (let i = 0; i < a.shingles.length; i++) {
    const hash = a.shingles[i]!;
    const positions = inB.get(hash);
    if (positions === undefined || repeatsInA.get(hash)! > options.maxShingleRepeats) continue;
    for (const j of positions) {
      if (sameTokens(a.tokens.norms, i, b.tokens.norms, j, options.shingleTokens)) seeds.push([i, j]);
    }
  }
  return seeds;
}

/**
 * Which tokens of a text lie in shingles the predicate picks (stock or common), counting the
 * shingles within reach of a picked one. The paraphrase side uses it to leave stock sentences (a
 * sign-off) out of its comparison too.
 */
export function markSpreadTokens(text: ShingledText, options: PassageOptions, picks: (hash: number) => boolean): Uint8Array {
  const shingles = markSpreadShingles(text.shingles, options.stockReachShingles, picks);
  const tokens = new Uint8Array(text.tokens.norms.length);
  for (let i = 0; i < shingles.length; i++) if (shingles[i] === 1) tokens.fill(1, i, i + options.shingleTokens);
  return tokens;
}

function markSpreadShingles(shingles: Uint32Array, reach: number, picks: (hash: number) => boolean): Uint8Array {
  const marked = new Uint8Array(shingles.length);
  for (let i = 0; i < shingles.length; i++) {
    if (picks(shingles[i]!)) marked.fill(1, Math.max(0, i - reach), Math.min(shingles.length, i + reach + 1));
  }
  return marked;
}

function positionsByHash(shingles: Uint32Array, maxRepeats: number): Map<number, number[]> {
  const positions = new Map<number, number[]>();
  for (let j = 0; j < shingles.length; j++) {
    const list = positions.get(shingles[j]!);
    if (list === undefined) positions.set(shingles[j]!, [j]);
    else list.push(j);
  }
  for (const [hash, list] of positions) if (list.length > maxRepeats) positions.delete(hash);
  return positions;
}

function countHashes(shingles: Uint32Array): Map<number, number> {
  const counts = new Map<number, number>();
  for (const hash of shingles) counts.set(hash, (counts.get(hash) ?? 0) + 1);
  return counts;
}

/** Guards against 32-bit hash collisions: a seed must be the same words. */
function sameTokens(a: readonly string[], i: number, b: readonly string[], j: number, length: number): boolean {
  for (let t = 0; t < length; t++) if (a[i + t] !== b[j + t]) return false;
  return true;
}

/** Seeds on one diagonal whose shingles touch or overlap become one run. */
function chainSeeds(seeds: Array<[number, number]>, shingleTokens: number): Run[] {
  seeds.sort((x, y) => x[1] - x[0] - (y[1] - y[0]) || x[0] - y[0]);
  const runs: Run[] = [];
  let current: Run | null = null;
  for (const [i, j] of seeds) {
    if (current !== null && j - i === current.bStart - current.aStart && i <= current.aEnd) {
      current.aEnd = Math.max(current.aEnd, i + shingleTokens);
      current.bEnd = current.aEnd + (current.bStart - current.aStart);
      continue;
    }
    current = { aStart: i, aEnd: i + shingleTokens, bStart: j, bEnd: j + shingleTokens };
    runs.push(current);
  }
  return runs.sort((x, y) => x.aStart - y.aStart || x.bStart - y.bStart);
}

/**
 * Joins runs that follow each other in both texts with small gaps (edits) into passages. A run
 * that jumps backwards in b, or far ahead in either text, starts a passage of its own: a
 * reordered paragraph is a separate passage, not a stretch that swallows everything between.
 */
function mergeRuns(runs: Run[], maxGapTokens: number): OpenPassage[] {
  const passages: OpenPassage[] = [];
  const open: OpenPassage[] = [];
  for (const run of runs) {
    let target: OpenPassage | undefined;
    for (let k = open.length - 1; k >= 0; k--) {
      const p = open[k]!;
      if (run.aStart - p.aEnd > maxGapTokens) {
        open.splice(k, 1); // runs come sorted by aStart: nothing later can join it
        continue;
      }
      const bGap = run.bStart - p.bEnd;
      // overlapping shingles of a shifted diagonal reach back up to k tokens; further back is a reordering
      if (bGap <= maxGapTokens && run.bEnd > p.bEnd && run.bStart >= p.bStart && target === undefined) target = p;
    }
    if (target === undefined) {
      const passage: OpenPassage = { ...run, runs: [run] };
      passages.push(passage);
      open.push(passage);
    } else {
      target.aEnd = Math.max(target.aEnd, run.aEnd);
      target.bEnd = Math.max(target.bEnd, run.bEnd);
      target.runs.push(run);
    }
  }
  return passages;
}

function toPassage(p: OpenPassage, a: ShingledText, b: ShingledText): Passage {
  let aEndChar = a.tokens.ends[p.aEnd - 1]!;
  let bEndChar = b.tokens.ends[p.bEnd - 1]!;
  const aTail = TRAILING_PUNCTUATION.exec(a.text.slice(aEndChar, aEndChar + 4))?.[0] ?? '';
  const bTail = TRAILING_PUNCTUATION.exec(b.text.slice(bEndChar, bEndChar + 4))?.[0] ?? '';
  if (aTail !== '' && aTail === bTail) {
    aEndChar += aTail.length;
    bEndChar += bTail.length;
  }
  return {
    a: { start: a.tokens.starts[p.aStart]!, end: aEndChar },
    b: { start: b.tokens.starts[p.bStart]!, end: bEndChar },
    aTokens: p.aEnd - p.aStart,
    bTokens: p.bEnd - p.bStart,
    matchedTokens: coveredTokens(p.runs),
  };
}

/** Tokens of a inside the union of the runs (runs of one passage may overlap). */
function coveredTokens(runs: Run[]): number {
  const sorted = [...runs].sort((x, y) => x.aStart - y.aStart);
  let covered = 0;
  let reach = -1;
  for (const run of sorted) {
    const from = Math.max(run.aStart, reach);
    if (run.aEnd > from) covered += run.aEnd - from;
    reach = Math.max(reach, run.aEnd);
  }
  return covered;
}
