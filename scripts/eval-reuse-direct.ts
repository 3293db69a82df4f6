/**
 * Scores the reuse engine on the paraphrase evaluation without the CLI or the store: reads the
 * article files make-input wrote, links each against those indexed before it, and writes an
 * export-like JSON for ../shared/eval/paraphrase.py. Article text = the file's text as read.
 *
 *   python3 ../shared/eval/paraphrase.py make-input --data ../shared/data/paraphrase --out /tmp/para-in
 *   npx tsx scripts/eval-reuse-direct.ts /tmp/para-in /tmp/para-pred.json
 *   python3 ../shared/eval/paraphrase.py score --data ../shared/data/paraphrase --inputs /tmp/para-in --pred /tmp/para-pred.json
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { articleIdFor } from '../src/pipeline.js';
import { makeReuseIndex } from '../src/link/reuse-index.js';
import type { ReuseArticle } from '../src/link/find-reuse-links.js';

const [inputDir, outPath] = process.argv.slice(2);
if (inputDir === undefined || outPath === undefined) {
  console.error('usage: tsx scripts/eval-reuse-direct.ts INPUT_DIR OUT.json');
  process.exit(2);
}

const files = readdirSync(inputDir).filter((name) => name.endsWith('.txt')).sort();
const articles = files.map((name) => {
  const path = join(inputDir, name);
  const text = readFileSync(path, 'utf8');
  return { id: articleIdFor(text), origin: { path, url: null, record: null, segment: null }, text };
});
const byId = new Map<string, ReuseArticle>(articles.map((a) => [a.id, a]));

const index = makeReuseIndex();
const started = performance.now();
const reuse = articles.flatMap((article) => {
  const prepared = index.prepare(article);
  const links = index.linksFor(prepared, (id) => byId.get(id));
  index.add(prepared);
  return links;
});
const seconds = (performance.now() - started) / 1000;

writeFileSync(outPath, JSON.stringify({ articles, reuse, stories: [] }));
const kinds = new Map<string, number>();
for (const link of reuse) kinds.set(link.kind, (kinds.get(link.kind) ?? 0) + 1);
console.error(`${articles.length} articles, ${reuse.length} links (${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}) in ${seconds.toFixed(2)} s`);
