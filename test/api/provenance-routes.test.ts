import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createApiApp, DEFAULT_API_LIMITS } from '../../src/api/api-app.js';
import { buildPipeline, type Pipeline } from '../../src/pipeline.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { Quote } from '../../src/article.js';
import type { ReuseLinkRecord } from '../../src/store/reuse-links.js';
import { makeArticle } from '../store/store-contract.js';

let sharedPipeline: Promise<Pipeline> | undefined;
const pipeline = () => (sharedPipeline ??= buildPipeline());

/** An invented wire story: the agency text, one outlet's copy of it, and an unrelated article. */
const STATEMENT = '„Die neue Schleuse am Kellinger Kanal wird im Herbst für Frachtschiffe geöffnet.“';
const WIRE_TEXT = `Das Verkehrsministerium hat den Zeitplan für den Kanal vorgelegt. Ministerin Jana Falk sagte: ${STATEMENT} Die Reedereien begrüßten die Ankündigung.`;
const COPY_TEXT = `Gute Nachricht für die Region. Ministerin Jana Falk sagte: ${STATEMENT} Die Reedereien begrüßten die Ankündigung am Abend.`;
const OTHER_TEXT = 'Der Wochenmarkt in Kellingen zieht ab Mai auf den Hafenplatz um.';

function quoteIn(text: string): Quote {
  const start = text.indexOf(STATEMENT);
  const speakerStart = text.indexOf('Jana Falk');
  return { text: STATEMENT, start, end: start + STATEMENT.length, kind: 'direct', partial: false, cue: 'sagte', speaker: 'Jana Falk', relayedBy: null, speakerStart, speakerEnd: speakerStart + 9 };
}

const WIRE = makeArticle({ title: 'Schleuse öffnet im Herbst', text: WIRE_TEXT, published: '2025-05-02T09:00', outlet: 'Kanaldienst', quotes: [quoteIn(WIRE_TEXT)] });
const COPY = makeArticle({ title: 'Schleuse: Herbst', text: COPY_TEXT, published: '2025-05-02T14:00', outlet: 'Hafenkurier', quotes: [quoteIn(COPY_TEXT)] });
const OTHER = makeArticle({ title: 'Markt zieht um', text: OTHER_TEXT, published: '2025-05-03', outlet: 'Hafenkurier', quotes: [] });

/** The copy takes the quote and the sentence after it from the wire text. */
function copyLink(): ReuseLinkRecord {
  const from = WIRE_TEXT.indexOf('Ministerin');
  const to = COPY_TEXT.indexOf('Ministerin');
  const length = WIRE_TEXT.length - from - 1;
  return {
    id: 'link-wire-copy',
    kind: 'near-verbatim',
    a: { articleId: WIRE.id, start: from, end: from + length },
    b: { articleId: COPY.id, start: to, end: to + length },
    score: 0.95,
    direction: { from: WIRE.id, confidence: 0.9, reasons: ['earlier'] },
  };
}

async function appWithStory() {
  const store = openSqliteStore(':memory:');
  await store.putArticles([WIRE, COPY, OTHER]);
  await store.reuse.putReuseLinks([copyLink()]);
  const story = { kind: 'event' as const, storylineId: null, title: 'Schleuse', dateStart: '2025-05-02', dateEnd: '2025-05-02', summary: [], evidence: {} };
  await store.stories.replaceStories([{ ...story, id: 'event:schleuse', articleIds: [WIRE.id, COPY.id] }, { ...story, id: 'event:markt', articleIds: [OTHER.id] }], [], []);
  return createApiApp({ ...DEFAULT_API_LIMITS, store, pipeline, webRoot: null });
}

test("api: a story's reuse links are those between its own articles, paged", async () => {
  const app = await appWithStory();
  const page = (await (await app.request('/api/stories/event:schleuse/reuse?limit=1')).json()) as any;
  assert.deepEqual(page.items.map((l: any) => l.id), ['link-wire-copy']);
  assert.equal(page.items[0].direction.from, WIRE.id);
  assert.equal(page.nextCursor, null);
  const none = (await (await app.request('/api/stories/event:markt/reuse')).json()) as any;
  assert.deepEqual(none.items, []);
  assert.equal((await app.request('/api/stories/event:nichts/reuse')).status, 404);
});

test("api: a story's statements list each occurrence with its outlet, earliest first", async () => {
  const app = await appWithStory();
  const page = (await (await app.request('/api/stories/event:schleuse/statements')).json()) as any;
  assert.equal(page.items.length, 1);
  const [statement] = page.items;
  assert.equal(statement.speaker, 'Jana Falk');
  assert.deepEqual(statement.occurrences.map((o: any) => o.outlet), ['Kanaldienst', 'Hafenkurier']);
  assert.equal(COPY_TEXT.slice(statement.occurrences[1].start, statement.occurrences[1].end), STATEMENT);
  const none = (await (await app.request('/api/stories/event:markt/statements')).json()) as any;
  assert.deepEqual(none.items, []);
});

test('api: an outlet page says how much of its text it took from which source', async () => {
  const app = await appWithStory();
  const outlet = (await (await app.request(`/api/outlets/${encodeURIComponent('Hafenkurier')}`)).json()) as any;
  assert.equal(outlet.outlet, 'Hafenkurier');
  assert.equal(outlet.articles, 2);
  assert.equal(outlet.chars, COPY_TEXT.length + OTHER_TEXT.length);
  const passage = copyLink().b.end - copyLink().b.start;
  const chars = Object.fromEntries(outlet.sources.map((s: any) => [s.source, s.chars]));
  assert.deepEqual(chars, { Kanaldienst: passage, '(own)': COPY_TEXT.length - passage + OTHER_TEXT.length });
  assert.equal((await app.request('/api/outlets/Niemand')).status, 404);
});

test('api: stories with include=coverage carry their articles per publication day', async () => {
  const app = await appWithStory();
  const page = (await (await app.request('/api/stories?include=coverage')).json()) as any;
  const coverage = Object.fromEntries(page.items.map((s: any) => [s.id, s.coverage]));
  assert.deepEqual(coverage['event:schleuse'], { days: [{ day: '2025-05-02', articles: 2 }], undated: 0, outlets: 2 });
  assert.deepEqual(coverage['event:markt'], { days: [{ day: '2025-05-03', articles: 1 }], undated: 0, outlets: 1 });
  const plain = (await (await app.request('/api/stories')).json()) as any;
  assert.equal(plain.items[0].coverage, undefined);
  assert.equal((await app.request('/api/stories?include=everything')).status, 400);
});
