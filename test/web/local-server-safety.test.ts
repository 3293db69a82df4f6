/**
 * A web page on another local port attacks `storytrace serve` in a real browser (Debian's Chromium):
 * a cross-site form POST into the ingest endpoint, and a DNS-rebinding read (a foreign name resolved to
 * 127.0.0.1, simulated with Chromium's host resolver rules). Both must be refused by the server itself.
 * Skips (with the reason) when /usr/bin/chromium is missing; never downloads a browser.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { startApiServer, type RunningServer } from '../../src/api/serve-api.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { Store } from '../../src/store/store.js';

const CHROMIUM = '/usr/bin/chromium';
const SKIP = existsSync(CHROMIUM) ? false : `no browser at ${CHROMIUM} (apt-get install chromium)`;
const REBOUND_NAME = 'rebind.test';

let store: Store;
let server: RunningServer;
let apiPort: number;
let attacker: Server;
let attackerUrl: string;
let browser: Browser;

/** The attacker's page: a form that posts text into the API as soon as it loads (the browser then shows the answer). */
function attackPage(apiOrigin: string): string {
  return `<!doctype html><title>cat pictures</title>
<form id="f" method="post" enctype="multipart/form-data" action="${apiOrigin}/api/ingest">
<input name="text" value="Planted by another site. Der Stadtrat tagte am Dienstag.">
</form>
<script>document.getElementById('f').submit();</script>`;
}

before(async () => {
  if (SKIP) return;
  store = openSqliteStore(':memory:');
  server = await startApiServer({ store, pipeline: () => Promise.reject(new Error('nothing may be ingested here')), host: '127.0.0.1', port: 0 });
  apiPort = Number(new URL(server.url).port);
  attacker = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(attackPage(`http://127.0.0.1:${apiPort}`));
  });
  await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
  attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}/`;
  const { chromium } = await import('playwright-core');
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', `--host-resolver-rules=MAP ${REBOUND_NAME} 127.0.0.1`],
  });
});

after(async () => {
  if (SKIP) return;
  await browser?.close();
  await new Promise((resolve) => attacker?.close(resolve));
  await server?.close();
  await store?.close();
});

test('browser: a form on another local port posts into the ingest endpoint and is refused; nothing is ingested', { skip: SKIP }, async () => {
  const page = await browser.newPage();
  try {
    await page.goto(attackerUrl);
    await page.waitForURL(/\/api\/ingest$/, { timeout: 10_000 });
    // The browser shows the server's answer to the post: the refusal, not a job.
    assert.match((await page.textContent('body')) ?? '', /"code":"cross-origin"/);
    const jobs = (await (await fetch(`${server.url}api/jobs`)).json()) as { items: unknown[] };
    assert.deepEqual(jobs.items, []);
  } finally {
    await page.close();
  }
});

test('browser: a page under a name rebound to 127.0.0.1 gets neither the UI nor the data', { skip: SKIP }, async () => {
  const page = await browser.newPage();
  try {
    const response = await page.goto(`http://${REBOUND_NAME}:${apiPort}/`);
    assert.equal(response?.status(), 403);
    // Same-origin from the browser's view, so nothing but the server stands between the page and the data.
    const read = (await page.evaluate("fetch('/api/stories').then(async (answer) => ({ status: answer.status, body: await answer.text() }))")) as { status: number; body: string };
    assert.equal(read.status, 403);
    assert.doesNotMatch(read.body, /"items"/);
    // The same server still answers under its own address.
    assert.equal((await page.goto(`${server.url}api/stories`))?.status(), 200);
  } finally {
    await page.close();
  }
});
