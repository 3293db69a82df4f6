import { test } from 'node:test';
import assert from 'node:assert/strict';
import { charsetFromContentType, formatFromName, sniffInputFormat } from '../../src/ingest/input-format.js';

const bytes = (text: string) => Buffer.from(text, 'utf8');

test('the extension and the Content-Type say what to expect', () => {
  assert.equal(formatFromName('a/b/seite.HTM'), 'html');
  assert.equal(formatFromName('crawl.warc.gz'), 'gzip');
  assert.equal(formatFromName('meldungen.ndjson'), 'jsonl');
  assert.equal(formatFromName('https://x.example/feed.rss?page=2'), 'feed-xml');
  assert.equal(formatFromName('https://x.example/feed', 'application/atom+xml; charset=utf-8'), 'feed-xml');
  assert.equal(formatFromName('https://x.example/artikel', 'text/html'), 'html');
  assert.equal(formatFromName('notizen'), null);
});

test('strong signatures in the content win over a lying name', () => {
  assert.equal(sniffInputFormat(Buffer.from([0x1f, 0x8b, 0x08, 0x00]), 'text'), 'gzip');
  assert.equal(sniffInputFormat(bytes('WARC/1.1\r\nWARC-Type: warcinfo\r\n'), 'html'), 'warc');
  assert.equal(sniffInputFormat(bytes('<?xml version="1.0"?>\n<rss version="2.0"><channel>'), 'html'), 'feed-xml');
  assert.equal(sniffInputFormat(bytes('\ufeff  <!DOCTYPE html><html lang="de">'), 'text'), 'html');
  assert.equal(sniffInputFormat(bytes('<!-- gespeichert -->\n<html><body>'), null), 'html');
  assert.equal(sniffInputFormat(bytes('<?xml version="1.0"?>\n<!DOCTYPE html>\n<html xmlns="http://www.w3.org/1999/xhtml">'), 'feed-xml'), 'html');
  assert.equal(sniffInputFormat(bytes('<?xml version="1.0"?><katalog><p>Kein Feed</p></katalog>'), 'feed-xml'), 'html');
  assert.equal(sniffInputFormat(bytes('<?xml version="1.0"?><katalog><buch>Titel</buch></katalog>'), 'feed-xml'), 'feed-xml');
  assert.equal(sniffInputFormat(bytes('{"version": "https://jsonfeed.org/version/1.1", "items": []}'), 'jsonl'), 'feed-json');
  assert.equal(sniffInputFormat(bytes('[{"id": "a", "text": "Eins."}]'), 'feed-json'), 'feed-json');
  assert.equal(sniffInputFormat(bytes('[Anzeige] Neue Küchen ab sofort'), null), 'text');
});

test('without a signature the promise holds, and nothing at all means plain text', () => {
  assert.equal(sniffInputFormat(bytes('Überschrift\n\nText des Artikels.'), 'html'), 'html');
  assert.equal(sniffInputFormat(bytes('Überschrift\n\nText des Artikels.'), null), 'text');
  assert.equal(sniffInputFormat(bytes('<p>Ein gespeicherter Absatz.</p>'), null), 'html');
  assert.equal(sniffInputFormat(bytes('{"id": 1, "text": "x"}\n{"id": 2, "text": "y"}'), null), 'jsonl');
  assert.equal(sniffInputFormat(bytes('{Eilmeldung} Der Bahnhof ist gesperrt.'), 'text'), 'text');
  // a .gz that is not gzipped, a .jsonl of prose: read what is there
  assert.equal(sniffInputFormat(bytes('Nur Text, nicht gepackt.'), 'gzip'), 'text');
  assert.equal(sniffInputFormat(bytes('Nur Text, keine Datensätze.'), 'jsonl'), 'text');
});

test('a charset parameter is read from a Content-Type', () => {
  assert.equal(charsetFromContentType('text/html; charset="ISO-8859-1"'), 'ISO-8859-1');
  assert.equal(charsetFromContentType('text/html;charset=utf-8'), 'utf-8');
  assert.equal(charsetFromContentType('text/html'), undefined);
});
