import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { runCli, scratchWithCorpus } from './store-cli.js';

test('demo ingests a corpus folder and prints counts, titles and what to try next', () => {
  const { inputs, db } = scratchWithCorpus();
  const result = runCli(['demo', '--quiet', '--no-serve', '--corpus', inputs, '--db', db]);
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /storytrace demo: 3 new articles/);
  assert.match(result.stdout, /articles\s+3\n/);
  assert.match(result.stdout, /Stadtrat beschließt neuen Radweg/);
  assert.match(result.stdout, /storytrace search \S+ --db /);
  assert.match(result.stdout, /storytrace show [0-9a-f]{8} --db /);
  const again = runCli(['demo', '--quiet', '--no-serve', '--corpus', inputs, '--db', db]);
  assert.match(again.stdout, /storytrace demo: 0 new articles/, 'running the demo twice adds nothing');
});

test('demo with a corpus folder that does not exist is one line and exit 2', () => {
  const { dir } = scratchWithCorpus();
  const result = runCli(['demo', '--no-serve', '--corpus', join(dir, 'kein-korpus'), '--db', join(dir, 'x.db')]);
  assert.equal(result.status, 2);
  assert.match(result.stderr, /no demo corpus at/);
});

test('every store command explains itself in --help', () => {
  for (const command of ['ingest', 'export', 'search', 'show', 'stats', 'demo']) {
    const result = runCli([command, '--help']);
    assert.equal(result.status, 0, command);
    assert.match(result.stdout, new RegExp(`Usage: storytrace ${command}`));
    assert.match(result.stdout, /--db <file>/);
  }
});
