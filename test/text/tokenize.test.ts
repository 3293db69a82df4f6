import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeTokenizer } from '../../src/text/tokenize.js';

const tokenize = makeTokenizer();
const words = (text: string) => tokenize(text).map((t) => t.text);

test('tokenize keeps hyphen compounds whole', () => {
  assert.deepEqual(words('Die NATO-Osterweiterung und US-Verteidigungsministerium'), [
    'Die', 'NATO-Osterweiterung', 'und', 'US-Verteidigungsministerium',
  ]);
});

test('tokenize keeps the hyphen of a dangling compound part', () => {
  assert.deepEqual(words('Partei- und Staatschef Li Wen'), ['Partei-', 'und', 'Staatschef', 'Li', 'Wen']);
  assert.deepEqual(words('Nato-, EU- und UN-Vertreter'), ['Nato-', ',', 'EU-', 'und', 'UN-Vertreter']);
});

test('tokenize keeps abbreviations with their full stop, spaced ones as one token', () => {
  assert.deepEqual(words('Gemüse, z. B. Lauch, kostet laut Dr. Berg in Nr. 7 mehr.'), [
    'Gemüse', ',', 'z. B.', 'Lauch', ',', 'kostet', 'laut', 'Dr.', 'Berg', 'in', 'Nr.', '7', 'mehr', '.',
  ]);
  assert.deepEqual(words('etwa z.B. Kohl'), ['etwa', 'z.B.', 'Kohl']);
});

test('tokenize reads an ordinal before a month or a noun, but not a year that ends a sentence', () => {
  assert.deepEqual(words('Am 4. Februar begann der 2. Teil.'), ['Am', '4.', 'Februar', 'begann', 'der', '2.', 'Teil', '.']);
  assert.deepEqual(words('Das war im Jahr 2021. Dann kam Ruhe.'), ['Das', 'war', 'im', 'Jahr', '2021', '.', 'Dann', 'kam', 'Ruhe', '.']);
});

test('tokenize keeps separators inside numbers and dates', () => {
  assert.deepEqual(words('Rund 2.000 Menschen, 3,5 Prozent, am 04.02.2022 um 11:02 Uhr'), [
    'Rund', '2.000', 'Menschen', ',', '3,5', 'Prozent', ',', 'am', '04.02.2022', 'um', '11', ':', '02', 'Uhr',
  ]);
});

test('tokenize separates quotation marks, brackets and dashes from words', () => {
  assert.deepEqual(words('„Wir sind bereit“, sagte er (dpa) – »klar« und \'so\'.'), [
    '„', 'Wir', 'sind', 'bereit', '“', ',', 'sagte', 'er', '(', 'dpa', ')', '–', '»', 'klar', '«', 'und', "'", 'so', "'", '.',
  ]);
});

test('tokenize treats no-break spaces as spaces, also inside "z. B."', () => {
  assert.deepEqual(words('Moskau\u00a0und\u202fKiew, z.\u00a0B. heute'), ['Moskau', 'und', 'Kiew', ',', 'z.\u00a0B.', 'heute']);
});

test('tokenize gives offsets that slice back to each token, also past an emoji', () => {
  const text = 'Ein 😀 Gruß\u00a0aus „Köln“ – z. B. am 4. Mai, geht\'s?\n\nJa.';
  const tokens = tokenize(text);
  assert.ok(tokens.some((t) => t.text === '😀' && t.end - t.start === 2));
  for (const token of tokens) assert.equal(text.slice(token.start, token.end), token.text);
});

test('tokenize labels words, numbers and punctuation', () => {
  const kinds = tokenize('Im Mai 2022 kamen 300 Gäste!').map((t) => t.kind);
  assert.deepEqual(kinds, ['word', 'word', 'number', 'word', 'number', 'word', 'punct']);
});
