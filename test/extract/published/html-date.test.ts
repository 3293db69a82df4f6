import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseHtml } from '../../../src/clean/html/parse-html.js';
import {
  DEFAULT_HTML_DATE_OPTIONS,
  findPublishedInHtml,
  loadPublishedDateWeights,
  votePublishedDate,
  type DateCandidate,
} from '../../../src/extract/published/html-date.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures/published');

interface Expected {
  readonly published: string | null;
  readonly url?: string;
  /** The day the page is read, when the case is about dates later than it. */
  readonly now?: string;
}

for (const name of readdirSync(FIXTURES).sort()) {
  const input = join(FIXTURES, name, 'input.html');
  if (!existsSync(input)) continue;
  test(`html fixture ${name}`, () => {
    const expected = JSON.parse(readFileSync(join(FIXTURES, name, 'expected.json'), 'utf8')) as Expected;
    const options = expected.now ? { ...DEFAULT_HTML_DATE_OPTIONS, now: new Date(expected.now) } : DEFAULT_HTML_DATE_OPTIONS;
    const found = findPublishedInHtml(parseHtml(readFileSync(input, 'utf8')), expected.url ?? null, options);
    assert.equal(found?.value ?? null, expected.published, found?.evidence);
  });
}

function publishedOf(html: string, url: string | null = null): string | null {
  return findPublishedInHtml(parseHtml(html), url)?.value ?? null;
}

test('a date before 1995 is a founding year or a typo, not a publication', () => {
  assert.equal(publishedOf('<html><head><meta name="date" content="1987-04-01"></head><body><p>x</p></body></html>'), null);
});

test('broken JSON-LD is skipped and the meta tags still speak', () => {
  const html = `<html><head><script type="application/ld+json">{"datePublished": "2019-01-01",</script>
    <meta property="article:published_time" content="2020-05-04T08:00:00+02:00"></head><body><p>x</p></body></html>`;
  assert.equal(publishedOf(html), '2020-05-04T08:00:00+02:00');
});

test('the canonical link gives the URL when none is passed', () => {
  const html = '<html><head><link rel="canonical" href="https://example.org/news/2018-03-09-hochwasser"></head><body><p>x</p></body></html>';
  assert.equal(publishedOf(html), '2018-03-09');
});

test('a date a sentence mentions below the headline is not the publication', () => {
  const html = '<html lang="de"><body><h1>Gipfel geplant</h1><p>Die Regierungschefs wollen sich am 14. März 2023 in Wien treffen.</p></body></html>';
  assert.equal(publishedOf(html), null);
});

test('inline script JSON of a single-page app states the date', () => {
  const html = '<html><body><div id="app"></div><script>window.__STATE__={"article":{"published_at":"2021-10-29T09:00:00+02:00"}}</script></body></html>';
  assert.equal(publishedOf(html), '2021-10-29T09:00:00+02:00');
});

test('a URL that names only a month gives the month when nothing else speaks', () => {
  const html = '<html><body><h1>Rückblick</h1><p>Ein Jahr voller Überraschungen.</p></body></html>';
  assert.equal(publishedOf(html, 'https://blog.example.de/2019/12/rueckblick/'), '2019-12');
});

test("an embedded video's upload date yields to the article's meta date", () => {
  const html = `<html><head><script type="application/ld+json">{"@type":"VideoObject","uploadDate":"2015-01-16T14:53:35+01:00"}</script>
    <meta property="article:published_time" content="2017-12-01T12:01:11+01:00"></head><body><p>x</p></body></html>`;
  assert.equal(publishedOf(html), '2017-12-01T12:01:11+01:00');
});

test('the clock is read per call, so a long run does not reject pages newer than its start', () => {
  const html = '<html><head><meta name="date" content="2030-01-02"></head><body><p>x</p></body></html>';
  assert.equal(findPublishedInHtml(parseHtml(html), null, { ...DEFAULT_HTML_DATE_OPTIONS, now: new Date('2030-01-02T08:00:00Z') })?.value, '2030-01-02');
  assert.equal(findPublishedInHtml(parseHtml(html), null, { ...DEFAULT_HTML_DATE_OPTIONS, now: new Date('2029-12-30T08:00:00Z') }), null);
});

test('a labelled date in the text counts, a weekday between label and date is skipped', () => {
  const html = '<html lang="en"><body><div><p>Posted on Monday, March 4, 2019 by Sam</p></div><div><h1>Spring fair</h1><p>The fair opens soon.</p></div></body></html>';
  assert.equal(publishedOf(html), '2019-03-04');
  const de = '<html lang="de"><body><main><p>Das Fest beginnt bald.</p><p>Veröffentlicht am Freitag, 4. Februar 2022</p></main></body></html>';
  assert.equal(publishedOf(de), '2022-02-04');
});

test('the vote counts a family of copies once: the stamp by the headline outweighs one CMS date written four times', () => {
  const html = `<html lang="de"><head><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2019-06-17T10:00:00+02:00"}</script>
    <meta property="article:published_time" content="2019-06-17T10:00:00+02:00"></head>
    <body><article><h1>Sommerfest im Park</h1><p class="date">12.07.2017</p><p>Der Verein lädt zum Fest am Weiher ein.</p></article></body></html>`;
  assert.equal(publishedOf(html), '2017-07-12');
});

test('agreeing sources of different kinds outvote a single one', () => {
  const html = `<html lang="de"><head><meta property="article:published_time" content="2022-03-01T08:00:00+01:00"></head>
    <body><article><h1>Neue Brücke freigegeben</h1><p>01.03.2022, 08:00 Uhr</p><p>Die Brücke über den Fluss ist seit heute offen.</p></article></body></html>`;
  assert.equal(publishedOf(html, 'https://beispiel.de/2022/02/27/bruecke'), '2022-03-01T08:00:00+01:00');
});

test('an ambiguous slash stamp is read the way the markup reads it', () => {
  const html = `<html lang="de"><head><meta property="article:published_time" content="2021-11-01T05:00:00+01:00"></head>
    <body><article><h1>Elektroroller im Test</h1><p>11/01/2021</p><p>Wir haben drei Roller eine Woche lang gefahren.</p></article></body></html>`;
  assert.equal(publishedOf(html)?.slice(0, 10), '2021-11-01');
});

test("a page's own unambiguous slash dates decide how it writes the ambiguous ones", () => {
  const page = (stamp: string, other: string) => `<html><body><article><h1>Market report</h1><p>${stamp}</p>
    <p>Prices rose again.</p><p>Previous report: ${other}</p></article></body></html>`;
  assert.equal(publishedOf(page('04/11/2023', '28/10/2023')), '2023-11-04');
  assert.equal(publishedOf(page('04/11/2023', '10/28/2023')), '2023-04-11');
});

test('a stamp labelled as an update yields to the publication date, and dates the page when nothing else does', () => {
  const updated = `<html lang="de"><head><meta property="article:published_time" content="2024-03-01T09:00:00+01:00"></head>
    <body><article><h1>Tarifstreit beigelegt</h1><p>Aktualisiert am 5. März 2024</p><p>Die Einigung gilt ab April.</p></article></body></html>`;
  assert.equal(publishedOf(updated), '2024-03-01T09:00:00+01:00');
  const alone = '<html lang="de"><body><h1>Vereinsnachrichten</h1><div class="info">Aktualisiert: 30.12.2016</div><p>Die Jahresversammlung fand statt.</p></body></html>';
  assert.equal(publishedOf(alone), '2016-12-30');
});

test('votePublishedDate picks the heaviest day and its most precise candidate', () => {
  const candidate = (source: DateCandidate['source'], parts: DateCandidate['parts']): DateCandidate => ({ source, parts, evidence: source });
  const chosen = votePublishedDate(
    [
      candidate('headline-stamp', { year: 2020, month: 2, day: 26 }),
      candidate('time', { year: 2020, month: 2, day: 26, hour: 15, minute: 10, offsetMinutes: 60 }),
      candidate('json-ld-modified', { year: 2020, month: 3, day: 2 }),
    ],
    { 'headline-stamp': 3, time: 2, 'json-ld-modified': 1 },
  );
  assert.equal(chosen?.source, 'time');
  assert.equal(votePublishedDate([], { time: 1 }), null);
});

test('the shipped weights name only known sources, and a misspelt one is refused', () => {
  assert.ok(Object.keys(DEFAULT_HTML_DATE_OPTIONS.sourceWeights).length > 10);
  const dir = mkdtempSync(join(tmpdir(), 'weights-'));
  const file = join(dir, 'w.json');
  writeFileSync(file, JSON.stringify({ weights: { 'json-ld-publishd': 1 } }));
  assert.throws(() => loadPublishedDateWeights(pathToFileURL(file)), /unknown sources json-ld-publishd; known: json-ld-published/);
});
