import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { MIGRATIONS } from '../../src/store/sqlite/migrations.js';
import { makeArticle, runStoreContract } from './store-contract.js';
import { searchKeyOf } from '../../src/text/stem.de.js';

runStoreContract('sqlite', { openEmptyStore: () => openSqliteStore(':memory:') });

function tempDbPath(): string {
  return join(mkdtempSync(join(tmpdir(), 'st-sqlite-')), 'test.db');
}

test('sqlite: a reopened database keeps its articles and is in WAL mode', async () => {
  const path = tempDbPath();
  const article = makeArticle({ title: 'Brücke gesperrt', text: 'Die Rheinbrücke bleibt bis Freitag gesperrt.' });
  const first = openSqliteStore(path);
  await first.putArticles([article]);
  await first.close();
  const second = openSqliteStore(path, { mustExist: true });
  assert.equal((await second.getArticle(article.id))?.article.title, 'Brücke gesperrt');
  await second.close();
  const raw = new Database(path, { readonly: true });
  assert.equal(raw.pragma('journal_mode', { simple: true }), 'wal');
  raw.close();
});

test('sqlite: records each migration once in schema_migrations', async () => {
  const path = tempDbPath();
  await openSqliteStore(path).close();
  await openSqliteStore(path).close();
  const raw = new Database(path, { readonly: true });
  const rows = raw.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as { version: number }[];
  raw.close();
  assert.deepEqual(rows.map((r) => r.version), MIGRATIONS.map((m) => m.version));
});

test('sqlite: refuses a database written by a newer schema', () => {
  const path = tempDbPath();
  const raw = new Database(path);
  raw.exec("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL); INSERT INTO schema_migrations VALUES (999, 'future', '2030-01-01')");
  raw.close();
  assert.throws(() => openSqliteStore(path), /schema version 999/);
});

test('sqlite: with mustExist, a missing file is an error and no file is created', () => {
  assert.throws(() => openSqliteStore(join(tmpdir(), 'st-no-such-dir', 'nothing.db'), { mustExist: true }));
});

test('sqlite: migration 10 re-indexes stored articles so their compounds are found by their parts', async () => {
  const path = tempDbPath();
  const article = makeArticle({ title: 'Moskau verlangt Sicherheitsgarantien', text: 'Der Kreml fordert schriftliche Sicherheitsgarantien.' });
  const store = openSqliteStore(path);
  await store.putArticles([article]);
  await store.close();
  // make the database look as version 9 left it: the index holds each word's key, no compound parts
  const raw = new Database(path);
  const seq = (raw.prepare('SELECT seq FROM articles WHERE id = ?').get(article.id) as { seq: number }).seq;
  const wordKeys = (text: string) => (text.match(/[\p{L}\p{N}]+/gu) ?? []).map(searchKeyOf).join(' ');
  raw.exec("INSERT INTO article_search (article_search) VALUES ('delete-all'); DELETE FROM schema_migrations WHERE version = 10");
  raw.prepare('INSERT INTO article_search (rowid, title, body) VALUES (?, ?, ?)').run(seq, wordKeys(article.title!), wordKeys(article.text));
  raw.close();
  const old = new Database(path);
  assert.equal((old.prepare("SELECT count(*) AS n FROM article_search WHERE article_search MATCH 'garanti'").get() as { n: number }).n, 0);
  old.close();

  const reopened = openSqliteStore(path);
  assert.deepEqual((await reopened.search('Garantie', { limit: 5 })).map((h) => h.id), [article.id]);
  assert.deepEqual((await reopened.search('Kreml', { limit: 5 })).map((h) => h.id), [article.id], 'the words are indexed again too');
  await reopened.close();
});
