import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import type { RawDocument } from '../../../src/article.js';
import { readHtmlPage } from '../../../src/clean/html/html-page.js';

const FIXTURES = new URL('../../fixtures/clean-html/', import.meta.url);

/** What a fixture's expected.json may pin; absent keys are not checked. */
interface ExpectedPage {
  with: string[];
  without: string[];
  /** Texts that must each be one whole paragraph of the output. */
  paragraphs?: string[];
  title?: string | null;
  siteName?: string | null;
  byline?: string | null;
  declaredLanguage?: string | null;
  url?: string | null;
  sideTexts?: Array<{ kind: string; includes: string }>;
  /** Rules of the messages the page must carry. */
  messages?: string[];
}

function rawHtml(path: string): RawDocument {
  return {
    origin: { path, url: null, record: null, segment: null },
    format: 'html',
    content: '',
    hints: {},
    label: path,
    messages: [],
  };
}

const fold = (s: string) => s.replace(/\s+/g, ' ');

for (const name of readdirSync(FIXTURES).sort()) {
  test(`clean-html fixture ${name}`, () => {
    const dir = new URL(`${name}/`, FIXTURES);
    const html = readFileSync(new URL('input.html', dir), 'utf8');
    const expected = JSON.parse(readFileSync(new URL('expected.json', dir), 'utf8')) as ExpectedPage;
    const page = readHtmlPage(html, rawHtml(new URL('input.html', dir).pathname));
    const text = fold(page.text);
    for (const snippet of expected.with) assert.ok(text.includes(fold(snippet)), `text lacks "${snippet}":\n${page.text}`);
    for (const snippet of expected.without) assert.ok(!text.includes(fold(snippet)), `text has "${snippet}":\n${page.text}`);
    const paragraphs = page.text.split('\n\n');
    for (const p of expected.paragraphs ?? []) assert.ok(paragraphs.includes(p), `"${p}" is not a paragraph of:\n${page.text}`);
    if ('title' in expected) assert.equal(page.title, expected.title);
    if ('siteName' in expected) assert.equal(page.siteName, expected.siteName);
    if ('byline' in expected) assert.equal(page.byline, expected.byline);
    if ('declaredLanguage' in expected) assert.equal(page.declaredLanguage, expected.declaredLanguage);
    if ('url' in expected) assert.equal(page.origin.url, expected.url);
    for (const side of expected.sideTexts ?? []) {
      assert.ok(page.sideTexts.some((s) => s.kind === side.kind && s.text.includes(side.includes)),
        `no ${side.kind} side text with "${side.includes}": ${JSON.stringify(page.sideTexts)}`);
    }
    if (expected.messages) assert.deepEqual(page.messages.map((m) => m.rule), expected.messages);
    // Invariants of every page's text.
    assert.ok(paragraphs.every((p) => p.length > 0 && p === p.trim()), 'empty or untrimmed paragraph');
    assert.ok(!/[\u00a0\t]| {2}/.test(page.text), 'unfolded whitespace in text');
    assert.equal(page.text, page.text.normalize('NFC'));
  });
}

test('container hints are trusted over what the page says', () => {
  const html = readFileSync(new URL('metadata-from-json-ld/input.html', FIXTURES), 'utf8');
  const raw = { ...rawHtml('x.html'), origin: { path: 'x.html', url: 'https://feed.example/item/7', record: '7', segment: null },
    hints: { title: 'Titel aus dem Feed', outlet: 'Feed-Verlag', language: 'en' } };
  const page = readHtmlPage(html, raw);
  assert.equal(page.title, 'Titel aus dem Feed');
  assert.equal(page.siteName, 'Feed-Verlag');
  assert.equal(page.declaredLanguage, 'en');
  assert.equal(page.origin.url, 'https://feed.example/item/7');
  assert.equal(page.origin.record, '7');
});

test('no-break spaces and soft hyphens inside a paragraph are folded', () => {
  const filler = 'Der Gemeinderat hat am Abend lange über den neuen Bebauungsplan beraten und ihn schließlich angenommen. ';
  const html = `<html><body><div class="article-body"><p>Die Ab\u00adstimmung\u00a0fiel\u00a0\u00a0knapp aus,
    sagte die   Bürgermeisterin.</p><p>${filler.repeat(3)}</p></div></body></html>`;
  const page = readHtmlPage(html, rawHtml('x.html'));
  assert.equal(page.text.split('\n\n')[0], 'Die Abstimmung fiel knapp aus, sagte die Bürgermeisterin.');
});

test('two <br> split paragraphs, one <br> is a space', () => {
  const sentence = 'Im Stadtpark wurden am Wochenende neue Bäume gepflanzt, wie das Grünflächenamt mitteilte. ';
  const html = `<html><body><div class="entry-content"><p>${sentence}Erste Zeile<br>zweite Zeile<br><br>${sentence.repeat(3)}</p></div></body></html>`;
  const paragraphs = readHtmlPage(html, rawHtml('x.html')).text.split('\n\n');
  assert.equal(paragraphs.length, 2);
  assert.ok(paragraphs[0]!.endsWith('Erste Zeile zweite Zeile'));
});

test('a byline block loses its lead word and time stamp', () => {
  const body = '<p>Die Gemeinde Wasserburg hat einen neuen Bürgermeister gewählt. Die Wahlbeteiligung lag bei 61 Prozent, teilte das Wahlamt am Abend mit.</p>'.repeat(3);
  const html = `<html><body><article><div class="byline">VON ANNA BEISPIEL am 21. April 2020</div>${body}</article></body></html>`;
  const page = readHtmlPage(html, rawHtml('x.html'));
  assert.equal(page.byline, 'ANNA BEISPIEL');
  assert.ok(!page.text.includes('ANNA BEISPIEL'));
});
