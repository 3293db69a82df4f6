import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { watchFeeds } from '../../src/ingest/watch-feeds.js';
import { DEFAULT_READ_OPTIONS } from '../../src/ingest/read-inputs.js';

function rss(items: [guid: string, title: string][]): string {
  const body = items.map(([guid, title]) => `<item><guid>${guid}</guid><title>${title}</title><description>&lt;p&gt;${title}: Meldung aus dem Rathaus.&lt;/p&gt;</description></item>`).join('');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Rathausticker</title>${body}</channel></rss>`;
}

test('each round hands on only items not seen before; a feed that fails is reported every round', async (t) => {
  let polls = 0;
  const server = createServer((request, response) => {
    if (request.url === '/kaputt') {
      response.writeHead(500);
      response.end();
      return;
    }
    polls += 1;
    const items: [string, string][] = [['r-1', 'Haushalt beschlossen'], ['r-2', 'Ampel repariert']];
    if (polls >= 2) items.unshift(['r-3', 'Neuer Kreisel']);
    response.writeHead(200, { 'content-type': 'application/rss+xml' });
    response.end(rss(items));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => server.close());
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const stop = new AbortController();
  const rounds: { round: number; records: (string | null)[]; failed: string[] }[] = [];
  const watcher = watchFeeds([`${base}/ticker`, `${base}/kaputt`], {
    everyMs: 20,
    read: { ...DEFAULT_READ_OPTIONS, allowPrivate: true, timeoutMs: 2000 },
    signal: stop.signal,
  });
  for await (const { round, documents } of watcher) {
    rounds.push({
      round,
      records: documents.filter((d) => d.messages.length === 0).map((d) => d.origin.record),
      failed: documents.flatMap((d) => d.messages.filter((m) => m.severity === 'fatal').map((m) => m.rule)),
    });
    if (round === 3) stop.abort();
  }
  assert.deepEqual(rounds, [
    { round: 1, records: ['r-1', 'r-2'], failed: ['http-status'] },
    { round: 2, records: ['r-3'], failed: ['http-status'] },
    { round: 3, records: [], failed: ['http-status'] },
  ]);
});

test('stopping during the pause ends the watcher at once', async (t) => {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/rss+xml' });
    response.end(rss([['a', 'Eins']]));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => server.close());
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed`;
  const stop = new AbortController();
  const started = Date.now();
  let rounds = 0;
  for await (const _round of watchFeeds([url], { everyMs: 60_000, read: { ...DEFAULT_READ_OPTIONS, allowPrivate: true }, signal: stop.signal })) {
    rounds += 1;
    setTimeout(() => stop.abort(), 50);
  }
  assert.equal(rounds, 1);
  assert.ok(Date.now() - started < 5000, 'did not wait out the 60 s pause');
});

test('an unchanged feed is asked for with its ETag and costs a 304, not a download', async (t) => {
  const answers: number[] = [];
  const server = createServer((request, response) => {
    if (request.headers['if-none-match'] === '"v1"') {
      answers.push(304);
      response.writeHead(304);
      response.end();
      return;
    }
    answers.push(200);
    response.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"' });
    response.end(rss([['e-1', 'Brunnen saniert']]));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => server.close());
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed`;
  const stop = new AbortController();
  const counts: number[] = [];
  for await (const { round, documents } of watchFeeds([url], { everyMs: 10, read: { ...DEFAULT_READ_OPTIONS, allowPrivate: true }, signal: stop.signal })) {
    counts.push(documents.length);
    if (round === 3) stop.abort();
  }
  assert.deepEqual(answers, [200, 304, 304]);
  assert.deepEqual(counts, [1, 0, 0]);
});
