// Full analysis of ~4 KB German articles (clean, entities, quotes, dates, language…: `pipeline.run` on
// documents held in memory, no I/O), as articles per CPU-second per core, with each stage's share, and
// memory over a long run to show it stays flat (texts come from a fixed pool, so the heap holds only what
// analysis keeps). CPU time, not wall time, so a loaded machine still gives a fair rate.
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
// The generator remembers what it wrote (to plant copies), about 4.6 KB per article: over 100k articles that
// would hide whether analysis itself keeps anything. So a pool of generated texts is cycled, each use made a
// new article by a numbered last line.
const POOL_SIZE = 2000;
const pool = [...generateArticles({ count: Math.min(count, POOL_SIZE), seed: 7 })].map((a) => a.text);
function* documents(n, offset = 0) {
  for (let i = 0; i < n; i++) {
    const label = `bench-${offset + i}.txt`;
    const content = `${pool[i % pool.length]}\n\nArchivnummer ${offset + i}`;
    yield { origin: { path: label, url: null, record: null, segment: null }, format: 'text', content, hints: {}, label, messages: [] };
  }
}

// warm up the JIT on other articles, then measure
for (const d of documents(50, 10_000_000)) pipeline.run(d);
globalThis.gc?.();
const heapSamples = [];
const cpuStart = process.cpuUsage();
const wallStart = performance.now();
let articles = 0;
let bytes = 0;
let i = 0;
// the rate is taken over the first pass through the pool, where every text is new (later passes meet words
// the tagger's caches already hold); GC for the heap samples is left out of it
/** @type {{ articles: number, cpuSeconds: number } | null} */
let firstPass = null;
const cpuSecondsSince = (start) => {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
};
for (const d of documents(count)) {
  bytes += Buffer.byteLength(d.content);
  articles += pipeline.run(d).articles.length;
  if (i + 1 === pool.length) firstPass = { articles, cpuSeconds: cpuSecondsSince(cpuStart) };
  if (i++ % Math.max(1, Math.floor(count / 10)) === 0) {
    globalThis.gc?.();
    heapSamples.push(process.memoryUsage().heapUsed / 1048576);
  }
}
const cpu = process.cpuUsage(cpuStart);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const wallSeconds = (performance.now() - wallStart) / 1000;

console.log(`analysis: ${count} articles, ${(bytes / count / 1024).toFixed(1)} KB each`);
if (!firstPass) throw new Error('the first pass over the pool never finished');
console.log(`  ${(firstPass.articles / firstPass.cpuSeconds).toFixed(0)} articles per CPU-second (one core) over the first ${pool.length} (all different texts)`);
console.log(`  whole run: ${(articles / cpuSeconds).toFixed(0)} per CPU-second, ${(articles / wallSeconds).toFixed(0)} per wall second`);
console.log(`  heap used after GC over the run (MB, at every tenth): ${heapSamples.map((h) => h.toFixed(0)).join(' ')}`);
console.log(`  peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
console.log(`  command: ${COMMAND}`);
