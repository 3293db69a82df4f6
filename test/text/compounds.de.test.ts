import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeCompoundSplitter } from '../../src/text/compounds.de.js';

const split = makeCompoundSplitter();

test('splits a compound at a linking s and keeps the inflected head', () => {
  assert.deepEqual(split('Sicherheitsgarantien'), ['sicherheit', 'garantien']);
  assert.deepEqual(split('Regierungssprecher'), ['regierung', 'sprecher']);
});

test('splits hyphenated compounds at the hyphen and inside each part', () => {
  assert.deepEqual(split('NATO-Osterweiterung'), ['nato', 'ost', 'erweiterung']);
  assert.deepEqual(split('Nato-Gipfel'), ['nato', 'gipfel']);
});

test('folds umlauts and ß in the parts', () => {
  assert.deepEqual(split('Außenministerium'), ['aussen', 'ministerium']);
  assert.deepEqual(split('Staatsbesuch'), ['staat', 'besuch']);
});

test('prefers the split with fewest parts', () => {
  // "Ministerpräsident" could read minister + präsident only; "Bundespräsident" bund|es + präsident
  assert.deepEqual(split('Ministerpräsidenten'), ['minister', 'prasidenten']);
  assert.deepEqual(split('Bundespräsident'), ['bund', 'prasident']);
});

test('leaves known simple words, inflected or not, whole', () => {
  for (const word of ['Erklärung', 'Erklärungen', 'Verhandlungen', 'Präsident', 'Bilder']) assert.deepEqual(split(word), [], word);
});

test('leaves words whole that do not split completely into known parts', () => {
  // "Ostern" is ost + "ern", and "ern" is no word; "Teilnehmer" has no known head
  for (const word of ['Ostern', 'Teilnehmer', 'Washington', 'Terrorismus', 'Wo']) assert.deepEqual(split(word), [], word);
});

test('a part list given by the caller replaces the shipped one', () => {
  const custom = makeCompoundSplitter(new Set(['kaffee', 'tasse']));
  assert.deepEqual(custom('Kaffeetassen'), ['kaffee', 'tassen']);
  assert.deepEqual(custom('Sicherheitsgarantien'), []);
});
