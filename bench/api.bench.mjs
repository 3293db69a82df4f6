// The HTTP API's answer times for every call the web pages make: the story list and story page, the
// article reader, search with each facet, the entity list and entity page, the outlet page, quotes,
// provenance. Goals (issue 6, at 100,000 articles): story page calls p95 < 100 ms, search p95 < 200 ms.
//
// The store is built the way ingest fills it, without paying the pipeline 100,000 times: a base of
// generate-corpus.mjs articles (BENCH_API_BASE, default 2,000) goes through the full pipeline, the
// reuse linker and the story clustering; then the store is filled up to BENCH_API_ARTICLES with
// copies of the analysed base (new ids and places, dates moved on by a week per copy, the same
// text, entities, quotes and credits), each copy with its own copies of the base's reuse links and
// stories. Every text thus occurs once per copy: search matches grow with the store as they would.
// Requests go through app.request (no network), so the numbers are the API and store, not the socket.
// Each line gives wall-clock and CPU time (this process's, GC threads included): on a busy machine the
// wall clock also counts waiting for a core, the CPU time only what the request costs.
// BENCH_API_DB=FILE keeps the store in FILE, and a later run with the same FILE measures it again
// without building it. Run after `npm run build`:
//   BENCH_API_ARTICLES=100000 node --expose-gc bench/api.bench.mjs
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, statSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OUTLETS, writeCorpus } from './generate-corpus.mjs';

const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
const articleCount = Number(process.env.BENCH_API_ARTICLES ?? 10_000);
const baseCount = Math.min(articleCount, Number(process.env.BENCH_API_BASE ?? 2000));
const seed = Number(process.env.BENCH_SEED ?? 1);
const COMMAND = `${process.env.BENCH_API_DB === undefined ? '' : `BENCH_API_DB=${process.env.BENCH_API_DB} `}BENCH_API_ARTICLES=${articleCount} BENCH_API_BASE=${baseCount} BENCH_SEED=${seed} node --expose-gc bench/api.bench.mjs`;
const REQUESTS = 200;
/** As DEFAULT_RUNNER_OPTIONS in src/run/runner.ts for the base; copies go in larger batches. */
const BASE_BATCH = 200;
const COPY_BATCH = 1000;
const DAY_MS = 86_400_000;

const { readInputs } = await import(join(DIST, 'ingest/read-inputs.js'));
const { buildPipeline } = await import(join(DIST, 'pipeline.js'));
const { openSqliteStore } = await import(join(DIST, 'store/sqlite/sqlite-store.js'));
const { openReuseLinker } = await import(join(DIST, 'provenance/link-reuse.js'));
const { updateStories, loadFeatureTools } = await import(join(DIST, 'story/update-stories.js'));
const { createApiApp, DEFAULT_API_LIMITS } = await import(join(DIST, 'api/api-app.js'));

const seconds = (since) => ((performance.now() - since) / 1000).toFixed(0);
const mb = (bytes) => `${(bytes / 2 ** 20).toFixed(0)} MB`;

const dir = mkdtempSync(join(tmpdir(), 'storytrace-bench-api-'));
try {
  const dbPath = process.env.BENCH_API_DB ?? join(dir, 'bench.db');
  const reused = existsSync(dbPath);
  const store = openSqliteStore(dbPath);
  if (reused) console.log(`api: measuring the store in ${dbPath} as it is`);
  else {
    const buildStart = performance.now();
    const base = await storeBase(store);
    const baseSeconds = seconds(buildStart);
    const copyStart = performance.now();
    await storeCopies(store, base);
    console.log(`api: store built in ${seconds(buildStart)} s (${baseCount} articles analysed by the pipeline, linked and clustered in ${baseSeconds} s; copies stored in ${seconds(copyStart)} s)`);
  }
  const stats = await store.stats();
  const storyCount = (await store.stories.listStories()).length;
  const linkCount = (await store.reuse.listReuseLinks()).length;
  const fileBytes = ['', '-wal'].map((suffix) => dbPath + suffix).filter(existsSync).reduce((sum, path) => sum + statSync(path).size, 0);
  console.log(`api: ${stats.articles} articles, ${storyCount} stories, ${linkCount} reuse links; database ${mb(fileBytes)}; seed ${seed}`);
  await measure(store, stats, await sampleOf(store, stats.articles, linkCount));
  await store.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(`command: ${COMMAND}`);

/** The base through the pipeline, the reuse linker and the story clustering, as `storytrace ingest` does. */
async function storeBase(store) {
  writeCorpus(join(dir, 'corpus'), { count: baseCount, seed });
  const pipeline = await buildPipeline();
  const linker = await openReuseLinker(store);
  const tools = loadFeatureTools();
  const articles = [];
  let batch = [];
  const flush = async () => {
    await store.putArticles(batch);
    await linker.linkArticles(batch);
    await updateStories(store, batch, tools);
    batch = [];
  };
  for await (const raw of readInputs([join(dir, 'corpus')])) {
    for (const analysed of pipeline.run(raw).articles) {
      const article = withSignedOutlet(analysed);
      batch.push(article);
      articles.push(article);
    }
    if (batch.length >= BASE_BATCH) await flush();
  }
  await flush();
  return {
    // A text found twice is one article: copies are counted in distinct ones.
    articles: [...new Map(articles.map((a) => [a.id, a])).values()],
    links: await store.reuse.listReuseLinks(),
    stories: await store.stories.listStories(),
    members: await store.stories.listStoryMembers(),
  };
}

/**
 * generate-corpus.mjs signs each article with its (invented) outlet on the last line, which the outlet
 * stage, knowing real outlets only, leaves unread: without it every article would be "(unknown)".
 */
function withSignedOutlet(article) {
  if (article.outlet !== null) return article;
  const lastLine = article.text.trimEnd().split('\n').at(-1)?.trim() ?? '';
  return OUTLETS.includes(lastLine) ? { ...article, outlet: lastLine } : article;
}

/** Copies of the analysed base until the store holds `articleCount` articles. */
async function storeCopies(store, base) {
  const allStories = [...base.stories];
  const allMembers = [...base.members];
  for (let copy = 1; copy * base.articles.length < articleCount; copy++) {
    const idOf = new Map(base.articles.map((a) => [a.id, createHash('sha256').update(`${copy}:${a.id}`).digest('hex').slice(0, 16)]));
    const renamed = (json) => JSON.parse(JSON.stringify(json).replace(/[0-9a-f]{16}/g, (id) => idOf.get(id) ?? id));
    const articles = base.articles.slice(0, articleCount - copy * base.articles.length).map((a) => ({
      ...a,
      id: idOf.get(a.id),
      origin: { ...a.origin, path: `copy-${copy}/${a.origin.path}` },
      published: laterBy(a.published, copy * 7),
    }));
    for (let i = 0; i < articles.length; i += COPY_BATCH) await store.putArticles(articles.slice(i, i + COPY_BATCH));
    const stored = new Set(articles.map((a) => a.id));
    const links = base.links.map(renamed).filter((l) => stored.has(l.a.articleId) && stored.has(l.b.articleId));
    await store.reuse.putReuseLinks(links.map((l) => ({ ...l, id: `${l.id}~${copy}` })), [...stored]);
    for (const story of base.stories) {
      const moved = renamed(story);
      const articleIds = moved.articleIds.filter((id) => stored.has(id));
      if (articleIds.length === 0) continue;
      allStories.push({
        ...moved,
        id: `${moved.id}~${copy}`,
        storylineId: moved.storylineId === null ? null : `${moved.storylineId}~${copy}`,
        articleIds,
        dateStart: laterBy(moved.dateStart, copy * 7),
        dateEnd: laterBy(moved.dateEnd, copy * 7),
      });
    }
    for (const member of base.members.map(renamed)) if (stored.has(member.articleId)) allMembers.push({ ...member, eventId: `${member.eventId}~${copy}` });
  }
  await store.stories.replaceStories(allStories, allMembers, []);
}

/** Article ids to ask for, spread over the whole store (cursors are positions): any, and ones with reuse links. */
async function sampleOf(store, articles, links) {
  const SAMPLE = 500;
  const articleIds = [];
  const linkedIds = [];
  for (let i = 0; i < SAMPLE; i++) {
    const article = (await store.listArticles({ limit: 1, cursor: String(Math.floor((i * articles) / SAMPLE)) })).articles[0];
    if (article !== undefined) articleIds.push(article.article.id);
    const link = (await store.reuse.pageReuseLinks({ limit: 1, cursor: String(Math.floor((i * links) / SAMPLE)) })).items[0];
    if (link !== undefined) linkedIds.push(link.b.articleId);
  }
  return { articleIds, linkedIds };
}

/** An ISO date (any precision) moved on by whole days; year or month precision stays as it is. */
function laterBy(iso, days) {
  if (iso === null || !/^\d{4}-\d{2}-\d{2}/.test(iso)) return iso;
  return new Date(Date.parse(iso.slice(0, 10)) + days * DAY_MS).toISOString().slice(0, 10) + iso.slice(10);
}

async function measure(store, stats, sample) {
  const app = createApiApp({ ...DEFAULT_API_LIMITS, store, pipeline: () => Promise.reject(new Error('no ingest in this benchmark')), webRoot: null });
  const get = async (url) => (await app.request(url)).json();
  const ids = (await get('/api/articles?limit=200')).items.map((a) => a.id);
  const articleIds = sample.articleIds;
  const linkedIds = sample.linkedIds;
  const events = (await get('/api/stories?kind=event&limit=200')).items.map((s) => s.id);
  const storylines = (await get('/api/stories?kind=storyline&limit=200')).items.map((s) => s.id);
  const people = (await get('/api/entities?type=person&limit=100')).items.map((e) => e.key);
  const outlets = (await get('/api/outlets?limit=200')).items.map((o) => o.name);
  const words = new Map();
  for (const id of ids) {
    const article = await get(`/api/articles/${id}`);
    for (const word of (article.title ?? '').split(/[^\p{L}]+/u)) if (word.length >= 7) words.set(word, (words.get(word) ?? 0) + 1);
  }
  const queries = [...words].sort((a, b) => b[1] - a[1]).slice(0, 50).map(([w]) => w);
  const q = (i) => encodeURIComponent(pick(queries, i));
  const pick = (list, i) => list[(i * 7919) % list.length];
  const languages = stats.languages.map((l) => l.name);
  const months = [stats.publishedRange?.earliest, stats.publishedRange?.latest].map((d) => d?.slice(0, 7));

  // As web/src/pages/*.ts ask, page by page (each page's calls run in parallel in the browser).
  /** @type {[string, (i: number) => string, number?][]} */
  const scenarios = [
    ['story list: GET /api/stories&include=coverage', () => '/api/stories?limit=50&include=coverage'],
    ['story list: GET /api/articles?limit=10', () => '/api/articles?limit=10'],
    ['story page: GET /api/stories/:event', (i) => `/api/stories/${encodeURIComponent(pick(events, i))}`],
    ['story page: GET /api/stories/:storyline', (i) => `/api/stories/${encodeURIComponent(pick(storylines, i))}`],
    ['story page: GET /api/stories/:storyline/reuse', (i) => `/api/stories/${encodeURIComponent(pick(storylines, i))}/reuse?limit=200`],
    ['story page: GET /api/stories/:storyline/statements', (i) => `/api/stories/${encodeURIComponent(pick(storylines, i))}/statements?limit=200`],
    ['reader: GET /api/articles/:id', (i) => `/api/articles/${pick(articleIds, i)}`],
    ['reader: GET /api/reuse?article=…', (i) => `/api/reuse?article=${pick(linkedIds, i)}&limit=200`],
    ['reader: GET /api/articles/:id/provenance', (i) => `/api/articles/${pick(linkedIds, i)}/provenance`],
    ['search: GET /api/search?q=…', (i) => `/api/search?q=${q(i)}&limit=20`],
    ['search: q, next page', (i) => `/api/search?q=${q(i)}&limit=20&cursor=20`],
    ['search: q + entity', (i) => `/api/search?q=${q(i)}&entity=${encodeURIComponent(pick(people, i))}&limit=20`],
    ['search: q + outlet', (i) => `/api/search?q=${q(i)}&outlet=${encodeURIComponent(pick(outlets, i))}&limit=20`],
    ['search: q + date range', (i) => `/api/search?q=${q(i)}&from=${months[0]}&to=${months[1]}&limit=20`],
    ['search: q + language', (i) => `/api/search?q=${q(i)}&language=${pick(languages, i)}&limit=20`],
    ['search: q + story', (i) => `/api/search?q=${q(i)}&story=${encodeURIComponent(pick(storylines, i))}&limit=20`],
    ['search: no query (article list)', () => '/api/search?limit=20'],
    ['entities: GET /api/entities?type=person', () => '/api/entities?type=person&limit=100'],
    ['entity page: GET /api/entities/:key', (i) => `/api/entities/${encodeURIComponent(pick(people, i))}?limit=30`],
    ['entity page: GET /api/search?entity=…', (i) => `/api/search?entity=${encodeURIComponent(pick(people, i))}&limit=200`],
    ['entity page: GET /api/stories?limit=200', () => '/api/stories?limit=200'],
    ['entity page: GET /api/quotes?entity=…', (i) => `/api/quotes?entity=${encodeURIComponent(pick(people, i))}&role=speaker&limit=50`],
    ['quotes: GET /api/quotes', () => '/api/quotes?limit=50'],
    ['outlet page: GET /api/outlets', () => '/api/outlets?limit=200'],
    ['outlet page: GET /api/search?outlet=…', (i) => `/api/search?outlet=${encodeURIComponent(pick(outlets, i))}&limit=50`],
    // Seconds per call at 100,000 articles (it weighs every link of the outlet's articles): fewer calls.
    ['outlet page: GET /api/outlets/:name', (i) => `/api/outlets/${encodeURIComponent(pick(outlets, i))}`, 20],
    ['stats (CLI and API only): GET /api/stats', () => '/api/stats'],
  ];
  for (const [name, urlOf, requests = REQUESTS] of scenarios) {
    if (urlOf(0).includes('undefined')) {
      console.log(`${name.padEnd(52)} skipped: nothing to ask for in this corpus`);
      continue;
    }
    globalThis.gc?.();
    const times = [];
    const cpuTimes = [];
    // Fewer of the calls whose answer does not depend on the request.
    const count = urlOf(0) === urlOf(1) ? Math.min(requests, 50) : requests;
    for (let i = 0; i < count; i++) {
      const start = performance.now();
      const cpuStart = process.cpuUsage();
      const response = await app.request(urlOf(i));
      await response.arrayBuffer();
      times.push(performance.now() - start);
      const cpu = process.cpuUsage(cpuStart);
      cpuTimes.push((cpu.user + cpu.system) / 1000);
      if (response.status !== 200) throw new Error(`${urlOf(i)} answered ${response.status}`);
    }
    const at = (list, quantile) => [...list].sort((a, b) => a - b)[Math.min(list.length - 1, Math.floor(quantile * list.length))].toFixed(1).padStart(7);
    console.log(`${name.padEnd(52)} p50 ${at(times, 0.5)} ms   p95 ${at(times, 0.95)} ms   cpu p50 ${at(cpuTimes, 0.5)} ms   p95 ${at(cpuTimes, 0.95)} ms   (${count} requests)`);
  }
}
