// Event clustering speed: place N generated articles (bench/generate-corpus.mjs, terms only: the
// pipeline is not run, so entities are absent) with the online clusterer, then add single articles
// to that state and time each at p95; heap reported. Store writes are not included.
//   node --expose-gc bench/stories.bench.mjs [--count 100000]   (or BENCH_STORIES_COUNT=20000)
import { createHash } from 'node:crypto';
import { generateArticles } from './generate-corpus.mjs';
import { storyFeaturesOf } from '../dist/story/story-features.js';
import { loadFeatureTools, makeDefaultClusterer } from '../dist/story/update-stories.js';

const countArg = process.argv.indexOf('--count');
const count = countArg > 0 ? Number(process.argv[countArg + 1]) : Number(process.env.BENCH_STORIES_COUNT ?? 100_000);
const SINGLES = 200;
const tools = loadFeatureTools();
const DATE_LINE = /^(\d{2})\.(\d{2})\.(\d{4}) \|/m;
/** What the pipeline would give, cheaply: the date line as publication date, the headline's place as an entity. */
const toArticle = ({ text }) => {
  const title = text.slice(0, text.indexOf('\n'));
  const [, day, month, year] = DATE_LINE.exec(text) ?? [];
  const place = title.slice(0, title.indexOf(':'));
  return {
    id: createHash('sha256').update(text).digest('hex'),
    title,
    text,
    language: 'de',
    published: year ? `${year}-${month}-${day}` : null,
    entities: [{ text: place, start: 0, end: place.length, type: 'location', canonical: `place:${place.toLowerCase()}` }],
    quotes: [],
    dates: [],
  };
};
const clusterer = makeDefaultClusterer();
// Streamed from the generator so the bench's own texts do not count in the heap.
const storyOf = new Map();
const BATCH = 1000;
let batch = [];
let clusterMs = 0;
const times = [];
for (const generated of generateArticles({ count: count + SINGLES })) {
  const article = toArticle(generated);
  storyOf.set(article.id, generated.story);
  if (storyOf.size > count) {
    const t = performance.now();
    clusterer.addArticles([storyFeaturesOf(article, tools)]);
    times.push(performance.now() - t);
    continue;
  }
  batch.push(article);
  if (batch.length === BATCH || storyOf.size === count) {
    const t = performance.now();
    clusterer.addArticles(batch.map((a) => storyFeaturesOf(a, tools)));
    clusterMs += performance.now() - t;
    batch = [];
  }
}
times.sort((x, y) => x - y);
// Purity against the planted structure: a generated story runs three weeks, so one story may hold several events, but an event should not mix stories.
let pure = 0;
for (const e of clusterer.events()) pure += new Set(e.articleIds.map((id) => storyOf.get(id))).size === 1 ? 1 : 0;
globalThis.gc?.();
console.log(
  `stories: ${count} articles clustered in ${(clusterMs / 1000).toFixed(1)} s (${clusterer.events().length} events, ${((100 * pure) / clusterer.events().length).toFixed(1)}% from one planted story); ` +
    `add one: p50 ${times[Math.floor(times.length / 2)].toFixed(1)} ms, p95 ${times[Math.floor(times.length * 0.95)].toFixed(1)} ms; ` +
    `heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MB`,
);
