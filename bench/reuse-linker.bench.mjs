// The reuse step of ingest on a filled store: how long opening the linker takes (it reads the
// stored fingerprints into the in-memory reuse index, no texts) and how long linking one ingest
// batch takes. Articles are generate-corpus.mjs's, stored directly (no pipeline) and marked linked
// with their fingerprints (links themselves are not computed: opening does not read them).
// Run after `npm run build`:
//   BENCH_LINKER_ARTICLES=10000 node bench/reuse-linker.bench.mjs
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateArticles } from './generate-corpus.mjs';
import { articleIdFor } from '../dist/pipeline.js';
import { openSqliteStore } from '../dist/store/sqlite/sqlite-store.js';
import { openReuseLinker } from '../dist/provenance/link-reuse.js';
import { makeReuseIndex } from '../dist/link/reuse-index.js';

const COUNT = Number(process.env.BENCH_LINKER_ARTICLES ?? 10_000);
/** As DEFAULT_RUNNER_OPTIONS in src/run/runner.ts. */
const BATCH = 200;
const mb = (bytes) => `${(bytes / 2 ** 20).toFixed(0)} MB`;

const articleOf = (g) => ({
  id: articleIdFor(g.text),
  origin: { path: g.name, url: null, record: null, segment: null },
  pageId: null,
  title: null,
  text: g.text,
  published: null,
  language: 'de',
  outlet: null,
  credits: [],
  byline: null,
  sideTexts: [],
  messages: [],
});

const dir = mkdtempSync(join(tmpdir(), 'storytrace-bench-linker-'));
try {
  const all = [...generateArticles({ count: COUNT + BATCH, seed: 7 })].map(articleOf);
  const store = openSqliteStore(join(dir, 'bench.db'));
  const fingerprinter = makeReuseIndex();
  for (let i = 0; i < COUNT; i += 1000) {
    const stored = all.slice(i, Math.min(i + 1000, COUNT));
    await store.putArticles(stored);
    const fingerprints = stored.map((a) => ({ articleId: a.id, scheme: fingerprinter.fingerprintScheme, ...fingerprinter.fingerprintsOf(fingerprinter.prepare(a)) }));
    await store.reuse.putReuseLinks([], stored.map((a) => a.id), fingerprints);
  }
  let started = performance.now();
  const linker = await openReuseLinker(store);
  const openSeconds = (performance.now() - started) / 1000;
  const indexed = linker.articleCount;
  const batch = all.slice(COUNT);
  await store.putArticles(batch);
  started = performance.now();
  const result = await linker.linkArticles(batch);
  const linkSeconds = (performance.now() - started) / 1000;
  await store.close();
  console.log(`BENCH_LINKER_ARTICLES=${COUNT} node bench/reuse-linker.bench.mjs`);
  console.log(`open (read the fingerprints of ${indexed} stored articles): ${openSeconds.toFixed(1)} s, ${(COUNT / openSeconds).toFixed(0)} articles/s`);
  console.log(`link one batch of ${BATCH}: ${linkSeconds.toFixed(2)} s, ${result.linksAdded} links; peak RSS ${mb(process.resourceUsage().maxRSS * 1024)}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
