import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatInterval, parseDuration, parseInterval } from '../../src/cli/interval.js';
import { parseByteCount } from '../../src/cli/read-options.js';
import { answer, articlePage, rssFeed, startFakeHost, type FakeHost } from '../monitor/fake-hosts.js';

const BIN = join(import.meta.dirname, '../../bin/storytrace.js');

test('intervals and sizes read the way people write them', () => {
  assert.equal(parseInterval('10m'), 600_000);
  assert.equal(parseInterval('90'), 90_000);
  assert.equal(parseInterval('1.5h'), 5_400_000);
  assert.throws(() => parseInterval('0.2s'), /shorter than 1s/);
  assert.throws(() => parseInterval('zehn Minuten'), /not a duration/);
  assert.equal(parseDuration('250ms', 0), 250);
  assert.deepEqual([900_000, 5_400_000, 2000, 200].map(formatInterval), ['15m', '1.5h', '2s', '200ms']);
  assert.equal(parseByteCount('50M'), 50 * 1024 * 1024);
  assert.equal(parseByteCount('500k'), 512_000);
  assert.equal(parseByteCount('1234'), 1234);
  assert.throws(() => parseByteCount('viel'), /not a size/);
});

type FeedItem = [guid: string, title: string, text: string];

/** Serves an RSS feed of link-less items that depend on the poll (1, 2, …). */
async function serveFeed(t: TestContext, itemsAtPoll: (poll: number) => FeedItem[]): Promise<string> {
  let polls = 0;
  const host = await startFakeHost(t, {
    '/feed.xml': (_request, response) => {
      polls += 1;
      response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
      response.end(rssFeed('Küstenticker', itemsAtPoll(polls).map(([guid, title, description]) => ({ guid, title, description }))));
    },
  });
  return `${host.base}/feed.xml`;
}

interface WatchRun {
  readonly status: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stderr: string;
}

/** Runs `storytrace watch ARGS` until `until(stderr)` holds, then stops it with `stopWith`. */
async function runWatch(args: string[], until: (stderr: string) => boolean | Promise<boolean>, stopWith: NodeJS.Signals = 'SIGTERM'): Promise<WatchRun> {
  const child = spawn(process.execPath, [BIN, 'watch', '--allow-private', '--per-host-delay', '50ms', ...args]);
  let stderr = '';
  const exited = new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('close', (code, signal) => resolve([code, signal])));
  const killer = setTimeout(() => child.kill('SIGKILL'), 30_000); // bound the test even if watch hangs
  await new Promise<void>((resolve) => {
    let checking = false;
    const check = async () => {
      if (checking) return;
      checking = true;
      if (await until(stderr)) resolve();
      checking = false;
    };
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      void check();
    });
    const poller = setInterval(() => void check(), 200);
    child.on('close', () => {
      clearInterval(poller);
      resolve();
    });
    void exited.then(() => clearInterval(poller));
  });
  child.kill(stopWith);
  const [status, signal] = await exited;
  clearTimeout(killer);
  return { status, signal, stderr };
}

const storedCount = (stderr: string) => [...stderr.matchAll(/stored (\d+) new article\(s\)/g)].reduce((sum, m) => sum + Number(m[1]), 0);

function cli(args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  return result.stdout;
}

test('watch stores new feed items as they appear and stops cleanly on SIGTERM', async (t) => {
  const url = await serveFeed(t, (poll) => {
    const items: FeedItem[] = [
      ['w-1', 'Deichbau beginnt', 'Am Montag beginnt der Ausbau des Deichs bei Warfendorf, teilte das Landesamt mit.'],
      ['w-2', 'Fährplan geändert', 'Die Fähre nach Sandoog fährt ab sofort stündlich, auch am Wochenende.'],
    ];
    if (poll >= 2) items.push(['w-3', 'Hafen gesperrt', 'Wegen Sturmflut bleibt der Hafen von Nordufer bis Mittwoch gesperrt.']);
    return items;
  });
  const db = join(mkdtempSync(join(tmpdir(), 'st-watch-')), 'watch.db');
  const { status, stderr } = await runWatch([url, '--every', '1s', '--db', db], (err) => storedCount(err) >= 3);
  assert.equal(status, 0, stderr);
  assert.match(stderr, /added source 1: .*feed\.xml \(every 1s\)/);
  assert.match(stderr, /polled .*feed\.xml: 2 new item\(s\)/);
  assert.match(stderr, /polled .*feed\.xml: 1 new item\(s\)/);
  assert.equal(JSON.parse(cli(['stats', '--json', '--db', db])).articles, 3);
});

test('watch links an item of a later poll that reposts an earlier one, and places it in the earlier one\'s event', async (t) => {
  const report =
    'Der Küstenschutz an der Warfendorfer Bucht wird teurer als geplant: Das Landesamt rechnet inzwischen mit 48 Millionen Euro, ' +
    'weil der alte Deichfuß auf einer Länge von drei Kilometern abgetragen und neu gegründet werden muss. ' +
    'Die Bauarbeiten sollen nach der Sturmflutsaison im April beginnen und bis zum Herbst 2027 dauern.';
  const url = await serveFeed(t, (poll) => {
    const items: FeedItem[] = [
      ['r-1', 'Deich wird teurer', report],
      ['r-2', 'Fährplan geändert', 'Die Fähre nach Sandoog fährt ab sofort stündlich, auch am Wochenende.'],
    ];
    if (poll >= 2) items.push(['r-3', 'Deichbau: Kosten steigen', `Wie der Küstenticker berichtet: ${report} Anwohner fordern eine Informationsveranstaltung.`]);
    return items;
  });
  const db = join(mkdtempSync(join(tmpdir(), 'st-watch-reuse-')), 'watch.db');
  const { status, stderr } = await runWatch([url, '--every', '1s', '--db', db], (err) => storedCount(err) >= 3 && /stored .*, [1-9]\d* reuse link/.test(err));
  assert.equal(status, 0, stderr);
  assert.match(stderr, /stored [12] new article\(s\) from [12] item\(s\), 0 reuse link\(s\)/);
  assert.match(stderr, /stored 1 new article\(s\) from 1 item\(s\), [1-9]\d* reuse link\(s\), 2 event\(s\) in all/);
  const stories = JSON.parse(cli(['stories', '--json', '--db', db])) as { kind: string; articleIds: string[]; evidence: { members: { matched: string | null; shared: { passages: number } | null }[] } }[];
  const events = stories.filter((s) => s.kind === 'event');
  assert.deepEqual(events.map((e) => e.articleIds.length).sort(), [1, 2]);
  const joined = events.find((e) => e.articleIds.length === 2)!.evidence.members.find((m) => m.matched !== null)!;
  assert.ok(joined.shared!.passages >= 1, 'joined through the reused passage');
});

test('watch refuses what is not a URL, and having nothing to watch, as bad usage', () => {
  const db = join(mkdtempSync(join(tmpdir(), 'st-watch-usage-')), 'w.db');
  const notUrl = spawnSync(process.execPath, [BIN, 'watch', 'feed.xml', '--db', db], { encoding: 'utf8' });
  assert.equal(notUrl.status, 2);
  assert.match(notUrl.stderr, /not a URL: feed\.xml/);
  const nothing = spawnSync(process.execPath, [BIN, 'watch', '--db', db], { encoding: 'utf8' });
  assert.equal(nothing.status, 2);
  assert.match(nothing.stderr, /no sources to watch: add them with "storytrace feeds add URL"/);
});

test('feeds add, list, pause, resume and remove keep the sources in the database', async () => {
  const db = join(mkdtempSync(join(tmpdir(), 'st-feeds-')), 'f.db');
  assert.match(cli(['feeds', 'add', 'https://kreisbote.example/rss', '--every', '30m', '--outlet', 'Kreisbote', '--db', db]), /added source 1: .*\(feed, every 30m, outlet Kreisbote\)/);
  assert.match(cli(['feeds', 'add', 'https://kreisbote.example/news-sitemap.xml', '--sitemap', '--db', db]), /added source 2: .*\(sitemap, every 15m\)/);
  assert.match(cli(['feeds', 'add', 'https://kreisbote.example/rss', '--db', db]), /already monitored as source 1/);
  assert.match(cli(['feeds', 'pause', '1', '--db', db]), /source 1 paused/);
  const listed = JSON.parse(cli(['feeds', 'list', '--json', '--db', db])) as { id: number; paused: boolean; kind: string; everyMs: number }[];
  assert.deepEqual(listed.map((f) => [f.id, f.paused, f.kind, f.everyMs]), [[1, true, 'feed', 1_800_000], [2, false, 'sitemap', 900_000]]);
  assert.match(cli(['feeds', 'list', '--db', db]), /^1\tpaused\tevery 30m\t0 item\(s\)\tnever polled/m);
  assert.match(cli(['feeds', 'resume', 'https://kreisbote.example/rss', '--db', db]), /source 1 resumed/);
  assert.match(cli(['feeds', 'remove', '2', '--db', db]), /source 2 removed/);
  const unknown = spawnSync(process.execPath, [BIN, 'feeds', 'pause', '9', '--db', db], { encoding: 'utf8' });
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /no source "9"; known sources: 1 https:\/\/kreisbote\.example\/rss/);
});

/** A site whose feed lists `count` items, each linking a page that takes `delayMs` to answer. */
async function slowSite(t: TestContext, count: number, delayMs: number): Promise<FakeHost> {
  const site = await startFakeHost(t);
  const items = [];
  for (let n = 1; n <= count; n++) {
    const paragraphs = [
      `Der Ortsrat von Haselbruch hat in seiner ${n}. Sitzung beschlossen, den Spielplatz an der Lindenstraße für ${n * 11} 000 Euro zu erneuern.`,
      `Ortsvorsteher Malte Brinkmann sagte, die Arbeiten sollen im ${['Mai', 'Juni', 'Juli', 'August'][n % 4]} beginnen und ${n + 1} Wochen dauern.`,
    ];
    site.routes.set(`/lokal/${n}`, answer(articlePage(`Ortsrat, Sitzung ${n}`, paragraphs), 'text/html; charset=utf-8', delayMs));
    items.push({ guid: `hb-${n}`, title: `Ortsrat, Sitzung ${n}`, link: `${site.base}/lokal/${n}`, description: 'Kurz gemeldet.' });
  }
  site.routes.set('/rss', answer(rssFeed('Haselbrucher Anzeiger', items), 'application/rss+xml'));
  return site;
}

test('watch killed with kill -9 and started again neither loses nor repeats an item', async (t) => {
  const site = await slowSite(t, 16, 300);
  const db = join(mkdtempSync(join(tmpdir(), 'st-watch-kill-')), 'watch.db');
  cli(['feeds', 'add', `${site.base}/rss`, '--every', '1h', '--db', db]);
  const killed = await runWatch(['--db', db], (err) => storedCount(err) >= 1, 'SIGKILL');
  assert.equal(killed.signal, 'SIGKILL');
  const midway = JSON.parse(cli(['feeds', 'list', '--json', '--db', db]))[0] as { itemCount: number; pendingCount: number };
  assert.equal(midway.itemCount, 16, 'every item was remembered at the first poll');
  assert.ok(midway.pendingCount > 0, 'killed before it was done');

  const resumed = await runWatch(['--db', db], (err) => storedCount(err) >= midway.pendingCount);
  assert.equal(resumed.status, 0, resumed.stderr);
  assert.doesNotMatch(resumed.stderr, /polled/, 'the feed was not due again: its items came from the database');
  assert.equal((JSON.parse(cli(['feeds', 'list', '--json', '--db', db]))[0] as { pendingCount: number }).pendingCount, 0);
  const stats = JSON.parse(cli(['stats', '--json', '--db', db])) as { articles: number; occurrences: number };
  assert.deepEqual([stats.articles, stats.occurrences], [16, 16]);
  const pageRequests = site.requests.filter((r) => r.path.startsWith('/lokal/')).length;
  assert.ok(pageRequests <= 17, `${pageRequests} page requests for 16 items (only the one under way at the kill is asked for again)`);
});
