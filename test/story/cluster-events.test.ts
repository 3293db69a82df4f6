import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { makeArticle } from '../store/store-contract.js';
import type { Article, EntityMention, Quote } from '../../src/article.js';
import { storyFeaturesOf } from '../../src/story/story-features.js';
import { loadFeatureTools, makeDefaultClusterer, storyRecordsOf } from '../../src/story/update-stories.js';
import { summariseEvent } from '../../src/story/summarise-event.js';
import { linkStorylines, storylineEntitiesOf } from '../../src/story/link-storylines.js';
import { emptyCorpusCounts } from '../../src/story/pair-similarity.js';

const tools = loadFeatureTools();

function mention(text: string, article: string, canonical: string, type: EntityMention['type'] = 'person'): EntityMention {
  const start = article.indexOf(text);
  return { text, start, end: start + text.length, type, canonical };
}

function quoteOf(article: string, words: string, speaker: string): Quote {
  const start = article.indexOf(words);
  return { text: words, start, end: start + words.length, kind: 'direct', partial: false, cue: 'sagte', speaker, relayedBy: null, speakerStart: null, speakerEnd: null };
}

function article(text: string, fields: Partial<Article>): Article {
  return makeArticle({ text, ...fields });
}

const HAFEN = 'Die Hafenbehörde von Kiel hat am Montag den Fährverkehr eingestellt. „Die Sturmflut lässt keinen sicheren Betrieb der Fähren zu“, sagte Hafenmeisterin Greta Olsen.';
const HAFEN_KURZ = 'Wegen Sturm ruht in Kiel der Verkehr. „Die Sturmflut lässt keinen sicheren Betrieb der Fähren zu“, sagte Olsen am Montag.';
const WAHL = 'In Görlitz wählen die Bürger am Sonntag einen neuen Oberbürgermeister; Kandidat Jonas Brandt gilt als Favorit.';

test('cluster-events: the same quoted statement by the same speaker puts two differently worded reports in one event', () => {
  const a = article(HAFEN, { published: '2025-03-03', entities: [mention('Greta Olsen', HAFEN, 'person:greta-olsen')], quotes: [quoteOf(HAFEN, 'Die Sturmflut lässt keinen sicheren Betrieb der Fähren zu', 'Greta Olsen')] });
  const b = article(HAFEN_KURZ, { published: '2025-03-03', entities: [mention('Olsen', HAFEN_KURZ, 'person:greta-olsen')], quotes: [quoteOf(HAFEN_KURZ, 'Die Sturmflut lässt keinen sicheren Betrieb der Fähren zu', 'Olsen')] });
  const c = article(WAHL, { published: '2025-03-03', entities: [mention('Jonas Brandt', WAHL, 'person:jonas-brandt')] });
  const clusterer = makeDefaultClusterer();
  const [ma, mb, mc] = clusterer.addArticles([a, b, c].map((x) => storyFeaturesOf(x, tools)));
  assert.equal(mb!.eventId, ma!.eventId);
  assert.deepEqual(mb!.evidence?.statements, ['person:greta-olsen']);
  // The explanation names the statement itself, not only its speaker.
  assert.deepEqual(mb!.evidence?.quotes, [{ speaker: 'person:greta-olsen', text: 'Die Sturmflut lässt keinen sicheren Betrieb der Fähren zu' }]);
  assert.notEqual(mc!.eventId, ma!.eventId);
});

test('cluster-events: a later report that recalls the event stays out of it (event dates, not shared words)', () => {
  const first = article(HAFEN, { published: '2025-03-03', entities: [mention('Greta Olsen', HAFEN, 'person:greta-olsen')] });
  const recall = article(`${HAFEN} Ein Jahr danach zieht die Behörde Bilanz.`, { published: '2026-03-05', entities: [mention('Greta Olsen', HAFEN, 'person:greta-olsen')] });
  const clusterer = makeDefaultClusterer();
  const [m1, m2] = clusterer.addArticles([first, recall].map((x) => storyFeaturesOf(x, tools)));
  assert.notEqual(m2!.eventId, m1!.eventId);
});

test('link-storylines: events sharing two specific core entities form one storyline; countries alone do not link', () => {
  const lines = linkStorylines([
    { id: 'event:b', dateStart: '2022-02-04', core: ['person:a', 'person:b', 'country:CN'] },
    { id: 'event:a', dateStart: '2021-12-07', core: ['person:a', 'person:b'] },
    { id: 'event:c', dateStart: '2022-03-01', core: ['person:a', 'country:CN'] },
  ]);
  const joint = lines.find((l) => l.eventIds.includes('event:a'))!;
  assert.deepEqual(joint.eventIds, ['event:a', 'event:b']);
  assert.equal(lines.length, 2);
});

test('link-storylines: an event links by its core and by what a third of its reports name; a pair of articles by its core alone', () => {
  const named = (...keys: string[]) => new Map(keys.map((k) => [k, 1]));
  // Six reports on a treaty: its negotiators are the core; two reports (a third) name the farmers' leader too.
  const treaty = [
    named('person:brask', 'person:venkov', 'country:VL'),
    named('person:brask', 'person:venkov'),
    named('person:brask', 'person:venkov', 'person:aalberg'),
    named('person:brask', 'person:venkov', 'person:aalberg'),
    named('person:brask', 'person:venkov', 'place:tormund'),
    named('person:brask', 'person:venkov'),
  ];
  assert.deepEqual(storylineEntitiesOf(['person:brask', 'person:venkov', 'country:VL'], treaty), ['person:brask', 'person:venkov', 'person:aalberg']);
  // In a pair, one article's mention is half the members but not a protagonist: only the core links.
  assert.deepEqual(storylineEntitiesOf(['person:aalberg'], [named('person:aalberg', 'person:brask'), named('person:aalberg')]), ['person:aalberg']);
  const lines = linkStorylines([
    { id: 'event:treaty', dateStart: '2025-03-14', core: storylineEntitiesOf(['person:brask', 'person:venkov'], treaty) },
    { id: 'event:protest', dateStart: '2025-03-19', core: ['person:aalberg', 'person:brask'] },
    { id: 'event:flood', dateStart: '2025-03-20', core: ['person:aalberg', 'place:kellbach'] },
  ]);
  assert.deepEqual(lines.find((l) => l.eventIds.includes('event:treaty'))!.eventIds, ['event:treaty', 'event:protest']);
});

test('summarise-event: a sentence copied by two articles is chosen once and linked to both', () => {
  const shared = 'Die Hafenbehörde von Kiel hat am Montag den gesamten Fährverkehr bis auf Weiteres eingestellt.';
  const a = article(`${shared} Die Reedereien bieten Umbuchungen an.`, {});
  const b = article(`${shared} Pendler müssen auf Busse ausweichen, hieß es aus dem Rathaus der Stadt.`, {});
  const summary = summariseEvent([a, b], emptyCorpusCounts(), (x) => storyFeaturesOf(x, tools));
  const copies = summary.filter((s) => s.text === shared);
  assert.equal(copies.length, 1);
  assert.deepEqual([...copies[0]!.articleIds].sort(), [a.id, b.id].sort());
});

const SEEDS = new URL('../../../shared/seeds/', import.meta.url);

test('seeds: 000 and 001 share an event; 004 (December 2021) and the undated 003 (recalling 2022, naming 2023) stay apart, all in one storyline', { skip: existsSync(SEEDS) ? false : 'no ../shared/seeds' }, async () => {
  const { buildPipeline } = await import('../../src/pipeline.js');
  const { readInputs } = await import('../../src/ingest/read-inputs.js');
  const pipeline = await buildPipeline();
  const byFile = new Map<string, Article[]>();
  const paths = readdirSync(SEEDS).filter((n) => n.endsWith('.txt')).map((n) => join(SEEDS.pathname, n));
  for await (const raw of readInputs(paths)) {
    const name = (raw.origin.path ?? '').split('/').at(-1)!.slice(0, 3);
    byFile.set(name, [...(byFile.get(name) ?? []), ...pipeline.run(raw).articles]);
  }
  const clusterer = makeDefaultClusterer();
  clusterer.addArticles([...byFile.values()].flat().map((a) => storyFeaturesOf(a, tools)));
  const eventOf = (name: string) => new Set(byFile.get(name)!.map((a) => clusterer.membershipOf(a.id)!.eventId));
  assert.deepEqual(eventOf('000'), eventOf('001'));
  assert.equal([...eventOf('004')].some((e) => eventOf('001').has(e)), false);
  const records = storyRecordsOf(clusterer, new Map([...byFile.values()].flat().map((a) => [a.id, a])), tools.framing);
  const storylineOf = (name: string) => new Set(records.filter((r) => r.kind === 'event' && eventOf(name).has(r.id)).map((r) => r.storylineId));
  assert.deepEqual(storylineOf('004'), storylineOf('001'));
  assert.equal([...eventOf('003')].some((e) => eventOf('001').has(e) || eventOf('004').has(e)), false);
  assert.deepEqual(storylineOf('003'), storylineOf('001'));
});

test('story features: a tagged name compares by name whatever type the tagger guessed in each article', () => {
  const a = article('Der Pegel der Orla steigt.', { entities: [mention('Orla', 'Der Pegel der Orla steigt.', 'place:orla', 'location')] });
  const b = article('Die Orla führt Hochwasser.', { entities: [mention('Orla', 'Die Orla führt Hochwasser.', 'org:orla', 'organization')] });
  const keysOf = (x: Article) => [...storyFeaturesOf(x, tools).entities.keys()];
  assert.deepEqual(keysOf(a), keysOf(b));
  const person = article('Greta Olsen sprach.', { entities: [mention('Greta Olsen', 'Greta Olsen sprach.', 'person:greta-olsen')] });
  assert.deepEqual(keysOf(person), ['person:greta-olsen'], 'people keep their ids');
});
