import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { loadEntityTagger } from '../../../src/extract/entities/tag-entities.js';
import { makeSentenceSplitter } from '../../../src/text/sentences.js';

const tagEntities = loadEntityTagger();
const FIXTURES = new URL('../../fixtures/entities/', import.meta.url);

interface ExpectedMentions {
  /** Mentions that must be found, with exactly this text and type. */
  readonly with: readonly { text: string; type: string }[];
  /** Words no mention may contain. */
  readonly without: readonly string[];
  /** A known failure, with its reason: the case runs and reports but does not fail the suite. */
  readonly todo?: string;
}

for (const name of readdirSync(FIXTURES)) {
  const expected = JSON.parse(readFileSync(new URL(`${name}/expected.json`, FIXTURES), 'utf8')) as ExpectedMentions;
  test(`tagEntities on fixture ${name}`, { todo: expected.todo ?? false }, () => {
    const text = readFileSync(new URL(`${name}/input.txt`, FIXTURES), 'utf8');
    const mentions = tagEntities(text);
    const found = mentions.map((m) => `${m.type}: ${m.text}`);
    for (const want of expected.with) assert.ok(found.includes(`${want.type}: ${want.text}`), `missing ${want.type} "${want.text}" in ${found.join('; ')}`);
    for (const word of expected.without) assert.ok(!mentions.some((m) => m.text.includes(word)), `"${word}" tagged: ${found.join('; ')}`);
  });
}

test('tagEntities gives offsets into the text across paragraphs, in text order, canonical null', () => {
  const text = 'Außenministerin Jana Kowalczyk reist nach Peking.\n\n„Wir sind bereit“, sagte Kowalczyk\u00a0am Abend in Berlin.';
  const mentions = tagEntities(text);
  assert.ok(mentions.length >= 3, JSON.stringify(mentions));
  for (const m of mentions) {
    assert.equal(text.slice(m.start, m.end), m.text);
    assert.equal(m.canonical, null);
  }
  const starts = mentions.map((m) => m.start);
  assert.deepEqual(starts, [...starts].sort((a, b) => a - b));
});

test('tagEntities uses the sentences it is given, and splits the text itself without them', () => {
  const text = 'Ministerpräsidentin Ulrike Sandhagen besuchte Leipzig. Danach reiste sie nach Dresden weiter.';
  const own = tagEntities(text);
  const given = tagEntities(text, makeSentenceSplitter().split(text));
  assert.deepEqual(given, own);
  assert.ok(own.some((m) => m.text === 'Ulrike Sandhagen' && m.type === 'person'), JSON.stringify(own));
  // words outside every given sentence are not tagged
  const firstOnly = tagEntities(text, [{ start: 0, end: text.indexOf('Danach') }]);
  assert.ok(firstOnly.every((m) => m.end <= text.indexOf('Danach')));
  assert.ok(!firstOnly.some((m) => m.text === 'Dresden'));
});

test('tagEntities finds nothing in empty or punctuation-only text', () => {
  assert.deepEqual(tagEntities(''), []);
  assert.deepEqual(tagEntities(' … – ! '), []);
});

test('tagEntities starts a person after a form of address the model ran into the name', () => {
  for (const text of ['Ich danke Herrn Brezinski für seinen Bericht über die Fischerei.', 'Wie Herrn Brezinski bekannt ist, stimmen wir morgen ab.']) {
    const mentions = tagEntities(text);
    assert.ok(mentions.some((m) => m.type === 'person' && m.text === 'Brezinski'), JSON.stringify(mentions));
    assert.ok(!mentions.some((m) => m.text.includes('Herrn')), JSON.stringify(mentions));
  }
});
