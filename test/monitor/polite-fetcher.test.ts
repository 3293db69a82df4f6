import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_POLITENESS, makePoliteFetcher, type PolitenessOptions } from '../../src/monitor/polite-fetcher.js';
import { answer, startFakeHost, status } from './fake-hosts.js';

const LOCAL: PolitenessOptions = {
  ...DEFAULT_POLITENESS,
  perHostDelayMs: 150,
  backoffBaseMs: 200,
  transport: { ...DEFAULT_POLITENESS.transport, timeoutMs: 3000, allowPrivate: true },
};

test('one request at a time per host with the pause between them, while a slow host does not hold up a fast one', async (t) => {
  const slow = await startFakeHost(t, { '/a': answer('<p>langsam</p>', 'text/html', 700), '/b': answer('<p>langsam</p>', 'text/html', 700), '/c': answer('<p>langsam</p>', 'text/html', 700) });
  const fast = await startFakeHost(t, { '/a': answer('<p>schnell</p>'), '/b': answer('<p>schnell</p>'), '/c': answer('<p>schnell</p>') });
  const fetcher = makePoliteFetcher(LOCAL);
  const finished: string[] = [];
  await Promise.all(
    ['/a', '/b', '/c'].flatMap((path) => [slow, fast].map(async (host) => {
      const result = await fetcher.fetch(`${host.base}${path}`);
      assert.equal(result.ok, true);
      finished.push(host === slow ? `slow${path}` : `fast${path}`);
    })),
  );
  assert.equal(slow.maxConcurrent(), 1);
  assert.equal(fast.maxConcurrent(), 1);
  const pages = slow.requests.filter((r) => r.path !== '/robots.txt');
  for (let i = 1; i < pages.length; i++) {
    const gap = pages[i]!.startedAt - pages[i - 1]!.endedAt!;
    assert.ok(gap >= LOCAL.perHostDelayMs - 5, `gap ${gap} ms between requests to one host`);
  }
  assert.deepEqual(finished.slice(0, 3), ['fast/a', 'fast/b', 'fast/c'], 'the fast host finished first');
  assert.equal(slow.count('/robots.txt'), 1, 'robots.txt is read once per host');
});

test('the global limit caps requests under way over all hosts', async (t) => {
  const hosts = await Promise.all([1, 2, 3, 4].map(() => startFakeHost(t, { '/seite': answer('<p>x</p>', 'text/html', 200) })));
  let underWay = 0;
  let most = 0;
  for (const host of hosts) {
    host.routes.set('/seite', async (_req, res) => {
      underWay += 1;
      most = Math.max(most, underWay);
      await new Promise((r) => setTimeout(r, 200));
      underWay -= 1;
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<p>x</p>');
    });
  }
  const fetcher = makePoliteFetcher({ ...LOCAL, maxConcurrent: 2 });
  await Promise.all(hosts.map((host) => fetcher.fetch(`${host.base}/seite`)));
  assert.equal(most, 2);
});

test('a path robots.txt forbids is never requested; the reason names the rule', async (t) => {
  const host = await startFakeHost(t, {
    '/robots.txt': answer('User-agent: *\nDisallow: /intern/\n', 'text/plain'),
    '/intern/geheim': answer('<p>geheim</p>'),
    '/oeffentlich': answer('<p>offen</p>'),
  });
  const fetcher = makePoliteFetcher(LOCAL);
  const refused = await fetcher.fetch(`${host.base}/intern/geheim`);
  assert.equal(refused.ok, false);
  if (!refused.ok) {
    assert.equal(refused.rule, 'robots-disallowed');
    assert.equal(refused.transient, false);
    assert.match(refused.reason, /robots\.txt forbids \/intern\/geheim/);
  }
  assert.equal((await fetcher.fetch(`${host.base}/oeffentlich`)).ok, true);
  assert.equal(host.count('/intern/geheim'), 0);
  assert.equal(host.count('/robots.txt'), 1);
});

test('a robots.txt that cannot be read (HTTP 500) keeps the whole site unfetched for now', async (t) => {
  const host = await startFakeHost(t, { '/robots.txt': status(500), '/seite': answer('<p>x</p>') });
  const result = await makePoliteFetcher(LOCAL).fetch(`${host.base}/seite`);
  assert.equal(result.ok, false);
  if (!result.ok) {
    assert.equal(result.rule, 'robots-unreachable');
    assert.equal(result.transient, true);
    assert.ok(result.retryAt! > Date.now());
  }
  assert.equal(host.count('/seite'), 0);
});

test('429 with Retry-After holds the host back for as long as it asked', async (t) => {
  let calls = 0;
  const host = await startFakeHost(t, {
    '/seite': (_req, res) => {
      calls += 1;
      if (calls === 1) {
        res.writeHead(429, { 'retry-after': '1' });
        res.end();
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<p>jetzt</p>');
    },
  });
  const fetcher = makePoliteFetcher(LOCAL);
  const first = await fetcher.fetch(`${host.base}/seite`);
  assert.equal(first.ok, false);
  if (!first.ok) {
    assert.equal(first.status, 429);
    assert.equal(first.transient, true);
    assert.ok(first.retryAt! - Date.now() > 800, 'retry in about a second');
  }
  assert.ok(fetcher.readyAt(`${host.base}/anderes`) - Date.now() > 800, 'the whole host waits');
  const second = await fetcher.fetch(`${host.base}/seite`);
  assert.equal(second.ok, true);
  const [a, b] = host.requests.filter((r) => r.path === '/seite');
  assert.ok(b!.startedAt - a!.endedAt! >= 950, `asked again after ${b!.startedAt - a!.endedAt!} ms`);
});

test('a failing host backs off exponentially; a success clears it', async (t) => {
  let failing = true;
  const host = await startFakeHost(t, {
    '/seite': (_req, res) => {
      res.writeHead(failing ? 503 : 200, { 'content-type': 'text/html' });
      res.end('<p>x</p>');
    },
  });
  const fetcher = makePoliteFetcher(LOCAL);
  const waits: number[] = [];
  for (let i = 0; i < 3; i++) {
    const result = await fetcher.fetch(`${host.base}/seite`);
    assert.equal(result.ok, false);
    if (!result.ok) waits.push(result.retryAt! - Date.now());
  }
  assert.ok(waits[0]! > 150 && waits[0]! <= 200, `first wait ${waits[0]}`);
  assert.ok(waits[1]! > 350 && waits[1]! <= 400, `second wait ${waits[1]}`);
  assert.ok(waits[2]! > 750 && waits[2]! <= 800, `third wait ${waits[2]}`);
  failing = false;
  assert.equal((await fetcher.fetch(`${host.base}/seite`)).ok, true);
  failing = true;
  const after = await fetcher.fetch(`${host.base}/seite`);
  if (!after.ok) assert.ok(after.retryAt! - Date.now() <= 200, 'back to the first step');
});

test('a 404 is final, not retried', async (t) => {
  const host = await startFakeHost(t);
  const result = await makePoliteFetcher(LOCAL).fetch(`${host.base}/weg`);
  assert.equal(result.ok, false);
  if (!result.ok) {
    assert.equal(result.status, 404);
    assert.equal(result.transient, false);
  }
});

test('redirects are followed hop by hop, each at its own host and under its robots.txt', async (t) => {
  const target = await startFakeHost(t, {
    '/robots.txt': answer('User-agent: storytrace\nDisallow: /gesperrt\n', 'text/plain'),
    '/neu': answer('<p>angekommen</p>'),
  });
  const origin = await startFakeHost(t, {
    '/alt': status(301, { location: `${target.base}/neu` }),
    '/umweg': status(302, { location: `${target.base}/gesperrt` }),
  });
  const fetcher = makePoliteFetcher(LOCAL);
  const moved = await fetcher.fetch(`${origin.base}/alt`);
  assert.equal(moved.ok, true);
  if (moved.ok) {
    assert.equal(moved.url, `${target.base}/neu`);
    assert.deepEqual(moved.redirectedFrom, [`${origin.base}/alt`]);
  }
  const refused = await fetcher.fetch(`${origin.base}/umweg`);
  assert.equal(refused.ok, false);
  if (!refused.ok) assert.equal(refused.rule, 'robots-disallowed');
  assert.equal(target.count('/gesperrt'), 0);
});

test('validators go out as a conditional GET and a 304 comes back as not modified', async (t) => {
  const host = await startFakeHost(t, {
    '/feed': (req, res) => {
      if (req.headers['if-none-match'] === '"v7"') {
        res.writeHead(304);
        res.end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v7"' });
      res.end('<rss version="2.0"><channel></channel></rss>');
    },
  });
  const fetcher = makePoliteFetcher(LOCAL);
  const first = await fetcher.fetch(`${host.base}/feed`);
  assert.ok(first.ok && !first.notModified);
  const second = await fetcher.fetch(`${host.base}/feed`, { cached: first.ok ? first.validators : {} });
  assert.ok(second.ok && second.notModified);
});

test('stopping abandons requests still waiting for their turn', async (t) => {
  const host = await startFakeHost(t, { '/seite': answer('<p>x</p>') });
  const fetcher = makePoliteFetcher({ ...LOCAL, perHostDelayMs: 60_000 });
  assert.equal((await fetcher.fetch(`${host.base}/seite`)).ok, true);
  const stop = new AbortController();
  const started = Date.now();
  const waiting = fetcher.fetch(`${host.base}/seite`, { signal: stop.signal });
  setTimeout(() => stop.abort(), 50);
  const result = await waiting;
  assert.equal(result.ok, false);
  if (!result.ok) assert.equal(result.rule, 'stopped');
  assert.ok(Date.now() - started < 2000);
});
