import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHtml } from '../../../src/clean/html/parse-html.js';
import { DEFAULT_MAIN_TEXT_OPTIONS, extractMainText } from '../../../src/clean/html/main-text.js';

const PROSE = '<p>Der Kreistag hat am Dienstag den Bau einer neuen Gesamtschule beschlossen, die ab 2027 rund 900 Schülerinnen und Schüler aufnehmen soll, wie der Landrat mitteilte.</p>';

test('an ordinary article is found by the first pass of the cascade', () => {
  const result = extractMainText(parseHtml(`<html><body><nav><a href="/">Start</a></nav><div class="article-body">${PROSE.repeat(4)}</div></body></html>`));
  assert.equal(result.pass, 'scored');
  assert.equal(result.paragraphs.length, 4);
});

test('a page too short for every pass still returns its text (the longest pass wins)', () => {
  const result = extractMainText(parseHtml('<html><body><p>Kurzmeldung: Die A7 ist bei Kassel wieder frei.</p></body></html>'));
  assert.deepEqual(result.paragraphs, ['Kurzmeldung: Die A7 ist bei Kassel wieder frei.']);
});

test('maxLinkDensity decides whether a link-heavy paragraph is a teaser', () => {
  // About 60% of this paragraph's text is link text.
  const teaser = '<p>Siehe auch <a href="/x">Neue Schule in Lohfelden eröffnet nach zwei Jahren Bauzeit</a> im Landkreis.</p>';
  const doc = parseHtml(`<html><body><div class="content">${PROSE.repeat(3)}${teaser}</div></body></html>`);
  const strict = extractMainText(doc, DEFAULT_MAIN_TEXT_OPTIONS);
  const lenient = extractMainText(doc, { ...DEFAULT_MAIN_TEXT_OPTIONS, maxLinkDensity: 0.8 });
  assert.ok(!strict.paragraphs.some((p) => p.includes('Lohfelden')));
  assert.ok(lenient.paragraphs.some((p) => p.includes('Lohfelden')));
});

test('a furniture heading ends the article inside its block, a furniture label only drops its line', () => {
  const doc = parseHtml(`<html><body><div class="content">${PROSE.repeat(2)}<p>Themen:</p>${PROSE.replace('Gesamtschule', 'Turnhalle')}
    <h2>Weitere Artikel zum Thema</h2><p>Ein ganz anderer Text über die Kommunalwahl, der nicht zum Artikel gehört, aber lang genug ist.</p></div></body></html>`);
  const text = extractMainText(doc).paragraphs.join('\n');
  assert.ok(text.includes('Turnhalle'));
  assert.ok(!text.includes('Themen:'));
  assert.ok(!text.includes('Kommunalwahl'));
});

test('the tree is only read: a second extraction gives the same result', () => {
  const doc = parseHtml(`<html><body><div class="share">Teilen</div><div class="text">${PROSE.repeat(3)}</div></body></html>`);
  assert.deepEqual(extractMainText(doc), extractMainText(doc));
});
