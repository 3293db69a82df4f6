import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadLanguageIdentifier } from '../../../src/extract/language/identify-language.js';

const identify = await loadLanguageIdentifier();

test('identifies German news text', () => {
  const guess = identify('Die Außenminister beider Länder trafen sich am Montag in Wien und forderten ein Ende der Gespräche.');
  assert.equal(guess?.language, 'de');
  assert.ok(guess!.confidence > 0.8);
});

test('identifies English news text', () => {
  assert.equal(identify('The foreign ministers of both countries met in Vienna on Monday and called for talks.')?.language, 'en');
});

test('gives no guess for a few letters', () => {
  assert.equal(identify('Mehr dazu'), null);
  assert.equal(identify('21 0 — 12:01'), null);
});

test('reads only the opening of a very long text', () => {
  const long = 'Die Regierung kündigte neue Gespräche an. '.repeat(50_000);
  assert.equal(identify(long)?.language, 'de');
});
