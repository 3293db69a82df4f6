// Exit codes as --help and the README promise them: 0 done, 1 rejected, 2 usage, 3 not found, 4 database, 70 internal.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { main } from '../../src/cli/main.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { runCli } from './store-cli.js';

const PACKAGE_VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

async function emptyDatabase(): Promise<string> {
  const path = join(mkdtempSync(join(tmpdir(), 'st-exit-')), 'empty.db');
  await openSqliteStore(path).close();
  return path;
}

test('exit: --version prints the version package.json holds; --help lists the exit codes', () => {
  const version = runCli(['--version']);
  assert.equal(version.status, 0);
  assert.equal(version.stdout.trim(), PACKAGE_VERSION);
  const help = runCli(['--help']);
  assert.equal(help.status, 0);
  for (const line of [/^ {2}3 +not found/m, /^ {2}4 +database problem/m, /^ {2}70 +internal error.*--verbose/m]) assert.match(help.stdout, line);
});

test('exit: bad usage is 2', () => {
  assert.equal(runCli(['stories', '--no-such-option']).status, 2);
  assert.equal(runCli(['no-such-command']).status, 2);
});

test('exit: show, story and provenance of something not stored are 3, each with one line', async () => {
  const db = await emptyDatabase();
  for (const args of [['show', 'ffffffffffffffff'], ['provenance', 'ffffffffffffffff'], ['story', 'event:nothing']]) {
    const result = runCli([...args, '--db', db]);
    assert.equal(result.status, 3, `${args.join(' ')}: ${result.stderr}`);
    assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
  }
});

test('exit: a missing or damaged database is 4', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'st-exit-'));
  assert.equal(runCli(['stats', '--db', join(dir, 'missing.db')]).status, 4);
  const damaged = join(dir, 'damaged.db');
  writeFileSync(damaged, 'this is not a SQLite database, only text where the header should be'.repeat(100));
  const result = runCli(['stats', '--db', damaged]);
  assert.equal(result.status, 4, result.stderr);
  assert.match(result.stderr, /database/);
});

test('exit: a bug is 70 with one line and a hint; --verbose adds the stack', async (t) => {
  const written: string[] = [];
  t.mock.method(process.stderr, 'write', (chunk: string) => {
    written.push(String(chunk));
    return true;
  });
  const failing = () =>
    new Command('storytrace')
      .exitOverride()
      .option('-v, --verbose')
      .action(() => {
        throw new TypeError('cannot read the thing');
      });
  const before = process.exitCode;
  try {
    await main(['node', 'storytrace'], failing());
    assert.equal(process.exitCode, 70);
    assert.deepEqual(written, ['storytrace: internal error: cannot read the thing (a storytrace bug; rerun with --verbose for the stack)\n']);
    written.length = 0;
    await main(['node', 'storytrace', '--verbose'], failing());
    assert.match(written.join(''), /TypeError: cannot read the thing\n\s+at /);
  } finally {
    process.exitCode = before;
  }
});
