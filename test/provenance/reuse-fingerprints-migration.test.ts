import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { applyMigrationAlone } from '../store/apply-migration-alone.js';
import { openReuseLinker } from '../../src/provenance/link-reuse.js';
import { makeArticle } from '../store/store-contract.js';

const read = (file: string) => readFileSync(new URL(`../fixtures/link/retold-sentences-reordered/${file}`, import.meta.url), 'utf8');

test('migration 13: fingerprints stored without sentence fingerprints are computed again, and a retelling then links to the stored original', async () => {
  const path = join(mkdtempSync(join(tmpdir(), 'st-reuse-fp-')), 'test.db');
  const original = makeArticle({ text: read('a.txt'), published: '2024-05-08T09:00+02:00' });
  const retold = makeArticle({ text: read('b.txt'), published: '2024-05-08T16:30+02:00' });
  const store = openSqliteStore(path);
  await store.putArticles([original]);
  await (await openReuseLinker(store)).linkArticles([]);
  await store.close();

  // as a storytrace before migration 13 left it: no sentences column, the old scheme's rows
  const raw = new Database(path);
  raw.exec(`ALTER TABLE reuse_fingerprints DROP COLUMN sentences;
            UPDATE reuse_fingerprints SET scheme = 'reuse-fp-1 k5 w4';`);
  applyMigrationAlone(raw, 13);
  raw.close();

  const reopened = openSqliteStore(path);
  try {
    const check = new Database(path, { readonly: true });
    assert.equal((check.prepare('SELECT count(*) AS n FROM reuse_fingerprints').get() as { n: number }).n, 0, 'old rows dropped');
    check.close();
    const linker = await openReuseLinker(reopened);
    assert.equal(linker.articleCount, 1, 'the linked original is indexed again from its text');
    const stored = new Database(path, { readonly: true });
    const row = stored.prepare('SELECT scheme, length(sentences) AS bytes FROM reuse_fingerprints').get() as { scheme: string; bytes: number };
    stored.close();
    assert.match(row.scheme, /^reuse-fp-2 /);
    assert.ok(row.bytes >= 4 * 8, `one fingerprint per sentence of the original (8 sentences), got ${row.bytes} bytes`);

    await reopened.putArticles([retold]);
    await (await openReuseLinker(reopened)).linkArticles([retold]);
    const links = await reopened.reuse.reuseLinksFor([retold.id]);
    assert.ok(links.filter((l) => l.kind === 'paraphrase').length >= 6, JSON.stringify(links.map((l) => l.kind)));
  } finally {
    await reopened.close();
  }
});
