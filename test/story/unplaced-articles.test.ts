import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { BIN, ingest, runCli } from '../cli/store-cli.js';
import { makeArticle } from '../store/store-contract.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';

/** Stored articles and how many of them an event holds. */
function placement(db: string): { articles: number; placed: number } {
  const raw = new Database(db, { readonly: true });
  try {
    return raw.prepare('SELECT (SELECT count(*) FROM articles) AS articles, (SELECT count(*) FROM story_members) AS placed').get() as { articles: number; placed: number };
  } finally {
    raw.close();
  }
}

const FLOOD = 'Das Hochwasser der Wipper hat am Sonntag die Altstadt von Kellbach erreicht; das Technische Hilfswerk sicherte die Brücke am Markt mit Sandsäcken.';
const FLOOD_AGAIN = 'In Kellbach steht die Altstadt unter Wasser: Die Wipper trat am Sonntag über die Ufer, Helfer des Technischen Hilfswerks stapelten Sandsäcke an der Brücke.';

test('articles stored but never placed (the state a kill -9 between storing and placing leaves) are placed by the next ingest of other inputs', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'st-unplaced-'));
  const db = join(dir, 'stories.db');
  try {
    const store = openSqliteStore(db);
    // Undated: only its text says when ("am 14. September 2025"), and text dates are not stored with articles.
    const stranded = makeArticle({ text: `${FLOOD} Der Pegel stieg am 14. September 2025 auf über vier Meter.`, published: null, outlet: 'Wipperkurier' });
    await store.putArticles([stranded]);
    await store.close();
    assert.deepEqual(placement(db), { articles: 1, placed: 0 });

    const inputs = join(dir, 'inputs');
    mkdirSync(inputs);
    writeFileSync(join(inputs, 'hochwasser.txt'), `Wipper-Hochwasser in Kellbach\n\n${FLOOD_AGAIN}\n`);
    const run = ingest([inputs], db);
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(placement(db), { articles: 2, placed: 2 });
    const raw = new Database(db, { readonly: true });
    const member = raw.prepare('SELECT event_id, features_json FROM story_members WHERE article_id = ?').get(stranded.id) as { event_id: string; features_json: string };
    raw.close();
    assert.equal(JSON.parse(member.features_json).notBefore, '2025-09-14', 'its text dates were found again from the stored text');
    const story = runCli(['story', member.event_id, '--json', '--db', db]);
    assert.equal(story.status, 0, story.stderr);
    assert.ok((JSON.parse(story.stdout) as { story: { articleIds: string[] } }).story.articleIds.includes(stranded.id));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** Enough briefs that ingest is still storing batches when it is killed. */
const CRASH_INPUTS = 2500;

test('after an ingest killed with SIGKILL, storytrace stories places every article it had stored', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'st-unplaced-kill-'));
  const inputs = join(dir, 'inputs');
  mkdirSync(inputs);
  for (let i = 0; i < CRASH_INPUTS; i++) {
    writeFileSync(
      join(inputs, `meldung-${String(i).padStart(5, '0')}.txt`),
      `Ortsbeirat ${i} berät\n\nDer Ortsbeirat von Feldstetten-${i} hat am Dienstag über die Sanierung der Turnhalle beraten; ${i % 89} Anwohner kamen zur Sitzung.\n`,
    );
  }
  const db = join(dir, 'crash.db');
  try {
    const child = spawn(process.execPath, [BIN, 'ingest', '--quiet', '--db', db, inputs], { stdio: 'ignore' });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_, signal) => resolve(signal)));
    for (let waited = 0; waited < 60_000; waited += 20) {
      await sleep(20);
      try {
        if (placement(db).articles > 0) break;
      } catch {
        // The database or its tables do not exist yet: keep waiting.
      }
    }
    child.kill('SIGKILL');
    assert.equal(await exited, 'SIGKILL', 'ingest finished before it could be killed; raise CRASH_INPUTS');
    const killed = placement(db);
    assert.ok(killed.articles > 0 && killed.placed === 0, `stored ${killed.articles}, placed ${killed.placed}`);

    const listed = runCli(['stories', '--db', db]);
    assert.equal(listed.status, 0, listed.stderr);
    assert.match(listed.stderr, new RegExp(`placed ${killed.articles} stored article\\(s\\)`));
    assert.deepEqual(placement(db), { articles: killed.articles, placed: killed.articles });
    const again = runCli(['stories', '--db', db]);
    assert.equal(again.stderr, '', 'a second run finds nothing left to place');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
