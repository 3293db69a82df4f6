// Publication-date reading per HTML page (findPublishedInHtml on an already parsed tree) beside the
// parse itself, and plain-text date reading per text. Pages: the dates dev set when ../shared is
// present, else our own fixtures. Run after `npm run build`:
//   node bench/published-date.bench.mjs [--rounds N]
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHtml } from '../dist/clean/html/parse-html.js';
import { findPublishedInHtml } from '../dist/extract/published/html-date.js';
import { findPublishedInText } from '../dist/extract/published/text-date.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const sharedPages = join(root, '../shared/data/dates/html');
const fixtures = join(root, 'test/fixtures/published');
const roundsArg = process.argv.indexOf('--rounds');
const rounds = roundsArg > 0 ? Number(process.argv[roundsArg + 1]) : 3;

function fixtureFiles(name) {
  return readdirSync(fixtures)
    .map((dir) => join(fixtures, dir, name))
    .filter((p) => existsSync(p));
}

const htmlSource = existsSync(sharedPages) ? sharedPages : fixtures;
const htmlPaths = existsSync(sharedPages)
  ? readdirSync(sharedPages).sort().map((n) => join(sharedPages, n))
  : fixtureFiles('input.html');
const htmls = htmlPaths.map((p) => readFileSync(p, 'utf8'));
const texts = fixtureFiles('input.txt').map((p) => readFileSync(p, 'utf8'));

function time(label, count, run) {
  run(); // warm-up round: JIT compilation is not counted
  const start = performance.now();
  for (let r = 0; r < rounds; r++) run();
  const ms = (performance.now() - start) / rounds;
  console.log(`${label}: ${(ms / count).toFixed(3)} ms per item, ${Math.round((count * 1000) / ms)} items/s (${count} items, ${rounds} rounds)`);
  return ms;
}

console.log(`html pages: ${htmls.length} from ${htmlSource}`);
const parseMs = time('parseHtml', htmls.length, () => htmls.forEach((h) => {
    parseHtml(h);
  }));
const docs = htmls.map((h) => parseHtml(h));
const dateMs = time('findPublishedInHtml (tree given)', docs.length, () => docs.forEach((d) => {
    findPublishedInHtml(d, null);
  }));
console.log(`date reading costs ${(dateMs / parseMs).toFixed(2)}× the parse`);
time('findPublishedInText', texts.length, () => texts.forEach((t) => {
    findPublishedInText(t);
  }));
