import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findQuotedSpans } from '../../../src/extract/quotes/quote-marks.js';

const quotedTexts = (text: string) => findQuotedSpans(text).map((q) => `${q.depth}:${text.slice(q.open, q.close + 1)}`);

test('German „…“ with a nested ‚…‘', () => {
  assert.deepEqual(quotedTexts('„Er sagte ‚nein‘ dazu“, so sie.'), ['0:„Er sagte ‚nein‘ dazu“', '1:‚nein‘']);
});

test('guillemets both ways and English curly quotes', () => {
  assert.deepEqual(quotedTexts('Sie nannte es »gut« und «bien», er “fine”.'), ['0:»gut«', '0:«bien»', '0:“fine”']);
});

test('straight quotes open before a word and close after one', () => {
  assert.deepEqual(quotedTexts('Er sprach von "Demokratie" und "Freiheit".'), ['0:"Demokratie"', '0:"Freiheit"']);
});

test('apostrophes inside words are not quotes', () => {
  assert.deepEqual(quotedTexts('Wie geht’s? Xi’s Plan.'), []);
});

test('a quote reopened at each paragraph in German style is one quote', () => {
  const text = '„Erster Absatz der Rede.\n\n„Zweiter Absatz der Rede.“ Danach Applaus.';
  assert.deepEqual(quotedTexts(text), [`0:${text.slice(0, text.indexOf('“') + 1)}`]);
});

test('a stray opening mark does not swallow the rest of a long text', () => {
  const text = `„Unvollendet ${'Wort '.repeat(2000)}Ende „richtig“.`;
  assert.deepEqual(quotedTexts(text), ['0:„richtig“']);
});
