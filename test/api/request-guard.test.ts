// The local server against web pages the user visits: rebinding-style reads (a foreign Host name) and
// cross-site form posts (a foreign Origin); the token path for remote use keeps working.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { createApiApp, DEFAULT_API_LIMITS, type ApiOptions } from '../../src/api/api-app.js';
import { hostnameOf } from '../../src/api/request-guard.js';
import { startApiServer } from '../../src/api/serve-api.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';

// No job here should reach the pipeline's work; one that starts fails at once and is still listed.
const pipeline = () => Promise.reject(new Error('no pipeline in this test'));

function appWith(options: Partial<ApiOptions> = {}) {
  return createApiApp({ ...DEFAULT_API_LIMITS, store: openSqliteStore(':memory:'), pipeline, webRoot: null, host: '127.0.0.1', ...options });
}

const ingestText = (headers: Record<string, string>) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json', ...headers },
  body: JSON.stringify({ text: 'Der Stadtrat tagte am Dienstag.' }),
});

async function jobCount(app: ReturnType<typeof createApiApp>, headers: Record<string, string> = {}): Promise<number> {
  const page = (await (await app.request('/api/jobs', { headers })).json()) as { items: unknown[] };
  return page.items.length;
}

test('guard: without a token only loopback Host names and the bound address are served', async () => {
  const app = appWith({ host: '127.0.0.2' });
  for (const host of ['127.0.0.1:4173', 'localhost:4173', 'LOCALHOST', '[::1]:4173', '127.0.0.2:4173', 'localhost.:4173']) {
    assert.equal((await app.request('/api/stories', { headers: { Host: host } })).status, 200, host);
  }
  for (const host of ['evil.example', 'evil.example:4173', '127.0.0.1.evil.example', 'localhost.evil.example:4173', '10.0.0.5:4173']) {
    const response = await app.request('/api/stories', { headers: { Host: host } });
    assert.equal(response.status, 403, host);
    assert.equal(((await response.json()) as { error: { code: string } }).error.code, 'host-not-allowed');
  }
});

test('guard: a rebound name gets neither the data nor the page', async () => {
  const app = appWith();
  assert.equal((await app.request('/api/export?format=json', { headers: { Host: 'rebind.example:4173' } })).status, 403);
  assert.equal((await app.request('/', { headers: { Host: 'rebind.example:4173' } })).status, 403);
});

test('guard: a state-changing request from another origin is refused and ingests nothing', async () => {
  const app = appWith();
  for (const origin of ['http://evil.example', 'http://127.0.0.1:9999', 'null']) {
    const response = await app.request('/api/ingest', ingestText({ Host: '127.0.0.1:4173', Origin: origin }));
    assert.equal(response.status, 403, origin);
    assert.equal(((await response.json()) as { error: { code: string } }).error.code, 'cross-origin');
  }
  // A form post whose browser sent no Origin still says where it came from.
  assert.equal((await app.request('/api/ingest', ingestText({ Host: '127.0.0.1:4173', 'Sec-Fetch-Site': 'cross-site' }))).status, 403);
  assert.equal(await jobCount(app), 0);
});

test('guard: the own page and a client without Origin (curl, scripts) may ingest', async () => {
  const app = appWith();
  assert.equal((await app.request('/api/ingest', ingestText({ Host: '127.0.0.1:4173', Origin: 'http://127.0.0.1:4173', 'Sec-Fetch-Site': 'same-origin' }))).status, 202);
  assert.equal((await app.request('/api/ingest', ingestText({ Host: '127.0.0.1:4173' }))).status, 202);
  assert.equal(await jobCount(app), 2);
});

test('guard: with a token any Host name is served to a client that has it, and foreign origins still cannot post', async () => {
  const app = appWith({ token: 's3cret', host: '0.0.0.0' });
  const bearer = { Authorization: 'Bearer s3cret' };
  assert.equal((await app.request('/api/stories', { headers: { Host: 'news-lab.example:4173', ...bearer } })).status, 200);
  assert.equal((await app.request('/api/stories', { headers: { Host: 'news-lab.example:4173' } })).status, 401);
  const foreign = await app.request('/api/ingest', ingestText({ Host: 'news-lab.example:4173', Origin: 'http://evil.example', ...bearer }));
  assert.equal(foreign.status, 403);
  const own = await app.request('/api/ingest', ingestText({ Host: 'news-lab.example:4173', Origin: 'http://news-lab.example:4173', ...bearer }));
  assert.equal(own.status, 202);
  assert.equal(await jobCount(app, bearer), 1);
});

test('guard: host names are read from Host headers as clients send them', () => {
  assert.equal(hostnameOf('[::1]:4173'), '::1');
  assert.equal(hostnameOf('LocalHost.:80'), 'localhost');
  assert.equal(hostnameOf('127.0.0.1'), '127.0.0.1');
});

test('guard: over real HTTP a foreign Host header is refused and the loopback address answers', async () => {
  const store = openSqliteStore(':memory:');
  const server = await startApiServer({ store, pipeline, host: '127.0.0.1', port: 0 });
  const get = (host: string) =>
    new Promise<number>((resolve, reject) => {
      const url = new URL('api/stories', server.url);
      const req = httpRequest({ host: url.hostname, port: url.port, path: url.pathname, headers: { Host: host } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.once('error', reject);
      req.end();
    });
  try {
    assert.equal(await get('evil.example'), 403);
    assert.equal(await get(new URL(server.url).host), 200);
  } finally {
    await server.close();
    await store.close();
  }
});
