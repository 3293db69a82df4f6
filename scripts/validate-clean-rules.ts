/**
 * Site-fold validation of the clean stages' rules: which of them carry over to sites they were not
 * made from. The pages of ../shared/data/extraction-de (or dates) are split into k folds by site
 * (scripts/site-folds/site-folds.ts). Each rule, pattern family and threshold (site-folds/clean-switches.ts)
 * is tried alone against the shipped options; then, for each fold, every switch takes the value
 * that scores best on the other k−1 folds (a rule must help there to be chosen: on a tie it is off,
 * a threshold keeps its shipped value), and the fold is scored with all those choices at once.
 *
 *   npx tsx scripts/validate-clean-rules.ts [--task extraction-de|dates] [--k 5] [--only PREFIX] [--report FILE.md]
 *
 * Prints, and with --report writes, the per-switch table and the k-fold figure (mean ± sd over the
 * held-out folds, with their range) beside the full-dev figure of the shipped options.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DEFAULT_CLEAN_OPTIONS, type CleanOptions } from '../src/pipeline.js';
import { foldMetric, formatSpread, loadTask, scorePage, spreadOf, type EvalPage, type PageScore, type TaskName } from './site-folds/site-folds.js';
import { CleanRunner, readRawPages } from './site-folds/clean-runner.js';
import { extractionSwitches, type CleanSwitch, type SwitchValue } from './site-folds/clean-switches.js';

const { values: args } = parseArgs({
  options: {
    task: { type: 'string', default: 'extraction-de' },
    k: { type: 'string', default: '5' },
    only: { type: 'string' },
    report: { type: 'string' },
    data: { type: 'string', default: '../shared/data' },
  },
});

type Scores = Map<EvalPage, PageScore>;

const task = loadTask(args.task as TaskName, args.data!, Number(args.k));
const folds = [...Array(task.k).keys()];
const runner = new CleanRunner(await readRawPages([task]));
const switches = extractionSwitches(DEFAULT_CLEAN_OPTIONS).filter((s) => !args.only || s.id.startsWith(args.only));

function scoresOf(options: CleanOptions): Scores {
  const out = runner.cleanTask(task, options);
  return new Map(task.pages.map((p) => [p, scorePage(task, p, out.get(p.file))]));
}

const others = (f: number) => new Set(folds.filter((g) => g !== f));
const only = (f: number) => new Set([f]);

const started = Date.now();
const shipped = scoresOf(DEFAULT_CLEAN_OPTIONS);
const shippedFull = foldMetric(task, shipped);
console.log(`${task.name}: ${task.pages.length} pages, ${new Set(task.pages.map((p) => p.site)).size} sites, k=${task.k}; shipped options full-dev ${shippedFull.toFixed(4)}`);

/** Scores of every value of every switch, each tried alone against the shipped options. */
const tried = new Map<CleanSwitch, Map<SwitchValue, Scores>>();
for (const sw of switches) {
  const byValue = new Map<SwitchValue, Scores>([[sw.values[0]!, shipped]]);
  for (const value of sw.values.slice(1)) byValue.set(value, scoresOf(sw.apply(DEFAULT_CLEAN_OPTIONS, value)));
  tried.set(sw, byValue);
  process.stderr.write(`\r${tried.size}/${switches.length} switches tried (${((Date.now() - started) / 1000).toFixed(0)} s)`);
}
process.stderr.write('\n');

/** The value a switch takes when chosen on `train` folds: the best there; ties go to "off" for a rule, to the shipped value for a threshold. */
function choose(sw: CleanSwitch, train: ReadonlySet<number>): SwitchValue {
  const byValue = tried.get(sw)!;
  const neutral: SwitchValue = sw.kind === 'rule' ? false : sw.values[0]!;
  let best = neutral;
  let bestScore = foldMetric(task, byValue.get(neutral)!, train);
  for (const value of sw.values) {
    const score = foldMetric(task, byValue.get(value)!, train);
    if (score > bestScore + 1e-9) {
      best = value;
      bestScore = score;
    }
  }
  return best;
}

interface SwitchRow {
  readonly sw: CleanSwitch;
  /** Full dev: shipped value minus the neutral value (rule off, or for a threshold its best other value). */
  readonly fullDelta: number;
  readonly pagesChanged: number;
  readonly chosen: readonly SwitchValue[];
  /** Per held-out fold: its score with the value chosen on the other folds minus with the neutral value. */
  readonly heldOutGain: readonly number[];
  readonly chosenOnFullDev: SwitchValue;
}

const rows: SwitchRow[] = switches.map((sw) => {
  const byValue = tried.get(sw)!;
  const neutral: SwitchValue = sw.kind === 'rule' ? false : sw.values[0]!;
  const neutralScores = byValue.get(neutral)!;
  const alternatives = sw.values.slice(1).map((v) => byValue.get(v)!);
  const fullDelta = sw.kind === 'rule'
    ? shippedFull - foldMetric(task, neutralScores)
    : shippedFull - Math.max(...alternatives.map((s) => foldMetric(task, s)));
  const pagesChanged = task.pages.filter((p) => alternatives.some((s) => JSON.stringify(s.get(p)) !== JSON.stringify(shipped.get(p)))).length;
  const chosen = folds.map((f) => choose(sw, others(f)));
  const heldOutGain = folds.map((f) => foldMetric(task, byValue.get(chosen[f]!)!, only(f)) - foldMetric(task, neutralScores, only(f)));
  return { sw, fullDelta, pagesChanged, chosen, heldOutGain, chosenOnFullDev: choose(sw, new Set(folds)) };
});

/** Each fold scored with every switch set as chosen on the other folds, all at once. */
function optionsChosenOn(train: ReadonlySet<number>): CleanOptions {
  return switches.reduce((options, sw) => sw.apply(options, choose(sw, train)), DEFAULT_CLEAN_OPTIONS);
}
const heldOut = folds.map((f) => foldMetric(task, scoresOf(optionsChosenOn(others(f))), only(f)));
const shippedPerFold = folds.map((f) => foldMetric(task, shipped, only(f)));
const fullChosen = foldMetric(task, scoresOf(optionsChosenOn(new Set(folds))));

const fmtValue = (v: SwitchValue) => (typeof v === 'boolean' ? (v ? 'on' : 'off') : String(v));
const sign = (x: number) => `${x >= 0 ? '+' : ''}${x.toFixed(4)}`;
function verdict(row: SwitchRow): string {
  if (row.pagesChanged === 0) return 'no effect on dev';
  const gain = row.heldOutGain.reduce((a, b) => a + b, 0) / task.k;
  if (row.sw.kind === 'threshold') return row.chosenOnFullDev === row.sw.values[0] ? 'keep' : `move to ${fmtValue(row.chosenOnFullDev)}`;
  return gain > 1e-9 ? 'keep' : gain < -1e-9 ? 'drop (hurts held-out)' : 'drop (no held-out gain)';
}

const lines = [
  `## ${task.name}: site folds (k=${task.k}, ${task.pages.length} pages, ${new Set(task.pages.map((p) => p.site)).size} sites)`,
  '',
  `Command: \`npx tsx scripts/validate-clean-rules.ts --task ${task.name} --k ${task.k}${args.only ? ` --only ${args.only}` : ''}\``,
  '',
  `- shipped options: full dev ${shippedFull.toFixed(3)}; per fold ${formatSpread(spreadOf(shippedPerFold))} (not cross-validated: tuned on all folds)`,
  `- every switch chosen on the other folds: held-out ${formatSpread(spreadOf(heldOut))}`,
  `- every switch chosen on all folds: full dev ${fullChosen.toFixed(3)}`,
  '',
  '| switch | values | pages changed | full-dev Δ (shipped − off/best other) | folds choosing | held-out gain per fold | mean | verdict |',
  '|---|---|---|---|---|---|---|---|',
  ...rows.map((r) => {
    const mean = r.heldOutGain.reduce((a, b) => a + b, 0) / task.k;
    return `| ${r.sw.id} | ${r.sw.values.map(fmtValue).join(', ')} | ${r.pagesChanged} | ${sign(r.fullDelta)} | ${r.chosen.map(fmtValue).join(' ')} | ${r.heldOutGain.map(sign).join(' ')} | ${sign(mean)} | ${verdict(r)} |`;
  }),
];
console.log(lines.join('\n'));
if (args.report) writeFileSync(args.report, `${lines.join('\n')}\n`);
console.error(`done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
