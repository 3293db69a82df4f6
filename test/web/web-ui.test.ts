/**
 * End-to-end: the demo corpus served on a free port, Debian's Chromium driven by playwright-core.
 * Skips (with the reason) when /usr/bin/chromium is missing; never downloads a browser.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { buildPipeline, type Pipeline } from '../../src/pipeline.js';
import { readInputs } from '../../src/ingest/read-inputs.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { Store } from '../../src/store/store.js';
import { ingestDocuments } from '../../src/cli/ingest-command.js';
import { DEMO_CORPUS_PATH } from '../../src/cli/demo-command.js';
import { startApiServer, type RunningServer } from '../../src/api/serve-api.js';
import { loadFeatureTools, updateStories } from '../../src/story/update-stories.js';
import { openReuseLinker } from '../../src/provenance/link-reuse.js';
import type { Article } from '../../src/article.js';

const CHROMIUM = '/usr/bin/chromium';
const SKIP = existsSync(CHROMIUM) ? false : `no browser at ${CHROMIUM} (apt-get install chromium)`;
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SCREENSHOTS = join(ROOT, 'docs/screenshots');

/** Scraped text carrying markup that would run if the page ever treated text as HTML. */
const HOSTILE_TEXT = [
  'Hafenstreit in Kellingen <img src=x onerror="window.__pwned = 1; document.title = \'pwned\'">',
  '',
  'Der Stadtrat von Kellingen hat am Dienstag über den Ausbau des Hafens beraten. <script>window.__pwned = 2; document.title = "pwned"</script> Die Sitzung dauerte bis in den Abend.',
  '',
  'Bürgermeisterin Ilka Sommerfeld sagte: „Wir brauchen mehr Liegeplätze.“ Mehr dazu unter <a href="javascript:window.__pwned=3">diesem Link</a> und javascript:window.__pwned=4 im Archiv.',
].join('\n');

let pipeline: Pipeline;
let store: Store;
let server: RunningServer;
let browser: Browser;
let page: Page;
let axeSource: string;

before(async () => {
  if (SKIP) return;
  execFileSync(process.execPath, [join(ROOT, 'web/build-web.mjs')]);
  pipeline = await buildPipeline();
  store = openSqliteStore(join(mkdtempSync(join(tmpdir(), 'st-web-')), 'demo.db'));
  const stored: Article[] = [];
  // Opened before ingesting, as `ingest` does: it indexes what is stored and links what comes after.
  const linker = await openReuseLinker(store);
  const silent = { report: { inputs: 0, articles: 0, rejected: 0, warnings: 0 }, documentDone() {}, finish() {} };
  await ingestDocuments(store, pipeline, readInputs([DEMO_CORPUS_PATH]), silent, { batchArticles: 200, batchMaxMs: 2000, afterBatch: (batch: readonly Article[]) => stored.push(...batch) });
  // As `storytrace ingest` does after storing: link reused passages, then cluster events and storylines.
  await linker.linkArticles(stored);
  await updateStories(store, stored, loadFeatureTools());
  server = await startApiServer({ store, pipeline: async () => pipeline, host: '127.0.0.1', port: 0 });
  const { chromium } = await import('playwright-core');
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  mkdirSync(SCREENSHOTS, { recursive: true });
});

after(async () => {
  if (SKIP) return;
  await browser?.close();
  await server?.close();
  await store?.close();
});

/** An API answer as the test reads it: loosely typed JSON. */
async function getJson(url: string): Promise<any> {
  return (await fetch(url)).json();
}

async function open(route: string): Promise<void> {
  await page.goto(`${server.url}#${route}`);
  await page.waitForSelector('main h1');
}

/** Runs axe-core in the page; answers the serious and critical violations as "rule: target" lines. */
async function seriousViolations(): Promise<string[]> {
  // Evaluated through the DevTools protocol, which the page's CSP does not govern (an inline <script> would be refused).
  await page.evaluate(axeSource);
  const violations = (await page.evaluate('axe.run(document).then((result) => result.violations)')) as { id: string; impact: string; nodes: { target: string[] }[] }[];
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('web: the story list shows the stored stories with their count, or says there are none', { skip: SKIP }, async () => {
  await open('/');
  assert.equal(await page.textContent('main h1'), 'Geschichten');
  const stories = await getJson(`${server.url}api/stories?limit=50`);
  if (stories.items.length === 0) assert.ok(await page.isVisible('main .placeholder'));
  else {
    assert.equal(await page.locator('main .story-list li').count(), stories.items.length);
    assert.match((await page.textContent('main .summary')) ?? '', new RegExp(`^${stories.items.length}\\+? Ereignisse`));
  }
  assert.deepEqual(await seriousViolations(), []);
});

test('web: a story page shows its articles in date order with their outlets', { skip: SKIP }, async (t) => {
  const storylines = await getJson(`${server.url}api/stories?kind=storyline&limit=200`);
  const events = await getJson(`${server.url}api/stories?kind=event&limit=200`);
  const biggest = [...storylines.items, ...events.items].sort((a: any, b: any) => b.articleCount - a.articleCount)[0];
  if (biggest === undefined) return t.skip('the story stage made no stories from the demo corpus');
  await open('/');
  await page.click(`main .story-list a[href="#/story/${encodeURIComponent(biggest.id)}"]`);
  await page.waitForSelector('main .timeline');
  assert.equal(await page.locator('main .timeline li').count(), biggest.articleCount);
  const dates = await page.locator('main .timeline li .meta').allTextContents();
  const days = dates.map((d) => /\d{4}-\d\d-\d\d/.exec(d)?.[0]).filter((d): d is string => d !== undefined);
  assert.deepEqual(days, [...days].sort());
  await page.screenshot({ path: join(SCREENSHOTS, 'story-page.png'), fullPage: true });
  assert.deepEqual(await seriousViolations(), []);
});

test('web: open the article list, open an article, see entities and quotes highlighted and a speaker on focus', { skip: SKIP }, async () => {
  await open('/articles');
  assert.ok((await page.locator('.hit-list li').count()) > 0);
  assert.deepEqual(await seriousViolations(), []);
  // The article with the most quotes makes the best reader test: find it through the API.
  const quotes = await getJson(`${server.url}api/quotes?limit=200`);
  const counts = new Map<string, number>();
  for (const q of quotes.items) counts.set(q.article.id, (counts.get(q.article.id) ?? 0) + 1);
  const [id] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
  await page.click(`.hit-list a[href="#/article/${id}"]`).catch(async () => open(`/article/${id}`));
  await page.waitForSelector('article.reader');
  assert.ok((await page.locator('.article-text a.entity').count()) > 0, 'entities are linked');
  assert.ok((await page.locator('.article-text mark.quote').count()) > 0, 'quotes are marked');
  await page.focus('#quote-0');
  assert.match((await page.textContent('.speaker-panel')) ?? '', /Sprecher:/);
  await page.screenshot({ path: join(SCREENSHOTS, 'article-reader.png'), fullPage: true });
  assert.deepEqual(await seriousViolations(), []);
});

test('web: a reused passage opens beside the same passage in the other article', { skip: SKIP }, async (t) => {
  const links = await getJson(`${server.url}api/reuse?limit=200`);
  const link = links.items[0];
  if (link === undefined) return t.skip('the linker found no reuse in the demo corpus');
  await open(`/article/${link.a.articleId}`);
  assert.ok((await page.locator('.article-text .reused').count()) > 0, 'reused passages are marked');
  // The keyboard way: the side panel lists each passage as a button.
  await page.locator('.reuse-list button').first().focus();
  await page.keyboard.press('Enter');
  await page.waitForSelector('.side-by-side');
  const texts = await page.locator('.side-by-side blockquote').allTextContents();
  assert.equal(texts.length, 2);
  assert.ok(texts.every((x) => x.trim().length > 0));
  assert.deepEqual(await seriousViolations(), []);
});

test('web: an entity link leads to the entity page with its mentions and articles', { skip: SKIP }, async () => {
  const entities = await getJson(`${server.url}api/entities?type=person&limit=1`);
  const person = entities.items[0];
  await open(`/entity/${encodeURIComponent(person.key)}`);
  assert.equal(await page.textContent('main h1'), person.name);
  assert.ok((await page.locator('.mention-list li').count()) > 0);
  assert.deepEqual(await seriousViolations(), []);
});

test('web: searching an inflected German form finds the articles with another form', { skip: SKIP }, async () => {
  await open('/articles');
  await page.fill('input[name="q"]', 'Einigungen');
  await page.click('.search-form button[type="submit"]');
  await page.waitForFunction("location.hash.includes('q=Einigungen')");
  await page.waitForSelector('.hit-list li mark');
  const marked = await page.locator('.hit-list li mark').allTextContents();
  assert.ok(marked.some((w) => /^Einigung$/i.test(w)), `marked words: ${marked.join(', ')}`);
});

test('web: pasted text is ingested from the ingest page with progress; a URL it may not fetch is listed as rejected with the reason', { skip: SKIP }, async () => {
  await open('/ingest');
  assert.deepEqual(await seriousViolations(), []);
  await page.fill('#ingest-text', 'Neue Fähre für Kellingen\n\nDie Reederei Nordlinie stellt im Mai eine neue Fähre in Dienst. Sie soll bis zu 400 Fahrgäste befördern.');
  // A private address: the server refuses to fetch it (no request leaves the machine).
  await page.fill('#ingest-urls', 'http://192.168.0.1/feed.xml');
  await page.click('.ingest-form button[type="submit"]');
  await page.waitForSelector('.job-done', { timeout: 30_000 });
  assert.match((await page.textContent('.job-counts')) ?? '', /2\/2 Eingaben gelesen, 1 neue Artikel/);
  assert.match((await page.textContent('.rejected-list')) ?? '', /192\.168\.0\.1.*—.+: .+/);
  await page.click('.job-status .article-list a');
  await page.waitForSelector('article.reader');
  assert.match((await page.textContent('article.reader h1')) ?? '', /Fähre/);
});

test('web: hostile article text is shown as text and nothing in it runs', { skip: SKIP }, async () => {
  const started = await fetch(`${server.url}api/ingest`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ text: HOSTILE_TEXT }) });
  let job = (await started.json()) as any;
  while (job.finishedAt === null) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    job = await getJson(`${server.url}api/jobs/${job.id}`);
  }
  assert.equal(job.articleIds.length, 1, JSON.stringify(job.rejected));
  const article = await getJson(`${server.url}api/articles/${job.articleIds[0]}`);
  // The payloads must reach the page, or this test proves nothing.
  assert.match(`${article.title}\n${article.text}`, /onerror=/);
  assert.match(article.text, /<script>/);
  await open(`/article/${article.id}`);
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate('window.__pwned'), undefined);
  assert.notEqual(await page.title(), 'pwned');
  assert.equal(await page.locator('main script, main img, main [onerror], main a[href^="javascript:"]').count(), 0);
  assert.match((await page.textContent('.article-text')) ?? '', /<script>window.__pwned = 2/);
});

test('web: the language switch turns the labels English; the reader fits a phone screen', { skip: SKIP }, async () => {
  await open('/');
  await page.click('#language-switch');
  await page.waitForFunction("document.querySelector('main h1')?.textContent === 'Stories'");
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await page.click('#language-switch');
  await page.waitForFunction("document.querySelector('main h1')?.textContent === 'Geschichten'");
  await page.setViewportSize({ width: 390, height: 844 });
  await open('/articles');
  const overflow = (await page.evaluate('document.documentElement.scrollWidth - window.innerWidth')) as number;
  assert.ok(overflow <= 1, `page is ${overflow}px wider than a phone screen`);
  await page.setViewportSize({ width: 1280, height: 900 });
});
