// HTML pages per second: our extractor (readHtmlPage: parse, metadata, date, main text) beside
// @mozilla/readability on linkedom, over the same pages in one run. Pages: the extraction-de dev set
// when ../shared is present, else our own fixtures. Run after `npm run build`:
//   node bench/html-extract.bench.mjs [--rounds N]
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { readHtmlPage } from '../dist/clean/html/html-page.js';
import { decodeContent } from '../dist/clean/encoding.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const sharedPages = join(root, '../shared/data/extraction-de/html');
const fixturePages = join(root, 'test/fixtures/clean-html');
const roundsArg = process.argv.indexOf('--rounds');
const rounds = roundsArg > 0 ? Number(process.argv[roundsArg + 1]) : 1;
/** Pages run once before timing so JIT compilation is not counted (Readability takes ~1 minute per full round). */
const WARM_UP_PAGES = 20;

function listPages() {
  if (existsSync(sharedPages)) {
    return { source: sharedPages, paths: readdirSync(sharedPages).sort().map((n) => join(sharedPages, n)) };
  }
  const paths = readdirSync(fixturePages)
    .map((n) => join(fixturePages, n, 'input.html'))
    .filter((p) => existsSync(p));
  return { source: fixturePages, paths };
}

/** @returns {import('../dist/article.js').RawDocument} */
function rawDocumentFor(path) {
  return {
    origin: { path, url: null, record: null, segment: null },
    format: 'html',
    content: new Uint8Array(readFileSync(path)),
    hints: {},
    label: path,
    messages: [],
  };
}

// Decoding bytes is the same work for both extractors, so it happens before the clocks start.
const { source, paths } = listPages();
const pages = paths.map((path) => {
  const raw = rawDocumentFor(path);
  return { raw, html: decodeContent(raw).text ?? '' };
});
const bytes = pages.reduce((sum, p) => sum + p.html.length, 0);

function runOurs(set = pages) {
  let chars = 0;
  for (const { html, raw } of set) chars += readHtmlPage(html, raw).text.length;
  return chars;
}

function runReadability(set = pages) {
  let chars = 0;
  for (const { html } of set) {
    const { document } = parseHTML(html);
    chars += new Readability(document).parse()?.textContent?.length ?? 0;
  }
  return chars;
}

/** Best of `rounds` timed runs over all pages, after a warm-up. */
function pagesPerSecond(run) {
  run(pages.slice(0, WARM_UP_PAGES));
  let best = Infinity;
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    run(pages);
    best = Math.min(best, performance.now() - start);
  }
  return (pages.length / best) * 1000;
}

const ours = pagesPerSecond(runOurs);
const readability = pagesPerSecond(runReadability);
console.log(`html-extract: ${pages.length} pages (${(bytes / 1e6).toFixed(1)} M chars) from ${source}`);
console.log(`html-extract: storytrace readHtmlPage      ${ours.toFixed(1)} pages/s`);
console.log(`html-extract: readability 0.6 + linkedom   ${readability.toFixed(1)} pages/s`);
console.log(`html-extract: ratio storytrace/readability ${(ours / readability).toFixed(2)}x`);
console.log(`html-extract: command: node bench/html-extract.bench.mjs --rounds ${rounds}`);
