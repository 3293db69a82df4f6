/**
 * The demo corpus (demo/corpus) is what `npm start` shows a newcomer; demo/planted.json lists the
 * facts planted in it. These tests keep the two consistent and check the corpus runs through `process`.
 */
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import iconv from 'iconv-lite';

const ROOT = join(import.meta.dirname, '../..');
const CORPUS = join(ROOT, 'demo/corpus');
const BIN = join(ROOT, 'bin/storytrace.js');
const BUILT_CLI = join(ROOT, 'dist/cli/main.js');
const WINDOWS_1252_FILE = '2025-03-20-westheider-landbote-traktoren.txt';

interface PlantedDocument {
  key: string;
  file: string;
  record?: string;
  language: 'de' | 'en';
  /** ISO 8601 at the precision the document states. */
  published: string;
}
/** The fields of a `process` output line these tests read. */
interface ArticleRecord {
  origin: { path: string; record: string | null; segment: number | null };
  text: string;
  published: string | null;
  language: string | null;
}
/** "2025-03-14T16:30:00+01:00" and "2025-03-14T16:30+01:00" state the same time. */
const withoutZeroSeconds = (iso: string | null) => iso?.replace(/(T\d\d:\d\d):00(?=$|[-+Z])/, '$1') ?? null;
interface Planted {
  documents: PlantedDocument[];
  copies: { from: string; to: string; kind: string }[];
  statement: { original: { text: string; in: string[] }; translations: { text: string; in: string[] }[] };
  compound: { file: string; parts: { index: number; startsWith?: string }[]; noise: string[] };
  events: { id: string; date: string; mentions: { key: string; phrase: string }[] }[];
  quotes: { key: string; text: string }[];
  scareQuotes: { key: string; text: string }[];
}

const planted = JSON.parse(readFileSync(join(ROOT, 'demo/planted.json'), 'utf8')) as Planted;

const TAG = /<[^>]+>/g;
const ENTITY = /&(amp|lt|gt|quot|#39);/g;
const ENTITY_CHARS: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };
/** Visible text of a fragment, good enough to find planted phrases (not an extractor). */
function stripTags(html: string): string {
  return html.replace(TAG, ' ').replace(ENTITY, (_, name: string) => ENTITY_CHARS[name]!).replace(/\s+/g, ' ');
}

function readCorpusFile(file: string): string {
  const bytes = readFileSync(join(CORPUS, file));
  return file === WINDOWS_1252_FILE ? iconv.decode(bytes, 'windows-1252') : bytes.toString('utf8');
}

interface FeedItem {
  guid: string | { '#text': string };
  'content:encoded': string;
}
function feedItems(file: string): FeedItem[] {
  const parsed = new XMLParser({ ignoreAttributes: false }).parse(readCorpusFile(file));
  return parsed.rss.channel.item as FeedItem[];
}
const guidOf = (item: FeedItem) => (typeof item.guid === 'string' ? item.guid : item.guid['#text']);

function jsonlRecords(file: string): { id: string; text?: string; html?: string }[] {
  return readCorpusFile(file).trim().split('\n').map((line) => JSON.parse(line));
}

/** Text of a planted key: "file", "file#record" (feed guid, JSONL id) or "file#part-N" (whole page). */
function textOf(key: string): string {
  const [file, record] = key.split('#') as [string, string | undefined];
  if (record === undefined || record.startsWith('part-')) {
    const raw = readCorpusFile(file);
    return (file.endsWith('.html') ? stripTags(raw) : raw).replace(/\s+/g, ' ');
  }
  if (file.endsWith('.xml')) {
    const item = feedItems(file).find((i) => guidOf(i) === record);
    assert.ok(item, `${key}: no feed item with that guid`);
    return stripTags(item['content:encoded']);
  }
  const found = jsonlRecords(file).find((r) => r.id === record);
  assert.ok(found, `${key}: no JSON Lines record with that id`);
  return (found.text ?? stripTags(found.html ?? '')).replace(/\s+/g, ' ');
}

const SENTENCE_END = /(?<=[.!?“"])\s+(?=[A-ZÄÖÜ„"»])/;
function sentences(text: string): string[] {
  return text.split(SENTENCE_END).map((s) => s.trim());
}

test('planted.json lists every corpus file, and every file it names exists', () => {
  const listed = new Set(planted.documents.map((d) => d.file));
  const onDisk = readdirSync(CORPUS).filter((name) => !name.startsWith('.'));
  assert.deepEqual([...listed].sort(), onDisk.sort());
  const keys = [
    ...planted.copies.flatMap((c) => [c.from, c.to]),
    ...planted.statement.original.in,
    ...planted.statement.translations.flatMap((t) => t.in),
    ...planted.events.flatMap((e) => e.mentions.map((m) => m.key)),
    ...planted.quotes.map((q) => q.key),
  ];
  const documentKeys = new Set(planted.documents.map((d) => d.key));
  for (const key of keys) {
    const isCompoundPart = key.startsWith(`${planted.compound.file}#part-`);
    assert.ok(documentKeys.has(key) || isCompoundPart, `${key} is not a planted document`);
  }
});

test('the Windows-1252 article is not valid UTF-8 but decodes as 1252 with its umlauts and quote marks', () => {
  const bytes = readFileSync(join(CORPUS, WINDOWS_1252_FILE));
  assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  const text = iconv.decode(bytes, 'windows-1252');
  assert.match(text, /„Unser Wasser ist kein Geheimnis“/);
  assert.match(text, /12\.000 €/);
  assert.match(text, /Brüning/);
});

test('the feed is well-formed RSS whose item guids are the planted records', () => {
  const feed = planted.documents.filter((d) => d.file.endsWith('.xml'));
  for (const file of new Set(feed.map((d) => d.file))) {
    assert.equal(XMLValidator.validate(readCorpusFile(file)), true);
    const guids = feedItems(file).map(guidOf).sort();
    assert.deepEqual(guids, feed.filter((d) => d.file === file).map((d) => d.record).sort());
  }
});

test('every JSON Lines record parses and carries text or html under a planted id', () => {
  const records = planted.documents.filter((d) => d.file.endsWith('.jsonl'));
  for (const file of new Set(records.map((d) => d.file))) {
    const parsed = jsonlRecords(file);
    for (const record of parsed) assert.ok(record.text || record.html, `${record.id} has neither text nor html`);
    assert.deepEqual(parsed.map((r) => r.id).sort(), records.filter((d) => d.file === file).map((d) => d.record).sort());
  }
});

test('every planted date phrase, quote and statement wording occurs where planted.json says', () => {
  for (const event of planted.events) {
    for (const mention of event.mentions) {
      assert.ok(textOf(mention.key).includes(mention.phrase), `${event.id}: "${mention.phrase}" not in ${mention.key}`);
    }
  }
  for (const quote of [...planted.quotes, ...planted.scareQuotes]) {
    assert.ok(textOf(quote.key).includes(quote.text), `"${quote.text}" not in ${quote.key}`);
  }
  for (const wording of [planted.statement.original, ...planted.statement.translations]) {
    for (const key of wording.in) assert.ok(textOf(key).includes(wording.text), `statement wording not in ${key}`);
  }
});

test('no text quotes one statement wording where planted.json lists another', () => {
  const wordings = [planted.statement.original, ...planted.statement.translations];
  for (const wording of wordings) {
    for (const other of wordings.filter((w) => w !== wording)) {
      // a compound part's text is its whole page, which holds parts quoting different wordings
      for (const key of other.in.filter((k) => !k.includes('#part-'))) {
        assert.ok(!textOf(key).includes(wording.text), `${key} holds an unlisted wording`);
      }
    }
  }
});

test('every planted copy shares at least one long sentence with its source', () => {
  // 60 characters: longer than any stock phrase ("Quelle: dpa", a dateline) the corpus repeats
  for (const copy of planted.copies) {
    const target = textOf(copy.to);
    const shared = sentences(textOf(copy.from)).filter((s) => s.length >= 60 && target.includes(s));
    assert.ok(shared.length > 0, `${copy.to} shares no sentence with ${copy.from}`);
  }
});

test('the compound page holds its planted parts in order and its scrape noise', () => {
  const page = readCorpusFile(planted.compound.file);
  let from = 0;
  for (const part of planted.compound.parts.filter((p) => p.startsWith)) {
    const at = page.indexOf(part.startsWith!, from);
    assert.ok(at >= from, `part ${part.index} ("${part.startsWith}") missing or out of order`);
    from = at;
  }
  for (const noise of planted.compound.noise) assert.ok(page.includes(noise), `noise "${noise}" missing`);
});

describe('process over the demo corpus', { skip: !existsSync(BUILT_CLI) && 'dist/ missing: run `npm run build` first' }, () => {
  let run: SpawnSyncReturns<string>;
  let articles: ArticleRecord[] = [];
  before(() => {
    run = spawnSync(process.execPath, [BIN, 'process', '--quiet', CORPUS], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    articles = run.stdout.trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as ArticleRecord);
  });

  test('exits 0 and yields at least 30 articles, one per feed item and JSON Lines record', () => {
    assert.equal(run.status, 0, run.stderr);
    assert.ok(articles.length >= 30, `only ${articles.length} articles`);
    assert.equal(articles.filter((a) => a.origin.path.endsWith('.xml')).length, 5);
    assert.equal(articles.filter((a) => a.origin.path.endsWith('.jsonl')).length, 3);
    const windows1252 = articles.find((a) => a.origin.path.endsWith(WINDOWS_1252_FILE));
    assert.match(windows1252?.text ?? '', /Brüning/, 'the Windows-1252 article decodes to umlauts');
  });

  test('gives every planted document its planted publication date and language', () => {
    // Compound parts are left to the compound-page tests: how a page splits is theirs to pin.
    for (const doc of planted.documents.filter((d) => d.file !== planted.compound.file)) {
      const found = articles.find((a) => a.origin.path.endsWith(doc.file) && (doc.record === undefined || a.origin.record === doc.record));
      assert.ok(found, `no article from ${doc.key}`);
      assert.equal(withoutZeroSeconds(found.published), withoutZeroSeconds(doc.published), `${doc.key}: published`);
      assert.equal(found.language, doc.language, `${doc.key}: language`);
    }
  });
});
