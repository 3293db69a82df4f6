import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { openReuseLinker } from '../../src/provenance/link-reuse.js';
import { makeArticle } from '../store/store-contract.js';
import type { Store } from '../../src/store/store.js';

const CASE = 'blog-reposts-outlet-with-attribution';
const read = (file: string) => readFileSync(new URL(`../fixtures/provenance/${CASE}/${file}`, import.meta.url), 'utf8');

const ORIGINAL = makeArticle({ text: read('original.txt'), outlet: 'Talbote', published: '2024-05-08T09:00+02:00' });
const COPY = makeArticle({ text: read('copy.txt'), outlet: 'Landfunk Blog', published: '2024-05-08T16:30+02:00' });
const UNRELATED = makeArticle({ text: read('unrelated.txt'), outlet: 'Talbote', published: '2024-05-08T11:00+02:00' });

test('linkArticles links a repost to the stored original, with the original as source, and leaves unrelated text alone', async () => {
  const store = openSqliteStore(':memory:');
  try {
    await store.putArticles([ORIGINAL, UNRELATED]);
    const linker = await openReuseLinker(store);
    assert.equal(linker.articleCount, 0, 'stored but never linked: indexed when they are linked');
    await store.putArticles([COPY]);
    const result = await linker.linkArticles([COPY]);
    assert.equal(result.articlesLinked, 3, 'the two stored before were never linked: they are linked first');
    assert.equal(linker.articleCount, 3);
    const links = await store.reuse.listReuseLinks();
    assert.ok(links.length >= 1, 'the reposted paragraphs are linked');
    for (const link of links) {
      assert.deepEqual([link.a.articleId, link.b.articleId], [COPY.id, ORIGINAL.id]);
      assert.equal(link.direction.from, ORIGINAL.id);
    }
    const passage = links.find((l) => l.kind !== 'paraphrase')!;
    assert.match(COPY.text.slice(passage.a.start, passage.a.end), /Wasserrechte an der Oberen Salm/);
    assert.match(ORIGINAL.text.slice(passage.b.start, passage.b.end), /Wasserrechte an der Oberen Salm/);
    assert.deepEqual(await store.reuse.reuseLinksFor([UNRELATED.id]), []);
  } finally {
    await store.close();
  }
});

test('linking again, in the same run or a new one, adds no link', async () => {
  const store = openSqliteStore(':memory:');
  try {
    const first = await openReuseLinker(store);
    await store.putArticles([ORIGINAL, COPY]);
    const added = (await first.linkArticles([ORIGINAL, COPY])).linksAdded;
    assert.ok(added >= 1);
    assert.equal((await first.linkArticles([ORIGINAL, COPY])).linksAdded, 0);
    const second = await openReuseLinker(store);
    assert.deepEqual(await second.linkArticles([ORIGINAL, COPY]), { articlesLinked: 0, linksAdded: 0, skipped: [] });
    assert.equal((await store.reuse.listReuseLinks()).length, added);
  } finally {
    await store.close();
  }
});

test('a linker opened after the batch was stored still links it; articles stored by a run killed before linking are linked by the next', async () => {
  const store = openSqliteStore(':memory:');
  try {
    await store.putArticles([ORIGINAL, UNRELATED, COPY]);
    const result = await (await openReuseLinker(store)).linkArticles([]);
    assert.equal(result.articlesLinked, 3);
    assert.ok(result.linksAdded >= 1);
    const links = await store.reuse.listReuseLinks();
    assert.ok(links.every((l) => new Set([l.a.articleId, l.b.articleId, COPY.id, ORIGINAL.id]).size === 2));
    assert.deepEqual([...(await store.reuse.linkedArticleIds())].sort(), [ORIGINAL.id, UNRELATED.id, COPY.id].sort());
    assert.equal((await (await openReuseLinker(store)).linkArticles([COPY])).linksAdded, 0);
  } finally {
    await store.close();
  }
});

/** The store, with article reads refused: what a linker opens from must be the stored fingerprints. */
function withoutArticleReads(store: Store): Store {
  return new Proxy(store, {
    get(target, name) {
      if (name === 'listArticles') return () => Promise.reject(new Error('the linker read the stored texts'));
      const value = Reflect.get(target, name, target) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

test('a linker opens from the stored fingerprints, without reading texts, and links a new copy to the stored original', async () => {
  const store = openSqliteStore(':memory:');
  try {
    await store.putArticles([ORIGINAL, UNRELATED]);
    await (await openReuseLinker(store)).linkArticles([]);
    const reopened = await openReuseLinker(withoutArticleReads(store));
    assert.equal(reopened.articleCount, 2);
    await store.putArticles([COPY]);
    assert.ok((await reopened.linkArticles([COPY])).linksAdded >= 1);
    assert.ok((await store.reuse.reuseLinksFor([COPY.id])).every((l) => l.b.articleId === ORIGINAL.id));
  } finally {
    await store.close();
  }
});

test('articles linked before fingerprints were stored are indexed from their texts once, then from the fingerprints', async () => {
  const store = openSqliteStore(':memory:');
  try {
    await store.putArticles([ORIGINAL]);
    await store.reuse.putReuseLinks([], [ORIGINAL.id]); // linked, no fingerprints: a database from before migration 9
    assert.equal((await openReuseLinker(store)).articleCount, 1);
    const reopened = await openReuseLinker(withoutArticleReads(store));
    assert.equal(reopened.articleCount, 1);
    await store.putArticles([COPY]);
    assert.ok((await reopened.linkArticles([COPY])).linksAdded >= 1);
  } finally {
    await store.close();
  }
});

test('empty and over-long texts are skipped with a reason; an article that is one sentence repeated is linked (its speed: bench/reuse-bad-input.bench.mjs)', async () => {
  const store = openSqliteStore(':memory:');
  try {
    const empty = makeArticle({ text: '' });
    const huge = makeArticle({ text: 'Der Gemeinderat tagt am Montag im Bürgerhaus. '.repeat(23_000) });
    const repeated = makeArticle({ text: 'Die Sitzung beginnt um neun Uhr. '.repeat(3000) });
    const linker = await openReuseLinker(store, { maxTextChars: 200_000 });
    await store.putArticles([empty, huge, repeated]);
    const result = await linker.linkArticles([empty, huge, repeated, { ...repeated }]);
    assert.deepEqual(result.skipped.map((s) => s.articleId).sort(), [empty.id, huge.id].sort());
    assert.match(result.skipped.find((s) => s.articleId === huge.id)!.reason, /longer than 200000/);
    assert.equal(result.articlesLinked, 1);
  } finally {
    await store.close();
  }
});
