// Full analysis of ~4 KB German articles (clean, entities, quotes, dates, language…: `pipeline.run` on
// documents held in memory, no I/O), as articles per CPU-second per core, with each stage's share, and
// memory over a long run to show it stays flat. CPU time, not wall time, so a loaded machine still
// gives a fair rate. Run after `npm run build`:
//   BENCH_ARTICLES=3000 node --expose-gc bench/analysis.bench.mjs
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateArticles } from './generate-corpus.mjs';

const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
const count = Number(process.env.BENCH_ARTICLES ?? 3000);
const COMMAND = `BENCH_ARTICLES=${count} node --expose-gc bench/analysis.bench.mjs`;

const { buildPipeline } = await import(join(DIST, 'pipeline.js'));
const pipeline = await buildPipeline();
const docs = [...generateArticles({ count, seed: 7 })].map((a, i) => ({
  origin: { path: `bench-${i}.txt`, url: null, record: null, segment: null },
  format: 'text',
  content: a.text,
  hints: {},
  label: `bench-${i}.txt`,
  messages: [],
}));
const bytes = docs.reduce((sum, d) => sum + Buffer.byteLength(d.content), 0);

// warm up the JIT on a small slice, then measure the whole set
for (const d of docs.slice(0, 50)) pipeline.run(d);
globalThis.gc?.();
const heapSamples = [];
const cpuStart = process.cpuUsage();
const wallStart = performance.now();
let articles = 0;
docs.forEach((d, i) => {
  articles += pipeline.run(d).articles.length;
  if (i % Math.max(1, Math.floor(count / 10)) === 0) heapSamples.push(process.memoryUsage().heapUsed / 1048576);
});
const cpu = process.cpuUsage(cpuStart);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const wallSeconds = (performance.now() - wallStart) / 1000;

console.log(`analysis: ${count} articles, ${(bytes / count / 1024).toFixed(1)} KB each`);
console.log(`  ${(articles / cpuSeconds).toFixed(0)} articles per CPU-second (one core), ${(articles / wallSeconds).toFixed(0)} per wall second`);
console.log(`  heap used over the run (MB, every tenth): ${heapSamples.map((h) => h.toFixed(0)).join(' ')}`);
console.log(`  peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
console.log(`  command: ${COMMAND}`);
