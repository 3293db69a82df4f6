import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BIN = join(import.meta.dirname, '../../bin/storytrace.js');

function runCli(args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
}

test('process prints one contract object per article and exits 0', () => {
  const dir = mkdtempSync(join(tmpdir(), 'st-process-'));
  const file = join(dir, 'brief.txt');
  writeFileSync(file, 'Gipfel in Wien\n\nDie Außenminister trafen sich am Montag in Wien zu Gesprächen über die Lage.\n');
  const result = runCli(['process', '--quiet', file]);
  assert.equal(result.status, 0, result.stderr);
  const lines = result.stdout.trim().split('\n');
  assert.equal(lines.length, 1);
  const record = JSON.parse(lines[0]!);
  for (const key of ['id', 'origin', 'title', 'text', 'published', 'language', 'outlet', 'credits', 'entities', 'quotes']) {
    assert.ok(key in record, `missing ${key}`);
  }
  assert.equal(record.title, 'Gipfel in Wien');
  assert.equal(record.origin.path, file);
  assert.equal(record.language, 'de');
});

test('process names a missing input, goes on, and exits 1', () => {
  const dir = mkdtempSync(join(tmpdir(), 'st-process-'));
  const file = join(dir, 'ok.txt');
  writeFileSync(file, 'Titel\n\nEin kurzer Text über ein Treffen in Berlin am Dienstag.\n');
  const result = runCli(['process', '--quiet', join(dir, 'missing.txt'), file]);
  assert.equal(result.status, 1);
  assert.match(result.stderr, /missing\.txt: ingest\/not-found/);
  assert.equal(result.stdout.trim().split('\n').length, 1);
});

test('an unknown command is bad usage: exit 2', () => {
  const result = runCli(['frobnicate']);
  assert.equal(result.status, 2);
  assert.match(result.stderr, /unknown command/);
});

test('an input that yields no article counts as rejected: exit 1, named with the reason, the summary counts it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'st-process-'));
  const empty = join(dir, 'nur-navigation.html');
  writeFileSync(empty, '<html><head><title>Start</title></head><body><nav><a href="/">Start</a> <a href="/impressum">Impressum</a></nav></body></html>');
  const file = join(dir, 'ok.txt');
  writeFileSync(file, 'Titel\n\nEin kurzer Text über ein Treffen in Berlin am Dienstag.\n');
  const result = runCli(['process', empty, file]);
  assert.equal(result.status, 1, result.stderr);
  assert.match(result.stderr, /nur-navigation\.html: (clean\/no-text|pipeline\/no-article)/);
  assert.match(result.stderr, /2 inputs, 1 articles, 1 rejected/);
  assert.equal(result.stdout.trim().split('\n').length, 1);
});
