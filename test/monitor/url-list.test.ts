import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { RawDocument } from '../../src/article.js';
import { DEFAULT_POLITENESS, makePoliteFetcher } from '../../src/monitor/polite-fetcher.js';
import { fetchUrlList, parseUrlList } from '../../src/monitor/url-list.js';
import { answer, articlePage, startFakeHost } from './fake-hosts.js';

const BIN = join(import.meta.dirname, '../../bin/storytrace.js');
const POLITE = { ...DEFAULT_POLITENESS, perHostDelayMs: 30, transport: { ...DEFAULT_POLITENESS.transport, timeoutMs: 3000, allowPrivate: true } };

test('a URL list: one a line, blank lines and comments skipped, repeats read once, other lines named', () => {
  const list = parseUrlList('# Kreisbote\nhttps://kreisbote.example/a\n\n  https://kreisbote.example/b  \nftp://alt.example/c\nhttps://kreisbote.example/a\nkreisbote.example/d\r\n');
  assert.deepEqual(list.entries, [
    { url: 'https://kreisbote.example/a', line: 2 },
    { url: 'https://kreisbote.example/b', line: 4 },
  ]);
  assert.deepEqual(list.rejected, [
    { line: 5, text: 'ftp://alt.example/c' },
    { line: 7, text: 'kreisbote.example/d' },
  ]);
});

test('a list sorted by site is fetched host by host in turn, each host one request at a time', async (t) => {
  const a = await startFakeHost(t);
  const b = await startFakeHost(t);
  for (const host of [a, b]) for (const n of [1, 2, 3]) host.routes.set(`/${n}`, answer(`<p>${n}</p>`, 'text/html', 100));
  const entries = [a, b].flatMap((host) => [1, 2, 3].map((n, i) => ({ url: `${host.base}/${n}`, line: i + 1 })));
  const documents: RawDocument[] = [];
  for await (const document of fetchUrlList(entries, makePoliteFetcher(POLITE), { maxBytes: 1 << 20, window: 2, maxRetryWaitMs: 0 })) documents.push(document);
  assert.equal(documents.length, 6);
  assert.equal(a.maxConcurrent(), 1);
  assert.equal(b.maxConcurrent(), 1);
  const firstOfB = b.requests.find((r) => r.path === '/1')!.startedAt;
  const lastOfA = a.requests.filter((r) => r.path !== '/robots.txt').at(-1)!.startedAt;
  assert.ok(firstOfB < lastOfA, 'the second host did not wait for the first to finish');
});

test('ingest --urls-from fetches the listed pages politely and names the lines and pages it could not use', async (t) => {
  const site = await startFakeHost(t, {
    '/robots.txt': answer('User-agent: *\nDisallow: /intern/\n', 'text/plain'),
    '/lokales/1': answer(articlePage('Brücke gesperrt', ['Die Brücke über den Mühlbach in Warfendorf bleibt bis Freitag gesperrt, teilte die Gemeinde mit.'])),
    '/lokales/2': answer(articlePage('Markt verlegt', ['Der Wochenmarkt in Sandoog zieht wegen Bauarbeiten für zwei Monate auf den Kirchplatz um.'])),
    '/intern/3': answer(articlePage('Intern', ['Nicht für Robots.'])),
  });
  const dir = mkdtempSync(join(tmpdir(), 'st-urls-from-'));
  const list = join(dir, 'urls.txt');
  writeFileSync(list, `${site.base}/lokales/1\n${site.base}/lokales/2\n${site.base}/intern/3\nkein-link\n`);
  const db = join(dir, 'u.db');
  const result = await promisify(execFile)(process.execPath, [BIN, 'ingest', '--urls-from', list, '--allow-private', '--per-host-delay', '50ms', '--db', db], { encoding: 'utf8' }).catch((error: { code: number; stdout: string; stderr: string }) => error);
  assert.equal('code' in result ? result.code : 0, 1, 'some inputs were rejected');
  assert.match(result.stdout, /stored 2 new articles/);
  assert.match(result.stderr, /urls\.txt, line 4: ingest\/not-a-url: "kein-link" is not an http\(s\) URL/);
  assert.match(result.stderr, /intern\/3: ingest\/robots-disallowed: .*robots\.txt forbids \/intern\/3/);
  assert.equal(site.count('/intern/3'), 0);
  assert.equal(site.maxConcurrent(), 1);
});
