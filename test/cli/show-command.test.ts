import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ingest, runCli, scratchWithCorpus } from './store-cli.js';

function ingestedCorpus() {
  const scratch = scratchWithCorpus();
  assert.equal(ingest([scratch.inputs], scratch.db).status, 0);
  const records = runCli(['export', '--quiet', '--format', 'jsonl', '--db', scratch.db])
    .stdout.trim()
    .split('\n')
    .map((line) => JSON.parse(line));
  return { ...scratch, records };
}

test('show prints the article and where it was found; a unique id prefix will do', () => {
  const { db, records } = ingestedCorpus();
  const radweg = records.find((r) => r.title === 'Stadtrat beschließt neuen Radweg');
  const result = runCli(['show', radweg.id.slice(0, 6), '--db', db]);
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /^Stadtrat beschließt neuen Radweg\n/);
  assert.ok(result.stdout.includes(radweg.text));
  assert.match(result.stdout, /found at 1 place:\n {2}- .*stadtrat\.txt/);
});

test('show --json prints the same record export writes', () => {
  const { db, records } = ingestedCorpus();
  const result = runCli(['show', records[0].id, '--json', '--db', db]);
  assert.deepEqual(JSON.parse(result.stdout), records[0]);
});

test('show of an unknown id exits 3 (not found), of something that is no id exits 2', () => {
  const { db } = ingestedCorpus();
  const unknown = runCli(['show', 'ffffffffffffffff', '--db', db]);
  assert.equal(unknown.status, 3);
  assert.match(unknown.stderr, /no article with id "ffffffffffffffff"/);
  const notAnId = runCli(['show', 'Radweg', '--db', db]);
  assert.equal(notAnId.status, 2);
  assert.match(notAnId.stderr, /is not an article id/);
});

test('show in plain text lists the credits, entities and quotes of the article', () => {
  const { db, records } = ingestedCorpus();
  const record = records.find((r) => r.quotes.length > 0 && r.entities.some((e: { canonical: string | null }) => e.canonical !== null));
  assert.ok(record, 'the small corpus has an article with quotes and resolved entities');
  const result = runCli(['show', record.id, '--db', db]);
  assert.equal(result.status, 0, result.stderr);
  const entity = record.entities.find((e: { canonical: string | null }) => e.canonical !== null);
  assert.match(result.stdout, /\nentities:\n {2}- /);
  assert.ok(result.stdout.includes(`(${entity.type}, ${entity.canonical})`), `lists ${entity.canonical}`);
  assert.match(result.stdout, /\nquotes:\n {2}- „/);
  assert.ok(result.stdout.includes(`„${record.quotes[0].text}“`));
  if (record.credits.length > 0) assert.match(result.stdout, /\ncredits: /);
});

test('stories --limit lists the first N in list order; a bad limit is usage', () => {
  const { db } = ingestedCorpus();
  const all = runCli(['stories', '--db', db]).stdout.trim().split('\n');
  const first = runCli(['stories', '--limit', '1', '--db', db]);
  assert.equal(first.status, 0, first.stderr);
  assert.deepEqual(first.stdout.trim().split('\n'), all.slice(0, 1));
  assert.equal(runCli(['stories', '--limit', 'alle', '--db', db]).status, 2);
});
