import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { startApiServer, UnsafeBindError, DEFAULT_PORT } from '../../src/api/serve-api.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { buildPipeline } from '../../src/pipeline.js';

const pipeline = () => buildPipeline();

test('serve: binding beyond loopback without a token is refused before anything listens', async () => {
  const store = openSqliteStore(':memory:');
  await assert.rejects(startApiServer({ store, pipeline, host: '0.0.0.0', port: 0 }), UnsafeBindError);
  await store.close();
});

test('serve: port 0 picks a free port and the server answers over HTTP with the security headers', async () => {
  const store = openSqliteStore(':memory:');
  const server = await startApiServer({ store, pipeline, host: '127.0.0.1', port: 0 });
  try {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    const response = await fetch(`${server.url}api/articles`);
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { items: [], nextCursor: null });
    assert.match(response.headers.get('content-security-policy') ?? '', /script-src 'self'/);
  } finally {
    await server.close();
    await store.close();
  }
});

test('serve: without a port it takes the default, or the next free one when the default is taken', async () => {
  const blocker = createServer();
  const blocked = await new Promise<boolean>((resolve) => {
    blocker.once('error', () => resolve(false));
    blocker.listen(DEFAULT_PORT, '127.0.0.1', () => resolve(true));
  });
  const store = openSqliteStore(':memory:');
  const server = await startApiServer({ store, pipeline, host: '127.0.0.1' });
  try {
    const port = Number(new URL(server.url).port);
    // When something else already held the default port, blocking failed; either way it is not ours.
    assert.ok(port > DEFAULT_PORT && port < DEFAULT_PORT + 20, `port ${port}`);
  } finally {
    await server.close();
    await store.close();
    if (blocked) blocker.close();
  }
});
