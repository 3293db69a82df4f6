import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normaliseForSearch, searchKeyOf, stemGerman } from '../../src/text/stem.de.js';

// Each expected stem was worked out by hand from the published Snowball German algorithm
// (regions R1/R2, steps 1–3, postlude); the comment names the rule that decides it.
const HAND_CHECKED_STEMS: readonly [word: string, stem: string, why: string][] = [
  ['kinder', 'kind', 'step 1 removes -er in R1 (R1 starts at "der")'],
  ['kindern', 'kind', 'step 1 prefers the longest ending, -ern'],
  ['armes', 'arm', 'step 1 -es, R1 floored at the 4th letter'],
  ['ackers', 'ack', 'step 1 -s after r, then step 2 -er'],
  ['äckern', 'ack', 'step 1 -ern, then the postlude drops the umlaut'],
  ['bedürfnissen', 'bedurfnis', 'step 1 -en, then -niss loses its last s'],
  ['derbsten', 'derb', 'step 1 -en, then step 2 -st after b with three letters before it'],
  ['sicherheitsgarantien', 'sicherheitsgaranti', 'step 1 -en'],
  ['sicherheitsgarantie', 'sicherheitsgaranti', 'step 1 -e'],
  ['erklärungen', 'erklar', 'step 1 -en, step 3 -ung in R2'],
  ['erklärung', 'erklar', 'step 3 -ung in R2'],
  ['straße', 'strass', 'ß becomes ss before anything else'],
  ['bauer', 'bau', 'u between vowels is a consonant, so R1 starts at "er"'],
  ['verhandlungen', 'verhandl', 'step 1 -en, step 3 -ung'],
  ['bereinigung', 'berein', 'step 3 -ung, then -ig in R2 not after e'],
  ['freundlichkeit', 'freundlich', 'step 3 -keit; the inner -lich starts before R2, so it stays'],
  ['haus', 'haus', '-s after a vowel is not an ending'],
  ['ja', 'ja', 'words under three letters have empty regions'],
];

test('stems words as the Snowball German algorithm does', () => {
  for (const [word, stem, why] of HAND_CHECKED_STEMS) assert.equal(stemGerman(word), stem, `${word}: ${why}`);
});

test('gives inflected forms of one word the same stem', () => {
  const families = [
    ['Sicherheitsgarantie', 'Sicherheitsgarantien'],
    ['Erklärung', 'Erklärungen'],
    ['gemeinsame', 'gemeinsamen', 'gemeinsamer', 'gemeinsames'],
  ];
  for (const family of families) {
    assert.equal(new Set(family.map(stemGerman)).size, 1, family.join(', '));
  }
});

test('does not conflate words that differ in their stem', () => {
  assert.notEqual(stemGerman('Erklärung'), stemGerman('Ernährung'));
  assert.notEqual(stemGerman('Garantie'), stemGerman('Garage'));
});

test('lower-cases and composes before stemming', () => {
  assert.equal(stemGerman('ERKLÄRUNGEN'), 'erklar');
  assert.equal(stemGerman('Erkla\u0308rungen'), 'erklar');
});

test('normaliseForSearch folds case, ß and accents', () => {
  assert.equal(normaliseForSearch('Gräfin'), 'grafin');
  assert.equal(normaliseForSearch('STRASSE'), 'strasse');
  assert.equal(normaliseForSearch('Straße'), 'strasse');
  assert.equal(normaliseForSearch('Café'), 'cafe');
  assert.equal(normaliseForSearch('Łódź'), 'łodz', 'ł is a letter of its own, not an accented l');
});

test('searchKeyOf stems and folds, so accented foreign words meet their plain spelling', () => {
  assert.equal(searchKeyOf('Erklärungen'), searchKeyOf('erklärung'));
  assert.equal(searchKeyOf('Élysée'), searchKeyOf('Elysee'));
});
