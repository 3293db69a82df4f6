import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeArticle } from '../store/store-contract.js';
import type { Article, EntityMention } from '../../src/article.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { writeJsonExport } from '../../src/export/json-export.js';
import { allArticles } from '../../src/store/all-articles.js';
import { loadFeatureTools, updateStories } from '../../src/story/update-stories.js';

const tools = loadFeatureTools();

function reportOf(text: string, published: string, names: [string, string][]): Article {
  const entities: EntityMention[] = names.map(([name, canonical]) => {
    const start = text.indexOf(name);
    return { text: name, start, end: start + name.length, type: 'person', canonical };
  });
  return makeArticle({ text, published, entities, quotes: [], dates: [] });
}

const ERSTER = reportOf(
  'Bürgermeisterin Ilse Varga und Landrat Tomas Brenner haben am Dienstag in Lauterbach den Vertrag über die neue Kläranlage unterzeichnet. Varga sprach von einem guten Tag für die Region.',
  '2025-05-06',
  [['Ilse Varga', 'person:ilse-varga'], ['Tomas Brenner', 'person:tomas-brenner']],
);
const ZWEITER = reportOf(
  'Der Vertrag über die Kläranlage in Lauterbach ist unterzeichnet: Ilse Varga und Tomas Brenner setzten am Dienstag ihre Unterschrift darunter. Brenner lobte die Einigung.',
  '2025-05-07',
  [['Ilse Varga', 'person:ilse-varga'], ['Tomas Brenner', 'person:tomas-brenner']],
);
const MONATE_SPAETER = reportOf(
  'Ein halbes Jahr nach der Unterzeichnung streiten Ilse Varga und Tomas Brenner über die Kosten der Kläranlage in Lauterbach.',
  '2025-11-12',
  [['Ilse Varga', 'person:ilse-varga'], ['Tomas Brenner', 'person:tomas-brenner']],
);

test('update-stories: an article ingested in a later run joins the event stored before; a later report starts its own event in the same storyline', async () => {
  const store = openSqliteStore(':memory:');
  try {
    await store.putArticles([ERSTER]);
    await updateStories(store, [ERSTER], tools);
    await store.putArticles([ZWEITER, MONATE_SPAETER]);
    await updateStories(store, [ZWEITER, MONATE_SPAETER], tools);
    const members = new Map((await store.stories.listStoryMembers()).map((m) => [m.articleId, m]));
    assert.equal(members.get(ZWEITER.id)?.eventId, members.get(ERSTER.id)?.eventId);
    assert.equal(members.get(ZWEITER.id)?.matchedId, ERSTER.id);
    assert.notEqual(members.get(MONATE_SPAETER.id)?.eventId, members.get(ERSTER.id)?.eventId);
    const events = await store.stories.listStories('event');
    assert.equal(events.length, 2);
    assert.equal(new Set(events.map((e) => e.storylineId)).size, 1);
    const [storyline] = await store.stories.listStories('storyline');
    assert.deepEqual([...storyline!.articleIds].sort(), [ERSTER.id, ZWEITER.id, MONATE_SPAETER.id].sort());

    let json = '';
    await writeJsonExport(allArticles(store), { write: (t) => void (json += t) }, await store.stories.listStories());
    const exported = JSON.parse(json) as { stories: { kind: string; articleIds: string[] }[] };
    const exportedEvent = exported.stories.find((s) => s.kind === 'event' && s.articleIds.includes(ERSTER.id));
    assert.deepEqual([...exportedEvent!.articleIds].sort(), [ERSTER.id, ZWEITER.id].sort());
  } finally {
    await store.close();
  }
});
