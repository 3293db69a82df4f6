import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isHeadlineLike, readTextPage } from '../../../src/clean/plain-text/text-page.js';
import { makeRawText } from './make-raw.js';

test('first line is the title, each further line a paragraph', () => {
  const page = readTextPage('Pegel sinkt\n\nErster Absatz.\nZweiter Absatz.\n', makeRawText(''));
  assert.equal(page.title, 'Pegel sinkt');
  assert.equal(page.text, 'Erster Absatz.\n\nZweiter Absatz.');
});

test('CRLF, no-break spaces and a leading ": " artefact are cleaned', () => {
  const page = readTextPage(': Pegel\u00a0sinkt\r\n\r\nDer\u00a0 Pegel sinkt.\r\n', makeRawText(''));
  assert.equal(page.title, 'Pegel sinkt');
  assert.equal(page.text, 'Der Pegel sinkt.');
});

test('a " date" header on the title line is metadata, the rest of the line the title', () => {
  const page = readTextPage(' date 2021-12 Xi trifft Putin per Video\n\nDas Treffen dauerte zwei Stunden.', makeRawText(''));
  assert.equal(page.title, 'Xi trifft Putin per Video');
  assert.equal(page.published?.value, '2021-12');
  assert.equal(page.text, 'Das Treffen dauerte zwei Stunden.');
});

test('a lead sentence on the first line is body, not title, and says so', () => {
  const page = readTextPage(' date 2022-02 Washington zeigt sich besorgt. Moskau bestätigt die Zusammenarbeit.\n\nZweiter Absatz.', makeRawText(''));
  assert.equal(page.title, null);
  assert.ok(page.text.startsWith('Washington zeigt sich besorgt.'));
  assert.deepEqual(page.messages.map((m) => m.rule), ['no-title']);
});

test('a date line under the title (and a subtitle) leaves the body', () => {
  const page = readTextPage('Titel\n\nUntertitel ohne Punkt\n\n4 Feb. 2022 11:02 Uhr\n\nDer Text beginnt.', makeRawText(''));
  assert.equal(page.text, 'Untertitel ohne Punkt\n\nDer Text beginnt.');
  assert.equal(page.published?.value, '2022-02-04T11:02+01:00');
});

test('a date inside the body is no date line and stays', () => {
  const page = readTextPage('Titel\n\nDer Text beginnt.\n\n04.02.2022 | 12:01 Uhr\n\nWeiter.', makeRawText(''));
  assert.ok(page.text.includes('04.02.2022 | 12:01 Uhr'));
});

test('container hints win over what the text states', () => {
  const raw = makeRawText('', { title: 'Titel aus dem Feed', published: '2023-06-14' });
  const page = readTextPage(' date 2022-02 Pegel sinkt\n\nDer Text.', raw);
  assert.equal(page.title, 'Titel aus dem Feed');
  assert.equal(page.published?.value, '2023-06-14');
});

test('isHeadlineLike: short and without a final full stop', () => {
  assert.ok(isHeadlineLike('Lindqvist stärkt Aalberg im Wasserstreit den Rücken'));
  assert.ok(isHeadlineLike('Droht ein neuer Streit?'));
  assert.ok(isHeadlineLike('Gemeinden drohen mit Klage gegen den Zweckv...'));
  assert.ok(!isHeadlineLike('Der Pegel sinkt.'));
  assert.ok(!isHeadlineLike('x'.repeat(201)));
});

test('a title stated by the container and repeated on the first line is not body text', () => {
  const raw = makeRawText('', { title: 'Pegel sinkt weiter' });
  const page = readTextPage('Pegel sinkt weiter\n\nDer Pegel der Orla sinkt.', raw);
  assert.equal(page.title, 'Pegel sinkt weiter');
  assert.equal(page.text, 'Der Pegel der Orla sinkt.');
  const other = readTextPage('Ein anderer erster Satz.\n\nDer Pegel der Orla sinkt.', raw);
  assert.ok(other.text.startsWith('Ein anderer erster Satz.'));
});

test('a container record without a title field has no title line: its text is all body', () => {
  const raw = { ...makeRawText(''), origin: { path: 'clips.jsonl', url: null, record: 's2', segment: null } };
  const page = readTextPage('Gemeinden drohen mit Klage', raw);
  assert.equal(page.title, null);
  assert.equal(page.text, 'Gemeinden drohen mit Klage');
});
