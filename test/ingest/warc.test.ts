import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { readWarc } from '../../src/ingest/warc.js';
import { fileSource } from '../../src/ingest/input-source.js';

/** One WARC record as a crawler writes it: header lines, a blank line, the block, two CRLFs. */
function warcRecord(fields: Record<string, string>, block: string | Buffer): Buffer {
  const body = typeof block === 'string' ? Buffer.from(block, 'utf8') : block;
  const header = ['WARC/1.0', ...Object.entries(fields).map(([k, v]) => `${k}: ${v}`), `Content-Length: ${body.length}`].join('\r\n');
  return Buffer.concat([Buffer.from(`${header}\r\n\r\n`), body, Buffer.from('\r\n\r\n')]);
}

function httpResponse(contentType: string, body: string | Buffer, extraHeaders = '', status = '200 OK'): Buffer {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  return Buffer.concat([Buffer.from(`HTTP/1.1 ${status}\r\nContent-Type: ${contentType}\r\n${extraHeaders}\r\n`), bytes]);
}

/** HTTP/1.1 chunked transfer coding: hex byte count, CRLF, bytes, CRLF; a zero chunk ends it. */
function chunked(parts: string[]): Buffer {
  const pieces = parts.map((part) => Buffer.from(part, 'utf8')).map((bytes) => Buffer.concat([Buffer.from(`${bytes.length.toString(16)}\r\n`), bytes, Buffer.from('\r\n')]));
  return Buffer.concat([...pieces, Buffer.from('0\r\n\r\n')]);
}

const PAGE = '<html><head><title>Deich wird erhöht</title></head><body><p>Der Deich bei Warfendorf wird um einen Meter erhöht.</p></body></html>';

function sampleWarc(): Buffer {
  return Buffer.concat([
    warcRecord({ 'WARC-Type': 'warcinfo', 'WARC-Record-ID': '<urn:uuid:00000000-info>' }, 'software: test\r\n'),
    warcRecord({ 'WARC-Type': 'request', 'WARC-Target-URI': 'https://kuestenblatt.example/deich', 'WARC-Record-ID': '<urn:uuid:11111111-req>' }, 'GET /deich HTTP/1.1\r\n\r\n'),
    warcRecord(
      { 'WARC-Type': 'response', 'WARC-Target-URI': 'https://kuestenblatt.example/deich', 'WARC-Record-ID': '<urn:uuid:22222222-resp>', 'Content-Type': 'application/http; msgtype=response' },
      httpResponse('text/html; charset=ISO-8859-1', Buffer.from(PAGE, 'latin1')),
    ),
    warcRecord(
      { 'WARC-Type': 'response', 'WARC-Target-URI': 'https://kuestenblatt.example/logo.png', 'WARC-Record-ID': '<urn:uuid:33333333-img>' },
      httpResponse('image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47])),
    ),
    warcRecord(
      { 'WARC-Type': 'response', 'WARC-Target-URI': 'https://kuestenblatt.example/fehlt', 'WARC-Record-ID': '<urn:uuid:44444444-404>' },
      httpResponse('text/html', '<p>Seite nicht gefunden</p>', '', '404 Not Found'),
    ),
    warcRecord(
      { 'WARC-Type': 'response', 'WARC-Target-URI': 'https://kuestenblatt.example/faehre', 'WARC-Record-ID': '<urn:uuid:55555555-gz>' },
      httpResponse('text/html; charset=utf-8', gzipSync('<p>Die Fähre nach Sandoog fährt wieder.</p>'), 'Content-Encoding: gzip\r\n'),
    ),
    warcRecord(
      { 'WARC-Type': 'response', 'WARC-Target-URI': 'https://kuestenblatt.example/watt', 'WARC-Record-ID': '<urn:uuid:66666666-chunked>' },
      httpResponse('text/html', chunked(['<p>Wattführung</p>', '<p>ab 9', ' Uhr</p>\n']), 'Transfer-Encoding: chunked\r\n'),
    ),
  ]);
}

test('one HTML document per 2xx HTML response; target URI as URL, record id as record', () => {
  const docs = readWarc(sampleWarc(), fileSource('crawl.warc'), { streamTruncated: false });
  assert.deepEqual(docs.map((d) => d.origin.url), ['https://kuestenblatt.example/deich', 'https://kuestenblatt.example/faehre', 'https://kuestenblatt.example/watt']);
  const deich = docs[0]!;
  assert.equal(deich.format, 'html');
  assert.equal(deich.origin.record, 'urn:uuid:22222222-resp');
  assert.equal(deich.origin.path, 'crawl.warc');
  assert.equal(deich.label, 'crawl.warc, record 3');
  assert.equal(deich.hints.charset, 'ISO-8859-1');
  assert.equal(Buffer.from(deich.content as Uint8Array).toString('latin1'), PAGE);
  assert.equal(Buffer.from(docs[1]!.content as Uint8Array).toString('utf8'), '<p>Die Fähre nach Sandoog fährt wieder.</p>');
  assert.equal(Buffer.from(docs[2]!.content as Uint8Array).toString('utf8'), '<p>Wattführung</p><p>ab 9 Uhr</p>\n');
  assert.ok(docs.every((d) => d.messages.length === 0));
});

test('a WARC cut off inside a record keeps the records before it and says where it ends', () => {
  const whole = sampleWarc();
  const cut = whole.subarray(0, whole.indexOf('Wattf') + 3);
  const docs = readWarc(cut, fileSource('crawl.warc'), { streamTruncated: false });
  assert.deepEqual(docs.slice(0, 2).map((d) => d.origin.record), ['urn:uuid:22222222-resp', 'urn:uuid:55555555-gz']);
  assert.equal(docs.length, 3);
  assert.equal(docs[2]!.label, 'crawl.warc, record 7');
  assert.equal(docs[2]!.messages[0]!.rule, 'truncated-warc');
  assert.match(docs[2]!.messages[0]!.reason, /6 record\(s\) before it were read/);
});

test('bytes that are no WARC record are named once; records before them stay', () => {
  const bytes = Buffer.concat([sampleWarc(), Buffer.from('Hallo, ich bin kein WARC.\n')]);
  const docs = readWarc(bytes, fileSource('crawl.warc'), { streamTruncated: false });
  assert.equal(docs.length, 4);
  assert.equal(docs[3]!.messages[0]!.rule, 'bad-warc');
});

test('resource records with text/html are read too', () => {
  const bytes = warcRecord({ 'WARC-Type': 'resource', 'WARC-Target-URI': 'file:///archiv/seite.html', 'Content-Type': 'text/html', 'WARC-Record-ID': '<urn:uuid:77>' }, '<p>Archivseite</p>');
  const docs = readWarc(bytes, fileSource('archiv.warc'), { streamTruncated: false });
  assert.deepEqual(docs.map((d) => [d.origin.url, d.origin.record]), [['file:///archiv/seite.html', 'urn:uuid:77']]);
});
