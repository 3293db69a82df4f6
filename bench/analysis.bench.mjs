// Full analysis of ~4 KB German articles (clean, entities, quotes, dates, language…: `pipeline.run` on
// documents held in memory, no I/O), as articles per CPU-second per core, with each stage's share, and
// memory over a long run to show it stays flat (articles are generated as they are analysed, so the heap
// holds only what analysis keeps). CPU time, not wall time, so a loaded machine still gives a fair rate.
// Run after `npm run build`:
//   BENCH_ARTICLES=3000 node --expose-gc bench/analysis.bench.mjs
//   BENCH_ARTICLES=100000 node --expose-gc bench/analysis.bench.mjs   (memory over 100k articles)
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateArticles } from './generate-corpus.mjs';

const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
const count = Number(process.env.BENCH_ARTICLES ?? 3000);
const COMMAND = `BENCH_ARTICLES=${count} node --expose-gc bench/analysis.bench.mjs`;

const { buildPipeline } = await import(join(DIST, 'pipeline.js'));
const pipeline = await buildPipeline();
function* documents(n, seed) {
  let i = 0;
  for (const a of generateArticles({ count: n, seed })) {
    const label = `bench-${i++}.txt`;
    yield { origin: { path: label, url: null, record: null, segment: null }, format: 'text', content: a.text, hints: {}, label, messages: [] };
  }
}

// warm up the JIT on other articles, then measure
for (const d of documents(50, 8)) pipeline.run(d);
globalThis.gc?.();
const heapSamples = [];
const cpuStart = process.cpuUsage();
const wallStart = performance.now();
let articles = 0;
let bytes = 0;
let i = 0;
for (const d of documents(count, 7)) {
  bytes += Buffer.byteLength(d.content);
  articles += pipeline.run(d).articles.length;
  if (i++ % Math.max(1, Math.floor(count / 10)) === 0) {
    globalThis.gc?.();
    heapSamples.push(process.memoryUsage().heapUsed / 1048576);
  }
}
const cpu = process.cpuUsage(cpuStart);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const wallSeconds = (performance.now() - wallStart) / 1000;

console.log(`analysis: ${count} articles, ${(bytes / count / 1024).toFixed(1)} KB each`);
console.log(`  ${(articles / cpuSeconds).toFixed(0)} articles per CPU-second (one core), ${(articles / wallSeconds).toFixed(0)} per wall second`);
console.log(`  heap used after GC over the run (MB, at every tenth): ${heapSamples.map((h) => h.toFixed(0)).join(' ')}`);
console.log(`  peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
console.log(`  command: ${COMMAND}`);
