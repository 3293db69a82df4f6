import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readJsonLines } from '../../src/ingest/jsonl.js';
import { fileSource } from '../../src/ingest/input-source.js';

const FIXTURE = join(import.meta.dirname, '../fixtures/ingest/jsonl-one-broken-line/input.jsonl');

test('one document per record, hints from the fields, record id or "line N"', () => {
  const docs = readJsonLines(readFileSync(FIXTURE, 'utf8'), fileSource('wochenblatt.jsonl'));
  const first = docs[0]!;
  assert.equal(first.format, 'text');
  assert.equal(first.content, 'Der Marktplatz in Kesselbach wird ab Juni autofrei. Das beschloss der Gemeinderat am Dienstag.');
  assert.deepEqual(first.hints, { title: 'Marktplatz wird autofrei', published: '2024-04-09', outlet: 'Kesselbacher Wochenblatt', language: 'de' });
  assert.deepEqual(first.origin, { path: 'wochenblatt.jsonl', url: 'https://wochenblatt.example/a/1', record: 'kw-1', segment: null });
  assert.equal(docs[1]!.format, 'html');
  const noId = docs.find((d) => d.content === 'Der Wertstoffhof bleibt am Ostermontag geschlossen.');
  assert.equal(noId?.origin.record, 'line 5');
  assert.equal(noId?.label, 'wochenblatt.jsonl, line 5');
});

test('a broken line becomes one fatal document naming file and line; the lines after it still go in', () => {
  const docs = readJsonLines(readFileSync(FIXTURE, 'utf8'), fileSource('wochenblatt.jsonl'));
  const failed = docs.filter((d) => d.messages.some((m) => m.severity === 'fatal'));
  assert.deepEqual(failed.map((d) => [d.label, d.messages[0]!.rule]), [
    ['wochenblatt.jsonl, line 4', 'invalid-json'],
    ['wochenblatt.jsonl, line 6', 'not-a-record'],
    ['wochenblatt.jsonl, line 7', 'empty-record'],
  ]);
  assert.match(failed[0]!.messages[0]!.reason, /^invalid JSON \(.+\): \{"id":"kw-3".*; line skipped$/);
  // the blank line 3 is no record at all
  assert.equal(docs.length, 6);
  assert.equal(docs.filter((d) => d.messages.length === 0).length, 3);
});

test('Windows line endings are not part of the JSON', () => {
  const docs = readJsonLines('{"id":"a","text":"Eins."}\r\n{"id":"b","text":"Zwei."}\r\n', fileSource('crlf.jsonl'));
  assert.deepEqual(docs.map((d) => [d.origin.record, d.messages.length]), [['a', 0], ['b', 0]]);
});
