import { test } from 'node:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import assert from 'node:assert/strict';
import { makeArticle } from '../store/store-contract.js';
import type { Article, EntityMention } from '../../src/article.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { writeJsonExport } from '../../src/export/json-export.js';
import { allArticles } from '../../src/store/all-articles.js';
import { loadFeatureTools, makeDefaultClusterer, recheckedCandidateEvents, updateStories } from '../../src/story/update-stories.js';
import { storyFeaturesOf } from '../../src/story/story-features.js';

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
    await writeJsonExport(allArticles(store), {
        write: (t) => {
          json += t;
        },
      }, await store.stories.listStories());
    const exported = JSON.parse(json) as { stories: { kind: string; articleIds: string[] }[] };
    const exportedEvent = exported.stories.find((s) => s.kind === 'event' && s.articleIds.includes(ERSTER.id));
    assert.deepEqual([...exportedEvent!.articleIds].sort(), [ERSTER.id, ZWEITER.id].sort());
  } finally {
    await store.close();
  }
});

/** Invented reports: three happenings in one town, some on the same days, plus one about the first weeks later. */
const REPORTS: Article[] = [
  reportOf('In Lauterbach hat am Dienstag ein Brand die Lagerhalle der Firma Kessler zerstört. Feuerwehrchef Paul Wendler sprach von einem Großeinsatz mit 80 Kräften.', '2025-05-06', [['Paul Wendler', 'person:paul-wendler']]),
  reportOf('Der Stadtrat von Lauterbach hat am Dienstag den Haushalt für 2026 beschlossen. Kämmerin Frieda Holt nannte die Lage angespannt, die Schulden steigen auf 41 Millionen.', '2025-05-06', [['Frieda Holt', 'person:frieda-holt']]),
  reportOf('Großeinsatz in Lauterbach: Die Lagerhalle der Firma Kessler ist abgebrannt. Paul Wendler, Chef der Feuerwehr, schätzt den Schaden auf zwei Millionen Euro.', '2025-05-07', [['Paul Wendler', 'person:paul-wendler']]),
  reportOf('Lauterbach beschließt den Haushalt 2026: Frieda Holt warnt vor steigenden Schulden von 41 Millionen Euro, der Stadtrat stimmte mit knapper Mehrheit zu.', '2025-05-07', [['Frieda Holt', 'person:frieda-holt']]),
  reportOf('Beim Stadtlauf in Lauterbach sind am Sonntag 1200 Läuferinnen und Läufer gestartet. Siegerin Leonie Brink lief die zehn Kilometer in 34 Minuten.', '2025-05-11', [['Leonie Brink', 'person:leonie-brink']]),
  reportOf('Feuer bei Kessler in Lauterbach: Die Brandursache war ein Defekt an einer Photovoltaikanlage, sagte Feuerwehrchef Paul Wendler am Donnerstag.', '2025-05-08', [['Paul Wendler', 'person:paul-wendler']]),
  reportOf('Leonie Brink gewinnt den Stadtlauf in Lauterbach. 1200 Starterinnen und Starter liefen am Sonntag durch die Altstadt, Brink brauchte 34 Minuten.', '2025-05-11', [['Leonie Brink', 'person:leonie-brink']]),
  reportOf('Drei Monate nach dem Brand baut die Firma Kessler in Lauterbach ihre Lagerhalle wieder auf. Paul Wendler lobte den Brandschutz des Neubaus.', '2025-08-20', [['Paul Wendler', 'person:paul-wendler']]),
];

test('update-stories: placing articles one by one through the store decides as the clusterer holding everything in memory does', async () => {
  const inMemory = makeDefaultClusterer();
  for (const report of REPORTS) inMemory.addArticles([storyFeaturesOf(report, tools)]);
  const store = openSqliteStore(':memory:');
  try {
    for (const report of REPORTS) {
      await store.putArticles([report]);
      await updateStories(store, [report], tools);
    }
    const stored = new Map((await store.stories.listStoryMembers()).map((m) => [m.articleId, m]));
    for (const report of REPORTS) {
      assert.equal(stored.get(report.id)?.eventId, inMemory.membershipOf(report.id)?.eventId);
      assert.equal(stored.get(report.id)?.matchedId, inMemory.membershipOf(report.id)?.matched);
    }
    // The invented happenings come out as planted: fire (three reports), budget (two), run (two), rebuilding (one).
    const eventOf = (i: number) => stored.get(REPORTS[i]!.id)!.eventId;
    assert.deepEqual([eventOf(2), eventOf(5)], [eventOf(0), eventOf(0)]);
    assert.equal(eventOf(3), eventOf(1));
    assert.equal(eventOf(6), eventOf(4));
    assert.equal(new Set(REPORTS.map((_, i) => eventOf(i))).size, 4);
    const events = await store.stories.listStories('event');
    assert.deepEqual(events.map((e) => e.articleIds.length).sort(), [1, 2, 2, 3]);
    // Each stored event explains every member: the match and what they share.
    const fire = events.find((e) => e.id === eventOf(0))!;
    const members = (fire.evidence as { members: { articleId: string; matched: string | null; shared: { entities: string[] } | null }[] }).members;
    assert.equal(members.length, 3);
    for (const m of members.filter((x) => x.matched !== null)) assert.ok(m.shared!.entities.includes('person:paul-wendler'));
  } finally {
    await store.close();
  }
});

test('update-stories: a store whose stories predate the story index gets the index built from its articles, and the next article is placed against it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'storytrace-story-index-'));
  const path = join(dir, 'old.db');
  const store = openSqliteStore(path);
  try {
    await store.putArticles(REPORTS.slice(0, 4));
    await updateStories(store, REPORTS.slice(0, 4), tools);
    const before = new Map((await store.stories.listStoryMembers()).map((m) => [m.articleId, m.eventId]));
    // As a database migrated from before the index: memberships and stories, no counts, postings or features.
    const other = new Database(path);
    other.exec('DELETE FROM story_counts; DELETE FROM story_postings; DELETE FROM story_event_cores; UPDATE story_members SET features_json = NULL');
    other.close();
    assert.equal(await store.stories.storyIndexMissing(), true);
    await store.putArticles([REPORTS[5]!]);
    await updateStories(store, [REPORTS[5]!], tools);
    assert.equal(await store.stories.storyIndexMissing(), false);
    const after = new Map((await store.stories.listStoryMembers()).map((m) => [m.articleId, m.eventId]));
    for (const [id, eventId] of before) assert.equal(after.get(id), eventId);
    assert.equal(after.get(REPORTS[5]!.id), after.get(REPORTS[0]!.id));
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('update-stories: a single added article re-checks candidate events of 20 members in all (deliberate: was two of up to 40); a batch still two of up to 40', () => {
  const sizeOf = new Map([['e:12', 12], ['e:30', 30], ['e:6', 6], ['e:40', 40], ['e:41', 41]]);
  const inOrder = ['e:12', 'e:30', 'e:6', 'e:40', 'e:41'];
  assert.deepEqual(recheckedCandidateEvents(inOrder, sizeOf, 1), ['e:12', 'e:6'], 'the 30-member event does not fit what 12 leave of 20');
  assert.deepEqual(recheckedCandidateEvents(['e:41', 'e:30'], sizeOf, 1), [], 'neither fits a single article\'s budget');
  assert.deepEqual(recheckedCandidateEvents(inOrder, sizeOf, 50), ['e:12', 'e:30'], 'a batch takes the first two events of at most 40 members');
  assert.deepEqual(recheckedCandidateEvents(['e:41', 'e:40'], sizeOf, 50), ['e:40'], 'an event over 40 members is never re-checked as a candidate\'s');
  assert.deepEqual(recheckedCandidateEvents(inOrder, sizeOf, 0), [], 'an update without new articles has no candidates\' events to re-check');
});
