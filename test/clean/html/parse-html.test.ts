import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHtmlWithLimits } from '../../../src/clean/html/parse-html.js';
import { readHtmlPage } from '../../../src/clean/html/html-page.js';

const raw = { origin: { path: 'x.html', url: null, record: null, segment: null }, format: 'html' as const, content: '', hints: {}, label: 'x.html', messages: [] };

test('thousands of unclosed tags are cut at the depth cap with a warning, not a stack overflow', () => {
  const html = `<html><body><p>Oben steht ein kurzer Satz, der gefunden werden soll, auch wenn darunter Chaos folgt.</p>${'<div>'.repeat(50_000)}tief unten</body></html>`;
  const parsed = parseHtmlWithLimits(html, { maxHtmlChars: 1_000_000, maxDepth: 100 });
  assert.deepEqual(parsed.messages.map((m) => m.rule), ['html-too-deep']);
  assert.equal(parsed.messages[0]!.severity, 'warning');
  const page = readHtmlPage(html, raw);
  assert.ok(page.text.includes('Oben steht ein kurzer Satz'));
  assert.ok(page.messages.some((m) => m.rule === 'html-too-deep'));
});

test('a page over the size cap is read up to the cap with a warning', () => {
  const html = `<html><body><p>Anfang des Artikels.</p>${'<p>Füllsatz für eine sehr lange Seite.</p>'.repeat(1000)}</body></html>`;
  const parsed = parseHtmlWithLimits(html, { maxHtmlChars: 5_000, maxDepth: 256 });
  assert.deepEqual(parsed.messages.map((m) => m.rule), ['html-truncated']);
  assert.match(parsed.messages[0]!.reason, /only the first 5000/);
});

test('an ordinary page parses without messages', () => {
  assert.deepEqual(parseHtmlWithLimits('<html><body><p>Hallo</p></body></html>').messages, []);
});
