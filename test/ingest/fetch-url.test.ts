import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LookupAddress } from 'node:dns';
import { buildPrivateRanges, fetchUrl, makeCheckedLookup, USER_AGENT, type FetchOptions } from '../../src/ingest/fetch-url.js';
import { readInputs, type ReadOptions } from '../../src/ingest/read-inputs.js';
import type { RawDocument } from '../../src/article.js';

const RSS = `<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><title>Hafenkurier</title>
<item><title>Kran montiert</title><link>https://hafenkurier.example/kran</link><guid>hk-1</guid><description>&lt;p&gt;Der neue Kran steht.&lt;/p&gt;</description></item>
<item><title>Lotsen streiken nicht</title><link>https://hafenkurier.example/lotsen</link><guid>hk-2</guid><description>&lt;p&gt;Einigung in letzter Minute.&lt;/p&gt;</description></item>
</channel></rss>`;

let server: Server;
let base: string;
const seenUserAgents: string[] = [];

before(async () => {
  server = createServer((request, response) => {
    seenUserAgents.push(request.headers['user-agent'] ?? '');
    const path = request.url ?? '/';
    if (path === '/artikel') {
      response.writeHead(200, { 'content-type': 'text/html; charset=iso-8859-1' });
      response.end(Buffer.from('<html><body><p>Schleuse geöffnet.</p></body></html>', 'latin1'));
    } else if (path === '/umleitung') {
      response.writeHead(302, { location: '/artikel' });
      response.end();
    } else if (path.startsWith('/schleife')) {
      response.writeHead(301, { location: `/schleife${path.length}` });
      response.end();
    } else if (path === '/feed') {
      response.writeHead(200, { 'content-type': 'application/rss+xml' });
      response.end(Buffer.from(RSS, 'latin1'));
    } else if (path === '/feed-als-html') {
      response.writeHead(200, { 'content-type': 'text/html' }); // misconfigured server: the bytes say RSS
      response.end(RSS);
    } else if (path === '/riesig') {
      response.writeHead(200, { 'content-type': 'text/html' }); // no Content-Length: the cap must hold while streaming
      const chunk = Buffer.alloc(64 * 1024, 0x61);
      let sent = 0;
      const pump = () => {
        while (sent < 40 && response.write(chunk)) sent += 1;
        if (sent < 40) response.once('drain', () => { sent += 1; pump(); });
        else response.end();
      };
      pump();
    } else if (path === '/langsam') {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.write('<p>Anfang'); // and never the rest
    } else if (path === '/stumm') {
      // no answer at all
    } else {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('nicht gefunden');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(() => {
  server.closeAllConnections();
  server.close();
});

const LOCAL: FetchOptions = { timeoutMs: 2000, maxBytes: 1024 * 1024, maxRedirects: 5, allowPrivate: true };

async function readAll(specs: string[], options: Partial<ReadOptions>): Promise<RawDocument[]> {
  const docs: RawDocument[] = [];
  for await (const doc of readInputs(specs, options)) docs.push(doc);
  return docs;
}

test('a page is fetched with an honest User-Agent; the Content-Type charset becomes a hint', async () => {
  const docs = await readAll([`${base}/artikel`], { allowPrivate: true });
  assert.equal(docs.length, 1);
  const doc = docs[0]!;
  assert.equal(doc.format, 'html');
  assert.deepEqual(doc.origin, { path: null, url: `${base}/artikel`, record: null, segment: null });
  assert.equal(doc.hints.charset, 'iso-8859-1');
  assert.equal(doc.label, `${base}/artikel`);
  assert.ok(seenUserAgents.includes(USER_AGENT));
});

test('redirects are followed by hand and the final URL is the origin', async () => {
  const docs = await readAll([`${base}/umleitung`], { allowPrivate: true });
  assert.equal(docs[0]!.origin.url, `${base}/artikel`);
  assert.equal(docs[0]!.label, `${base}/umleitung`);
});

test('a redirect loop stops at the limit with a clear reason', async () => {
  const result = await fetchUrl(`${base}/schleife`, { ...LOCAL, maxRedirects: 3 });
  assert.equal(result.ok, false);
  if (!result.ok) {
    assert.equal(result.rule, 'too-many-redirects');
    assert.match(result.reason, /more than 3 redirects/);
  }
});

test('a feed at a URL is recognised by its Content-Type, and by its bytes when the type lies', async () => {
  for (const path of ['/feed', '/feed-als-html']) {
    const docs = await readAll([`${base}${path}`], { allowPrivate: true });
    assert.deepEqual(docs.map((d) => [d.origin.record, d.origin.url]), [['hk-1', 'https://hafenkurier.example/kran'], ['hk-2', 'https://hafenkurier.example/lotsen']], path);
    assert.equal(docs[0]!.label, `${base}${path}, item 1`);
  }
});

test('a body over the size cap is cut off while streaming', async () => {
  const result = await fetchUrl(`${base}/riesig`, { ...LOCAL, maxBytes: 256 * 1024 });
  assert.equal(result.ok, false);
  if (!result.ok) assert.equal(result.rule, 'too-large');
});

test('a server that never answers, or stops halfway, times out with one line', async () => {
  for (const path of ['/stumm', '/langsam']) {
    const started = Date.now();
    const docs = await readAll([`${base}${path}`], { allowPrivate: true, timeoutMs: 300 });
    assert.equal(docs.length, 1);
    assert.equal(docs[0]!.messages[0]!.rule, 'timeout', path);
    assert.match(docs[0]!.messages[0]!.reason, /within 0\.3 s/);
    assert.ok(Date.now() - started < 1500, `${path} took ${Date.now() - started} ms`);
  }
});

test('HTTP errors are named with their status', async () => {
  const docs = await readAll([`${base}/gibtsnicht`], { allowPrivate: true });
  assert.equal(docs[0]!.messages[0]!.rule, 'http-status');
  assert.match(docs[0]!.messages[0]!.reason, /^HTTP 404 Not Found/);
});

test('loopback and private addresses are refused unless allowed, by IP and by name', async () => {
  const port = new URL(base).port;
  for (const url of [`${base}/artikel`, `http://localhost:${port}/artikel`, `http://[::1]:${port}/artikel`, 'http://169.254.169.254/latest/meta-data/', 'http://10.1.2.3/']) {
    const result = await fetchUrl(url, { ...LOCAL, allowPrivate: false });
    assert.equal(result.ok, false, url);
    if (!result.ok) {
      assert.equal(result.rule, 'private-address', url);
      assert.match(result.reason, /--allow-private/);
    }
  }
});

test('only http and https are fetched', async () => {
  const result = await fetchUrl('file:///etc/passwd', LOCAL);
  assert.equal(result.ok, false);
  if (!result.ok) assert.equal(result.rule, 'bad-url');
});

test('the connection lookup refuses a name that resolves to a private address when connecting (DNS rebinding)', async () => {
  // the first answer (checked before connecting) was public; the one the socket gets is loopback
  const rebinding = (_host: string, _options: unknown, callback: (e: NodeJS.ErrnoException | null, a: LookupAddress[]) => void) =>
    callback(null, [{ address: '93.184.216.34', family: 4 }, { address: '127.0.0.1', family: 4 }]);
  const lookup = makeCheckedLookup(buildPrivateRanges(), rebinding);
  const outcome = await new Promise<{ error: NodeJS.ErrnoException | null; address: unknown }>((resolve) =>
    lookup('news.example', { all: true }, (error, address) => resolve({ error, address })),
  );
  assert.match(outcome.error?.message ?? '', /news\.example resolved to 127\.0\.0\.1 when connecting.*refused/);
});

test('the connection lookup passes public addresses through, one or all as the socket asks', async () => {
  const publicOnly = (_host: string, _options: unknown, callback: (e: NodeJS.ErrnoException | null, a: LookupAddress[]) => void) =>
    callback(null, [{ address: '2001:db8::1', family: 6 }, { address: '93.184.216.34', family: 4 }]);
  const lookup = makeCheckedLookup(buildPrivateRanges(), publicOnly);
  const one = await new Promise<unknown[]>((resolve) => lookup('news.example', {}, (error, address, family) => resolve([error, address, family])));
  assert.deepEqual(one, [null, '2001:db8::1', 6]);
  const all = await new Promise<unknown>((resolve) => lookup('news.example', { all: true }, (_e, addresses) => resolve(addresses)));
  assert.equal((all as LookupAddress[]).length, 2);
});
