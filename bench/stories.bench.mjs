// Event clustering through the real store (SQLite): N generated articles (bench/generate-corpus.mjs;
// the pipeline is not run, so the only entity is the headline's place) are stored and placed in
// batches (default 5000) by updateStories, as successive ingest runs do; then single articles are stored and placed one at
// a time, each story update timed (p50, p95). The story update reads only what the new article touches
// (key counts, postings, its candidates' events, their digests) and rewrites only its event and storylines.
// Storing the articles (putArticles: text, search index, analysis tables) is timed apart.
//   node --expose-gc bench/stories.bench.mjs [--count 100000] [--batch 5000]   (or BENCH_STORIES_COUNT=20000)
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateArticles } from './generate-corpus.mjs';
import { openSqliteStore } from '../dist/store/sqlite/sqlite-store.js';
import { loadFeatureTools, updateStories } from '../dist/story/update-stories.js';

const option = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const count = option('--count', Number(process.env.BENCH_STORIES_COUNT ?? 100_000));
/** Articles per updateStories call while filling the store: one ingest run's worth. */
const BATCH = option('--batch', 5000);
const COMMAND = `node --expose-gc bench/stories.bench.mjs --count ${count} --batch ${BATCH}`;
const SINGLES = 200;
const tools = loadFeatureTools();
const DATE_LINE = /^(\d{2})\.(\d{2})\.(\d{4}) \|/m;
/** What the pipeline would give, cheaply: the date line as publication date, the headline's place as an entity. */
/** @returns {import('../dist/article.js').Article} */
const toArticle = ({ text }) => {
  const title = text.slice(0, text.indexOf('\n'));
  const [, day, month, year] = DATE_LINE.exec(text) ?? [];
  const place = title.slice(0, title.indexOf(':'));
  return {
    id: createHash('sha256').update(text).digest('hex'),
    pageId: null,
    origin: { path: null, url: null, record: null, segment: null },
    title,
    text,
    language: 'de',
    published: year ? `${year}-${month}-${day}` : null,
    outlet: null,
    byline: null,
    credits: [],
    sideTexts: [],
    entities: [{ text: place, start: 0, end: place.length, type: 'location', canonical: `place:${place.toLowerCase()}` }],
    quotes: [],
    dates: [],
    messages: [],
  };
};

const dir = mkdtempSync(join(tmpdir(), 'storytrace-bench-stories-'));
const dbPath = join(dir, 'stories.db');
const store = openSqliteStore(dbPath);
let peakRss = 0;
const sampleRss = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss));
try {
  const storyOf = new Map();
  let batch = [];
  let storeMs = 0;
  let clusterMs = 0;
  const singleStoreMs = [];
  const singleStoryMs = [];
  // CPU time of the process as well: on a shared machine wall time mostly measures the wait for a core.
  const singleStoryCpuMs = [];
  const timed = async (fn) => {
    const t = performance.now();
    await fn();
    return performance.now() - t;
  };
  // Streamed from the generator so the bench's own texts do not count in the heap.
  for (const generated of generateArticles({ count: count + SINGLES })) {
    const article = toArticle(generated);
    storyOf.set(article.id, generated.story);
    if (storyOf.size > count) {
      singleStoreMs.push(await timed(() => store.putArticles([article])));
      const cpuBefore = process.cpuUsage();
      singleStoryMs.push(await timed(() => updateStories(store, [article], tools)));
      const cpu = process.cpuUsage(cpuBefore);
      singleStoryCpuMs.push((cpu.user + cpu.system) / 1000);
      continue;
    }
    batch.push(article);
    if (batch.length === BATCH || storyOf.size === count) {
      storeMs += await timed(() => store.putArticles(batch));
      clusterMs += await timed(() => updateStories(store, batch, tools));
      sampleRss();
      process.stderr.write(`stories bench: ${storyOf.size} placed, ${(clusterMs / 1000).toFixed(0)} s\n`);
      batch = [];
    }
  }
  sampleRss();
  const events = await store.stories.listStories('event');
  // Purity against the planted structure: a generated story runs three weeks, so one story may hold several events, but an event should not mix stories.
  const pure = events.filter((e) => new Set(e.articleIds.map((id) => storyOf.get(id))).size === 1).length;
  const changes = await store.stories.listStoryChanges();
  const percentile = (list, p) => [...list].sort((x, y) => x - y)[Math.min(list.length - 1, Math.floor(list.length * p))];
  globalThis.gc?.();
  console.log(
    `stories (SQLite store): ${count} articles placed in batches of ${BATCH} in ${(clusterMs / 1000).toFixed(1)} s ` +
      `(${events.length} events, the largest ${Math.max(...events.map((e) => e.articleIds.length))} articles, ${((100 * pure) / events.length).toFixed(1)}% from one planted story; ` +
      `${changes.filter((c) => c.kind === 'merge').length} merges, ${changes.filter((c) => c.kind === 'split').length} splits); storing them took ${(storeMs / 1000).toFixed(1)} s more`,
  );
  console.log(
    `stories: add one article to that store, update its event: p50 ${percentile(singleStoryMs, 0.5).toFixed(1)} ms, p95 ${percentile(singleStoryMs, 0.95).toFixed(1)} ms ` +
      `(${SINGLES} articles; CPU time p50 ${percentile(singleStoryCpuMs, 0.5).toFixed(1)} ms, p95 ${percentile(singleStoryCpuMs, 0.95).toFixed(1)} ms; storing each: p95 ${percentile(singleStoreMs, 0.95).toFixed(1)} ms more)`,
  );
  console.log(
    `stories: memory peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MB, heap after ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MB; database ${(statSync(dbPath).size / 2 ** 20).toFixed(0)} MB`,
  );
  console.log(`  (${COMMAND})`);
} finally {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
