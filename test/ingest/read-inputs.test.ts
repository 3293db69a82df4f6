import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, truncateSync, symlinkSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import type { RawDocument } from '../../src/article.js';
import { readInputs, type ReadOptions } from '../../src/ingest/read-inputs.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/ingest');

async function readAll(specs: string[], options: Partial<ReadOptions> = {}): Promise<RawDocument[]> {
  const docs: RawDocument[] = [];
  for await (const doc of readInputs(specs, options)) docs.push(doc);
  return docs;
}

function scratchDir(): string {
  return mkdtempSync(join(tmpdir(), 'st-ingest-'));
}

const fatalRules = (docs: RawDocument[]) =>
  docs.flatMap((d) => d.messages.filter((m) => m.severity === 'fatal').map((m) => `${d.label}: ${m.rule}`));

test('directories are read recursively in sorted order, hidden files and folders skipped', async () => {
  const dir = join(FIXTURES, 'directory-skips-hidden');
  const docs = await readAll([dir]);
  assert.deepEqual(docs.map((d) => d.origin.path), [join(dir, 'a-hafenfest.txt'), join(dir, 'ressort/b-radweg.html')]);
  assert.deepEqual(docs.map((d) => d.format), ['text', 'html']);
  assert.ok(docs[0]!.content instanceof Uint8Array);
});

test('a symlink loop in a directory ends instead of recursing forever', async () => {
  const dir = scratchDir();
  mkdirSync(join(dir, 'a'));
  writeFileSync(join(dir, 'a', 'meldung.txt'), 'Titel\n\nText.\n');
  symlinkSync(dir, join(dir, 'a', 'zurueck'));
  const docs = await readAll([dir]);
  assert.ok(docs.length >= 1 && docs.length <= 2, `read ${docs.length} documents`);
});

test('an .net file holding a saved page is read as HTML', async () => {
  const docs = await readAll([join(FIXTURES, 'html-named-net/input.net')]);
  assert.equal(docs[0]!.format, 'html');
});

test('malformed HTML is still handed on as HTML, not refused', async () => {
  const docs = await readAll([join(FIXTURES, 'malformed-html/input.html')]);
  assert.equal(docs.length, 1);
  assert.equal(docs[0]!.format, 'html');
  assert.deepEqual(docs[0]!.messages, []);
});

test('containers are recognised by content: feed, JSON Feed and JSON Lines files give one document per item', async () => {
  const docs = await readAll([
    join(FIXTURES, 'rss-content-encoded/input.xml'),
    join(FIXTURES, 'json-feed-items/input.json'),
    join(FIXTURES, 'atom-xhtml-content/input.atom'),
  ]);
  assert.equal(docs.length, 3 + 2 + 2);
  assert.ok(docs.every((d) => d.origin.record !== null));
});

test('gzipped HTML and gzipped JSON Lines are unpacked and read', async () => {
  const dir = scratchDir();
  writeFileSync(join(dir, 'seite.html.gz'), gzipSync('<html><body><p>Die Schleuse ist wieder offen.</p></body></html>'));
  writeFileSync(join(dir, 'meldungen.jsonl.gz'), gzipSync('{"id":"m1","text":"Erste Meldung."}\n{"id":"m2","text":"Zweite Meldung."}\n'));
  const docs = await readAll([join(dir, 'meldungen.jsonl.gz'), join(dir, 'seite.html.gz')]);
  assert.deepEqual(docs.map((d) => [d.format, d.origin.record]), [['text', 'm1'], ['text', 'm2'], ['html', null]]);
  assert.equal(Buffer.from(docs[2]!.content as Uint8Array).toString('utf8'), '<html><body><p>Die Schleuse ist wieder offen.</p></body></html>');
});

test('a .warc.gz of gzip members is read record by record', async () => {
  const dir = scratchDir();
  const record = (id: string, uri: string, html: string) => {
    const http = `HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n${html}`;
    const block = Buffer.from(http, 'utf8');
    return gzipSync(Buffer.concat([Buffer.from(`WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: ${uri}\r\nWARC-Record-ID: <${id}>\r\nContent-Length: ${block.length}\r\n\r\n`), block, Buffer.from('\r\n\r\n')]));
  };
  // crawlers gzip each record as its own member; gunzip reads them as one stream
  writeFileSync(join(dir, 'crawl.warc.gz'), Buffer.concat([record('urn:1', 'https://a.example/1', '<p>Eins</p>'), record('urn:2', 'https://a.example/2', '<p>Zwei</p>')]));
  const docs = await readAll([join(dir, 'crawl.warc.gz')]);
  assert.deepEqual(docs.map((d) => [d.origin.record, d.origin.url]), [['urn:1', 'https://a.example/1'], ['urn:2', 'https://a.example/2']]);

  // cut inside the third member: the two whole records stay, one line says the file ends early
  const long = `<p>${'Ein Absatz über das Hochwasser am Fluss, mit vielen Wörtern darin. '.repeat(200)}</p>`;
  const third = record('urn:3', 'https://a.example/3', long);
  const whole = Buffer.concat([record('urn:1', 'https://a.example/1', '<p>Eins</p>'), record('urn:2', 'https://a.example/2', '<p>Zwei</p>'), third]);
  writeFileSync(join(dir, 'cut.warc.gz'), whole.subarray(0, whole.length - (third.length >> 1)));
  const cut = await readAll([join(dir, 'cut.warc.gz')]);
  assert.deepEqual(fatalRules(cut), [`${join(dir, 'cut.warc.gz')}: truncated-gzip`]);
  // streamed: the records come as they are read, the line about the break after them
  assert.deepEqual(cut.slice(0, 2).map((d) => d.origin.record), ['urn:1', 'urn:2']);
  assert.match(cut[2]!.messages[0]!.reason, /gzip stream ends early .*the 2 record\(s\) before it were read/);
});

test('hostile inputs: each gets one fatal line naming it, and the good file between them still goes in', async () => {
  const dir = scratchDir();
  const path = (name: string) => join(dir, name);
  writeFileSync(path('leer.txt'), '');
  writeFileSync(path('bild.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]));
  writeFileSync(path('riesig.txt'), '');
  truncateSync(path('riesig.txt'), 50 * 1024 * 1024 + 1); // sparse: 50 MB + 1 byte without writing them
  const packed = gzipSync(Buffer.from(`<html><body>${'<p>Ein langer Absatz über die Hafenerweiterung.</p>'.repeat(400)}</body></html>`));
  writeFileSync(path('abgeschnitten.html.gz'), packed.subarray(0, Math.floor(packed.length / 2)));
  writeFileSync(path('gut.txt'), 'Gute Nachricht\n\nDer Hafen bleibt offen.\n');
  const docs = await readAll(['leer.txt', 'bild.txt', 'riesig.txt', 'fehlt.txt', 'abgeschnitten.html.gz', 'gut.txt'].map(path));
  assert.deepEqual(fatalRules(docs), [
    `${path('leer.txt')}: empty`,
    `${path('bild.txt')}: binary-content`,
    `${path('riesig.txt')}: too-large`,
    `${path('fehlt.txt')}: not-found`,
    `${path('abgeschnitten.html.gz')}: truncated-gzip`,
  ]);
  assert.equal(docs.length, 6, 'one document per input: one line each');
  assert.match(docs[2]!.messages[0]!.reason, /^52428801 bytes is over the 52428800-byte limit/);
  assert.deepEqual(docs[5]!.messages, []);
});

test('a truncated .jsonl.gz keeps the complete records before the break and says so once', async () => {
  const dir = scratchDir();
  const lines = Array.from({ length: 300 }, (_, i) => JSON.stringify({ id: `r${i}`, text: `Meldung Nummer ${i} über den Deichbau an der Küste, mit etwas Text.` })).join('\n');
  const packed = gzipSync(Buffer.from(`${lines}\n`));
  writeFileSync(join(dir, 'meldungen.jsonl.gz'), packed.subarray(0, Math.floor(packed.length * 0.6)));
  const docs = await readAll([join(dir, 'meldungen.jsonl.gz')]);
  const fatal = fatalRules(docs);
  assert.deepEqual(fatal, [`${join(dir, 'meldungen.jsonl.gz')}: truncated-gzip`]);
  const records = docs.slice(1);
  assert.ok(records.length > 10 && records.length < 300, `${records.length} records kept`);
  assert.deepEqual(records.map((d) => d.origin.record), records.map((_, i) => `r${i}`));
});

test('a gzip that unpacks past the size cap is refused', async () => {
  const dir = scratchDir();
  writeFileSync(join(dir, 'bombe.txt.gz'), gzipSync(Buffer.alloc(2 * 1024 * 1024, 0x41)));
  const docs = await readAll([join(dir, 'bombe.txt.gz')], { maxInputBytes: 1024 * 1024 });
  assert.deepEqual(fatalRules(docs), [`${join(dir, 'bombe.txt.gz')}: too-large`]);
});

test('"-" reads stdin, sniffs what it is, and is labelled stdin', async () => {
  const stdin = Readable.from([Buffer.from('{"id":"s1","text":"Von der Standardeingabe."}\n')]);
  const docs = await readAll(['-'], { stdin });
  assert.deepEqual(docs.map((d) => [d.label, d.origin.path, d.origin.record]), [['stdin, line 1', null, 's1']]);
});

test('stdin over the size cap is refused with one line', async () => {
  const stdin = Readable.from([Buffer.alloc(600, 0x61), Buffer.alloc(600, 0x62)]);
  const docs = await readAll(['-'], { stdin, maxInputBytes: 1000 });
  assert.deepEqual(fatalRules(docs), ['stdin: too-large']);
});

test('empty stdin is named', async () => {
  const docs = await readAll(['-'], { stdin: Readable.from([]) });
  assert.deepEqual(fatalRules(docs), ['stdin: empty']);
});

test('a JSON Lines file in Windows-1252 is decoded, and the guess is noted on its first record', async () => {
  const dir = scratchDir();
  writeFileSync(join(dir, 'alt.jsonl'), Buffer.from('{"id":"x1","text":"Größere Fähre für Südstadt."}\n{"id":"x2","text":"Zweite Meldung."}\n', 'latin1'));
  const docs = await readAll([join(dir, 'alt.jsonl')]);
  assert.equal(docs[0]!.content, 'Größere Fähre für Südstadt.');
  assert.deepEqual(docs[0]!.messages.map((m) => m.rule), ['encoding-guessed']);
  assert.deepEqual(docs[1]!.messages, []);
});

test('a WARC file is streamed: the size cap applies per record, and an HTML record over it is named', async () => {
  const dir = scratchDir();
  const response = (id: string, html: string) => {
    const block = Buffer.from(`HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n${html}`, 'utf8');
    return Buffer.concat([Buffer.from(`WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://a.example/${id}\r\nWARC-Record-ID: <${id}>\r\nContent-Length: ${block.length}\r\n\r\n`), block, Buffer.from('\r\n\r\n')]);
  };
  const records = Array.from({ length: 30 }, (_, i) => response(`urn:${i}`, `<p>Meldung ${i}: ${'Der Gemeinderat tagt am Abend im Rathaus. '.repeat(20)}</p>`));
  records.splice(10, 0, response('urn:gross', `<p>${'Überlanger Liveticker mit vielen Einträgen. '.repeat(200)}</p>`));
  writeFileSync(join(dir, 'crawl.warc'), Buffer.concat(records));
  const maxInputBytes = 4096; // the file is ~40 KB: over the cap as a whole, each record under it but one
  const docs = await readAll([join(dir, 'crawl.warc')], { maxInputBytes });
  assert.deepEqual(fatalRules(docs), [`${join(dir, 'crawl.warc')}, record 11: too-large`]);
  const failed = docs.find((d) => d.messages.length > 0)!;
  assert.equal(failed.origin.url, 'https://a.example/urn:gross');
  assert.equal(docs.filter((d) => d.messages.length === 0).length, 30);
});

test('the WARC record reader gets the same records whatever the chunk boundaries', async () => {
  const { readWarcStream } = await import('../../src/ingest/warc.js');
  const block = Buffer.from('HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>Fährhaus</p>', 'utf8');
  const record = (id: string) => Buffer.concat([Buffer.from(`WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <${id}>\r\nContent-Length: ${block.length}\r\n\r\n`), block, Buffer.from('\r\n\r\n')]);
  const bytes = Buffer.concat([record('a'), record('b'), record('c')]);
  for (const size of [1, 7, 64, bytes.length]) {
    async function* chunks() {
      for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
    }
    const docs: RawDocument[] = [];
    for await (const doc of readWarcStream(chunks(), { label: 'x.warc', path: 'x.warc', url: null }, 1024)) docs.push(doc);
    assert.deepEqual(docs.map((d) => d.origin.record), ['a', 'b', 'c'], `chunks of ${size}`);
    assert.equal(Buffer.from(docs[2]!.content as Uint8Array).toString('utf8'), '<p>Fährhaus</p>');
  }
});

test('an empty WARC file is named', async () => {
  const dir = scratchDir();
  writeFileSync(join(dir, 'leer.warc'), '');
  assert.deepEqual(fatalRules(await readAll([join(dir, 'leer.warc')])), [`${join(dir, 'leer.warc')}: empty`]);
});
