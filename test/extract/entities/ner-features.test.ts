import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadGazetteers } from '../../../src/extract/entities/gazetteers.js';
import { extractSentenceFeatures, wordShape } from '../../../src/extract/entities/ner-features.js';

test('wordShape caps character runs at two', () => {
  assert.equal(wordShape('Osterweiterung'), 'Xxx');
  assert.equal(wordShape('NATO-Osterweiterung'), 'XX-Xxx');
  assert.equal(wordShape('2.000'), 'd.dd');
  assert.equal(wordShape('4.'), 'd.');
  assert.equal(wordShape('Ärzte'), 'Xxx');
});

test('extractSentenceFeatures gives every word its own bucket range, context changing the buckets', () => {
  const gazetteers = loadGazetteers();
  const inCity = extractSentenceFeatures(['Sie', 'wohnt', 'in', 'Lindau'], gazetteers);
  const afterRole = extractSentenceFeatures(['Sie', 'traf', 'Kanzlerin', 'Lindau'], gazetteers);
  assert.equal(inCity.offsets.length, 5);
  assert.equal(inCity.offsets[4], inCity.buckets.length);
  const last = (f: typeof inCity) => new Set(f.buckets.slice(f.offsets[3], f.offsets[4]));
  const shared = [...last(inCity)].filter((b) => last(afterRole).has(b));
  assert.ok(shared.length > 0 && shared.length < last(inCity).size);
});

test('extractSentenceFeatures hides the word itself when training asks it to', () => {
  const gazetteers = loadGazetteers();
  const all = extractSentenceFeatures(['Olegow', 'sagte'], gazetteers);
  const hidden = extractSentenceFeatures(['Olegow', 'sagte'], gazetteers, (i) => i === 0);
  assert.ok(hidden.offsets[1]! < all.offsets[1]!);
  assert.equal(hidden.offsets[2]! - hidden.offsets[1]!, all.offsets[2]! - all.offsets[1]!);
});
