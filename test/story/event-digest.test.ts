import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeArticle } from '../store/store-contract.js';
import type { Article, Quote } from '../../src/article.js';
import { compareSources, comparisonOf } from '../../src/story/compare-sources.js';
import { digestEvent, planEventDigest, type EventDigest, type StoredEventDigest } from '../../src/story/event-digest.js';
import { loadFramingLexicon } from '../../src/story/framing-markers.js';
import { emptyCorpusCounts } from '../../src/story/pair-similarity.js';
import { storyFeaturesOf } from '../../src/story/story-features.js';
import { summariseEvent, termCarriers } from '../../src/story/summarise-event.js';
import { loadFeatureTools } from '../../src/story/update-stories.js';

const tools = loadFeatureTools();
const lexicon = loadFramingLexicon();
const counts = emptyCorpusCounts();
const CORE = ['person:ilse-varga', 'place:lauterbach'];

const WIRE = 'Bürgermeisterin Ilse Varga und Landrat Tomas Brenner haben am Dienstag in Lauterbach den Vertrag über die neue Kläranlage des Kreises unterzeichnet.';

function reportOf(outlet: string, published: string | null, text: string, extra: Partial<Article> = {}): Article {
  const entities = [['Ilse Varga', 'person:ilse-varga'], ['Lauterbach', 'place:lauterbach'], ['Tomas Brenner', 'person:tomas-brenner'], ['Kellingen', 'place:kellingen']]
    .filter(([name]) => text.includes(name!))
    .map(([name, canonical]) => ({ text: name!, start: text.indexOf(name!), end: text.indexOf(name!) + name!.length, type: 'person' as const, canonical: canonical! }));
  return makeArticle({ text, outlet, published, title: `${outlet}: Kläranlage`, entities, quotes: [], dates: [], ...extra });
}

function quoteIn(text: string, words: string, speaker: string | null): Quote {
  const start = text.indexOf(words);
  return { text: words, start, end: start + words.length, kind: 'direct', partial: false, cue: null, speaker, speakerId: null, speakerStart: null, speakerEnd: null, relayedBy: null };
}

const QUOTED = `${WIRE} „Das ist ein guter Tag für die Region“, sagte Varga. Die angebliche Einigung über die Gebühren steht noch aus.`;
const ARTICLES: Article[] = [
  reportOf('Talbote', '2025-05-06', QUOTED, { credits: [{ name: 'dpa', kind: 'agency', evidence: '(dpa)' }], quotes: [quoteIn(QUOTED, 'Das ist ein guter Tag für die Region', 'Ilse Varga')] }),
  reportOf('Kreiskurier', '2025-05', `${WIRE} Die Kosten für das Klärwerk liegen bei zwölf Millionen Euro, wie der Kreis am Abend mitteilte.`),
  reportOf('Landesecho', '2025-05-06', `${WIRE} Der Bau soll im Herbst beginnen und zwei Jahre dauern, sagte Brenner nach der Sitzung in Lauterbach.`, { credits: [{ name: 'dpa', kind: 'agency', evidence: 'dpa' }] }),
  reportOf('Talbote', '2025-05-07T08:00:00+02:00', 'Nach der Unterzeichnung in Lauterbach meldete sich auch Kellingen: Der Nachbarort will sich der Kläranlage später anschließen und verhandelt darüber.'),
  reportOf('Heideanzeiger', null, 'Ilse Varga hat am Dienstag mit dem Landrat den Vertrag für die Kläranlage unterschrieben; der mutmaßliche Baubeginn ist der Herbst.'),
];
const byId = new Map(ARTICLES.map((a) => [a.id, a]));
const ids = (list: readonly Article[]) => list.map((a) => a.id);

/** What the store keeps: the digest as JSON, its pool pruned as it would be. */
function stored(digest: EventDigest, members: readonly Article[]): StoredEventDigest {
  const carriers = termCarriers(members.map((a) => storyFeaturesOf(a, tools)));
  const { articleIds, firstTitle, sources, summaryPool } = digest;
  return JSON.parse(JSON.stringify({ articleIds, firstTitle, sources, summaryPool: summaryPool.kept(carriers, counts) }));
}

function digestOf(members: readonly Article[], from: readonly StoredEventDigest[] = []): EventDigest {
  return digestEvent(planEventDigest(ids(members), from), (id) => byId.get(id), lexicon);
}

function assertSameAsAllAtOnce(digest: EventDigest, members: readonly Article[]) {
  assert.deepEqual(comparisonOf(digest.sources, CORE), compareSources(members, CORE, lexicon));
  const carriers = termCarriers(members.map((a) => storyFeaturesOf(a, tools)));
  assert.deepEqual(digest.summaryPool.summary(carriers, counts), summariseEvent(members, counts, (a) => storyFeaturesOf(a, tools)));
  assert.equal(digest.firstTitle, members.find((a) => a.title)?.title ?? null);
}

test('event-digest: an event grown by new members, from its stored digest and their articles only, compares and summarises as if all were read', () => {
  const before = stored(digestOf(ARTICLES.slice(0, 2)), ARTICLES.slice(0, 2));
  const plan = planEventDigest(ids(ARTICLES), [before]);
  assert.deepEqual(plan.uncovered, ids(ARTICLES.slice(2)), 'only the new members are read');
  const read: string[] = [];
  const digest = digestEvent(plan, (id) => {
    read.push(id);
    return byId.get(id);
  }, lexicon);
  assert.deepEqual(read, ids(ARTICLES.slice(2)));
  assertSameAsAllAtOnce(digest, ARTICLES);
  const comparison = comparisonOf(digest.sources, CORE);
  // The pieces a tally has to carry over: the first report, shared wire text, agency credits, quotes, framing.
  assert.equal(comparison.firstReported?.outlet, 'Talbote');
  assert.deepEqual(comparison.sharedTextOutlets, ['Kreiskurier', 'Landesecho', 'Talbote']);
  assert.deepEqual(comparison.agencyDependence.map((a) => a.text), ['2 of 4 outlets credit dpa']);
  assert.deepEqual(comparison.outlets.find((o) => o.outlet === 'Talbote')?.uniqueEntities, ['place:kellingen']);
  assert.deepEqual(comparison.outlets.find((o) => o.outlet === 'Heideanzeiger')?.leftOut, ['place:lauterbach']);
});

test('event-digest: two merged events and a new member in between are taken in event order', () => {
  const [a, b, c, d, e] = ARTICLES as [Article, Article, Article, Article, Article];
  const first = stored(digestOf([a, b]), [a, b]);
  const second = stored(digestOf([d, e]), [d, e]);
  const members = [a, b, c, d, e];
  const plan = planEventDigest(ids(members), [first, second]);
  assert.deepEqual(plan.uncovered, [c.id]);
  assertSameAsAllAtOnce(digestEvent(plan, (id) => byId.get(id), lexicon), members);
});

test('event-digest: a stored digest covering an article the event no longer holds (a split) is not used', () => {
  const [a, b, c] = ARTICLES as [Article, Article, Article];
  const before = stored(digestOf([a, b, c]), [a, b, c]);
  const plan = planEventDigest(ids([a, c]), [before]);
  assert.deepEqual(plan.used, []);
  assert.deepEqual(plan.uncovered, ids([a, c]));
  assertSameAsAllAtOnce(digestEvent(plan, (id) => byId.get(id), lexicon), [a, c]);
});

test('summarise-event: a pool past its cap keeps its best candidates only, the summary\'s first sentence among them', () => {
  const many = Array.from({ length: 60 }, (_, n) =>
    reportOf('Talbote', '2025-05-06', Array.from({ length: 8 }, (_, s) => `Im Ortsteil Nummer ${n} berichteten Anwohner am Abend zum ${s}. Mal über die neue Kläranlage des Kreises.`).join(' ')),
  );
  for (const a of many) byId.set(a.id, a);
  const digest = digestOf(many);
  const carriers = termCarriers(many.map((a) => storyFeaturesOf(a, tools)));
  const kept = digest.summaryPool.kept(carriers, counts);
  assert.ok(kept.length < 480 && kept.length > 0, `kept ${kept.length} of 480`);
  const [first] = digest.summaryPool.summary(carriers, counts);
  assert.ok(kept.some((s) => s.text === first!.text));
});
