import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findQueryWords, indexedTextOf, parseSearchQuery } from '../../src/store/search-terms.js';
import { searchKeyOf } from '../../src/text/stem.de.js';
import { makeSnippet } from '../../src/store/search-snippet.js';

test('indexedTextOf splits hyphenated compounds into words and stores their search keys', () => {
  const words = ['Die', 'Nato', 'Osterweiterung'].map(searchKeyOf);
  assert.equal(indexedTextOf('Die Nato-Osterweiterung.'), [...words, searchKeyOf('Ost'), searchKeyOf('Erweiterung')].join(' '));
});

test('findQueryWords gives the offsets of inflected and prefixed matches', () => {
  const text = 'Neue Sicherheitsgarantien? Die Erklärungen blieben vage.';
  const found = findQueryWords(text, parseSearchQuery('Erklärung Sicherheits*'));
  assert.deepEqual(found.map((t) => text.slice(t.start, t.end)), ['Sicherheitsgarantien', 'Erklärungen']);
});

test('parseSearchQuery makes words, hyphenated words and quoted text into phrases', () => {
  assert.deepEqual(parseSearchQuery('Gipfel'), [{ keys: ['gipfel'], prefix: false }]);
  assert.equal(parseSearchQuery('Nato-Osterweiterung Gipfel').length, 2);
  assert.equal(parseSearchQuery('Nato-Osterweiterung')[0]!.keys.length, 2);
  assert.deepEqual(parseSearchQuery('„gemeinsame Erklärung“ Peking').map((p) => p.keys.length), [2, 1]);
  assert.deepEqual(parseSearchQuery('  "" – '), []);
});

test('parseSearchQuery folds a starred word without stemming it', () => {
  assert.deepEqual(parseSearchQuery('Sicherheits*'), [{ keys: ['sicherheits'], prefix: true }]);
  assert.deepEqual(parseSearchQuery('Erklärungen *'), [{ keys: ['erklar'], prefix: false }], 'a lone * is no prefix');
  assert.deepEqual(parseSearchQuery('"gemeinsame Erklä*"'), [{ keys: ['gemeinsam', 'erkla'], prefix: true }]);
});

test('makeSnippet centres on the matches and marks them', () => {
  const filler = 'Vorher stand hier viel anderer Text über das Wetter und den Verkehr. '.repeat(8);
  const text = `${filler}Dann kam die Erklärung der Minister.\n\nSie wurde gelobt. ${filler}`;
  const snippet = makeSnippet(text, parseSearchQuery('Erklärungen'), { maxChars: 120 });
  assert.ok(snippet.text.startsWith('… '));
  assert.ok(snippet.text.endsWith(' …'));
  assert.ok(snippet.text.length <= 120 + 4);
  assert.deepEqual(snippet.highlights.map((h) => snippet.text.slice(h.start, h.end)), ['Erklärung']);
});

test('makeSnippet starts at the beginning when nothing matches', () => {
  const snippet = makeSnippet('Kurzer Text ohne Treffer.', parseSearchQuery('xyz'));
  assert.equal(snippet.text, 'Kurzer Text ohne Treffer.');
  assert.deepEqual(snippet.highlights, []);
});

test('indexedTextOf appends the keys of compound parts after the words, so phrases still match as written', () => {
  const indexed = indexedTextOf('Neue Sicherheitsgarantien für Kiew').split(' ');
  assert.deepEqual(indexed.slice(0, 4), ['Neue', 'Sicherheitsgarantien', 'für', 'Kiew'].map(searchKeyOf));
  assert.deepEqual(indexed.slice(4), [searchKeyOf('Sicherheit'), searchKeyOf('Garantien')]);
});

test('findQueryWords finds a compound through its parts', () => {
  const text = 'Moskau verlangt Sicherheitsgarantien und lehnt die Nato-Osterweiterung ab.';
  const found = findQueryWords(text, parseSearchQuery('Garantie Erweiterungen'));
  assert.deepEqual(found.map((t) => text.slice(t.start, t.end)), ['Sicherheitsgarantien', 'Osterweiterung']);
});
