// Event clustering speed: place N generated articles (bench/generate-corpus.mjs, terms only: the
// pipeline is not run, so entities are absent) with the online clusterer, then add single articles
// to that state and time each at p95; heap reported. Store writes are not included.
//   node --expose-gc bench/stories.bench.mjs [--count 100000]
import { createHash } from 'node:crypto';
import { generateArticles } from './generate-corpus.mjs';
import { storyFeaturesOf } from '../dist/story/story-features.js';
import { loadFeatureTools, makeDefaultClusterer } from '../dist/story/update-stories.js';

const countArg = process.argv.indexOf('--count');
const count = countArg > 0 ? Number(process.argv[countArg + 1]) : 100_000;
const SINGLES = 200;
const tools = loadFeatureTools();
const toArticle = ({ text }) => ({
  id: createHash('sha256').update(text).digest('hex'),
  title: text.slice(0, text.indexOf('\n')),
  text,
  language: 'de',
  published: null,
  entities: [],
  quotes: [],
  dates: [],
});
const clusterer = makeDefaultClusterer();
const all = [...generateArticles({ count: count + SINGLES })];
const started = performance.now();
const BATCH = 1000;
for (let i = 0; i < count; i += BATCH) clusterer.addArticles(all.slice(i, Math.min(count, i + BATCH)).map((a) => storyFeaturesOf(toArticle(a), tools)));
const clusterMs = performance.now() - started;
const times = [];
for (const a of all.slice(count)) {
  const t = performance.now();
  clusterer.addArticles([storyFeaturesOf(toArticle(a), tools)]);
  times.push(performance.now() - t);
}
times.sort((x, y) => x - y);
globalThis.gc?.();
console.log(
  `stories: ${count} articles clustered in ${(clusterMs / 1000).toFixed(1)} s (${clusterer.events().length} events); ` +
    `add one: p50 ${times[Math.floor(times.length / 2)].toFixed(1)} ms, p95 ${times[Math.floor(times.length * 0.95)].toFixed(1)} ms; ` +
    `heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MB`,
);
