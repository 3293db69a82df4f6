import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { NER_FEATURE_VERSION, NER_HASH_BITS } from '../../../src/extract/entities/ner-features.js';
import { decodeBestTags, encodeNerModel, loadNerModel, NER_TAGS, TAG_COUNT, type NerModelHeader } from '../../../src/extract/entities/ner-model.js';

const SHIPPED_MODEL = new URL('../../../src/extract/entities/ner.de.json', import.meta.url);
const HEADER: NerModelHeader = {
  about: 'test model',
  trainingData: 'none',
  licence: 'none',
  trainedAt: '2026-01-01',
  rebuild: 'npx tsx scripts/train-ner.ts',
  featureVersion: NER_FEATURE_VERSION,
  hashBits: NER_HASH_BITS,
  epochs: 1,
  outsidePenalty: 0,
};

test('the shipped model loads, matches the feature code and names its data, licence and rebuild command', () => {
  const model = loadNerModel();
  assert.equal(model.header.featureVersion, NER_FEATURE_VERSION);
  assert.equal(model.header.hashBits, NER_HASH_BITS);
  assert.equal(model.header.rebuild, 'npx tsx scripts/train-ner.ts');
  assert.match(model.header.licence, /CC BY 4\.0/);
  assert.match(model.header.trainingData, /GermEval 2014/);
  assert.ok(statSync(SHIPPED_MODEL).size < 4_000_000);
});

test('the training script writes the model format and version that loadNerModel reads', () => {
  const script = readFileSync(new URL('../../../scripts/train-ner.ts', import.meta.url), 'utf8');
  assert.match(script, /featureVersion: NER_FEATURE_VERSION/);
  assert.match(script, /encodeNerModel\(/);
});

function writeModel(header: NerModelHeader, dense: Float32Array, transitions = new Float32Array((TAG_COUNT + 1) * TAG_COUNT)): URL {
  const path = join(mkdtempSync(join(tmpdir(), 'ner-model-')), 'model.json');
  writeFileSync(path, encodeNerModel(header, dense, transitions, 0.01));
  return pathToFileURL(path);
}

test('encodeNerModel and loadNerModel round-trip weights within quantisation, dropping tiny ones', () => {
  const dense = new Float32Array((1 << NER_HASH_BITS) * TAG_COUNT);
  dense[7 * TAG_COUNT + 1] = 2.5; // bucket 7, B-PER
  dense[7 * TAG_COUNT + 0] = -1.25;
  dense[99 * TAG_COUNT + 3] = 0.001; // below the pruning threshold
  const model = loadNerModel(writeModel(HEADER, dense));
  const emissions = new Float32Array(2 * TAG_COUNT);
  model.scoreWords({ offsets: Int32Array.from([0, 1, 2]), buckets: Uint32Array.from([7, 99]) }, emissions);
  assert.ok(Math.abs(emissions[1]! - 2.5) < 0.001);
  assert.ok(Math.abs(emissions[0]! + 1.25) < 0.001);
  assert.equal(emissions[TAG_COUNT + 3], 0);
});

test('loadNerModel refuses a model trained on other features, naming the rebuild command', () => {
  const url = writeModel({ ...HEADER, featureVersion: NER_FEATURE_VERSION + 1 }, new Float32Array((1 << NER_HASH_BITS) * TAG_COUNT));
  assert.throws(() => loadNerModel(url), /rebuild it with `npx tsx scripts\/train-ner\.ts`/);
});

test('decodeBestTags never opens a span with an inside tag', () => {
  const emissions = new Float32Array(3 * TAG_COUNT);
  const insidePer = NER_TAGS.indexOf('I-PER');
  emissions[insidePer] = 10; // word 0 "prefers" I-PER, which may not start a sentence
  emissions[TAG_COUNT + NER_TAGS.indexOf('I-LOC')] = 10; // word 1 prefers I-LOC, which may not follow PER
  const tags = Array.from(decodeBestTags(emissions, 3, new Float32Array((TAG_COUNT + 1) * TAG_COUNT)), (t) => NER_TAGS[t]);
  assert.notEqual(tags[0], 'I-PER');
  assert.ok(tags[1] !== 'I-LOC' || tags[0] === 'B-LOC', tags.join(' '));
});

test('decodeBestTags follows transition scores when words are undecided', () => {
  const transitions = new Float32Array((TAG_COUNT + 1) * TAG_COUNT);
  const bPer = NER_TAGS.indexOf('B-PER');
  const iPer = NER_TAGS.indexOf('I-PER');
  transitions[bPer * TAG_COUNT + iPer] = 5;
  const emissions = new Float32Array(2 * TAG_COUNT);
  emissions[bPer] = 3;
  assert.deepEqual(Array.from(decodeBestTags(emissions, 2, transitions)), [bPer, iPer]);
});
