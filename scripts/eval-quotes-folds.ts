// Quotes scored by k-fold: runs the pipeline (from src, no build needed) over the quotes dev set, then
// scores the whole set and each fold of articles with ../shared/eval/quotes.py, and prints the k-fold
// mean and spread beside the full-dev figure. Rules are developed looking only at the errors of folds
// other than the last one; the last fold is scored, never read.
//
//   npx tsx scripts/eval-quotes-folds.ts [--folds 5] [--pred OUT.jsonl] [--keep DIR]
//
// Folds are fixed by a hash of each article's file name, so every run splits the same way. Skips (exit 0)
// when ../shared/data/quotes is absent.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { buildPipeline } from '../src/pipeline.js';
import { toArticleRecord } from '../src/export/article-record.js';

const DATA = resolve('..', 'shared', 'data', 'quotes');
const SCORER = resolve('..', 'shared', 'eval', 'quotes.py');
const args = process.argv.slice(2);
const option = (name: string, fallback: string | null) => (args.includes(name) ? args[args.indexOf(name) + 1]! : fallback);
const folds = Number(option('--folds', '5'));

if (!existsSync(DATA) || !existsSync(SCORER)) {
  console.log(`eval-quotes-folds: ${DATA} or the scorer is absent; nothing to measure`);
  process.exit(0);
}

const work = option('--keep', null) ?? mkdtempSync(join(tmpdir(), 'storytrace-quotes-'));
mkdirSync(work, { recursive: true });
const input = join(work, 'in.jsonl');
python(['make-input', '--data', DATA, '--out', input]);

const pipeline = await buildPipeline();
const lines: string[] = [];
for (const line of readFileSync(input, 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const record = JSON.parse(line) as { id: string; text: string; published: string | null };
  const result = pipeline.run({
    origin: { path: null, url: null, record: record.id, segment: null },
    format: 'text',
    content: record.text,
    hints: record.published ? { published: record.published } : {},
    label: record.id,
    messages: [],
  });
  for (const article of result.articles) lines.push(JSON.stringify(toArticleRecord(article)));
}
const pred = option('--pred', null) ?? join(work, 'pred.jsonl');
writeFileSync(pred, `${lines.join('\n')}\n`);

const files = readdirSync(DATA).filter((f) => f.endsWith('.json')).sort();
const foldOf = (file: string) => createHash('sha256').update(basename(file)).digest().readUInt32BE(0) % folds;
const report = (dir: string) => JSON.parse(python(['score', '--data', dir, '--pred', pred, '--json'])) as Record<string, { joint: { f1: number }; message: { f1: number } }>;
const metrics = (r: ReturnType<typeof report>) => ({ direct: r.Direct!.joint.f1, directMessage: r.Direct!.message.f1, all: r.all!.joint.f1, allMessage: r.all!.message.f1 });

const full = metrics(report(DATA));
const perFold: Array<typeof full> = [];
for (let k = 0; k < folds; k++) {
  const dir = join(work, `fold-${k}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir);
  for (const f of files) if (foldOf(f) === k) symlinkSync(join(DATA, f), join(dir, f));
  perFold.push(metrics(report(dir)));
}
const fmt = (x: number) => x.toFixed(3);
const spread = (key: keyof typeof full) => {
  const values = perFold.map((m) => m[key]);
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1));
  return `${fmt(mean)} ± ${fmt(sd)} (folds ${values.map(fmt).join(' ')})`;
};
console.log(`quotes, full dev: direct joint ${fmt(full.direct)} message ${fmt(full.directMessage)}; all forms joint ${fmt(full.all)} message ${fmt(full.allMessage)}`);
console.log(`${folds}-fold direct joint:    ${spread('direct')}`);
console.log(`${folds}-fold direct message:  ${spread('directMessage')}`);
console.log(`${folds}-fold all-forms joint: ${spread('all')}`);
console.log(`${folds}-fold all message:     ${spread('allMessage')}`);
console.log(`command: npx tsx scripts/eval-quotes-folds.ts --folds ${folds}`);
if (!option('--keep', null)) rmSync(work, { recursive: true, force: true });

function python(pyArgs: string[]): string {
  const run = spawnSync('python3', [SCORER, ...pyArgs], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' } });
  if (run.status !== 0) throw new Error(`quotes.py ${pyArgs[0]} failed: ${run.stderr}`);
  return run.stdout;
}
