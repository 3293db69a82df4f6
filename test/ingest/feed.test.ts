import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readXmlFeed } from '../../src/ingest/feed.js';
import { readJsonInput } from '../../src/ingest/json-feed.js';
import { fileSource } from '../../src/ingest/input-source.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/ingest');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

test('RSS 2.0: one document per item, content:encoded over description, title/link/date/guid as hints', () => {
  const docs = readXmlFeed(fixture('rss-content-encoded/input.xml'), fileSource('kreisbote.xml'));
  assert.equal(docs.length, 3);
  const [first, second, third] = docs;
  assert.equal(first!.format, 'html');
  assert.match(first!.content as string, /^<p>Die Gemeinde Talheim hat am Mittwoch/);
  assert.doesNotMatch(first!.content as string, /CDATA/);
  assert.equal(first!.hints.title, 'Neue Fähre für den Talsee & die Inseln');
  assert.equal(first!.hints.published, 'Thu, 15 Aug 2024 09:30:00 +0200');
  assert.equal(first!.hints.language, 'de');
  assert.deepEqual(first!.origin, { path: 'kreisbote.xml', url: 'https://kreisbote-talheim.example/lokales/neue-faehre-talsee', record: 'kbt-2024-0815', segment: null });
  assert.equal(first!.label, 'kreisbote.xml, item 1');
  // no content:encoded: the escaped description is the HTML; no guid: the link is the record id
  assert.equal(second!.content, '<p>Wegen der Unwetterwarnung findet das Sommerfest am Talsee erst eine Woche später statt.</p>');
  assert.equal(second!.hints.published, '2024-08-14T17:05:00+02:00');
  assert.equal(second!.origin.record, 'https://kreisbote-talheim.example/lokales/sommerfest-verschoben');
  assert.deepEqual(first!.messages, []);
  // a headline without a body is handed on empty: the clean stage's "no text" line then names it
  assert.equal(third!.content, '');
  assert.equal(third!.label, 'kreisbote.xml, item 3');
  assert.deepEqual(third!.messages, []);
});

test('Atom: xhtml content kept as markup, escaped html summary unescaped, rel=alternate link as URL', () => {
  const docs = readXmlFeed(fixture('atom-xhtml-content/input.atom'), fileSource('nordufer.atom'));
  assert.equal(docs.length, 2);
  const [hafen, haushalt] = docs;
  assert.match(hafen!.content as string, /<p>Der Hafen von Nordufer bekommt zwei neue Liegeplätze\.<\/p>/);
  assert.equal(hafen!.origin.url, 'https://nordufer.example/wirtschaft/hafen-erweitert');
  assert.equal(hafen!.origin.record, 'urn:uuid:a1-hafen-erweitert');
  assert.equal(hafen!.hints.published, '2024-03-01T10:15:00+01:00');
  assert.equal(hafen!.hints.title, 'Hafen <em>erweitert</em>');
  assert.equal(hafen!.hints.language, 'de');
  assert.equal(haushalt!.format, 'html');
  assert.equal(haushalt!.content, '<p>Der Stadtrat hat die Abstimmung über den Haushalt auf April verschoben.</p>');
  assert.equal(haushalt!.origin.url, 'https://nordufer.example/politik/haushalt-vertagt');
  assert.equal(haushalt!.hints.published, '2024-03-02T07:40:00+01:00');
});

test('a feed with invalid XML gets one fatal line with the line number, and the readable items still go in', () => {
  const docs = readXmlFeed(fixture('feed-invalid-xml/input.rss'), fileSource('flussbote.rss'));
  const fatal = docs.filter((d) => d.messages.some((m) => m.severity === 'fatal'));
  assert.equal(fatal.length, 1);
  const line = fatal[0]!;
  assert.equal(line.label, 'flussbote.rss, line 13');
  assert.equal(line.messages[0]!.rule, 'invalid-xml');
  assert.match(line.messages[0]!.reason, /descripton/);
  const items = docs.filter((d) => d !== line);
  const urls = items.map((d) => d.origin.url);
  assert.ok(urls.includes('https://flussbote.example/pegel-steigt'));
  assert.ok(urls.includes('https://flussbote.example/faehre-bus'), 'a bare & costs nothing when the item parses alone');
  assert.match(line.messages[0]!.reason, new RegExp(`read ${items.length} item`));
});

test('XML that is no feed is named as such', () => {
  const docs = readXmlFeed('<?xml version="1.0"?><katalog><buch>Titel</buch></katalog>', fileSource('kat.xml'));
  assert.equal(docs.length, 1);
  assert.equal(docs[0]!.messages[0]!.rule, 'not-a-feed');
});

test('JSON Feed: content_html as HTML, content_text as text, feed language inherited', () => {
  const docs = readJsonInput(fixture('json-feed-items/input.json'), fileSource('bergtal.json'));
  assert.equal(docs.length, 2);
  assert.equal(docs[0]!.format, 'html');
  assert.equal(docs[0]!.origin.record, 'bta-101');
  assert.equal(docs[0]!.origin.url, 'https://bergtal-anzeiger.example/101-seilbahn');
  assert.equal(docs[0]!.hints.title, 'Seilbahn fährt wieder');
  assert.equal(docs[0]!.hints.published, '2024-02-10T07:00:00+01:00');
  assert.equal(docs[1]!.format, 'text');
  assert.equal(docs[1]!.content, 'Der Lawinenwarndienst hat die Warnstufe am Sonntag auf zwei gesenkt.');
  assert.equal(docs[1]!.hints.language, 'de');
  assert.equal(docs[1]!.origin.url, null);
});

test('a JSON array of news records is read record by record', () => {
  const docs = readJsonInput('[{"id":"r1","text":"Erster Text."},{"id":"r2","html":"<p>Zweiter</p>"}]', fileSource('records.json'));
  assert.deepEqual(docs.map((d) => [d.origin.record, d.format]), [['r1', 'text'], ['r2', 'html']]);
});
