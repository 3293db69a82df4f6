import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeArticle } from '../store/store-contract.js';
import { runCli } from '../cli/store-cli.js';
import type { Article } from '../../src/article.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { loadFeatureTools, updateStories } from '../../src/story/update-stories.js';

const tools = loadFeatureTools();

/** An invented word per number, letters only ("Zettelab"), so every filler report has words of its own. */
const wordOf = (n: number, stem: string) => stem + [...String(n)].map((d) => 'abcdefghij'[Number(d)]).join('');

function report(text: string, published: string): Article {
  return makeArticle({ text, published, entities: [], quotes: [], dates: [] });
}

const SHARED = 'Brand Lagerhalle Feuerwehr Großeinsatz';

test('storytrace story --json: a split made while ingesting is recorded and listed with the event it left', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'storytrace-story-split-'));
  const db = join(dir, 'stories.db');
  const store = openSqliteStore(db);
  let eventId: string;
  try {
    const place = async (articles: Article[]) => {
      await store.putArticles(articles);
      await updateStories(store, articles, tools);
    };
    // Unrelated reports first, so the words two later reports share are rare when they meet.
    await place(Array.from({ length: 100 }, (_, i) => report(`${wordOf(i, 'Zettel')} ${wordOf(i, 'Mappe')} ${wordOf(i, 'Kiste')}.`, '2024-01-10')));
    const a = report(`${SHARED} Dachstuhl Nordhafen.`, '2025-03-01');
    const b = report(`${SHARED} Turnhalle Südstadt.`, '2025-03-01');
    await place([a]);
    await place([b]);
    const members = async () => new Map((await store.stories.listStoryMembers()).map((m) => [m.articleId, m.eventId]));
    assert.equal((await members()).get(b.id), (await members()).get(a.id));
    // The shared words become everyday words (reports of other days), then a report joins A's part.
    await place(Array.from({ length: 300 }, (_, i) => report(`${SHARED} ${wordOf(i, 'Gasse')}.`, `2023-${String((i % 12) + 1).padStart(2, '0')}-15`)));
    await place([report('Dachstuhl Nordhafen Gutachten.', '2025-03-01')]);
    const after = await members();
    assert.notEqual(after.get(b.id), after.get(a.id));
    // Either part may keep the event (equal parts): the event shown is the one the split left.
    eventId = (await store.stories.listStoryChanges()).find((c) => c.kind === 'split')!.from;
    assert.ok([after.get(a.id), after.get(b.id)].includes(eventId));
  } finally {
    await store.close();
  }
  try {
    const run = runCli(['story', eventId, '--json', '--db', db]);
    assert.equal(run.status, 0, run.stderr);
    const shown = JSON.parse(run.stdout) as { changes: { kind: string; into: string; from: string; reason: string }[] };
    const split = shown.changes.find((c) => c.kind === 'split');
    assert.ok(split, 'the split is listed');
    assert.equal(split.from, eventId);
    const text = runCli(['story', eventId, '--db', db]);
    assert.match(text.stdout, /split off/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
