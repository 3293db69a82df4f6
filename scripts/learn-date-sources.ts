/**
 * Learns how much each source of a page's publication date is trusted when the sources disagree
 * (src/extract/published/published-date-weights.json), and measures it on site folds.
 *
 *   npx tsx scripts/learn-date-sources.ts [--k 5] [--data ../shared/data] [--write]
 *
 * Every page of ../shared/data/dates is read as the pipeline reads it, and every source's candidate
 * date is kept (src/extract/published/html-date.ts, PUBLISHED_DATE_SOURCES). A source's weight is
 * the log-odds that its candidate is the right day when it states one, (right + 1) / (wrong + 1),
 * counted on the training folds; the published date is the day with the largest summed weight.
 * Prints per source how often it states a date and is right, its weight, and how it fares against
 * every other source on the pages where the two disagree (the evidence the weights rest on); then
 * the held-out accuracy per fold (pages of one site always in one fold), beside the hand-made
 * order the weights replace. --write stores the weights learned on all folds.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { decodeContent } from '../src/clean/encoding.js';
import { parseHtmlWithLimits } from '../src/clean/html/parse-html.js';
import { readHtmlMetadata } from '../src/clean/html/html-metadata.js';
import {
  collectPublishedCandidates,
  DEFAULT_HTML_DATE_OPTIONS,
  PUBLISHED_DATE_SOURCES,
  votePublishedDate,
  type DateCandidate,
  type PublishedDateSource,
} from '../src/extract/published/html-date.js';
import { formatPublishedValue, toBerlinTime, type DateParts, type DateReadingOptions } from '../src/extract/published/date-expression.js';
import { formatSpread, loadTask, spreadOf, type EvalPage } from './site-folds/site-folds.js';
import { pagePath, readRawPages } from './site-folds/clean-runner.js';

const { values: args } = parseArgs({
  options: {
    k: { type: 'string', default: '5' },
    data: { type: 'string', default: '../shared/data' },
    write: { type: 'boolean', default: false },
    method: { type: 'string', default: 'log-odds' },
  },
});

type Weights = Partial<Record<PublishedDateSource, number>>;

interface DatedPage {
  readonly page: EvalPage;
  readonly candidates: readonly DateCandidate[];
  readonly reading: DateReadingOptions;
}

const task = loadTask('dates', args.data!, Number(args.k));
const folds = [...Array(task.k).keys()];
const raw = await readRawPages([task]);
const everySource: Weights = Object.fromEntries(PUBLISHED_DATE_SOURCES.map((s) => [s, 1]));

/** Each page's candidates, read as readHtmlPage reads the page (the URL from the input, else the canonical link). */
const dated: DatedPage[] = task.pages.map((page) => {
  const doc = raw.get(pagePath(task, page.file))!;
  const html = decodeContent(doc).text ?? '';
  const { document } = parseHtmlWithLimits(html);
  const url = doc.origin.url ?? readHtmlMetadata(document).canonicalUrl;
  const found = collectPublishedCandidates(document, url, { ...DEFAULT_HTML_DATE_OPTIONS, sourceWeights: everySource });
  return { page, candidates: found.candidates, reading: found.reading };
});

/** The day a candidate gives once the pipeline has put it on the page's clock ("2022-02-04"). */
const dayOf = (parts: DateParts, reading: DateReadingOptions) =>
  formatPublishedValue(reading.zone === 'Europe/Berlin' ? toBerlinTime(parts) : parts, reading).slice(0, 10);

function predict(d: DatedPage, weights: Weights): string | null {
  const chosen = votePublishedDate(d.candidates, weights);
  return chosen ? dayOf(chosen.parts, d.reading) : null;
}

const accuracy = (pages: readonly DatedPage[], weights: Weights) =>
  pages.filter((d) => predict(d, weights) === d.page.date).length / Math.max(1, pages.length);

/** Right and wrong counts of each source's candidates on some pages. */
function tally(pages: readonly DatedPage[]): Map<PublishedDateSource, { right: number; wrong: number }> {
  const counts = new Map(PUBLISHED_DATE_SOURCES.map((s) => [s, { right: 0, wrong: 0 }]));
  for (const d of pages) {
    for (const c of d.candidates) {
      const n = counts.get(c.source)!;
      if (dayOf(c.parts, d.reading) === d.page.date) n.right++;
      else n.wrong++;
    }
  }
  return counts;
}

/** Log-odds of being right, smoothed by one right and one wrong; rounded so the file reads well. */
function logOddsWeights(pages: readonly DatedPage[]): Weights {
  return Object.fromEntries([...tally(pages)].map(([s, n]) => [s, Number(Math.log((n.right + 1) / (n.wrong + 1)).toFixed(2))]));
}

/** Log-odds of being right where a source disagrees with another one: wins against losses, smoothed. */
function disagreementWeights(pages: readonly DatedPage[]): Weights {
  const wins = new Map(PUBLISHED_DATE_SOURCES.map((s) => [s, { won: 0, lost: 0 }]));
  for (const d of pages) {
    for (const a of d.candidates) {
      for (const b of d.candidates) {
        const da = dayOf(a.parts, d.reading);
        const db = dayOf(b.parts, d.reading);
        if (a === b || da === db) continue;
        if (da === d.page.date) wins.get(a.source)!.won++;
        if (db === d.page.date) wins.get(a.source)!.lost++;
      }
    }
  }
  return Object.fromEntries([...wins].map(([s, n]) => [s, Number(Math.log((n.won + 1) / (n.lost + 1)).toFixed(2))]));
}

/**
 * A conditional logit over each page's candidate days: P(day) ∝ exp(Σ weights of the sources that
 * state it), fitted by gradient ascent with an L2 penalty (`l2`), so sources that always agree
 * share their weight instead of each counting in full.
 */
function softmaxWeights(pages: readonly DatedPage[], l2 = 0.05, steps = 400, rate = 0.5): Weights {
  const index = new Map(PUBLISHED_DATE_SOURCES.map((s, i) => [s, i]));
  const w = new Float64Array(PUBLISHED_DATE_SOURCES.length).fill(1);
  const examples = pages.flatMap((d) => {
    const byDay = new Map<string, number[]>();
    for (const c of d.candidates) {
      const day = dayOf(c.parts, d.reading);
      byDay.set(day, [...(byDay.get(day) ?? []), index.get(c.source)!]);
    }
    return byDay.has(d.page.date!) && byDay.size > 1 ? [{ days: [...byDay.values()], gold: [...byDay.keys()].indexOf(d.page.date!) }] : [];
  });
  for (let step = 0; step < steps; step++) {
    const grad = new Float64Array(w.length);
    for (const { days, gold } of examples) {
      const scores = days.map((sources) => sources.reduce((sum, i) => sum + w[i]!, 0));
      const max = Math.max(...scores);
      const exp = scores.map((x) => Math.exp(x - max));
      const z = exp.reduce((a, b) => a + b, 0);
      days.forEach((sources, j) => {
        const delta = (j === gold ? 1 : 0) - exp[j]! / z;
        for (const i of sources) grad[i]! += delta;
      });
    }
    for (let i = 0; i < w.length; i++) w[i]! += (rate * (grad[i]! - l2 * examples.length * w[i]!)) / examples.length;
  }
  return Object.fromEntries(PUBLISHED_DATE_SOURCES.map((s, i) => [s, Number(w[i]!.toFixed(2))]));
}

const LEARNERS: Record<string, (pages: readonly DatedPage[]) => Weights> = {
  'log-odds': logOddsWeights,
  disagreements: disagreementWeights,
  softmax: softmaxWeights,
};
const learnWeights = LEARNERS[args.method!]!;

/** The order the hand-written cascade used before the weights: each source outweighs all after it together. */
const HAND_ORDER: readonly PublishedDateSource[] = [
  'headline-stamp', 'json-ld-published', 'meta-published', 'itemprop-published', 'time-marked', 'url', 'time',
  'labelled-text', 'date-element', 'script', 'page-stamp', 'dateline', 'json-ld-uploaded', 'json-ld-modified',
  'meta-modified', 'itemprop-modified',
];
const handWeights: Weights = Object.fromEntries(HAND_ORDER.map((s, i) => [s, 2 ** (HAND_ORDER.length - i)]));

const inFolds = (fs: readonly number[]) => dated.filter((d) => fs.includes(d.page.fold));
for (const [name, learn] of Object.entries(LEARNERS)) {
  const cv = folds.map((f) => accuracy(inFolds([f]), learn(inFolds(folds.filter((g) => g !== f)))));
  console.log(`${name}: held-out ${formatSpread(spreadOf(cv))}; full dev ${accuracy(dated, learn(dated)).toFixed(3)}`);
}
const heldOut = folds.map((f) => accuracy(inFolds([f]), learnWeights(inFolds(folds.filter((g) => g !== f)))));
const hand = folds.map((f) => accuracy(inFolds([f]), handWeights));
const weights = learnWeights(dated);

const counts = tally(dated);
const lines: string[] = [
  `dates: ${dated.length} pages, ${new Set(dated.map((d) => d.page.site)).size} sites, k=${task.k}`,
  '',
  '| source | states a day | right | weight (log-odds) |',
  '|---|---|---|---|',
  ...PUBLISHED_DATE_SOURCES.map((s) => {
    const n = counts.get(s)!;
    return `| ${s} | ${n.right + n.wrong} | ${n.right} | ${weights[s]?.toFixed(2)} |`;
  }),
  '',
  'Disagreements: row source right / column source right, on pages where both state a day and the days differ.',
  '',
  `| | ${PUBLISHED_DATE_SOURCES.map((_, i) => i + 1).join(' | ')} |`,
  `|---|${PUBLISHED_DATE_SOURCES.map(() => '---').join('|')}|`,
  ...PUBLISHED_DATE_SOURCES.map((a, i) => {
    const cells = PUBLISHED_DATE_SOURCES.map((b) => {
      if (a === b) return '';
      let aRight = 0;
      let bRight = 0;
      for (const d of dated) {
        const ca = d.candidates.find((c) => c.source === a);
        const cb = d.candidates.find((c) => c.source === b);
        if (!ca || !cb) continue;
        const da = dayOf(ca.parts, d.reading);
        const db = dayOf(cb.parts, d.reading);
        if (da === db) continue;
        aRight += da === d.page.date ? 1 : 0;
        bRight += db === d.page.date ? 1 : 0;
      }
      return aRight + bRight === 0 ? '' : `${aRight}/${bRight}`;
    });
    return `| ${i + 1} ${a} | ${cells.join(' | ')} |`;
  }),
  '',
  `hand-made order (was shipped): per fold ${formatSpread(spreadOf(hand))}; full dev ${accuracy(dated, handWeights).toFixed(3)}`,
  `learned weights, held-out folds: ${formatSpread(spreadOf(heldOut))}; learned on all folds, full dev ${accuracy(dated, weights).toFixed(3)}`,
];
console.log(lines.join('\n'));

if (args.write) {
  const file = {
    about:
      'Weights of the sources of a page\'s publication date (src/extract/published/html-date.ts, PUBLISHED_DATE_SOURCES): the log-odds that a source\'s date is the right day when it states one, (right + 1) / (wrong + 1). The day with the largest summed weight wins. Learned on the development half of htmldate\'s evaluation set (tests/eval_default.json, Apache-2.0; the pages are their publishers\'; only these counts ship). Rebuild: npx tsx scripts/learn-date-sources.ts --write',
    licence: 'MIT (this project): only counts learned on the Apache-2.0 evaluation set ship, no page of it',
    weights,
  };
  writeFileSync(new URL('../src/extract/published/published-date-weights.json', import.meta.url), `${JSON.stringify(file, null, 2)}\n`);
  console.log('wrote src/extract/published/published-date-weights.json');
}
if (process.env.SHOW_ERRORS) {
  for (const d of dated) {
    const got = predict(d, weights);
    if (got === d.page.date) continue;
    console.log(`${d.page.file} gold ${d.page.date} got ${got}`);
    for (const c of d.candidates) console.log(`    ${c.source.padEnd(18)} ${dayOf(c.parts, d.reading)} ${dayOf(c.parts, d.reading) === d.page.date ? 'OK' : '  '} ${c.alternative ? `alt ${dayOf(c.alternative, d.reading)}` : ''} ${c.evidence.slice(0, 70).replace(/\n/g, ' ')}`);
  }
}
