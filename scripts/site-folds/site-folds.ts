/**
 * Site folds of the extraction-de and dates development sets, and their scores: every page of one
 * site (registered domain of its URL, an archived page counting as the site it archives) lands in
 * the same fold, so a rule chosen on the other folds never saw that site's template. Scoring is the
 * same as ../shared/eval (extraction.py, dates.py), recomputed here per page so that any set of
 * folds can be scored from one run.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export type TaskName = 'extraction-de' | 'dates';

export interface EvalPage {
  /** The annotation's key (the page URL, or "hard::…" for a few pages without one). */
  readonly key: string;
  /** File name under html/. */
  readonly file: string;
  readonly site: string;
  fold: number;
  readonly with?: readonly string[];
  readonly without?: readonly string[];
  readonly date?: string;
}

export interface EvalTask {
  readonly name: TaskName;
  readonly dir: string;
  readonly pages: readonly EvalPage[];
  readonly k: number;
}

/** Second-level labels under which a country's domains are registered ("bbc.co.uk", "gleaner.com.jm"). */
const SECOND_LEVEL = new Set(['co', 'com', 'org', 'net', 'gov', 'gob', 'edu', 'ac', 'or', 'ne', 'go']);

/** "www.n-tv.de" → "n-tv.de", "jamaica.gleaner.com" → "gleaner.com", "news.bbc.co.uk" → "bbc.co.uk". */
export function registeredDomain(host: string): string {
  const labels = host.toLowerCase().replace(/\.$/, '').split('.');
  if (labels.length <= 2) return labels.join('.');
  const take = labels.length >= 3 && labels.at(-1)!.length === 2 && SECOND_LEVEL.has(labels.at(-2)!) ? 3 : 2;
  return labels.slice(-take).join('.');
}

/** The site a page belongs to: its URL's registered domain; archive.org copies count as the archived site. */
export function siteOf(key: string, file: string): string {
  const archived = /^https?:\/\/web\.archive\.org\/web\/\d+[^/]*\/(.+)$/.exec(key);
  const url = archived ? (/^https?:\/\//.test(archived[1]!) ? archived[1]! : `http://${archived[1]}`) : key;
  try {
    const host = new URL(url).hostname;
    if (host) return registeredDomain(host);
  } catch {
    // Keys like "hard::site.tld-words.html" are no URL; the file name starts with the host.
  }
  const name = file.replace(/\.html?$/i, '').split(/[-_ ]/)[0]!;
  const labels = name.toLowerCase().split('.');
  // Keep labels up to the first that reads as a top-level domain: "laprensagrafica.com.fiscal" → laprensagrafica.com.
  const tld = labels.findIndex((label, i) => i > 0 && /^(?:com|org|net|de|at|ch|info|gov|[a-z]{2})$/.test(label) && !SECOND_LEVEL.has(labels[i + 1] ?? ''));
  return registeredDomain(tld > 0 ? labels.slice(0, tld + 1).join('.') : name);
}

/**
 * Sites into k folds of about equal page counts: largest sites first, each into the fold with the
 * fewest pages; sites of one size are ordered by a hash of their name, so the split is fixed but
 * not alphabetical.
 */
export function assignFolds(pages: EvalPage[], k: number): void {
  const bySite = new Map<string, EvalPage[]>();
  for (const page of pages) bySite.set(page.site, [...(bySite.get(page.site) ?? []), page]);
  const hash = (s: string) => createHash('sha1').update(s).digest('hex');
  const sites = [...bySite.keys()].sort((a, b) => bySite.get(b)!.length - bySite.get(a)!.length || hash(a).localeCompare(hash(b)));
  const sizes = new Array<number>(k).fill(0);
  for (const site of sites) {
    const fold = sizes.indexOf(Math.min(...sizes));
    for (const page of bySite.get(site)!) page.fold = fold;
    sizes[fold]! += bySite.get(site)!.length;
  }
}

export function loadTask(name: TaskName, dataRoot: string, k: number): EvalTask {
  const dir = join(dataRoot, name);
  const annotations = JSON.parse(readFileSync(join(dir, 'annotations.json'), 'utf8')) as Record<string, { file: string; with?: string[]; without?: string[]; date?: string }>;
  const pages: EvalPage[] = Object.entries(annotations).map(([key, a]) => ({
    key,
    file: a.file,
    site: siteOf(key, a.file),
    fold: -1,
    ...(a.with ? { with: a.with } : {}),
    ...(a.without ? { without: a.without } : {}),
    ...(a.date ? { date: a.date } : {}),
  }));
  assignFolds(pages, k);
  return { name, dir, pages, k };
}

/** What the cleaner made of one file: the text of all its articles (joined as the scorer joins them) and the first one's date. */
export interface PageOutput {
  readonly text: string;
  readonly published: string | null;
}

/** Per-page counts; summed over any set of pages they give that set's score. */
export interface PageScore {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  /** dates: 1 when the day is right. */
  correct: number;
  /** dates: 1 when a day-precise date was predicted. */
  predictedDay: number;
}

const normWs = (s: string) => s.replace(/\s+/gu, ' ').trim();

export function scorePage(task: EvalTask, page: EvalPage, output: PageOutput | undefined): PageScore {
  const score: PageScore = { tp: 0, fp: 0, fn: 0, tn: 0, correct: 0, predictedDay: 0 };
  if (task.name === 'extraction-de') {
    const text = normWs(output?.text ?? '');
    for (const s of page.with ?? []) (text.includes(normWs(s)) ? score.tp++ : score.fn++);
    for (const s of page.without ?? []) (text.includes(normWs(s)) ? score.fp++ : score.tn++);
  } else {
    const value = output?.published?.trim() ?? '';
    if (/^\d{4}-\d{2}-\d{2}/.test(value)) {
      score.predictedDay = 1;
      score.correct = value.slice(0, 10) === page.date ? 1 : 0;
    }
  }
  return score;
}

/** The task's headline metric over a set of page scores: F1 for extraction, accuracy for dates. */
export function metricOf(task: EvalTask, scores: readonly PageScore[]): number {
  const sum = scores.reduce((a, s) => ({ tp: a.tp + s.tp, fp: a.fp + s.fp, fn: a.fn + s.fn, correct: a.correct + s.correct }), { tp: 0, fp: 0, fn: 0, correct: 0 });
  if (task.name === 'extraction-de') return sum.tp + sum.fp + sum.fn === 0 ? 0 : (2 * sum.tp) / (2 * sum.tp + sum.fp + sum.fn);
  return scores.length === 0 ? 0 : sum.correct / scores.length;
}

/** The metric of the pages in `folds` (or of all pages). */
export function foldMetric(task: EvalTask, scores: ReadonlyMap<EvalPage, PageScore>, folds?: ReadonlySet<number>): number {
  return metricOf(task, task.pages.filter((p) => folds === undefined || folds.has(p.fold)).map((p) => scores.get(p)!));
}

export interface Spread {
  readonly mean: number;
  readonly sd: number;
  readonly min: number;
  readonly max: number;
}

export function spreadOf(values: readonly number[]): Spread {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, values.length - 1));
  return { mean, sd, min: Math.min(...values), max: Math.max(...values) };
}

export const formatSpread = (s: Spread) => `${s.mean.toFixed(3)} ± ${s.sd.toFixed(3)} (folds ${s.min.toFixed(3)}–${s.max.toFixed(3)})`;
