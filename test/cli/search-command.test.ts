import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ingest, runCli, scratchWithCorpus } from './store-cli.js';

function ingestedCorpus() {
  const scratch = scratchWithCorpus();
  assert.equal(ingest([scratch.inputs], scratch.db).status, 0);
  return scratch;
}

test('search finds an inflected form and shows the title, id and a marked snippet', () => {
  const { db } = ingestedCorpus();
  const result = runCli(['search', 'Sicherheitsgarantie', '--db', db]);
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /^1\. Moskau fordert schriftliche Sicherheitsgarantien$/m);
  assert.match(result.stdout, /\*Sicherheitsgarantien\*/);
  assert.match(result.stdout, /1 hit for "Sicherheitsgarantie"; read one with: storytrace show [0-9a-f]{16}/);
});

test('search --json lists hits with snippets; several words must all match', () => {
  const { db } = ingestedCorpus();
  const both = JSON.parse(runCli(['search', '--json', '--db', db, 'gemeinsamen', 'Erklärungen']).stdout);
  assert.equal(both.hits.length, 1);
  assert.equal(both.hits[0].title, 'Moskau fordert schriftliche Sicherheitsgarantien');
  assert.ok(both.hits[0].snippet.highlights.length >= 2);
  const none = JSON.parse(runCli(['search', '--json', '--db', db, 'Erklärung', 'Radweg']).stdout);
  assert.deepEqual(none.hits, []);
});

test('search says so when nothing matches, and exits 0', () => {
  const { db } = ingestedCorpus();
  const result = runCli(['search', 'Quantencomputer', '--db', db]);
  assert.equal(result.status, 0);
  assert.match(result.stdout, /no articles match "Quantencomputer"/);
});

test('search rejects a bad --limit (exit 2) and a missing database (exit 4)', () => {
  const { dir, db } = ingestedCorpus();
  const badLimit = runCli(['search', 'Radweg', '--limit', 'viele', '--db', db]);
  assert.equal(badLimit.status, 2);
  assert.match(badLimit.stderr, /--limit must be a whole number/);
  assert.equal(runCli(['search', 'Radweg', '--db', join(dir, 'fehlt.db')]).status, 4);
});
