/**
 * An event's extractive multi-document summary: sentences chosen greedily for the event terms they
 * cover (a term counts by how many members carry it), near-repeats skipped, a copied sentence counted
 * once and linked to every article that carries it. The candidate sentences are kept with the event
 * (a pool): new members add theirs, and a pool grown past its cap keeps its best sentences only.
 */
import type { Article } from '../article.js';
import { foldWord } from '../link/reuse-tokens.js';
import { idfOf, type CorpusCounts } from './pair-similarity.js';
import type { StoryFeatures } from './story-features.js';

export interface SummarySentence {
  readonly text: string;
  /** Every article that carries this sentence (copies counted once). */
  readonly articleIds: readonly string[];
  /** Where it sits in the first article that carries it. */
  readonly start: number;
  readonly end: number;
}

/** Three sentences say what happened; more reads like an article. */
const SUMMARY_SENTENCES = 3;
/** Share of folded words two sentences may have in common before the second is a repeat. */
const REPEAT_OVERLAP = 0.5;
const MIN_SENTENCE_WORDS = 6;
/**
 * Candidates an event keeps: all of them up to this many (about ten articles' worth, so the summary of
 * a small event is the one all its sentences give); past it, the best SUMMARY_POOL_KEPT by their own
 * weight, so storing and reading an event stays bounded however many members it gains.
 */
const SUMMARY_POOL_CAP = 400;
const SUMMARY_POOL_KEPT = 150;
/** Ends of sentences: enough for a summary's candidates; offsets stay exact. */
const SENTENCE = /[^.!?\n]+[.!?]+["“”»«]?/g;
const WORD = /[\p{L}\p{M}\p{Nd}]+/gu;

interface Candidate extends SummarySentence {
  readonly words: ReadonlySet<string>;
  readonly articleIds: string[];
}

/** Summary candidates of an event (its pool), with the copies of one sentence merged into one; read back in order. */
export class SummaryPool {
  private readonly byCopyKey = new Map<string, Candidate>();

  /** Adds the sentences of new members, after those already in the pool. */
  addArticles(articles: readonly Article[]): this {
    for (const article of articles) {
      for (const m of article.text.matchAll(SENTENCE)) {
        const words = wordsOf(m[0]);
        if (words.length < MIN_SENTENCE_WORDS) continue;
        const start = m.index + (m[0].length - m[0].trimStart().length);
        this.addCandidate({ text: m[0].trim(), articleIds: [article.id], start, end: m.index + m[0].length }, words);
      }
    }
    return this;
  }

  /** Adds candidates kept before (stored with an event, or a merged event's), after those already in the pool. */
  addSentences(sentences: readonly SummarySentence[]): this {
    for (const s of sentences) this.addCandidate(s, wordsOf(s.text));
    return this;
  }

  /** The three sentences that cover most of the event's terms, weighed by how many members carry each (see termCarriers). */
  summary(carriers: ReadonlyMap<string, number>, counts: CorpusCounts): SummarySentence[] {
    const weighs = makeWordWeights(carriers, counts);
    const covered = new Set<string>();
    const chosen: Candidate[] = [];
    const candidates = [...this.byCopyKey.values()];
    while (chosen.length < SUMMARY_SENTENCES) {
      let best: Candidate | null = null;
      let bestGain = 0;
      for (const c of candidates) {
        if (chosen.includes(c) || chosen.some((p) => overlap(p.words, c.words) > REPEAT_OVERLAP)) continue;
        const gain = gainOf(c, covered, weighs);
        if (gain > bestGain) [best, bestGain] = [c, gain];
      }
      if (best === null) break;
      chosen.push(best);
      for (const w of best.words) covered.add(w);
    }
    return chosen.map(sentenceOf);
  }

  /** The candidates to keep with the event: all, or past the cap the best by their own gain, in pool order. */
  kept(carriers: ReadonlyMap<string, number>, counts: CorpusCounts): SummarySentence[] {
    const candidates = [...this.byCopyKey.values()];
    if (candidates.length <= SUMMARY_POOL_CAP) return candidates.map(sentenceOf);
    const weighs = makeWordWeights(carriers, counts);
    const nothingCovered = new Set<string>();
    const best = new Set(
      candidates
        .map((c) => ({ c, gain: gainOf(c, nothingCovered, weighs) }))
        .sort((a, b) => b.gain - a.gain)
        .slice(0, SUMMARY_POOL_KEPT)
        .map(({ c }) => c),
    );
    return candidates.filter((c) => best.has(c)).map(sentenceOf);
  }

  private addCandidate(sentence: SummarySentence, words: readonly string[]): void {
    const key = words.join(' ');
    const seen = this.byCopyKey.get(key);
    if (seen === undefined) {
      this.byCopyKey.set(key, { text: sentence.text, articleIds: [...sentence.articleIds], start: sentence.start, end: sentence.end, words: new Set(words) });
      return;
    }
    for (const id of sentence.articleIds) if (!seen.articleIds.includes(id)) seen.articleIds.push(id);
  }
}

/** How many of an event's members carry each term: what a summary sentence is weighed by. */
export function termCarriers(features: Iterable<StoryFeatures>): Map<string, number> {
  const carriers = new Map<string, number>();
  for (const f of features) for (const term of f.terms.keys()) carriers.set(term, (carriers.get(term) ?? 0) + 1);
  return carriers;
}

export function summariseEvent(articles: readonly Article[], counts: CorpusCounts, featuresOf: (a: Article) => StoryFeatures): SummarySentence[] {
  return new SummaryPool().addArticles(articles).summary(termCarriers(articles.map(featuresOf)), counts);
}

function wordsOf(sentence: string): string[] {
  return [...sentence.matchAll(WORD)].map((w) => foldWord(w[0]));
}

function sentenceOf({ text, articleIds, start, end }: Candidate): SummarySentence {
  return { text, articleIds: [...articleIds], start, end };
}

/** A word's weight does not change while sentences are chosen: weighed once, not once per round. */
function makeWordWeights(carriers: ReadonlyMap<string, number>, counts: CorpusCounts): (word: string) => number {
  const weights = new Map<string, number>();
  return (w) => {
    let weight = weights.get(w);
    if (weight === undefined) {
      weight = (carriers.get(w) ?? carriers.get(w.slice(0, 5)) ?? 0.5) * idfOf(counts.termDf.get(w), counts.articles);
      weights.set(w, weight);
    }
    return weight;
  };
}

/** What a sentence adds (its words not covered yet, per word), times the square root of its copies. */
function gainOf(c: Candidate, covered: ReadonlySet<string>, weightOf: (word: string) => number): number {
  let gain = 0;
  for (const w of c.words) if (!covered.has(w)) gain += weightOf(w);
  return (gain / Math.sqrt(c.words.size)) * c.articleIds.length ** 0.5;
}

function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared += 1;
  return shared / Math.min(a.size, b.size);
}
