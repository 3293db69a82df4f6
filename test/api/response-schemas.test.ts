// Real answers of every documented route checked against the schemas the OpenAPI document is generated from.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createApiApp, DEFAULT_API_LIMITS } from '../../src/api/api-app.js';
import { RESPONSE_SCHEMAS, ROUTES, buildOpenApiDocument } from '../../src/api/openapi.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { buildPipeline } from '../../src/pipeline.js';
import { BROWSE_ARTICLES, BRUECKE, FERRY, HAFEN } from './browse-fixture.js';

async function filledApp() {
  const store = openSqliteStore(':memory:');
  await store.putArticles(BROWSE_ARTICLES);
  const side = (articleId: string) => ({ articleId, start: 0, end: 20 });
  await store.reuse.putReuseLinks([
    { id: 'l1', kind: 'identical', a: side(HAFEN.id), b: side(BRUECKE.id), score: 1, direction: { from: HAFEN.id, confidence: 0.9, reasons: ['published earlier'] } },
    { id: 'l2', kind: 'paraphrase', a: side(BRUECKE.id), b: side(FERRY.id), score: 0.7, direction: { from: null, confidence: 0, reasons: ['same day'] } },
  ]);
  const story = (id: string, kind: 'event' | 'storyline', storylineId: string | null, articleIds: string[]) => ({
    id, kind, storylineId, title: `Kellingen ${id}`, dateStart: '2025-03-10', dateEnd: '2025-03-12', articleIds, summary: [], evidence: {},
  });
  await store.stories.replaceStories(
    [story('event:hafen', 'event', 'line:k', [HAFEN.id, BRUECKE.id]), story('event:faehre', 'event', 'line:k', [FERRY.id]), story('line:k', 'storyline', null, [HAFEN.id, BRUECKE.id, FERRY.id])],
    [],
    [],
  );
  const app = createApiApp({ ...DEFAULT_API_LIMITS, store, pipeline: () => buildPipeline(), webRoot: null });
  return { app, store };
}

test('api answers: every documented JSON route answers what its response schema says', async () => {
  const { app } = await filledApp();
  const job = (await (await app.request('/api/ingest', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ text: 'Der Stadtrat von Kellingen tagte am Dienstag.' }) })).json()) as { id: string };
  const example: Record<string, string> = { id: HAFEN.id, key: 'person:ilka-sommerfeld', name: 'Küstenbote' };
  const concrete: Record<string, Record<string, string>> = { '/api/stories/{id}': { id: 'line:k' }, '/api/stories/{id}/reuse': { id: 'event:hafen' }, '/api/stories/{id}/statements': { id: 'event:hafen' }, '/api/jobs/{id}': { id: job.id } };
  const checked: string[] = [];
  for (const route of ROUTES) {
    const schema = RESPONSE_SCHEMAS[`${route.method} ${route.path}`];
    if (schema === undefined || route.method !== 'get') continue;
    const url = route.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(concrete[route.path]?.[name] ?? example[name]!));
    for (const query of route.path === '/api/stories' ? ['', '?include=coverage'] : ['']) {
      const response = await app.request(url + query);
      assert.equal(response.status, 200, `${url}${query}: ${await response.clone().text()}`);
      const result = schema.safeParse(await response.json());
      assert.ok(result.success, `${url}${query} does not match its schema: ${result.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      checked.push(url + query);
    }
  }
  assert.ok(checked.length >= 17, `only ${checked.length} routes checked`);
});

test('api answers: a schema that disagrees with an answer is caught (a field of the wrong type)', async () => {
  const { app } = await filledApp();
  const stats = (await (await app.request('/api/stats')).json()) as Record<string, unknown>;
  assert.equal(RESPONSE_SCHEMAS['get /api/stats']!.safeParse(stats).success, true);
  assert.equal(RESPONSE_SCHEMAS['get /api/stats']!.safeParse({ ...stats, articles: 'many' }).success, false);
});

test('api answers: the OpenAPI document describes each JSON response body, generated from the schemas', () => {
  const doc = buildOpenApiDocument() as { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: { properties?: Record<string, unknown> } }> }> }>> };
  const stories = doc.paths['/api/stories']!.get!.responses['200']!.content!['application/json']!.schema;
  assert.ok(stories.properties && 'items' in stories.properties && 'nextCursor' in stories.properties);
  const job = doc.paths['/api/ingest']!.post!.responses['202']!.content!['application/json']!.schema;
  assert.ok(job.properties && 'status' in job.properties);
  for (const [key] of Object.entries(RESPONSE_SCHEMAS)) {
    const [method, path] = key.split(' ') as [string, string];
    assert.ok(doc.paths[path]?.[method]?.responses[method === 'post' ? '202' : '200']?.content, `${key} has a documented body`);
  }
});
