/**
 * An event's extractive multi-document summary: sentences chosen greedily for the event terms they
 * cover (a term counts by how many members carry it), near-repeats skipped, a copied sentence counted
 * once and linked to every article that carries it.
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
/** Ends of sentences: enough for a summary's candidates; offsets stay exact. */
const SENTENCE = /[^.!?\n]+[.!?]+["“”»«]?/g;
const WORD = /[\p{L}\p{M}\p{Nd}]+/gu;

interface Candidate extends SummarySentence {
  readonly words: ReadonlySet<string>;
  readonly articleIds: string[];
}

export function summariseEvent(articles: readonly Article[], counts: CorpusCounts, featuresOf: (a: Article) => StoryFeatures): SummarySentence[] {
  const byCopyKey = new Map<string, Candidate>();
  const carriers = new Map<string, number>();
  for (const article of articles) {
    for (const term of featuresOf(article).terms.keys()) carriers.set(term, (carriers.get(term) ?? 0) + 1);
    for (const m of article.text.matchAll(SENTENCE)) {
      const words = [...m[0].matchAll(WORD)].map((w) => foldWord(w[0]));
      if (words.length < MIN_SENTENCE_WORDS) continue;
      const key = words.join(' ');
      const seen = byCopyKey.get(key);
      if (seen) {
        if (!seen.articleIds.includes(article.id)) seen.articleIds.push(article.id);
        continue;
      }
      const start = m.index + (m[0].length - m[0].trimStart().length);
      byCopyKey.set(key, { text: m[0].trim(), articleIds: [article.id], start, end: m.index + m[0].length, words: new Set(words) });
    }
  }
  const covered = new Set<string>();
  const chosen: Candidate[] = [];
  // A word's weight does not change while sentences are chosen: weighed once, not once per round.
  const weights = new Map<string, number>();
  const weightOf = (w: string) => {
    let weight = weights.get(w);
    if (weight === undefined) {
      weight = (carriers.get(w) ?? carriers.get(w.slice(0, 5)) ?? 0.5) * idfOf(counts.termDf.get(w), counts.articles);
      weights.set(w, weight);
    }
    return weight;
  };
  const gainOf = (c: Candidate) => {
    let gain = 0;
    for (const w of c.words) if (!covered.has(w)) gain += weightOf(w);
    return gain / Math.sqrt(c.words.size);
  };
  const candidates = [...byCopyKey.values()];
  while (chosen.length < SUMMARY_SENTENCES) {
    let best: Candidate | null = null;
    let bestGain = 0;
    for (const c of candidates) {
      if (chosen.includes(c) || chosen.some((p) => overlap(p.words, c.words) > REPEAT_OVERLAP)) continue;
      const gain = gainOf(c) * c.articleIds.length ** 0.5;
      if (gain > bestGain) [best, bestGain] = [c, gain];
    }
    if (best === null) break;
    chosen.push(best);
    for (const w of best.words) covered.add(w);
  }
  return chosen.map(({ text, articleIds, start, end }) => ({ text, articleIds, start, end }));
}

function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared += 1;
  return shared / Math.min(a.size, b.size);
}
