import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeArticle } from '../store/store-contract.js';
import { runCli } from '../cli/store-cli.js';
import type { Article } from '../../src/article.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { Store } from '../../src/store/store.js';
import { loadFeatureTools, updateStories } from '../../src/story/update-stories.js';

const tools = loadFeatureTools();

/** An invented word per number, letters only ("Zettelab"), so every report has words of its own. */
const wordOf = (n: number, stem: string) => stem + [...String(n)].map((d) => 'abcdefghij'[Number(d)]).join('');
const report = (text: string, published: string): Article => makeArticle({ text, published, entities: [], quotes: [], dates: [] });

const SHARED = 'Brand Lagerhalle Feuerwehr Großeinsatz';
const A = report(`${SHARED} Dachstuhl Nordhafen.`, '2025-03-01');
const B = report(`${SHARED} Turnhalle Südstadt.`, '2025-03-01');
const PAIR_STEMS = ['Kiesel', 'Ranke', 'Gatter', 'Sprosse', 'Mulde', 'Zinne', 'Klammer', 'Rinne', 'Halde', 'Scholle', 'Wabe', 'Kufe', 'Lasche', 'Tonne', 'Pfanne', 'Harke', 'Schwelle', 'Kante', 'Spule', 'Riemen'];

async function place(store: Store, articles: Article[]): Promise<void> {
  await store.putArticles(articles);
  await updateStories(store, articles, tools);
}

async function eventOf(store: Store, article: Article): Promise<string> {
  return (await store.stories.storyMembersOf({ articleIds: [article.id], withFeatures: false }))[0]!.eventId;
}

/** A store where A and B joined one event while their shared words were rare. */
async function storeWithEventAB(db: string): Promise<Store> {
  const store = openSqliteStore(db);
  await place(store, Array.from({ length: 100 }, (_, i) => report(`${wordOf(i, 'Zettel')} ${wordOf(i, 'Mappe')} ${wordOf(i, 'Kiste')}.`, '2024-01-10')));
  await place(store, [A]);
  await place(store, [B]);
  assert.equal(await eventOf(store, B), await eventOf(store, A));
  return store;
}

test('an update re-checks the events of its articles\' candidates: an event no article joined splits once its shared words turn common', async () => {
  const store = await storeWithEventAB(':memory:');
  try {
    // Reports of other days carry the shared words; their rarest words are these, so they find A and B as candidates.
    for (let i = 0; i < 6; i++) await place(store, Array.from({ length: 50 }, (_, j) => report(`${SHARED} ${wordOf(i * 50 + j, 'Gasse')}.`, `2023-${String((j % 12) + 1).padStart(2, '0')}-15`)));
    const [a, b] = [await eventOf(store, A), await eventOf(store, B)];
    assert.notEqual(a, b);
    assert.ok((await store.stories.storyChangesOf([a, b])).some((c) => c.kind === 'split' && [a, b].includes(c.from) && [a, b].includes(c.into)), 'the split is recorded');
  } finally {
    await store.close();
  }
});

test('storytrace stories --recheck splits an event whose shared words turned common through reports that never met it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'storytrace-recheck-'));
  const db = join(dir, 'stories.db');
  try {
    const store = await storeWithEventAB(db);
    // Pairs of reports carry the shared words too, but each pair shares twenty rarer words: those are
    // what they look candidates up by, so no update ever weighs A and B again.
    const pairs = Array.from({ length: 300 }, (_, i) =>
      report(`${SHARED} ${PAIR_STEMS.map((stem) => wordOf(Math.floor(i / 2), stem)).join(' ')} ${wordOf(i, 'Gasse')}.`, `2023-${String((i % 12) + 1).padStart(2, '0')}-15`),
    );
    await place(store, pairs);
    const event = await eventOf(store, A);
    assert.equal(await eventOf(store, B), event, 'the updates did not reach the event');
    await store.close();

    const run = runCli(['stories', '--recheck', '--db', db]);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stderr, /re-checked \d+ event\(s\) with today's word weights; 1 part\(s\) split off/);
    const after = openSqliteStore(db);
    try {
      assert.notEqual(await eventOf(after, B), await eventOf(after, A));
      const split = (await after.stories.storyChangesOf([event])).find((c) => c.kind === 'split' && c.from === event);
      assert.ok(split, 'the split is recorded');
      assert.match(split.reason, /no member matches the rest/);
    } finally {
      await after.close();
    }
    const again = runCli(['stories', '--recheck', '--db', db]);
    assert.match(again.stderr, /0 part\(s\) split off/, 'a second check finds nothing more');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
