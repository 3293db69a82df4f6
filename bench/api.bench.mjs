// The HTTP API's answer times for what the web pages ask: the story page (stories, first
// articles), the article reader (one article, its reuse links), search with facets, an entity page. The corpus is
// generate-corpus.mjs's, run through the pipeline (not timed); requests go through app.request (no
// network), so the numbers are the API and store, not the socket. Goals (issue 6, at 100,000
// articles): story page calls p95 < 100 ms, search p95 < 200 ms. Run after `npm run build`:
//   BENCH_API_ARTICLES=10000 node --expose-gc bench/api.bench.mjs
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCorpus } from './generate-corpus.mjs';

const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
const articleCount = Number(process.env.BENCH_API_ARTICLES ?? 10_000);
const seed = Number(process.env.BENCH_SEED ?? 1);
const COMMAND = `BENCH_API_ARTICLES=${articleCount} BENCH_SEED=${seed} node --expose-gc bench/api.bench.mjs`;
const REQUESTS = 200;
const BATCH_ARTICLES = 200;

const { readInputs } = await import(join(DIST, 'ingest/read-inputs.js'));
const { buildPipeline } = await import(join(DIST, 'pipeline.js'));
const { openSqliteStore } = await import(join(DIST, 'store/sqlite/sqlite-store.js'));
const { createApiApp, DEFAULT_API_LIMITS } = await import(join(DIST, 'api/api-app.js'));

const dir = mkdtempSync(join(tmpdir(), 'storytrace-bench-api-'));
try {
  writeCorpus(join(dir, 'corpus'), { count: articleCount, seed });
  const pipeline = await buildPipeline();
  const store = openSqliteStore(join(dir, 'bench.db'));
  let batch = [];
  const ids = [];
  const words = new Map();
  const loadStart = performance.now();
  for await (const raw of readInputs([join(dir, 'corpus')])) {
    for (const article of pipeline.run(raw).articles) {
      batch.push(article);
      if (ids.length < 5000) ids.push(article.id);
      for (const word of (article.title ?? '').split(/[^\p{L}]+/u)) if (word.length >= 7) words.set(word, (words.get(word) ?? 0) + 1);
    }
    if (batch.length >= BATCH_ARTICLES) {
      await store.putArticles(batch);
      batch = [];
    }
  }
  await store.putArticles(batch);
  const stats = await store.stats();
  console.log(`api: ${stats.articles} articles stored in ${((performance.now() - loadStart) / 1000).toFixed(0)} s (pipeline included, not timed below); seed ${seed}`);

  const app = createApiApp({ ...DEFAULT_API_LIMITS, store, pipeline: async () => pipeline, webRoot: null });
  const queries = [...words].sort((a, b) => b[1] - a[1]).slice(0, 50).map(([w]) => w);
  const entities = (await (await app.request('/api/entities?type=person&limit=50')).json()).items.map((e) => e.key);
  const pick = (list, i) => list[(i * 7919) % list.length];

  const scenarios = [
    ['story page: GET /api/stories', () => '/api/stories?limit=50'],
    ['story page: GET /api/articles?limit=10', () => '/api/articles?limit=10'],
    ['reader: GET /api/articles/:id', (i) => `/api/articles/${pick(ids, i)}`],
    ['reader: GET /api/reuse?article=…', (i) => `/api/reuse?article=${pick(ids, i)}&limit=200`],
    ['search: GET /api/search?q=…', (i) => `/api/search?q=${encodeURIComponent(pick(queries, i))}&limit=20`],
    ['search: GET /api/search?q=…&entity=…', (i) => `/api/search?q=${encodeURIComponent(pick(queries, i))}&entity=${encodeURIComponent(pick(entities, i))}&limit=20`],
    ['article list: GET /api/search (no query)', () => '/api/search?limit=20'],
    ['stats (CLI and API only): GET /api/stats', () => '/api/stats'],
    ['entity page: GET /api/entities/:key', (i) => `/api/entities/${encodeURIComponent(pick(entities, i))}?limit=30`],
  ];
  for (const [name, urlOf] of scenarios) {
    if (urlOf(0).includes('undefined')) {
      console.log(`${name.padEnd(44)} skipped: nothing to ask for in this corpus`);
      continue;
    }
    globalThis.gc?.();
    const times = [];
    const count = name.startsWith('entity page') || name.startsWith('stats') || name.includes('(no query)') ? Math.min(REQUESTS, 50) : REQUESTS;
    for (let i = 0; i < count; i++) {
      const start = performance.now();
      const response = await app.request(urlOf(i));
      await response.arrayBuffer();
      times.push(performance.now() - start);
      if (response.status !== 200) throw new Error(`${urlOf(i)} answered ${response.status}`);
    }
    times.sort((a, b) => a - b);
    const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(1);
    console.log(`${name.padEnd(44)} p50 ${at(0.5).padStart(7)} ms   p95 ${at(0.95).padStart(7)} ms   (${count} requests)`);
  }
  await store.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(`command: ${COMMAND}`);
