import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { BIN, ingest, runCli, scratchWithCorpus } from './store-cli.js';

function count(db: string, table: string): number {
  const raw = new Database(db, { readonly: true });
  try {
    return (raw.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  } finally {
    raw.close();
  }
}

test('ingest stores every article and a second run adds nothing', () => {
  const { inputs, db } = scratchWithCorpus();
  const first = ingest([inputs], db);
  assert.equal(first.status, 0, first.stderr);
  assert.equal(count(db, 'articles'), 3);
  const again = runCli(['ingest', '--db', db, inputs]);
  assert.equal(again.status, 0, again.stderr);
  assert.match(again.stdout, /stored 0 new articles and 0 new occurrences/);
  assert.equal(count(db, 'articles'), 3);
  assert.equal(count(db, 'occurrences'), 3);
});

test('ingest keeps the same text at two paths as one article with two occurrences', () => {
  const { dir, inputs, db } = scratchWithCorpus();
  const mirror = join(dir, 'mirror');
  mkdirSync(mirror);
  copyFileSync(join(inputs, 'garantien.txt'), join(mirror, 'kopie.txt'));
  assert.equal(ingest([inputs, mirror], db).status, 0);
  assert.equal(count(db, 'articles'), 3);
  assert.equal(count(db, 'occurrences'), 4);
  const exported = runCli(['export', '--quiet', '--format', 'jsonl', '--db', db]);
  const copied = exported.stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line))
    .find((r) => r.title === 'Moskau fordert schriftliche Sicherheitsgarantien');
  assert.deepEqual(
    copied.occurrences.map((o: { path: string }) => o.path),
    [join(inputs, 'garantien.txt'), join(mirror, 'kopie.txt')],
  );
  assert.equal(copied.origin.path, join(inputs, 'garantien.txt'));
});

test('ingest reads the database path from STORYTRACE_DB', () => {
  const { inputs, db } = scratchWithCorpus();
  const result = runCli(['ingest', '--quiet', inputs], { STORYTRACE_DB: db });
  assert.equal(result.status, 0, result.stderr);
  assert.equal(count(db, 'articles'), 3);
});

test('ingest names a rejected input, stores the rest and exits 1', () => {
  const { dir, inputs, db } = scratchWithCorpus();
  const result = ingest([join(dir, 'fehlt.txt'), inputs], db);
  assert.equal(result.status, 1);
  assert.match(result.stderr, /fehlt\.txt: ingest\/not-found/);
  assert.equal(count(db, 'articles'), 3);
});

test('ingest without paths is bad usage: exit 2', () => {
  const result = runCli(['ingest']);
  assert.equal(result.status, 2);
  assert.match(result.stderr, /nothing to ingest: give files, directories, URLs or --urls-from FILE/);
});

/** Enough inputs that ingest is still busy when we kill it: several batches of 200. */
const CRASH_INPUTS = 2500;

function writeGeneratedBriefs(dir: string, howMany: number): void {
  for (let i = 0; i < howMany; i++) {
    writeFileSync(
      join(dir, `meldung-${String(i).padStart(5, '0')}.txt`),
      `Gemeinderat Nummer ${i} tagt\n\nDer Gemeinderat der Ortschaft ${i} hat am Montag über den Haushalt beraten. ` +
        `Bürgermeisterin Weber kündigte an, ${i % 97} neue Kita-Plätze zu schaffen.\n`,
    );
  }
}

test('a killed ingest leaves a consistent database, and running it again completes without duplicates', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'st-crash-'));
  const inputs = join(dir, 'inputs');
  mkdirSync(inputs);
  writeGeneratedBriefs(inputs, CRASH_INPUTS);
  const db = join(dir, 'crash.db');

  const child = spawn(process.execPath, [BIN, 'ingest', '--quiet', '--db', db, inputs], { stdio: 'ignore' });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_, signal) => resolve(signal)));
  // Kill once at least one batch is committed, while later ones are still being written.
  for (let waited = 0; waited < 60_000; waited += 20) {
    await sleep(20);
    try {
      if (count(db, 'articles') > 0) break;
    } catch {
      // The database or its tables do not exist yet: keep waiting.
    }
  }
  child.kill('SIGKILL');
  assert.equal(await exited, 'SIGKILL', 'ingest finished before it could be killed; raise CRASH_INPUTS');

  const afterKill = new Database(db);
  assert.equal(afterKill.pragma('integrity_check', { simple: true }), 'ok');
  const stored = (afterKill.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
  afterKill.close();
  assert.ok(stored > 0 && stored < CRASH_INPUTS, `killed mid-way: ${stored} of ${CRASH_INPUTS} stored`);

  const rerun = ingest([inputs], db);
  assert.equal(rerun.status, 0, rerun.stderr);
  const raw = new Database(db, { readonly: true });
  const row = raw
    .prepare(
      `SELECT (SELECT count(*) FROM articles) AS articles, (SELECT count(DISTINCT id) FROM articles) AS ids,
              (SELECT count(*) FROM occurrences) AS occurrences, (SELECT count(*) FROM article_search) AS indexed`,
    )
    .get() as { articles: number; ids: number; occurrences: number; indexed: number };
  assert.equal(raw.pragma('integrity_check', { simple: true }), 'ok');
  raw.close();
  assert.deepEqual(row, { articles: CRASH_INPUTS, ids: CRASH_INPUTS, occurrences: CRASH_INPUTS, indexed: CRASH_INPUTS });
});

test('ingest --json prints one machine-readable summary on stdout', () => {
  const { dir, inputs, db } = scratchWithCorpus();
  const result = runCli(['ingest', '--json', '--db', db, join(dir, 'fehlt.txt'), inputs]);
  assert.equal(result.status, 1);
  const summary = JSON.parse(result.stdout);
  assert.deepEqual(
    { inputs: summary.inputs, articles: summary.articles, rejected: summary.rejected, articlesAdded: summary.articlesAdded, database: summary.database },
    { inputs: 4, articles: 3, rejected: 1, articlesAdded: 3, database: db },
  );
  for (const key of ['occurrencesAdded', 'linksAdded', 'events', 'warnings']) assert.equal(typeof summary[key], 'number', key);
});
