import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadSpeechWords } from '../../../src/extract/quotes/speech-words.js';

const words = loadSpeechWords();

test('speech words: offices and roles are person nouns, also at the end of a compound and inflected', () => {
  for (const w of ['Regierungssprecherin', 'Außenminister', 'Ministerpräsidenten', 'Gentechnik-Experte']) assert.ok(words.isPersonNoun(w), w);
  for (const w of ['Haltung', 'Erklärung', 'Wasser']) assert.ok(!words.isPersonNoun(w), w);
});

test('speech words: institutions and documents name a source, abstract nouns never do', () => {
  assert.ok(words.isInstitutionNoun('Innenministerium'));
  assert.ok(words.isInstitutionNoun('Zeitung'));
  assert.ok(words.isAbstractNoun('Zuversicht'));
  assert.ok(!words.isAbstractNoun('Minister'));
});

test('speech words: sentence adverbs include capitalised present participles but not nouns', () => {
  assert.ok(words.isSentenceAdverb('Angesichts'));
  assert.ok(words.isSentenceAdverb('Relativierend'));
  assert.ok(!words.isSentenceAdverb('Minister'));
});

test('speech words: a line naming an unknown list is refused with the known names', () => {
  const dir = mkdtempSync(join(tmpdir(), 'speech-words-'));
  const file = join(dir, 'bad.tsv');
  writeFileSync(file, '# header\nprepositon\tvor\n');
  assert.throws(() => loadSpeechWords(pathToFileURL(file)), /bad line "prepositon\\tvor"; known lists: reported-speech-verb-form/);
});
