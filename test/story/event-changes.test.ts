import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { StoryFeatures } from '../../src/story/story-features.js';
import { makeDefaultClusterer } from '../../src/story/update-stories.js';

/** Hand-made features: only terms and a day matter here, so the weights are easy to follow. */
function features(articleId: string, terms: readonly string[], eventDay: string): StoryFeatures {
  return {
    articleId,
    language: 'de',
    entities: new Map(),
    entityNames: new Map(),
    terms: new Map(terms.map((t) => [t, 1])),
    termsAsGerman: new Map(),
    numbers: new Set(),
    nameWords: new Map(),
    quotes: [],
    eventDay,
    notBefore: null,
    recalledDays: [],
  };
}

const SHARED = ['brand', 'lagerhall', 'feuerwehr', 'einsatz'];

test('event changes: a link that was telling when the corpus was young splits off once its words turn common; the split is recorded', () => {
  const clusterer = makeDefaultClusterer();
  // A hundred unrelated reports first, so the words A and B share are rare when B arrives.
  clusterer.addArticles(Array.from({ length: 100 }, (_, i) => features(`filler-${i}`, [`wort${i}a`, `wort${i}b`, `wort${i}c`], '2024-01-10')));
  const [a] = clusterer.addArticles([features('a', [...SHARED, 'dachstuhl', 'nordhafen'], '2025-03-01')]);
  const [b] = clusterer.addArticles([features('b', [...SHARED, 'turnhall', 'sudstadt'], '2025-03-01')]);
  assert.equal(b!.eventId, a!.eventId, 'B joins A while the shared words are rare');

  // The shared words become everyday words: three hundred reports of other days carry them.
  clusterer.addArticles(Array.from({ length: 300 }, (_, i) => features(`routine-${i}`, [...SHARED, `ort${i}`], `2023-${String((i % 12) + 1).padStart(2, '0')}-15`)));
  const [c] = clusterer.addArticles([features('c', ['dachstuhl', 'nordhafen', 'gutacht'], '2025-03-01')]);
  assert.equal(c!.eventId, a!.eventId, 'C joins A through what only they share');
  clusterer.splitApart([c!.eventId]);

  const split = clusterer.changes.filter((ch) => ch.kind === 'split');
  assert.equal(split.length, 1);
  assert.equal(split[0]!.from, a!.eventId);
  assert.equal(clusterer.membershipOf('b')!.eventId, split[0]!.into);
  assert.equal(clusterer.membershipOf('b')!.matched, null, 'B starts its own part');
  assert.equal(clusterer.membershipOf('c')!.eventId, a!.eventId);
  assert.match(split[0]!.reason, /now scores/);

  // Stable once split: checking again changes nothing.
  clusterer.splitApart([a!.eventId, split[0]!.into]);
  assert.equal(clusterer.changes.filter((ch) => ch.kind === 'split').length, 1);
});

test('event changes: an event whose links still hold is not split', () => {
  const clusterer = makeDefaultClusterer();
  clusterer.addArticles(Array.from({ length: 50 }, (_, i) => features(`filler-${i}`, [`wort${i}a`, `wort${i}b`], '2024-01-10')));
  const placed = clusterer.addArticles([
    features('a', [...SHARED, 'dachstuhl'], '2025-03-01'),
    features('b', [...SHARED, 'turnhall'], '2025-03-01'),
    features('c', [...SHARED, 'gutacht'], '2025-03-02'),
  ]);
  assert.equal(new Set(placed.map((m) => m.eventId)).size, 1);
  clusterer.splitApart([placed[0]!.eventId]);
  assert.deepEqual(clusterer.changes, []);
});

test('event changes: an article that matches members of two events strongly merges them; the merge and its bridge are kept', () => {
  const clusterer = makeDefaultClusterer();
  clusterer.addArticles(Array.from({ length: 50 }, (_, i) => features(`filler-${i}`, [`wort${i}a`, `wort${i}b`], '2024-01-10')));
  const [a] = clusterer.addArticles([features('a', ['hochwass', 'deich', 'pegel'], '2025-06-02')]);
  const [b] = clusterer.addArticles([features('b', ['sperrung', 'bruck', 'umleitung'], '2025-06-02')]);
  assert.notEqual(b!.eventId, a!.eventId);
  const [bridge] = clusterer.addArticles([features('bridge', ['hochwass', 'deich', 'pegel', 'sperrung', 'bruck', 'umleitung'], '2025-06-02')]);
  const merges = clusterer.changes.filter((ch) => ch.kind === 'merge');
  assert.equal(merges.length, 1);
  assert.equal(clusterer.membershipOf('a')!.eventId, clusterer.membershipOf('b')!.eventId);
  assert.equal(bridge!.bridges.length, 1);
  // The bridge holds the merged event together when it is checked for splits.
  clusterer.splitApart([bridge!.eventId]);
  assert.equal(clusterer.changes.filter((ch) => ch.kind === 'split').length, 0);
});
