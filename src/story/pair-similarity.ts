/**
 * How strongly two articles report the same happening, with the evidence: shared canonical entities
 * (rarer and more specific weigh more), shared content terms (across German and English through a word
 * list), shared numbers, shared quoted statements
 * and shared reuse passages; and whether their event days are close enough at all.
 */
import type { StoryFeatures } from './story-features.js';
import { isSpecificEntity } from './link-storylines.js';

/** Document frequencies over the articles seen so far: what makes a shared entity or term telling. */
export interface CorpusCounts {
  articles: number;
  readonly entityDf: Map<string, number>;
  readonly termDf: Map<string, number>;
  readonly numberDf: Map<string, number>;
  readonly nameWordDf: Map<string, number>;
}

export function emptyCorpusCounts(): CorpusCounts {
  return { articles: 0, entityDf: new Map(), termDf: new Map(), numberDf: new Map(), nameWordDf: new Map() };
}

export function countArticle(counts: CorpusCounts, features: StoryFeatures): void {
  counts.articles += 1;
  for (const key of features.entities.keys()) counts.entityDf.set(key, (counts.entityDf.get(key) ?? 0) + 1);
  for (const term of features.terms.keys()) counts.termDf.set(term, (counts.termDf.get(term) ?? 0) + 1);
  for (const w of features.nameWords.keys()) counts.nameWordDf.set(w, (counts.nameWordDf.get(w) ?? 0) + 1);
  for (const n of features.numbers) counts.numberDf.set(n, (counts.numberDf.get(n) ?? 0) + 1);
}

export function idfOf(df: number | undefined, articles: number): number {
  return Math.log((articles + 1) / ((df ?? 0) + 1)) + 1;
}

/** The thresholds and weights, calibrated together on the similarity dev set: tune none alone. */
export interface SimilarityOptions {
  /** Event days further apart than this are different happenings, whatever else they share. */
  readonly maxEventDayGap: number;
  /** Entity weight by canonical prefix: a person says more about the event than a country does. */
  readonly entityTypeWeights: Readonly<Record<string, number>>;
  /** Weight of an unresolved name ("~name"). */
  readonly unresolvedEntityWeight: number;
  /**
   * Across languages without a word list (German–English has one: news-words.en-de.tsv) only names and
   * entities can meet, and topic-level names (a country, a party) meet easily: such a score counts this
   * much of a same-language one.
   */
  readonly crossLanguageWeight: number;
  /**
   * Across languages without a word list, shared names (name words, and entities other than countries and governments)
   * needed before the pair counts at all: one shared celebrity or head of state is a topic, not a happening.
   */
  readonly minSharedNamesAcrossLanguages: number;
  /** Quote terms shared (Jaccard) for one speaker's two quotes to be the same statement. */
  readonly sameStatementJaccard: number;
  /** Score an article must reach with an event's member to join it. */
  readonly joinScore: number;
}

export const DEFAULT_SIMILARITY_OPTIONS: SimilarityOptions = {
  maxEventDayGap: 3,
  entityTypeWeights: { person: 3, org: 2, place: 1.5, gov: 1, country: 1, other: 1 },
  unresolvedEntityWeight: 1,
  crossLanguageWeight: 0.5,
  minSharedNamesAcrossLanguages: 2,
  sameStatementJaccard: 0.5,
  joinScore: 0.15,
};

export interface PairEvidence {
  readonly score: number;
  /** Shared entity keys, most telling first. */
  readonly entities: readonly string[];
  readonly terms: readonly string[];
  readonly numbers: readonly string[];
  /** Speakers whose same statement both carry. */
  readonly statements: readonly string[];
  /** Those statements as the first article quotes them, one per speaker. */
  readonly quotes: readonly { readonly speaker: string; readonly text: string }[];
  /** Reuse passages between the two (from src/link/), when the caller knows them. */
  readonly passages: number;
  /** The two event days when both are known. */
  readonly days: readonly [string, string] | null;
}

const MS_PER_DAY = 86_400_000;

/** Days between two dates of any precision ("2022-02-04", "2021-12", "2024"): 0 when their spans overlap. */
export function dayGap(a: string, b: string): number {
  const [startA, endA] = spanOf(a);
  const [startB, endB] = spanOf(b);
  return Math.max(0, startB - endA, startA - endB) / MS_PER_DAY;
}

function spanOf(date: string): [number, number] {
  const [year, month, day] = date.slice(0, 10).split('-').map(Number) as [number, number?, number?];
  if (day !== undefined) return [Date.UTC(year, month! - 1, day), Date.UTC(year, month! - 1, day)];
  if (month !== undefined) return [Date.UTC(year, month - 1, 1), Date.UTC(year, month, 0)];
  return [Date.UTC(year, 0, 1), Date.UTC(year, 11, 31)];
}

/** Event days known on both sides and too far apart, or one side's day before what the other undated side recalls. */
export function daysConflict(a: StoryFeatures, b: StoryFeatures, options: SimilarityOptions): boolean {
  if (a.eventDay !== null && b.eventDay !== null) return dayGap(a.eventDay, b.eventDay) > options.maxEventDayGap;
  return dayBeforeBound(a.eventDay, b.notBefore, options) || dayBeforeBound(b.eventDay, a.notBefore, options);
}

/**
 * A dated event that ended well before the earliest an undated article can be from: a 2024 text that
 * names 2023 is not a report of February 2022. Bounds alone say nothing about each other.
 */
export function dayBeforeBound(day: string | null, notBefore: string | null, options: SimilarityOptions): boolean {
  if (day === null || notBefore === null) return false;
  return (spanOf(notBefore)[0] - spanOf(day)[1]) / MS_PER_DAY > options.maxEventDayGap;
}

/**
 * Vector norms by vector, kept by the caller across many pairs: the norm is most of a cosine's cost.
 * A norm is taken with the term weights of when it was first needed, so it drifts slightly as the corpus grows.
 */
export type NormCache = WeakMap<ReadonlyMap<string, number>, number>;

export function scorePair(
  a: StoryFeatures,
  b: StoryFeatures,
  counts: CorpusCounts,
  options: SimilarityOptions,
  sharedPassages = 0,
  norms: NormCache = new WeakMap(),
): PairEvidence {
  const days: [string, string] | null = a.eventDay && b.eventDay ? [a.eventDay, b.eventDay] : null;
  const weights = keyWeights(counts, options);
  const entity = weightedCosine(a.entities, b.entities, weights.entity, norms);
  const sameLanguage = a.language === b.language;
  const term = sameLanguage ? weightedCosine(a.terms, b.terms, weights.term, norms) : { score: 0, shared: [] };
  const numbers = [...a.numbers].filter((n) => b.numbers.has(n));
  const quotes = sharedStatements(a, b, options);
  const statements = quotes.map((q) => q.speaker);
  const names = sameLanguage ? { score: 0, shared: [] } : weightedCosine(a.nameWords, b.nameWords, weights.nameWord, norms);
  const translated = sameLanguage ? null : translatedTermsCosine(a, b, weights.term, norms);
  const sharedNames = entity.shared.filter(isSpecificEntity).length + names.shared.length;
  // In one language the names are among the content terms already; an entity cosine on top counted a shared
  // person twice (weighted up as a person), which joined reports of one person's different doings (dev F1 0.734 -> 0.777).
  // An English and a German report compare by content too, the English terms put into German: that tells one
  // happening from another far better than shared names (dev de-en ranking AUC 0.83 -> 0.94), so it replaces them.
  let score = sameLanguage
    ? term.score
    : translated !== null
      ? translated.score
      : sharedNames < options.minSharedNamesAcrossLanguages
      ? 0
      : options.crossLanguageWeight * Math.max(entity.score, names.score);
  if (statements.length > 0 || sharedPassages > 0) score = Math.max(score, 1);
  return { score, entities: entity.shared, terms: (sameLanguage ? term.shared : (translated ?? names).shared).slice(0, 12), numbers, statements, quotes, passages: sharedPassages, days };
}

/**
 * German and English: the German article's terms against the English one's terms put into German (null for
 * other pairs of languages, and for English features stored before they had German terms).
 */
function translatedTermsCosine(a: StoryFeatures, b: StoryFeatures, termWeight: (key: string) => number, norms: NormCache): { score: number; shared: string[] } | null {
  const [english, german] = a.language === 'en' ? [a, b] : [b, a];
  if (english.language !== 'en' || german.language !== 'de' || english.termsAsGerman.size === 0) return null;
  return weightedCosine(german.terms, english.termsAsGerman, termWeight, norms);
}

function keyWeights(counts: CorpusCounts, options: SimilarityOptions) {
  return {
    entity: (key: string) => entityWeight(key, options) * idfOf(counts.entityDf.get(key), counts.articles),
    term: (term: string) => idfOf(counts.termDf.get(term), counts.articles),
    nameWord: (word: string) => idfOf(counts.nameWordDf.get(word), counts.articles),
  };
}

/** The three vector norms of an article, as scorePair would take them now: kept with it so a later comparison need not weigh every key again. */
export interface FeatureNorms {
  readonly entities: number;
  readonly terms: number;
  readonly nameWords: number;
}

export function featureNorms(f: StoryFeatures, counts: CorpusCounts, options: SimilarityOptions, cache: NormCache): FeatureNorms {
  const weights = keyWeights(counts, options);
  return {
    entities: cachedNorm(f.entities, weights.entity, cache),
    terms: cachedNorm(f.terms, weights.term, cache),
    nameWords: cachedNorm(f.nameWords, weights.nameWord, cache),
  };
}

/** Puts norms computed earlier (kept in the store) into the cache, so scorePair uses them. */
export function rememberNorms(f: StoryFeatures, norms: FeatureNorms, cache: NormCache): void {
  cache.set(f.entities, norms.entities);
  cache.set(f.terms, norms.terms);
  cache.set(f.nameWords, norms.nameWords);
}

function entityWeight(key: string, options: SimilarityOptions): number {
  if (key.startsWith('~')) return options.unresolvedEntityWeight;
  const prefix = key.slice(0, key.indexOf(':'));
  return options.entityTypeWeights[prefix] ?? 1;
}

/** Cosine of log-count × weight vectors; `shared` lists the shared keys by contribution. */
function weightedCosine(
  a: ReadonlyMap<string, number>,
  b: ReadonlyMap<string, number>,
  weightOf: (key: string) => number,
  norms: NormCache,
): { score: number; shared: string[] } {
  if (a.size === 0 || b.size === 0) return { score: 0, shared: [] };
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  const contributions: [string, number][] = [];
  for (const [key, countSmall] of small) {
    const countLarge = large.get(key);
    if (countLarge === undefined) continue;
    const w = weightOf(key);
    const c = (1 + Math.log(countSmall)) * (1 + Math.log(countLarge)) * w * w;
    dot += c;
    contributions.push([key, c]);
  }
  if (dot === 0) return { score: 0, shared: [] };
  const score = dot / (cachedNorm(a, weightOf, norms) * cachedNorm(b, weightOf, norms));
  return { score, shared: contributions.sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).map(([k]) => k) };
}

function cachedNorm(v: ReadonlyMap<string, number>, weightOf: (key: string) => number, norms: NormCache): number {
  let n = norms.get(v);
  if (n === undefined) {
    n = norm(v, weightOf);
    norms.set(v, n);
  }
  return n;
}

function norm(v: ReadonlyMap<string, number>, weightOf: (key: string) => number): number {
  let sum = 0;
  for (const [key, count] of v) {
    const x = (1 + Math.log(count)) * weightOf(key);
    sum += x * x;
  }
  return Math.sqrt(sum);
}

function sharedStatements(a: StoryFeatures, b: StoryFeatures, options: SimilarityOptions): { speaker: string; text: string }[] {
  const bySpeaker = new Map<string, string>();
  for (const qa of a.quotes) {
    for (const qb of b.quotes) {
      if (qa.speaker !== qb.speaker || bySpeaker.has(qa.speaker)) continue;
      let shared = 0;
      for (const t of qa.terms) if (qb.terms.has(t)) shared += 1;
      if (shared / (qa.terms.size + qb.terms.size - shared) >= options.sameStatementJaccard) bySpeaker.set(qa.speaker, qa.text);
    }
  }
  return [...bySpeaker].sort((x, y) => (x[0] < y[0] ? -1 : 1)).map(([speaker, text]) => ({ speaker, text }));
}
