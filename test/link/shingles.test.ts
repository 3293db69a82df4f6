import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hashShingles, hashTermSet, hashToken, winnowFingerprints } from '../../src/link/shingles.js';
import { foldWord, tokenizeForReuse } from '../../src/link/reuse-tokens.js';

test('folds case, umlauts and ß so spelling variants tokenise alike', () => {
  assert.equal(foldWord('Straße'), 'strasse');
  assert.equal(foldWord('GESPRÄCHE'), 'gesprache');
  assert.deepEqual(tokenizeForReuse('NATO-Osterweiterung, „sofort“!').norms, ['nato', 'osterweiterung', 'sofort']);
});

test('keeps token offsets into the original text', () => {
  const text = '„Wir prüfen das“, sagte Müller.';
  const tokens = tokenizeForReuse(text);
  const words = tokens.norms.map((_, i) => text.slice(tokens.starts[i], tokens.ends[i]));
  assert.deepEqual(words, ['Wir', 'prüfen', 'das', 'sagte', 'Müller']);
});

test('hashes the same shingle alike and different ones apart', () => {
  const a = hashShingles(['der', 'rat', 'hat', 'beschlossen', 'heute'], 5);
  const b = hashShingles(['der', 'rat', 'hat', 'beschlossen', 'heute'], 5);
  const c = hashShingles(['der', 'rat', 'hat', 'beschlossen', 'morgen'], 5);
  assert.equal(a.length, 1);
  assert.equal(a[0], b[0]);
  assert.notEqual(a[0], c[0]);
  assert.notEqual(hashToken('rat'), hashToken('tat'));
});

test('winnowing gives two texts sharing a run of k + w − 1 words a common fingerprint', () => {
  const k = 5;
  const w = 4;
  const shared = 'die regierung hat am abend neue regeln beschlossen'.split(' '); // 8 = k + w − 1 words
  for (let trial = 0; trial < 20; trial++) {
    const left = Array.from({ length: 30 }, (_, i) => `links${trial}x${i}`);
    const right = Array.from({ length: 30 }, (_, i) => `rechts${trial}y${i}`);
    const fa = new Set(winnowFingerprints(hashShingles([...left, ...shared, ...left], k), w).map((f) => f.hash));
    const fb = winnowFingerprints(hashShingles([...right, ...shared], k), w).map((f) => f.hash);
    assert.ok(fb.some((h) => fa.has(h)), `trial ${trial}: no common fingerprint`);
  }
});

test('winnowing keeps far fewer fingerprints than shingles, and one for a text shorter than a window', () => {
  const words = Array.from({ length: 400 }, (_, i) => `wort${i}`);
  const fingerprints = winnowFingerprints(hashShingles(words, 5), 4);
  assert.ok(fingerprints.length < 400 * 0.6 && fingerprints.length > 400 * 0.2, `${fingerprints.length} fingerprints`);
  assert.equal(winnowFingerprints(hashShingles(['kurz', 'und', 'knapp', 'gesagt', 'heute', 'hier'], 5), 4).length, 1);
});

test('a term set hashes alike in any order and with repeats, apart when a term differs', () => {
  assert.equal(hashTermSet(['rat', 'vertagt', 'sanier']), hashTermSet(['sanier', 'rat', 'vertagt', 'rat']));
  assert.notEqual(hashTermSet(['rat', 'vertagt', 'sanier']), hashTermSet(['rat', 'vertagt', 'schliessung']));
});
