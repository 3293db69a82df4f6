// Plain-text articles per second through ingest: a synthetic German-like corpus (generate-corpus.mjs)
// read alone, read + pipeline (readInputs + buildPipeline().run), and full ingest into SQLite through the runner (store, link, place), each
// phase in its own process so its peak RSS is its own. Run after `npm run build`:
//   BENCH_ARTICLES=20000 BENCH_SEED=1 node --expose-gc bench/ingest.bench.mjs
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCorpus } from './generate-corpus.mjs';

const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
const STORE_MODULES = ['store/sqlite/sqlite-store.js', 'run/runner.js', 'cli/report.js'];
const articleCount = Number(process.env.BENCH_ARTICLES ?? 20_000);
const seed = Number(process.env.BENCH_SEED ?? 1);
const COMMAND = `BENCH_ARTICLES=${articleCount} BENCH_SEED=${seed} node --expose-gc bench/ingest.bench.mjs`;

const peakRssMB = () => process.resourceUsage().maxRSS / 1024;

/** One measured phase over `dir`; prints one JSON line for the parent. */
async function runPhase(phase, dir, dbPath) {
  const { readInputs } = await import(join(DIST, 'ingest/read-inputs.js'));
  const { buildPipeline } = await import(join(DIST, 'pipeline.js'));
  let buildSeconds = 0;
  let pipeline = null;
  if (phase !== 'read') {
    // Loading the language model is a one-off per run; it is reported apart from the throughput.
    const buildStart = performance.now();
    pipeline = await buildPipeline();
    buildSeconds = (performance.now() - buildStart) / 1000;
  }
  let inputs = 0;
  let articles = 0;
  let bytes = 0;
  const start = performance.now();
  if (phase === 'ingest') {
    const { openSqliteStore } = await import(join(DIST, 'store/sqlite/sqlite-store.js'));
    const { openRunner } = await import(join(DIST, 'run/runner.js'));
    const { makeReporter } = await import(join(DIST, 'cli/report.js'));
    const store = openSqliteStore(dbPath);
    const reporter = makeReporter({ quiet: true });
    const counted = (async function* () {
      for await (const raw of readInputs([dir])) {
        inputs += 1;
        yield raw;
      }
    })();
    const totals = await (await openRunner(store, pipeline)).ingest(counted, reporter);
    articles = totals.articlesAdded;
    await store.close();
  } else {
    for await (const raw of readInputs([dir])) {
      inputs += 1;
      bytes += raw.content.length;
      if (pipeline) articles += pipeline.run(raw).articles.length;
    }
  }
  const seconds = (performance.now() - start) / 1000;
  console.log(JSON.stringify({ phase, inputs, articles, bytes, seconds, buildSeconds, peakRssMB: peakRssMB() }));
}

function spawnPhase(phase, dir, dbPath) {
  const self = fileURLToPath(import.meta.url);
  const result = spawnSync(process.execPath, [...process.execArgv, self, '--phase', phase, dir, dbPath], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 16 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`phase ${phase} failed with exit code ${result.status}`);
  const summary = result.stdout.trim().split('\n').pop();
  if (!summary) throw new Error(`phase ${phase} printed no summary`);
  return JSON.parse(summary);
}

const LABEL_WIDTH = 37;
const fmt = (n) => n.toFixed(n >= 100 ? 0 : 1);

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'storytrace-bench-ingest-'));
  try {
    const genStart = performance.now();
    const corpus = writeCorpus(join(dir, 'corpus'), { count: articleCount, seed });
    const genSeconds = (performance.now() - genStart) / 1000;
    console.log(
      `ingest: corpus ${corpus.count} plain-text articles, ${(corpus.bytes / 1e6).toFixed(1)} MB ` +
        `(${fmt(corpus.bytes / corpus.count / 1024)} KB each), ${corpus.copies} planted copies, seed ${seed}; generated in ${fmt(genSeconds)} s`,
    );
    const corpusDir = join(dir, 'corpus');
    const read = spawnPhase('read', corpusDir, '');
    const readRate = read.inputs / read.seconds;
    console.log(`ingest: ${'read only (readInputs)'.padEnd(LABEL_WIDTH)} ${fmt(readRate).padStart(8)} docs/s      peak RSS ${fmt(read.peakRssMB)} MB`);
    const piped = spawnPhase('pipeline', corpusDir, '');
    const pipeRate = piped.articles / piped.seconds;
    console.log(
      `ingest: ${'read + pipeline (buildPipeline().run)'.padEnd(LABEL_WIDTH)} ${fmt(pipeRate).padStart(8)} articles/s  peak RSS ${fmt(piped.peakRssMB)} MB` +
        `  (${(pipeRate / readRate).toFixed(3)}× read only; ${fmt(piped.inputs / piped.seconds)} inputs/s; pipeline built in ${piped.buildSeconds.toFixed(2)} s)`,
    );
    if (STORE_MODULES.every((m) => existsSync(join(DIST, m)))) {
      const dbPath = join(dir, 'bench.db');
      const stored = spawnPhase('ingest', corpusDir, dbPath);
      const storeRate = stored.articles / stored.seconds;
      const dbBytes = ['', '-wal'].reduce((sum, s) => sum + (existsSync(dbPath + s) ? statSync(dbPath + s).size : 0), 0);
      console.log(
        `ingest: ${'full ingest (store, link, place)'.padEnd(LABEL_WIDTH)} ${fmt(storeRate).padStart(8)} articles/s  peak RSS ${fmt(stored.peakRssMB)} MB` +
          `  (${(storeRate / pipeRate).toFixed(2)}× pipeline only; ${stored.articles} stored of ${stored.inputs} inputs; database ${(dbBytes / 1e6).toFixed(0)} MB)`,
      );
    } else {
      console.log(`ingest: full ingest into SQLite skipped: dist/ lacks ${STORE_MODULES.join(', ')} (build the store first)`);
    }
    console.log(`ingest: command: ${COMMAND}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const phaseAt = process.argv.indexOf('--phase');
if (phaseAt > 0) await runPhase(process.argv[phaseAt + 1], process.argv[phaseAt + 2], process.argv[phaseAt + 3]);
else await main();
