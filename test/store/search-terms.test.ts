import { test } from 'node:test';
import assert from 'node:assert/strict';
import { indexedTextOf, parseSearchQuery, searchTermsOf } from '../../src/store/search-terms.js';
import { makeSnippet } from '../../src/store/search-snippet.js';

test('searchTermsOf splits hyphenated compounds and keeps offsets into the text', () => {
  const text = 'Die Nato-Osterweiterung.';
  const terms = searchTermsOf(text);
  assert.deepEqual(terms.map((t) => text.slice(t.start, t.end)), ['Die', 'Nato', 'Osterweiterung']);
  assert.equal(indexedTextOf(text), terms.map((t) => t.key).join(' '));
});

test('parseSearchQuery makes words, hyphenated words and quoted text into phrases', () => {
  assert.deepEqual(parseSearchQuery('Gipfel'), [['gipfel']]);
  assert.deepEqual(parseSearchQuery('Nato-Osterweiterung Gipfel').length, 2);
  assert.equal(parseSearchQuery('Nato-Osterweiterung')[0]!.length, 2);
  assert.deepEqual(parseSearchQuery('„gemeinsame Erklärung“ Peking').map((p) => p.length), [2, 1]);
  assert.deepEqual(parseSearchQuery('  "" – '), []);
});

test('makeSnippet centres on the matches and marks them', () => {
  const filler = 'Vorher stand hier viel anderer Text über das Wetter und den Verkehr. '.repeat(8);
  const text = `${filler}Dann kam die Erklärung der Minister.\n\nSie wurde gelobt. ${filler}`;
  const snippet = makeSnippet(text, new Set(parseSearchQuery('Erklärungen').flat()), { maxChars: 120 });
  assert.ok(snippet.text.startsWith('… '));
  assert.ok(snippet.text.endsWith(' …'));
  assert.ok(snippet.text.length <= 120 + 4);
  assert.deepEqual(snippet.highlights.map((h) => snippet.text.slice(h.start, h.end)), ['Erklärung']);
});

test('makeSnippet starts at the beginning when nothing matches', () => {
  const snippet = makeSnippet('Kurzer Text ohne Treffer.', new Set(['xyz']));
  assert.equal(snippet.text, 'Kurzer Text ohne Treffer.');
  assert.deepEqual(snippet.highlights, []);
});
