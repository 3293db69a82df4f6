// The SQLite store on its own, without the pipeline: articles/s written by putArticles (batches of
// 200, as ingest commits them), the idempotent re-put of the same batches, search latency over words
// from the corpus, and a full JSON Lines export. The corpus is generate-corpus.mjs's, run through the
// pipeline first (not timed). Run after `npm run build`:
//   BENCH_ARTICLES=5000 BENCH_SEED=1 node --expose-gc bench/store.bench.mjs
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCorpus } from './generate-corpus.mjs';

const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
const articleCount = Number(process.env.BENCH_ARTICLES ?? 5_000);
const seed = Number(process.env.BENCH_SEED ?? 1);
const COMMAND = `BENCH_ARTICLES=${articleCount} BENCH_SEED=${seed} node --expose-gc bench/store.bench.mjs`;
/** As DEFAULT_RUNNER_OPTIONS in src/run/runner.ts. */
const BATCH_ARTICLES = 200;
const SEARCHES = 200;

const { readInputs } = await import(join(DIST, 'ingest/read-inputs.js'));
const { buildPipeline } = await import(join(DIST, 'pipeline.js'));
const { openSqliteStore } = await import(join(DIST, 'store/sqlite/sqlite-store.js'));
const { allArticles } = await import(join(DIST, 'store/all-articles.js'));
const { writeJsonLinesExport } = await import(join(DIST, 'export/jsonl-export.js'));

const dir = mkdtempSync(join(tmpdir(), 'storytrace-bench-store-'));
try {
  writeCorpus(join(dir, 'corpus'), { count: articleCount, seed });
  const pipeline = await buildPipeline();
  const articles = [];
  for await (const raw of readInputs([join(dir, 'corpus')])) articles.push(...pipeline.run(raw).articles);
  const chars = articles.reduce((sum, a) => sum + a.text.length, 0);
  console.log(`store: ${articles.length} articles from the bench corpus, ${(chars / articles.length / 1000).toFixed(1)}k characters each, seed ${seed}`);

  const dbPath = join(dir, 'bench.db');
  const store = openSqliteStore(dbPath);
  const putAll = async () => {
    const start = performance.now();
    let added = 0;
    for (let i = 0; i < articles.length; i += BATCH_ARTICLES) {
      added += (await store.putArticles(articles.slice(i, i + BATCH_ARTICLES))).articlesAdded;
    }
    return { added, seconds: (performance.now() - start) / 1000 };
  };
  const first = await putAll();
  console.log(`store: putArticles, new          ${(articles.length / first.seconds).toFixed(0).padStart(7)} articles/s  (${first.added} added)`);
  const again = await putAll();
  console.log(`store: putArticles, already held ${(articles.length / again.seconds).toFixed(0).padStart(7)} articles/s  (${again.added} added)`);

  // Queries: one, two and three words picked from the titles, the way a reader would type them.
  const words = articles.flatMap((a) => (a.title ?? '').split(/[^\p{L}]+/u).filter((w) => w.length >= 5));
  const queries = Array.from({ length: SEARCHES }, (_, i) =>
    Array.from({ length: (i % 3) + 1 }, (_, j) => words[(i * 7919 + j * 104729) % words.length]).join(' '),
  );
  const latencies = [];
  let hits = 0;
  for (const query of queries) {
    const start = performance.now();
    hits += (await store.search(query, { limit: 10 })).length;
    latencies.push(performance.now() - start);
  }
  latencies.sort((a, b) => a - b);
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))].toFixed(1);
  console.log(`store: search (limit 10)        p50 ${at(0.5)} ms, p95 ${at(0.95)} ms over ${SEARCHES} queries of 1–3 words; ${(hits / SEARCHES).toFixed(1)} hits each`);

  const exportStart = performance.now();
  let exportedBytes = 0;
  const exported = await writeJsonLinesExport(allArticles(store), {
    write: (text) => {
      exportedBytes += text.length;
    },
  });
  const exportSeconds = (performance.now() - exportStart) / 1000;
  console.log(`store: export jsonl             ${(exported / exportSeconds).toFixed(0).padStart(7)} articles/s  (${(exportedBytes / 1e6).toFixed(0)} MB)`);
  await store.close();
  console.log(`store: database ${(statSync(dbPath).size / 1e6).toFixed(0)} MB for ${(chars / 1e6).toFixed(0)} M characters of text; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  console.log(`store: command: ${COMMAND}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
