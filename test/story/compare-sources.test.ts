import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { makeArticle } from '../store/store-contract.js';
import type { Article } from '../../src/article.js';
import { compareSources } from '../../src/story/compare-sources.js';
import { findFramingMarkers, loadFramingLexicon } from '../../src/story/framing-markers.js';

const lexicon = loadFramingLexicon();
const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../fixtures/story/${name}`, import.meta.url), 'utf8'));

test('compare-sources: agency dependence counts the outlets crediting the agency; first report and copied sentences are named', () => {
  const articles: Article[] = (fixture('agency-dependence/articles.json') as Partial<Article>[]).map((a) => makeArticle(a as Partial<Article> & { text: string }));
  const comparison = compareSources(articles, [], lexicon);
  assert.deepEqual(comparison.agencyDependence.map((a) => a.text), ['2 of 3 outlets credit dpa']);
  assert.equal(comparison.firstReported?.outlet, 'Nordkurier Online');
  assert.deepEqual(comparison.sharedTextOutlets, ['Nordkurier Online', 'Ostseeblick']);
  assert.ok(comparison.outlets.every((o) => o.attributedClaims === 0 && o.unattributedClaims.length === 0));
});

test('framing-markers: hedges, distance and unsupported claims are found with offsets into the text', () => {
  const { text } = fixture('framing-markers-with-offsets/article.json') as { text: string };
  const markers = findFramingMarkers(text, lexicon);
  assert.deepEqual(markers.map((m) => [m.marker, m.kind]), [
    ['angebliche', 'hedge'],
    ['ohne beweise', 'unsupported'],
    ['sogenannte', 'distance'],
    ['mutmaßliche', 'hedge'],
  ]);
  for (const m of markers) assert.equal(text.slice(m.start, m.end).toLowerCase(), m.marker);
});

test('compare-sources: a quoted claim without a speaker is listed with its offsets, one with a speaker is counted', () => {
  const text = '„Die Brücke ist nicht mehr sicher“, heißt es. „Wir sperren sie ab Montag“, sagte Bürgermeister Jonas Brandt.';
  const quote = (words: string, speaker: string | null) => {
    const start = text.indexOf(words);
    return { text: words, start, end: start + words.length, kind: 'direct' as const, partial: false, cue: null, speaker, relayedBy: null, speakerStart: null, speakerEnd: null };
  };
  const article = makeArticle({ text, outlet: 'Heideanzeiger', quotes: [quote('Die Brücke ist nicht mehr sicher', null), quote('Wir sperren sie ab Montag', 'Jonas Brandt')] });
  const [outlet] = compareSources([article], [], lexicon).outlets;
  assert.equal(outlet!.attributedClaims, 1);
  assert.deepEqual(outlet!.unattributedClaims.map((c) => text.slice(c.start, c.end)), ['Die Brücke ist nicht mehr sicher']);
});

test('compare-sources: only a dated day can be first, and instants compare across time zones', () => {
  const articles = [
    makeArticle({ text: 'Die Fähre fährt wieder.', outlet: 'Monatsblatt', published: '2025-03' }),
    makeArticle({ text: 'Die Fähre nach Kellingen fährt wieder.', outlet: 'Hafenbote', published: '2025-03-13T09:00:00+01:00' }),
    makeArticle({ text: 'Kellingens Fähre fährt ab heute wieder.', outlet: 'Inselradio', published: '2025-03-13T07:30:00Z' }),
  ];
  const comparison = compareSources(articles, [], lexicon);
  // "2025-03" sorts first as text but names only the month; 07:30 UTC is half an hour before 09:00 in Berlin
  assert.equal(comparison.firstReported?.outlet, 'Inselradio');
  assert.equal(comparison.outlets.find((o) => o.outlet === 'Monatsblatt')?.firstPublished, '2025-03', 'a month-only outlet keeps its date');
});
