import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { MIGRATIONS, migrateToLatest } from '../../src/store/sqlite/migrations.js';
import { applyMigrationAlone } from './apply-migration-alone.js';
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
  raw.exec("INSERT INTO article_search (article_search) VALUES ('delete-all')");
  raw.prepare('INSERT INTO article_search (rowid, title, body) VALUES (?, ?, ?)').run(seq, wordKeys(article.title!), wordKeys(article.text));
  assert.equal((raw.prepare("SELECT count(*) AS n FROM article_search WHERE article_search MATCH 'garanti'").get() as { n: number }).n, 0);
  applyMigrationAlone(raw, 10);
  raw.close();

  const reopened = openSqliteStore(path);
  assert.deepEqual((await reopened.search('Garantie', { limit: 5 })).map((h) => h.id), [article.id]);
  assert.deepEqual((await reopened.search('Kreml', { limit: 5 })).map((h) => h.id), [article.id], 'the words are indexed again too');
  await reopened.close();
});

test('sqlite: migration 6 backfills entities, quotes and credits of articles stored before it, as storing them now would', async () => {
  const text = 'Ada Brenner sagte: „Wir bleiben dabei.“ Ein Sprecher sagte: „Brenner hat recht.“';
  const speaker = { start: 0, end: 11 };
  const about = text.indexOf('Brenner hat');
  const articles = [
    makeArticle({
      text,
      outlet: 'Hafenkurier',
      credits: [{ name: 'dpa', kind: 'agency', evidence: '(dpa)' }, { name: 'dpa', kind: 'agency', evidence: 'dpa meldet' }],
      entities: [
        { text: 'Ada Brenner', ...speaker, type: 'person', canonical: 'person:ada-brenner' },
        { text: 'Brenner', start: about, end: about + 7, type: 'person', canonical: 'person:ada-brenner' },
      ],
      quotes: [
        { text: '„Wir bleiben dabei.“', start: 19, end: 39, kind: 'direct', partial: false, cue: 'sagte', speaker: 'Ada Brenner', relayedBy: null, speakerStart: 0, speakerEnd: 11 },
        { text: '„Brenner hat recht.“', start: about - 1, end: about + 19, kind: 'direct', partial: false, cue: 'sagte', speaker: 'Ein Sprecher', relayedBy: null, speakerStart: 40, speakerEnd: 52 },
      ],
    }),
    makeArticle({ text: 'Brenner reiste ab.', entities: [{ text: 'Brenner', start: 0, end: 7, type: 'person', canonical: 'person:ada-brenner' }], credits: [{ name: 'AFP', kind: 'agency', evidence: 'AFP' }] }),
    makeArticle({ text: 'Ohne Analyse gespeichert.' }),
  ];
  // As a storytrace before migration 6 left it: the analysis only in the articles' JSON columns.
  const oldPath = tempDbPath();
  const old = new Database(oldPath);
  migrateToLatest(old, MIGRATIONS.filter((m) => m.version < 6));
  const insert = old.prepare(`INSERT INTO articles (id, title, text, outlet, credits_json, side_texts_json, entities_json, quotes_json, messages_json, first_seen_at)
                              VALUES (?, ?, ?, ?, ?, '[]', ?, ?, '[]', '2025-01-01T00:00:00Z')`);
  for (const a of articles) {
    insert.run(a.id, a.title, a.text, a.outlet, JSON.stringify(a.credits), a.entities === undefined ? null : JSON.stringify(a.entities), a.quotes === undefined ? null : JSON.stringify(a.quotes));
  }
  old.close();
  const migrated = openSqliteStore(oldPath);
  const brenner = await migrated.browse.getEntity('person:ada-brenner', 5);
  assert.equal(brenner?.articles, 2);
  assert.equal(brenner?.quoteCount, 1);
  assert.equal(brenner?.quotedAboutCount, 1);
  assert.deepEqual((await migrated.browse.listOutlets({ limit: 5 })).items.find((o) => o.name === 'Hafenkurier')?.credits, [{ name: 'dpa', count: 1 }]);
  await migrated.close();

  const freshPath = tempDbPath();
  const fresh = openSqliteStore(freshPath);
  await fresh.putArticles(articles);
  await fresh.close();
  const tablesOf = (path: string) => {
    const db = new Database(path, { readonly: true });
    const rows = Object.fromEntries(
      ['entities', 'entity_names', 'article_entities', 'quotes', 'quote_entities', 'article_credits'].map((table) => [table, db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2, 3`).all()]),
    );
    db.close();
    return rows;
  };
  const backfilled = tablesOf(oldPath);
  assert.equal((backfilled.quote_entities as unknown[]).length, 2);
  assert.deepEqual(backfilled, tablesOf(freshPath));
});

test('sqlite: migration 14 tallies the story postings stored before it, so full keys stay full and the rest fill up to the cap', async () => {
  const path = tempDbPath();
  const update = { members: [], stories: [], eventCores: new Map(), removed: [], storylineOf: new Map(), changes: [], digests: new Map(), postingsCap: 3 };
  const store = openSqliteStore(path);
  await store.stories.applyStoryUpdate({ ...update, counts: new Map([['t brücke', 3], ['t fähre', 1]]), postings: [['t brücke', 'a1'], ['t brücke', 'a2'], ['t brücke', 'a3'], ['t fähre', 'a2']] });
  await store.close();
  // make the database look as version 13 left it: postings without their tally
  const raw = new Database(path);
  raw.exec('ALTER TABLE story_counts DROP COLUMN postings');
  applyMigrationAlone(raw, 14);
  raw.close();

  const reopened = openSqliteStore(path);
  assert.deepEqual([...(await reopened.stories.storyPostings(['t brücke', 't fähre'], 3))], [['t fähre', ['a2']]], 'the full key is left out');
  await reopened.stories.applyStoryUpdate({ ...update, counts: new Map([['t fähre', 3]]), postings: [['t fähre', 'a4'], ['t fähre', 'a5'], ['t fähre', 'a6']] });
  assert.deepEqual([...((await reopened.stories.storyPostings(['t fähre'], 4)).get('t fähre') ?? [])].sort(), ['a2', 'a4', 'a5']);
  await reopened.close();
});

test('sqlite: migration 30 lists the stories of an older database storylines first, then by size and recency', async () => {
  const path = tempDbPath();
  const store = openSqliteStore(path);
  const story = (id: string, kind: 'event' | 'storyline', dateEnd: string, articleIds: string[]) => ({ id, kind, storylineId: null, title: null, dateStart: dateEnd, dateEnd, articleIds, summary: [], evidence: {} });
  await store.stories.replaceStories([story('event:klein', 'event', '2025-03-09', ['a1']), story('event:gross', 'event', '2025-03-01', ['a2', 'a3']), story('storyline:s', 'storyline', '2025-02-01', ['a1', 'a4'])], [], []);
  await store.close();
  const raw = new Database(path);
  raw.exec('DROP INDEX stories_by_prominence; ALTER TABLE stories DROP COLUMN article_count');
  applyMigrationAlone(raw, 30);
  raw.close();
  const reopened = openSqliteStore(path);
  assert.deepEqual((await reopened.browse.listStories(undefined, { limit: 10 })).items.map((s) => s.id), ['storyline:s', 'event:gross', 'event:klein']);
  await reopened.close();
});

test('sqlite: a migration numbered below one already applied is still applied (parallel numbers land out of order)', async () => {
  const path = tempDbPath();
  await openSqliteStore(path).close();
  const raw = new Database(path);
  // as a database made before migration 30 was merged, while 35 already was
  raw.exec("DROP INDEX stories_by_prominence; ALTER TABLE stories DROP COLUMN article_count; DELETE FROM schema_migrations WHERE version = 30");
  raw.close();
  const reopened = openSqliteStore(path);
  assert.deepEqual((await reopened.browse.listStories(undefined, { limit: 5 })).items, []);
  await reopened.close();
  const check = new Database(path);
  assert.ok((check.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).some((r) => r.version === 30));
  check.close();
});
