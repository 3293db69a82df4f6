import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeSentenceSplitter } from '../../src/text/sentences.js';

const splitter = makeSentenceSplitter();
const sentencesOf = (text: string) => splitter.split(text).map((s) => text.slice(s.start, s.end));

test('splits plain sentences and keeps offsets into the text', () => {
  const text = 'Die Ministerin reiste nach Wien. Dort traf sie ihren Amtskollegen! Was folgt?';
  const spans = splitter.split(text);
  assert.deepEqual(
    spans.map((s) => text.slice(s.start, s.end)),
    ['Die Ministerin reiste nach Wien.', 'Dort traf sie ihren Amtskollegen!', 'Was folgt?'],
  );
});

test('does not split after German abbreviations', () => {
  assert.deepEqual(sentencesOf('Das gilt z. B. für Nr. 5 und Dr. Berger. Danach kam ca. ein Drittel.'), [
    'Das gilt z. B. für Nr. 5 und Dr. Berger.',
    'Danach kam ca. ein Drittel.',
  ]);
});

test('does not split dates and ordinals', () => {
  assert.deepEqual(sentencesOf('Am 4. Februar trafen sie sich. Es war der 75. Jahrestag der Gründung. Am 10. Feb. folgte mehr.'), [
    'Am 4. Februar trafen sie sich.',
    'Es war der 75. Jahrestag der Gründung.',
    'Am 10. Feb. folgte mehr.',
  ]);
});

test('a four-digit year ends a sentence', () => {
  assert.deepEqual(sentencesOf('Das Abkommen stammt aus dem Jahr 2019. Seitdem ruht es.'), [
    'Das Abkommen stammt aus dem Jahr 2019.',
    'Seitdem ruht es.',
  ]);
});

test('keeps closing quotes with their sentence and the attribution after them', () => {
  assert.deepEqual(sentencesOf('„Wir bleiben hier.“ Das sagte sie. „Wir gehen nicht“, fügte sie hinzu.'), [
    '„Wir bleiben hier.“',
    'Das sagte sie.',
    '„Wir gehen nicht“, fügte sie hinzu.',
  ]);
});

test('initials do not end a sentence', () => {
  assert.deepEqual(sentencesOf('Laut John F. Kennedy war das so. Gut.'), ['Laut John F. Kennedy war das so.', 'Gut.']);
});

test('a paragraph break always ends a sentence, even without punctuation', () => {
  assert.deepEqual(sentencesOf('Gipfel in Wien\n\nDie Minister trafen sich.'), ['Gipfel in Wien', 'Die Minister trafen sich.']);
});

test('a lowercase continuation after a full stop is not a new sentence', () => {
  assert.deepEqual(sentencesOf('Er sprach von 3 Mio. und mehr. Dann ging er.'), ['Er sprach von 3 Mio. und mehr.', 'Dann ging er.']);
});
