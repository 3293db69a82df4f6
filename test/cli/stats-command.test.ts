import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ingest, runCli, scratchWithCorpus } from './store-cli.js';

test('stats counts articles and languages, readable and as JSON', () => {
  const { inputs, db } = scratchWithCorpus();
  assert.equal(ingest([inputs], db).status, 0);
  const readable = runCli(['stats', '--db', db]);
  assert.equal(readable.status, 0, readable.stderr);
  assert.match(readable.stdout, /articles\s+3\n/);
  const stats = JSON.parse(runCli(['stats', '--json', '--db', db]).stdout);
  assert.equal(stats.articles, 3);
  assert.equal(stats.occurrences, 3);
  assert.deepEqual(stats.languages, [
    { name: 'de', count: 2 },
    { name: 'en', count: 1 },
  ]);
});
