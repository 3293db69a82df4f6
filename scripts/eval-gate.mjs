// Runs the evaluation scorers in ../shared/eval on the development data and compares each summary
// metric with its floor in eval/baseline.json (trafilatura's eval gate, in spirit): exits 1 when a score
// fell below its floor by more than the tolerance. `--accept` rewrites the floors to the measured values
// (commit that with the reason). `--only TASK` runs one task. Skips, exit 0, when ../shared is absent.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const BASELINE = 'eval/baseline.json';
const SHARED = join('..', 'shared');
const args = process.argv.slice(2);
const accept = args.includes('--accept');
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : null;

if (!existsSync(join(SHARED, 'eval', 'run.sh'))) {
  console.log(`eval: ${SHARED}/eval is absent; nothing to measure`);
  process.exit(0);
}
const baseline = JSON.parse(readFileSync(BASELINE, 'utf8'));
const measured = new Map();
let failed = 0;
for (const entry of baseline.tasks) {
  if (only && entry.task !== only) continue;
  const key = `${entry.task} ${entry.data}`;
  if (!measured.has(key)) {
    const run = spawnSync('bash', [join(SHARED, 'eval', 'run.sh'), '--json', entry.task, join(SHARED, 'data', entry.data)], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    if (run.status !== 0) {
      console.log(`${entry.task}: run.sh failed (exit ${run.status}): ${run.stderr.trim().split('\n').slice(-3).join(' | ')}`);
      failed++;
      continue;
    }
    measured.set(key, JSON.parse(run.stdout));
  }
  const report = measured.get(key);
  const value = readMetric(report.summary, entry.metric);
  if (value === null) {
    console.log(`${entry.task}: no metric "${entry.metric}" in "${report.summary}"`);
    failed++;
    continue;
  }
  const below = value < entry.floor - baseline.tolerance;
  console.log(`${below ? 'LOWER' : 'ok   '} ${entry.task} ${entry.metric}=${value.toFixed(3)} (floor ${entry.floor.toFixed(3)})`);
  if (below) failed++;
  if (accept) entry.floor = Number(value.toFixed(3));
}
if (accept) {
  writeFileSync(BASELINE, `${JSON.stringify(baseline, null, 2)}\n`);
  console.log(`eval: floors in ${BASELINE} set to the measured values`);
} else if (failed > 0) {
  console.log(`eval: ${failed} score(s) below their floor; fix the regression, or run with --accept and say why in the commit`);
  process.exit(1);
}

/** "quotes-direct joint_f1=0.629 message_f1=0.868 …" → the number after `metric=`. */
function readMetric(summary, metric) {
  const m = new RegExp(`(?:^|\\s)${metric}=([0-9.]+)`).exec(summary ?? '');
  return m ? Number(m[1]) : null;
}
