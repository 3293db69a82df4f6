import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseInterval } from '../../src/cli/watch-command.js';
import { parseByteCount } from '../../src/cli/read-options.js';

const BIN = join(import.meta.dirname, '../../bin/storytrace.js');

test('intervals and sizes read the way people write them', () => {
  assert.equal(parseInterval('10m'), 600_000);
  assert.equal(parseInterval('90'), 90_000);
  assert.equal(parseInterval('1.5h'), 5_400_000);
  assert.throws(() => parseInterval('0.2s'), /shorter than 1s/);
  assert.throws(() => parseInterval('zehn Minuten'), /not an interval/);
  assert.equal(parseByteCount('50M'), 50 * 1024 * 1024);
  assert.equal(parseByteCount('500k'), 512_000);
  assert.equal(parseByteCount('1234'), 1234);
  assert.throws(() => parseByteCount('viel'), /not a size/);
});

type FeedItem = [guid: string, title: string, text: string];

/** Serves an RSS feed whose items depend on the poll (1, 2, …); returns its URL. */
async function serveFeed(t: TestContext, itemsAtPoll: (poll: number) => FeedItem[]): Promise<string> {
  let polls = 0;
  const server = createServer((_request, response) => {
    polls += 1;
    const body = itemsAtPoll(polls)
      .map(([guid, title, text]) => `<item><guid>${guid}</guid><title>${title}</title><description>&lt;p&gt;${text}&lt;/p&gt;</description></item>`)
      .join('');
    response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
    response.end(`<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Küstenticker</title>${body}</channel></rss>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => server.close());
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed.xml`;
}

/** Runs watch until it reports round 2, then stops it with SIGTERM; returns its exit status and stderr. */
async function watchTwoRounds(url: string, db: string): Promise<{ status: number | null; stderr: string }> {
  const child = spawn(process.execPath, [BIN, 'watch', url, '--every', '1s', '--db', db, '--allow-private']);
  let stderr = '';
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  const killer = setTimeout(() => child.kill('SIGKILL'), 20_000); // bound the test even if watch hangs
  await new Promise<void>((resolve) => {
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      if (/round 2:/.test(stderr)) resolve();
    });
    child.on('close', () => resolve());
  });
  child.kill('SIGTERM');
  const status = await exited;
  clearTimeout(killer);
  return { status, stderr };
}

test('watch stores new feed items each round and stops cleanly on SIGTERM', async (t) => {
  const url = await serveFeed(t, (poll) => {
    const items: FeedItem[] = [
      ['w-1', 'Deichbau beginnt', 'Am Montag beginnt der Ausbau des Deichs bei Warfendorf, teilte das Landesamt mit.'],
      ['w-2', 'Fährplan geändert', 'Die Fähre nach Sandoog fährt ab sofort stündlich, auch am Wochenende.'],
    ];
    if (poll >= 2) items.push(['w-3', 'Hafen gesperrt', 'Wegen Sturmflut bleibt der Hafen von Nordufer bis Mittwoch gesperrt.']);
    return items;
  });
  const db = join(mkdtempSync(join(tmpdir(), 'st-watch-')), 'watch.db');
  const { status, stderr } = await watchTwoRounds(url, db);
  assert.equal(status, 0, stderr);
  assert.match(stderr, /round 1: 2 new item\(s\), 2 new article\(s\) stored/);
  assert.match(stderr, /round 2: 1 new item\(s\), 1 new article\(s\) stored/);

  const stats = spawnSync(process.execPath, [BIN, 'stats', '--json', '--db', db], { encoding: 'utf8' });
  assert.equal(stats.status, 0, stats.stderr);
  assert.equal(JSON.parse(stats.stdout).articles, 3);
});

test('watch links an item of a later round that reposts an earlier one', async (t) => {
  const report =
    'Der Küstenschutz an der Warfendorfer Bucht wird teurer als geplant: Das Landesamt rechnet inzwischen mit 48 Millionen Euro, ' +
    'weil der alte Deichfuß auf einer Länge von drei Kilometern abgetragen und neu gegründet werden muss. ' +
    'Die Bauarbeiten sollen nach der Sturmflutsaison im April beginnen und bis zum Herbst 2027 dauern.';
  const url = await serveFeed(t, (poll) => {
    const items: FeedItem[] = [['r-1', 'Deich wird teurer', report]];
    if (poll >= 2) items.push(['r-2', 'Deichbau: Kosten steigen', `Wie der Küstenticker berichtet: ${report} Anwohner fordern eine Informationsveranstaltung.`]);
    return items;
  });
  const db = join(mkdtempSync(join(tmpdir(), 'st-watch-reuse-')), 'watch.db');
  const { status, stderr } = await watchTwoRounds(url, db);
  assert.equal(status, 0, stderr);
  assert.match(stderr, /round 1: .*, 0 reuse link\(s\)/);
  assert.match(stderr, /round 2: .*, [1-9]\d* reuse link\(s\)/);
});

test('watch places each round\'s new articles in events: a repost of an earlier item joins its event through the shared passage', async (t) => {
  const report =
    'Die Gemeinde Sandoog baut ihren Fähranleger für 12 Millionen Euro um: Der alte Steg aus den Sechzigerjahren wird abgerissen, ' +
    'ein schwimmender Ponton soll künftig auch bei Niedrigwasser das Anlegen erlauben. Die Arbeiten beginnen im Mai und ruhen während der Hauptsaison.';
  const url = await serveFeed(t, (poll) => {
    const items: FeedItem[] = [
      ['s-1', 'Neuer Anleger für Sandoog', report],
      ['s-2', 'Deichbau beginnt', 'Am Montag beginnt der Ausbau des Deichs bei Warfendorf, teilte das Landesamt mit.'],
    ];
    if (poll >= 2) items.push(['s-3', 'Sandoog: Anleger wird ersetzt', `Wie der Küstenticker meldet: ${report} Der Fährbetrieb läuft weiter.`]);
    return items;
  });
  const db = join(mkdtempSync(join(tmpdir(), 'st-watch-stories-')), 'watch.db');
  const { status, stderr } = await watchTwoRounds(url, db);
  assert.equal(status, 0, stderr);
  assert.match(stderr, /round 1: .*, 2 event\(s\) in all/);
  assert.match(stderr, /round 2: .*, 2 event\(s\) in all/);
  const shown = spawnSync(process.execPath, [BIN, 'stories', '--json', '--db', db], { encoding: 'utf8' });
  assert.equal(shown.status, 0, shown.stderr);
  assert.equal(shown.stderr, '', 'nothing was left unplaced');
  const events = (JSON.parse(shown.stdout) as { kind: string; articleIds: string[]; evidence: { members: { matched: string | null; shared: { passages: number } | null }[] } }[]).filter((s) => s.kind === 'event');
  const sizes = events.map((e) => e.articleIds.length).sort();
  assert.deepEqual(sizes, [1, 2]);
  const joined = events.find((e) => e.articleIds.length === 2)!.evidence.members.find((m) => m.matched !== null)!;
  assert.ok(joined.shared!.passages >= 1, 'joined through the reused passage');
});

test('watch refuses what is not a URL as bad usage', () => {
  const result = spawnSync(process.execPath, [BIN, 'watch', 'feed.xml', '--db', join(tmpdir(), 'st-unused.db')], { encoding: 'utf8' });
  assert.equal(result.status, 2);
  assert.match(result.stderr, /not a URL: feed\.xml/);
});
