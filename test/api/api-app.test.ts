import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createApiApp, DEFAULT_API_LIMITS, type ApiOptions } from '../../src/api/api-app.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { buildPipeline, type Pipeline } from '../../src/pipeline.js';
import type { Store } from '../../src/store/store.js';
import { BROWSE_ARTICLES, BRUECKE, FERRY, HAFEN } from './browse-fixture.js';

let sharedPipeline: Promise<Pipeline> | undefined;
const pipeline = () => (sharedPipeline ??= buildPipeline());

async function appWith(options: Partial<ApiOptions> = {}): Promise<{ app: ReturnType<typeof createApiApp>; store: Store }> {
  const store = options.store ?? openSqliteStore(':memory:');
  await store.putArticles(BROWSE_ARTICLES);
  return { app: createApiApp({ ...DEFAULT_API_LIMITS, store, pipeline, webRoot: null, ...options }), store };
}

async function json(response: Response): Promise<any> {
  assert.match(response.headers.get('Content-Type') ?? '', /application\/json/);
  return response.json();
}

test('api: articles list pages with limit and cursor until nextCursor is null', async () => {
  const { app } = await appWith();
  const first = await json(await app.request('/api/articles?limit=2'));
  assert.deepEqual(first.items.map((a: any) => a.id), [HAFEN.id, BRUECKE.id]);
  assert.ok(first.nextCursor);
  const second = await json(await app.request(`/api/articles?limit=2&cursor=${first.nextCursor}`));
  assert.deepEqual(second.items.map((a: any) => a.id), [FERRY.id]);
  assert.equal(second.nextCursor, null);
});

test('api: one article by id prefix carries entities, quotes and occurrences; unknown ids are 404 JSON errors', async () => {
  const { app } = await appWith();
  const article = await json(await app.request(`/api/articles/${HAFEN.id.slice(0, 10)}`));
  assert.equal(article.id, HAFEN.id);
  assert.equal(article.entities.length, 2);
  assert.equal(article.quotes[0].speaker, 'Ilka Sommerfeld');
  assert.equal(article.occurrences.length, 1);
  const missing = await app.request('/api/articles/ffffffffffff');
  assert.equal(missing.status, 404);
  assert.equal((await json(missing)).error.code, 'not-found');
  const tooShort = await app.request('/api/articles/ab');
  assert.equal(tooShort.status, 400);
});

test('api: search finds an inflected German form and narrows by outlet, language, date and entity with facets', async () => {
  const { app } = await appWith();
  // The text says "Hafenanlagen"; the singular must find it.
  const inflected = await json(await app.request('/api/search?q=Hafenanlage'));
  assert.deepEqual(inflected.items.map((h: any) => h.id), [HAFEN.id]);
  assert.ok(inflected.items[0].snippet.highlights.length > 0);

  const byOutlet = await json(await app.request(`/api/search?outlet=${encodeURIComponent('Küstenbote')}`));
  assert.deepEqual(new Set(byOutlet.items.map((h: any) => h.id)), new Set([HAFEN.id, FERRY.id]));
  assert.equal(byOutlet.facets.total, 2);
  assert.deepEqual(byOutlet.facets.languages, [{ name: 'de', count: 1 }, { name: 'en', count: 1 }]);
  assert.deepEqual(byOutlet.facets.sampled, { outletsAndLanguages: 2, entities: 2 });

  const byMonth = await json(await app.request('/api/search?from=2025-03&to=2025-03'));
  assert.deepEqual(new Set(byMonth.items.map((h: any) => h.id)), new Set([HAFEN.id, FERRY.id]));

  const byEntity = await json(await app.request('/api/search?entity=person:ilka-sommerfeld&language=de'));
  assert.deepEqual(new Set(byEntity.items.map((h: any) => h.id)), new Set([HAFEN.id, BRUECKE.id]));
  const facet = new Map(byEntity.facets.entities.map((e: any) => [e.key, e.count]));
  assert.equal(facet.get('place:kellingen'), 2);
  assert.equal(facet.get('person:ilka-sommerfeld'), 2);
});

test('api: every parameter is validated and errors are {error: {code, message}}', async () => {
  const { app } = await appWith();
  for (const url of ['/api/articles?limit=0', '/api/articles?limit=abc', '/api/search?from=März', '/api/entities?type=animal', '/api/articles?unknown=1', '/api/export?format=xml', '/api/quotes?cursor=nonsense', '/api/stories?cursor=x', '/api/reuse?cursor=x', '/api/jobs?cursor=x', '/api/search?story=', '/api/quotes?entity=person%3Ax&role=nobody']) {
    const response = await app.request(url);
    assert.equal(response.status, 400, url);
    const body = await json(response);
    assert.equal(typeof body.error.code, 'string', url);
    assert.ok(body.error.message.length > 0, url);
  }
  const unknownRoute = await app.request('/api/nothing-here');
  assert.equal(unknownRoute.status, 404);
  assert.equal((await json(unknownRoute)).error.code, 'not-found');
});

test('api: entities list by type; one entity has its names, mentions in context, quotes as speaker and articles', async () => {
  const { app } = await appWith();
  const people = await json(await app.request('/api/entities?type=person'));
  assert.deepEqual(people.items.map((e: any) => [e.key, e.name, e.articles]), [['person:ilka-sommerfeld', 'Ilka Sommerfeld', 2]]);
  const unresolved = await json(await app.request('/api/entities?type=organization'));
  assert.equal(unresolved.items[0].key, 'organization:~Nordlinie');

  const entity = await json(await app.request(`/api/entities/${encodeURIComponent('person:ilka-sommerfeld')}`));
  assert.equal(entity.mentions, 2);
  assert.equal(entity.quotes.length, 2);
  const sample = entity.mentionSample[0];
  assert.equal(sample.context.text.slice(sample.context.start, sample.context.end), 'Ilka Sommerfeld');
  assert.deepEqual(new Set(entity.articleRefs.map((a: any) => a.id)), new Set([HAFEN.id, BRUECKE.id]));
  assert.equal((await app.request('/api/entities/person:niemand')).status, 404);
});

test('api: quotes page through every article with a cursor and filter by speaker', async () => {
  const { app } = await appWith();
  const first = await json(await app.request('/api/quotes?limit=1'));
  assert.equal(first.items.length, 1);
  const second = await json(await app.request(`/api/quotes?limit=1&cursor=${first.nextCursor}`));
  assert.notEqual(second.items[0].article.id, first.items[0].article.id);
  assert.equal(second.nextCursor, null);
  const none = await json(await app.request('/api/quotes?speaker=Niemand'));
  assert.deepEqual(none.items, []);
});

test('api: outlets say what they publish; reuse and stories are empty lists until their stages fill them', async () => {
  const { app } = await appWith();
  const outlets = await json(await app.request('/api/outlets'));
  const kuestenbote = outlets.items.find((o: any) => o.name === 'Küstenbote');
  assert.equal(kuestenbote.articles, 2);
  assert.deepEqual(kuestenbote.credits, [{ name: 'dpa', count: 1 }]);
  for (const path of ['/api/reuse', '/api/stories']) {
    const page = await json(await app.request(path));
    assert.deepEqual([page.items, page.nextCursor], [[], null], path);
    assert.equal(typeof page.available, 'boolean', path);
  }
});

test('api: reuse links page through all, or only those touching one article', async () => {
  const { app, store } = await appWith();
  const link = (id: string, a: string, b: string) => ({
    id, kind: 'identical' as const, a: { articleId: a, start: 0, end: 20 }, b: { articleId: b, start: 0, end: 20 }, score: 1,
    direction: { from: a, confidence: 0.9, reasons: ['published earlier'] },
  });
  await store.reuse.putReuseLinks([link('l1', HAFEN.id, BRUECKE.id), link('l2', BRUECKE.id, FERRY.id)]);
  const first = await json(await app.request('/api/reuse?limit=1'));
  assert.deepEqual(first.items.map((l: any) => l.id), ['l1']);
  const second = await json(await app.request(`/api/reuse?limit=1&cursor=${first.nextCursor}`));
  assert.deepEqual([second.items.map((l: any) => l.id), second.nextCursor], [['l2'], null]);
  const ferry = await json(await app.request(`/api/reuse?article=${FERRY.id}`));
  assert.deepEqual(ferry.items.map((l: any) => [l.id, l.direction.from]), [['l2', BRUECKE.id]]);
});

test('api: stories list in pages with their article count; one story carries its articles and a storyline its events', async () => {
  const { app, store } = await appWith();
  const story = (id: string, kind: 'event' | 'storyline', storylineId: string | null, articleIds: string[], dateStart: string) => ({
    id, kind, storylineId, title: `Kellingen ${id}`, dateStart, dateEnd: dateStart, articleIds, summary: [], evidence: { note: 'test' },
  });
  await store.stories.replaceStories(
    [story('event:hafen', 'event', 'line:kellingen', [HAFEN.id], '2025-03-10'), story('event:bruecke', 'event', 'line:kellingen', [BRUECKE.id], '2025-04-02'), story('line:kellingen', 'storyline', null, [HAFEN.id, BRUECKE.id], '2025-03-10')],
    [],
    [],
  );
  const events = await json(await app.request('/api/stories?kind=event&limit=1'));
  assert.equal(events.items.length, 1);
  assert.equal(events.items[0].articleCount, 1);
  assert.equal(events.items[0].evidence, undefined);
  const rest = await json(await app.request(`/api/stories?kind=event&limit=1&cursor=${events.nextCursor}`));
  assert.equal(rest.items.length, 1);
  assert.notEqual(rest.items[0].id, events.items[0].id);
  assert.equal(rest.nextCursor, null);
  const line = await json(await app.request('/api/stories/line:kellingen'));
  assert.deepEqual(new Set(line.articles.map((a: any) => a.outlet)), new Set(['Küstenbote', 'Abendzeitung Nord']));
  assert.deepEqual(new Set(line.events.map((e: any) => e.id)), new Set(['event:hafen', 'event:bruecke']));
  assert.equal((await app.request('/api/stories/event:nichts')).status, 404);
  assert.equal((await app.request('/api/stories?kind=chapter')).status, 400);
});

test('api: export streams every article as JSON Lines', async () => {
  const { app } = await appWith();
  const response = await app.request('/api/export?format=jsonl');
  assert.equal(response.status, 200);
  const lines = (await response.text()).trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(lines.map((l) => l.id), [HAFEN.id, BRUECKE.id, FERRY.id]);
});

test('api: export takes the search filters and keeps the JSON contract', async () => {
  const { app } = await appWith();
  const response = await app.request(`/api/export?format=json&language=en`);
  assert.equal(response.status, 200);
  const exported = JSON.parse(await response.text());
  assert.deepEqual(Object.keys(exported), ['articles', 'entities', 'quotes', 'reuse', 'stories']);
  assert.deepEqual(exported.articles.map((a: { id: string }) => a.id), [FERRY.id]);
  const lines = (await (await app.request(`/api/export?format=jsonl&q=Hafenanlage`)).text()).trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(lines.map((l) => l.id), [HAFEN.id]);
  assert.equal((await app.request('/api/export?format=json&from=gestern')).status, 400);
});

test('api: the OpenAPI document lists every route with parameters generated from the validators', async () => {
  const { app } = await appWith();
  const doc = await json(await app.request('/api/openapi.json'));
  assert.equal(doc.openapi, '3.1.0');
  for (const path of ['/api/articles', '/api/articles/{id}', '/api/articles/{id}/provenance', '/api/search', '/api/entities', '/api/entities/{key}', '/api/quotes', '/api/outlets', '/api/reuse', '/api/stories', '/api/stories/{id}', '/api/ingest', '/api/jobs/{id}', '/api/export']) {
    assert.ok(doc.paths[path], path);
  }
  const searchParams = doc.paths['/api/search'].get.parameters.map((p: any) => p.name);
  assert.deepEqual(searchParams.sort(), ['cursor', 'entity', 'from', 'language', 'limit', 'outlet', 'q', 'story', 'to']);
});

test('api: responses carry a strict Content-Security-Policy and nosniff', async () => {
  const { app } = await appWith();
  const response = await app.request('/api/stats');
  assert.match(response.headers.get('Content-Security-Policy') ?? '', /default-src 'self'/);
  assert.doesNotMatch(response.headers.get('Content-Security-Policy') ?? '', /unsafe-inline/);
  assert.equal(response.headers.get('X-Content-Type-Options'), 'nosniff');
});

test('api: with a token every request needs it, as a Bearer header or the cookie ?token= sets', async () => {
  const { app } = await appWith({ token: 's3cret-token' });
  assert.equal((await app.request('/api/stats')).status, 401);
  assert.equal((await app.request('/api/stats', { headers: { Authorization: 'Bearer wrong' } })).status, 401);
  assert.equal((await app.request('/api/stats', { headers: { Authorization: 'Bearer s3cret-token' } })).status, 200);
  const viaQuery = await app.request('/api/stats?token=s3cret-token');
  assert.equal(viaQuery.status, 200);
  const cookie = viaQuery.headers.get('Set-Cookie') ?? '';
  assert.match(cookie, /HttpOnly/);
  assert.equal((await app.request('/api/articles', { headers: { Cookie: cookie.split(';')[0]! } })).status, 200);
});

test('api: pasted text becomes an ingest job whose progress is polled; empty input is rejected with a reason', async () => {
  const { app, store } = await appWith();
  const text = 'Neue Fähre für Kellingen\n\nDie Reederei Nordlinie stellt im Mai eine neue Fähre in Dienst. Sie soll bis zu 400 Fahrgäste befördern.';
  const started = await app.request('/api/ingest', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ text: [text, '   '] }) });
  assert.equal(started.status, 202);
  const job = await json(started);
  let polled = job;
  for (let i = 0; i < 200 && polled.finishedAt === null; i++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    polled = await json(await app.request(`/api/jobs/${job.id}`));
  }
  assert.equal(polled.status, 'done');
  assert.equal(polled.inputsDone, 2);
  assert.equal(polled.articlesAdded, 1);
  assert.equal(polled.rejected.length, 1);
  assert.match(polled.rejected[0].reason, /whitespace|nothing/);
  assert.notEqual(await store.getArticle(polled.articleIds[0]), null);
  assert.equal((await app.request('/api/jobs/unknown')).status, 404);
});

test('api: ingest refuses bodies over the size limit, unknown content types, and too many requests', async () => {
  const { app } = await appWith({ maxBodyBytes: 1000, ingestRate: { max: 3, windowMs: 60_000 } });
  const big = await app.request('/api/ingest', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ text: 'x'.repeat(5000) }) });
  assert.equal(big.status, 413);
  const wrongType = await app.request('/api/ingest', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'hallo' });
  assert.equal(wrongType.status, 415);
  const empty = await app.request('/api/ingest', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
  assert.equal(empty.status, 400);
  const limited = await app.request('/api/ingest', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
  assert.equal(limited.status, 429);
  assert.ok(Number(limited.headers.get('Retry-After')) > 0);
});

test('api: multipart uploads ingest each file under its name', async () => {
  const { app } = await appWith();
  const form = new FormData();
  form.append('files', new File(['Sturmflut an der Küste\n\nDer Deich bei Kellingen hielt dem Wasser in der Nacht stand.'], 'sturmflut.txt', { type: 'text/plain' }));
  const started = await app.request('/api/ingest', { method: 'POST', body: form });
  assert.equal(started.status, 202);
  const job = await json(started);
  let polled = job;
  for (let i = 0; i < 200 && polled.finishedAt === null; i++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    polled = await json(await app.request(`/api/jobs/${job.id}`));
  }
  assert.equal(polled.articlesAdded, 1);
  const article = await json(await app.request(`/api/articles/${polled.articleIds[0]}`));
  assert.equal(article.origin.path, 'sturmflut.txt');
});

test('api: ingest jobs are listed newest first, a page at a time, with a job that broke and why', async () => {
  const { app } = await appWith({ pipeline: () => Promise.reject(new Error('models missing')) });
  const post = (text: string) => app.request('/api/ingest', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ text }) });
  const first = await json(await post('Erster Text.'));
  const second = await json(await post('Zweiter Text.'));
  for (let i = 0; i < 200 && (await json(await app.request(`/api/jobs/${second.id}`))).finishedAt === null; i++) await new Promise((resolve) => setTimeout(resolve, 20));
  const page = await json(await app.request('/api/jobs?limit=1'));
  assert.deepEqual(page.items.map((j: any) => j.id), [second.id]);
  assert.equal(page.items[0].status, 'failed');
  assert.equal(page.items[0].error, 'models missing');
  const rest = await json(await app.request(`/api/jobs?limit=1&cursor=${page.nextCursor}`));
  assert.deepEqual(rest.items.map((j: any) => j.id), [first.id]);
  assert.equal(rest.nextCursor, null);
});

test('api: search filters by story, quotes by entity, reuse links page by cursor, provenance of an article', async () => {
  const { app, store } = await appWith();
  await store.stories.replaceStories(
    [{ id: 'event:hafen', kind: 'event', storylineId: null, title: 'Hafen', dateStart: null, dateEnd: null, articleIds: [HAFEN.id], summary: [], evidence: {} }],
    [{ articleId: HAFEN.id, eventId: 'event:hafen', eventDay: null, matchedId: null, evidence: null }],
    [],
  );
  const inStory = await json(await app.request('/api/search?story=event%3Ahafen'));
  assert.deepEqual(inStory.items.map((h: any) => h.id), [HAFEN.id]);
  assert.deepEqual(inStory.facets.stories.map((s: any) => [s.id, s.count]), [['event:hafen', 1]]);
  const byEntity = await json(await app.request(`/api/quotes?entity=${encodeURIComponent('person:ilka-sommerfeld')}&limit=1`));
  assert.equal(byEntity.items.length, 1);
  assert.equal(byEntity.items[0].quote.speaker, 'Ilka Sommerfeld');
  assert.equal((await app.request('/api/quotes?role=nobody')).status, 400);
  const link = (id: string, start: number) => ({
    id, kind: 'near-verbatim' as const, a: { articleId: HAFEN.id, start, end: start + 10 }, b: { articleId: BRUECKE.id, start: 0, end: 10 }, score: 0.9,
    direction: { from: BRUECKE.id, confidence: 0.8, reasons: ['published earlier'] },
  });
  await store.reuse.putReuseLinks([link('l1', 0), link('l2', 20)]);
  const firstLinks = await json(await app.request('/api/reuse?limit=1'));
  assert.deepEqual(firstLinks.items.map((l: any) => l.id), ['l1']);
  const nextLinks = await json(await app.request(`/api/reuse?limit=1&cursor=${firstLinks.nextCursor}`));
  assert.deepEqual(nextLinks.items.map((l: any) => l.id), ['l2']);
  assert.equal(nextLinks.nextCursor, null);
  const provenance = await json(await app.request(`/api/articles/${HAFEN.id.slice(0, 8)}/provenance`));
  assert.equal(provenance.outletOf[BRUECKE.id], BRUECKE.outlet);
  assert.ok(provenance.passages.some((p: any) => p.otherArticleId === BRUECKE.id && p.start === 20));
  assert.equal((await app.request('/api/articles/ffffffffffffffff/provenance')).status, 404);
});

test('api: health answers the package version, the schema version and the counts', async () => {
  const { app } = await appWith();
  const health = await json(await app.request('/api/health'));
  const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  assert.equal(health.status, 'ok');
  assert.equal(health.version, version);
  assert.ok(health.schemaVersion >= 14, `schema version ${health.schemaVersion}`);
  assert.deepEqual(health.counts, { articles: BROWSE_ARTICLES.length, occurrences: BROWSE_ARTICLES.length, events: 0, storylines: 0 });
});
