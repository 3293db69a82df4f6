// Entity tagging speed: the shipped German tagger (tokenise, sentences, features, Viterbi, repeats)
// over ~4 KB synthetic German articles from generate-corpus.mjs. Reports wall-clock and CPU time per
// article (CPU time is the fairer number on a shared, busy machine) and peak RSS. Run after `npm run build`:
//   BENCH_ARTICLES=2000 BENCH_SEED=1 node --expose-gc bench/entities.bench.mjs
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateArticles } from './generate-corpus.mjs';

const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
const articleCount = Number(process.env.BENCH_ARTICLES ?? 2000);
const seed = Number(process.env.BENCH_SEED ?? 1);
const COMMAND = `BENCH_ARTICLES=${articleCount} BENCH_SEED=${seed} node --expose-gc bench/entities.bench.mjs`;
// The goal for the whole analysis of one article; the tagger is one part of it.
const GOAL_ARTICLES_PER_SECOND = 300;

const { loadEntityTagger } = await import(join(DIST, 'extract/entities/tag-entities.js'));
const texts = Array.from(generateArticles({ count: articleCount, seed }), (a) => a.text);
const bytes = texts.reduce((sum, t) => sum + Buffer.byteLength(t), 0);

const loadStart = performance.now();
const tagEntities = loadEntityTagger();
const loadSeconds = (performance.now() - loadStart) / 1000;

// warm up the JIT on a slice, so the run measures steady state
for (const text of texts.slice(0, 100)) tagEntities(text);
globalThis.gc?.();

let mentions = 0;
const cpuStart = process.cpuUsage();
const start = performance.now();
for (const text of texts) mentions += tagEntities(text).length;
const seconds = (performance.now() - start) / 1000;
const cpu = process.cpuUsage(cpuStart);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;

const perSecond = articleCount / seconds;
const perCpuSecond = articleCount / cpuSeconds;
console.log(`entities: ${articleCount} articles, ${(bytes / articleCount / 1024).toFixed(1)} KB each, ${mentions} mentions`);
console.log(`entities: model load ${loadSeconds.toFixed(2)} s`);
console.log(`entities: ${perSecond.toFixed(0)} articles/s wall, ${perCpuSecond.toFixed(0)} articles per CPU second (${((cpuSeconds / articleCount) * 1000).toFixed(2)} ms CPU each)`);
console.log(`entities: ${(perCpuSecond / GOAL_ARTICLES_PER_SECOND).toFixed(2)}× the ${GOAL_ARTICLES_PER_SECOND} articles/s per core the whole analysis should reach`);
console.log(`entities: peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
console.log(`entities: command: ${COMMAND}`);
