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
