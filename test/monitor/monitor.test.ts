import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import type { Article } from '../../src/article.js';
import { buildPipeline, type Pipeline } from '../../src/pipeline.js';
import { openRunner } from '../../src/run/runner.js';
import { DEFAULT_MONITOR_SETTINGS, runMonitor, type MonitorEvent, type MonitorSettings } from '../../src/monitor/monitor.js';
import { DEFAULT_POLITENESS, makePoliteFetcher, type PolitenessOptions } from '../../src/monitor/polite-fetcher.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { Store } from '../../src/store/store.js';
import type { Diagnostic } from '../../src/diagnostic.js';
import { answer, articlePage, rssFeed, startFakeHost, status, type RssItem } from './fake-hosts.js';

let pipeline: Pipeline;
before(async () => {
  pipeline = await buildPipeline();
});

const POLITE: PolitenessOptions = {
  ...DEFAULT_POLITENESS,
  perHostDelayMs: 40,
  backoffBaseMs: 200,
  transport: { ...DEFAULT_POLITENESS.transport, timeoutMs: 3000, maxBytes: 256 * 1024, allowPrivate: true },
};
const QUICK: MonitorSettings = { ...DEFAULT_MONITOR_SETTINGS, tickMs: 40, batchMaxMs: 100, maxBytes: 256 * 1024 };

/** Invented local news, one distinct report per number. */
function report(n: number): string[] {
  const places = ['Warfendorf', 'Sandoog', 'Nordufer', 'Kleinmoor', 'Haselbruch', 'Ostkamp'];
  const place = places[n % places.length]!;
  return [
    `Der Gemeinderat von ${place} hat am Dienstagabend mit ${20 + n} Stimmen beschlossen, die Brücke über den Mühlbach bis zum Herbst zu sanieren.`,
    `Die Kosten von ${n + 2},${n % 10} Millionen Euro trägt zum größten Teil das Land, teilte Bürgermeisterin Jana Albers nach der Sitzung mit.`,
    `Während der Bauzeit wird der Verkehr über die Kreisstraße ${100 + n} umgeleitet; Radfahrer können eine Behelfsbrücke nutzen.`,
  ];
}

interface Run {
  readonly events: MonitorEvent[];
  readonly messages: { label: string; message: Diagnostic }[];
  readonly stored: Article[];
}

/** Runs the monitor over `store` until `done` holds after a stored batch (or `limitMs` passes). */
async function monitorUntil(store: Store, done: (run: Run) => boolean | Promise<boolean>, overrides: { settings?: Partial<MonitorSettings>; feedIds?: number[]; limitMs?: number; fetcher?: PolitenessOptions } = {}): Promise<Run> {
  const stop = new AbortController();
  const run: Run = { events: [], messages: [], stored: [] };
  const limit = setTimeout(() => stop.abort(), overrides.limitMs ?? 15_000);
  const check = async () => {
    if (await done(run)) stop.abort();
  };
  await runMonitor({
    store,
    runner: await openRunner(store, pipeline),
    fetcher: makePoliteFetcher(overrides.fetcher ?? POLITE),
    signal: stop.signal,
    settings: { ...QUICK, ...overrides.settings },
    ...(overrides.feedIds ? { feedIds: overrides.feedIds } : {}),
    observer: { documentDone: (raw, result) => run.messages.push(...result.messages.map((message) => ({ label: raw.label, message }))) },
    onEvent: (event) => {
      run.events.push(event);
      if (event.type === 'stored') run.stored.push(...event.articles);
      void check();
    },
  });
  clearTimeout(limit);
  return run;
}

async function addFeed(store: Store, url: string, everyMs = 60_000, kind: 'feed' | 'sitemap' = 'feed') {
  return (await store.feeds.addFeed({ url, kind, outlet: null, everyMs }, new Date().toISOString()))!;
}

async function settledAll(store: Store): Promise<boolean> {
  const feeds = await store.feeds.listFeeds();
  return feeds.every((f) => f.lastPollAt !== null && f.pendingCount === 0);
}

test('a feed whose items link HTML pages: each page\'s full text is stored, not the teaser, with every URL it answers to', async (t) => {
  const site = await startFakeHost(t);
  const canonical = `${site.base}/lokales/bruecke-1`;
  site.routes.set('/lokales/bruecke-1', answer(articlePage('Brücke wird saniert', report(1), `<link rel="canonical" href="${canonical}">`)));
  site.routes.set('/r/1', status(301, { location: '/lokales/bruecke-1' }));
  site.routes.set('/lokales/bruecke-2', answer(articlePage('Zweite Brücke', report(2))));
  site.routes.set('/rss', answer(rssFeed('Kreisbote', [
    { guid: 'kb-1', title: 'Brücke wird saniert', link: `${site.base}/r/1`, description: 'Nur der Anriss.' },
    { guid: 'kb-2', title: 'Zweite Brücke', link: `${site.base}/lokales/bruecke-2`, description: 'Auch nur ein Anriss.' },
  ]), 'application/rss+xml'));
  const store = openSqliteStore(':memory:');
  t.after(() => store.close());
  await addFeed(store, `${site.base}/rss`);
  await monitorUntil(store, () => settledAll(store));

  const stats = await store.stats();
  assert.equal(stats.articles, 2);
  const first = (await store.feeds.articleIdsAtUrls([`${site.base}/r/1`])).get(`${site.base}/r/1`)!;
  const stored = (await store.getArticle(first[0]!))!;
  assert.match(stored.article.text, /Mühlbach/);
  assert.doesNotMatch(stored.article.text, /Anriss/);
  assert.equal(stored.article.title, 'Brücke wird saniert');
  assert.deepEqual(stored.occurrences.map((o) => [o.origin.url, o.origin.record]).sort(), [
    [`${site.base}/lokales/bruecke-1`, 'kb-1'],
    [`${site.base}/r/1`, 'kb-1'],
  ]);
  assert.deepEqual(stored.article.messages.filter((m) => m.rule.startsWith('feed-text')), []);
});

test('a feed that changes between polls: only the new items are fetched, each page once', async (t) => {
  const site = await startFakeHost(t);
  const items: RssItem[] = [1, 2].map((n) => ({ guid: `p-${n}`, title: `Meldung ${n}`, link: `${site.base}/a/${n}` }));
  for (const n of [1, 2, 3]) site.routes.set(`/a/${n}`, answer(articlePage(`Meldung ${n}`, report(n))));
  site.routes.set('/rss', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    res.end(rssFeed('Tagblatt', items));
  });
  const store = openSqliteStore(':memory:');
  t.after(() => store.close());
  const feed = await addFeed(store, `${site.base}/rss`, 300);
  let polls = 0;
  await monitorUntil(store, async (run) => {
    const polled = run.events.filter((e) => e.type === 'polled').length;
    if (polled !== polls) {
      polls = polled;
      if (polls === 2) items.unshift({ guid: 'p-3', title: 'Meldung 3', link: `${site.base}/a/3` });
    }
    return polls >= 4 && (await settledAll(store));
  });
  assert.equal((await store.stats()).articles, 3);
  for (const n of [1, 2, 3]) assert.equal(site.count(`/a/${n}`), 1, `page ${n}`);
  assert.equal((await store.feeds.getFeed(feed.id))!.itemCount, 3);
});

test('the same article in two feeds is fetched once and stored as one article found through both', async (t) => {
  const site = await startFakeHost(t, { '/a/1': answer(articlePage('Meldung 1', report(11))) });
  site.routes.set('/rss-lokal', answer(rssFeed('Lokal', [{ guid: 'lokal-1', title: 'Meldung 1', link: `${site.base}/a/1` }]), 'application/rss+xml'));
  site.routes.set('/rss-alles', answer(rssFeed('Alles', [{ guid: 'alles-9', title: 'Meldung 1', link: `${site.base}/a/1` }]), 'application/rss+xml'));
  const store = openSqliteStore(':memory:');
  t.after(() => store.close());
  await addFeed(store, `${site.base}/rss-lokal`);
  await addFeed(store, `${site.base}/rss-alles`);
  await monitorUntil(store, () => settledAll(store));
  assert.equal((await store.stats()).articles, 1);
  assert.equal(site.count('/a/1'), 1);
  const [id] = (await store.feeds.articleIdsAtUrls([`${site.base}/a/1`])).get(`${site.base}/a/1`)!;
  const records = (await store.getArticle(id!))!.occurrences.map((o) => o.origin.record).sort();
  assert.deepEqual(records, ['alles-9', 'lokal-1']);
});

test('a page that never ends, or one robots.txt forbids, is not stored: the feed text is, marked as such', async (t) => {
  const site = await startFakeHost(t, { '/robots.txt': answer('User-agent: *\nDisallow: /intern/\n', 'text/plain') });
  site.routes.set('/endlos', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    const chunk = `<p>${'Und weiter und weiter. '.repeat(400)}</p>`;
    const timer = setInterval(() => res.write(chunk), 1);
    res.on('close', () => clearInterval(timer));
  });
  site.routes.set('/intern/vorab', answer(articlePage('Vorab', report(21))));
  site.routes.set('/rss', answer(rssFeed('Kreisbote', [
    { guid: 'e-1', title: 'Endlos', link: `${site.base}/endlos`, description: report(22)[0] },
    { guid: 'i-1', title: 'Vorab', link: `${site.base}/intern/vorab`, description: report(23)[0] },
  ]), 'application/rss+xml'));
  const store = openSqliteStore(':memory:');
  t.after(() => store.close());
  await addFeed(store, `${site.base}/rss`);
  const run = await monitorUntil(store, () => settledAll(store));
  assert.equal(site.count('/intern/vorab'), 0);
  assert.equal((await store.stats()).articles, 2);
  for (const article of run.stored) {
    const note = article.messages.find((m) => m.rule === 'feed-text-fallback');
    assert.ok(note, `${article.title} is marked as feed text`);
    assert.match(note.reason, article.title === 'Endlos' ? /too-large/ : /robots-disallowed/);
  }
  assert.ok(run.messages.some(({ label, message }) => label.endsWith('item 1') && message.rule === 'feed-text-fallback'));
});

test('a page answered with 429 and Retry-After is fetched again after the wait, not replaced by the teaser', async (t) => {
  let calls = 0;
  const site = await startFakeHost(t, {
    '/a/1': (_req, res) => {
      calls += 1;
      if (calls === 1) {
        res.writeHead(429, { 'retry-after': '1' });
        res.end();
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(articlePage('Später', report(31)));
    },
  });
  site.routes.set('/rss', answer(rssFeed('Kreisbote', [{ guid: 'r-1', title: 'Später', link: `${site.base}/a/1`, description: 'Anriss.' }]), 'application/rss+xml'));
  const store = openSqliteStore(':memory:');
  t.after(() => store.close());
  await addFeed(store, `${site.base}/rss`);
  const run = await monitorUntil(store, () => settledAll(store));
  assert.equal(calls, 2);
  const [first, second] = site.requests.filter((r) => r.path === '/a/1');
  assert.ok(second!.startedAt - first!.endedAt! >= 950, 'waited as asked');
  assert.equal(run.stored.length, 1);
  assert.match(run.stored[0]!.text, /Mühlbach/);
  assert.ok(run.events.some((e) => e.type === 'stored' && e.retrying === 1));
});

test('a slow host does not hold up the others', async (t) => {
  const slow = await startFakeHost(t);
  const fast = await startFakeHost(t);
  for (const [host, name, delay] of [[slow, 'langsam', 1200], [fast, 'schnell', 0]] as const) {
    for (const n of [1, 2]) host.routes.set(`/a/${n}`, answer(articlePage(`${name} ${n}`, report(name === 'langsam' ? 40 + n : 50 + n)), 'text/html; charset=utf-8', delay));
    host.routes.set('/rss', answer(rssFeed(name, [1, 2].map((n) => ({ guid: `${name}-${n}`, title: `${name} ${n}`, link: `${host.base}/a/${n}` }))), 'application/rss+xml'));
  }
  const store = openSqliteStore(':memory:');
  t.after(() => store.close());
  await addFeed(store, `${slow.base}/rss`);
  await addFeed(store, `${fast.base}/rss`);
  const storedAt = new Map<string, number>();
  await monitorUntil(store, async (run) => {
    for (const a of run.stored) if (!storedAt.has(a.title!)) storedAt.set(a.title!, Date.now());
    return settledAll(store);
  });
  assert.equal(storedAt.size, 4);
  assert.ok(storedAt.get('schnell 2')! < storedAt.get('langsam 1')!, 'both fast pages were stored before the first slow one');
  assert.equal(slow.maxConcurrent(), 1);
});

test('a Google News sitemap that changes between polls: its new pages are fetched and stored', async (t) => {
  const site = await startFakeHost(t);
  const urls = [`${site.base}/n/1`];
  for (const n of [1, 2]) site.routes.set(`/n/${n}`, answer(articlePage(`Nachricht ${n}`, report(60 + n))));
  site.routes.set('/news-sitemap.xml', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/xml' });
    res.end(`<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">${urls
      .map((u, i) => `<url><loc>${u}</loc><news:news><news:publication><news:name>Kreisbote</news:name><news:language>de</news:language></news:publication><news:publication_date>2025-03-1${i + 1}T09:00:00+01:00</news:publication_date><news:title>Nachricht ${i + 1}</news:title></news:news></url>`)
      .join('')}</urlset>`);
  });
  const store = openSqliteStore(':memory:');
  t.after(() => store.close());
  await addFeed(store, `${site.base}/news-sitemap.xml`, 300, 'sitemap');
  let polls = 0;
  const run = await monitorUntil(store, async (r) => {
    polls = r.events.filter((e) => e.type === 'polled').length;
    if (polls === 1 && urls.length === 1) urls.push(`${site.base}/n/2`);
    return polls >= 2 && r.stored.length >= 2 && (await settledAll(store));
  });
  const byTitle = new Map(run.stored.map((a) => [a.title, a]));
  assert.deepEqual([...byTitle.keys()].sort(), ['Nachricht 1', 'Nachricht 2']);
  assert.equal(byTitle.get('Nachricht 2')!.published, '2025-03-12T09:00:00+01:00');
  assert.equal(site.count('/n/1'), 1);
});

test('stopped halfway and started again, the monitor settles what was left and stores nothing twice', async (t) => {
  const site = await startFakeHost(t);
  const items: RssItem[] = [];
  for (let n = 1; n <= 6; n++) {
    site.routes.set(`/a/${n}`, answer(articlePage(`Meldung ${n}`, report(70 + n)), 'text/html; charset=utf-8', 150));
    items.push({ guid: `s-${n}`, title: `Meldung ${n}`, link: `${site.base}/a/${n}` });
  }
  site.routes.set('/rss', answer(rssFeed('Kreisbote', items), 'application/rss+xml'));
  const store = openSqliteStore(':memory:');
  t.after(() => store.close());
  const feed = await addFeed(store, `${site.base}/rss`);
  await monitorUntil(store, (run) => run.stored.length >= 2, { settings: { batchItems: 1 } });
  const midway = (await store.feeds.getFeed(feed.id))!;
  assert.ok(midway.pendingCount > 0 && midway.pendingCount < 6, `${midway.pendingCount} left pending`);
  await monitorUntil(store, () => settledAll(store));
  assert.equal((await store.stats()).articles, 6);
  assert.equal((await store.stats()).occurrences, 6);
  // one request at a time per host: at most the one under way when it stopped is asked for again
  const pageRequests = site.requests.filter((r) => r.path.startsWith('/a/')).length;
  assert.ok(pageRequests <= 7, `${pageRequests} page requests for 6 pages`);
  assert.equal(site.count('/rss'), 1, 'the feed is not due again within its interval');
});

test('an item whose page was stored by a run that died before marking it done is not fetched again', async (t) => {
  const site = await startFakeHost(t, { '/a/1': answer(articlePage('Meldung 1', report(81))) });
  site.routes.set('/rss', answer(rssFeed('Kreisbote', [{ guid: 'c-1', title: 'Meldung 1', link: `${site.base}/a/1` }]), 'application/rss+xml'));
  const store = openSqliteStore(':memory:');
  t.after(() => store.close());
  await addFeed(store, `${site.base}/rss`);
  // the first run's store loses the "done" marks, as a kill between storing and marking would
  const forgetful: Store = Object.create(store, { feeds: { value: { ...store.feeds, finishItems: async () => {} } } });
  await monitorUntil(forgetful, (run) => run.stored.length >= 1);
  assert.equal((await store.feeds.listFeeds())[0]!.pendingCount, 1);
  await monitorUntil(store, () => settledAll(store));
  assert.equal(site.count('/a/1'), 1, 'found stored by its URL');
  assert.deepEqual([(await store.stats()).articles, (await store.stats()).occurrences], [1, 1]);
});

test('an unchanged feed is asked for with its ETag and costs a 304, not a download', async (t) => {
  const answers: number[] = [];
  const site = await startFakeHost(t, {
    '/rss': (request, response) => {
      if (request.headers['if-none-match'] === '"v1"') {
        answers.push(304);
        response.writeHead(304);
        response.end();
        return;
      }
      answers.push(200);
      response.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"' });
      response.end(rssFeed('Rathausticker', [{ guid: 'e-1', title: 'Brunnen saniert', description: report(91)[0] }]));
    },
  });
  const store = openSqliteStore(':memory:');
  t.after(() => store.close());
  await addFeed(store, `${site.base}/rss`, 200);
  const run = await monitorUntil(store, (r) => r.events.filter((e) => e.type === 'polled').length >= 3);
  assert.deepEqual(answers.slice(0, 3), [200, 304, 304]);
  assert.deepEqual(run.events.filter((e) => e.type === 'polled').map((e) => e.type === 'polled' && e.notModified).slice(0, 3), [false, true, true]);
  assert.equal((await store.stats()).articles, 1);
});
