import { test } from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import type { RawDocument } from '../../src/article.js';
import { decodeBytes, decodeContent, looksBinary } from '../../src/clean/encoding.js';

function rawBytes(content: Uint8Array, format: 'text' | 'html' = 'text', charset?: string): RawDocument {
  return {
    origin: { path: 'x', url: null, record: null, segment: null },
    format,
    content,
    hints: charset ? { charset } : {},
    label: 'x',
    messages: [],
  };
}

const rules = (messages: readonly { rule: string }[]) => messages.map((m) => m.rule);

test('windows-1252-umlauts: undeclared 1252 bytes are guessed with an info note', () => {
  const bytes = Buffer.from('Größe der Straße', 'latin1');
  // latin1 has no „ “: write their 1252 bytes (84, 93) by hand
  const withQuotes = Buffer.concat([Buffer.from('Größe der Straße ', 'latin1'), Buffer.from([0x84]), Buffer.from('Übermaß', 'latin1'), Buffer.from([0x93])]);
  const plain = decodeContent(rawBytes(bytes));
  assert.equal(plain.text, 'Größe der Straße');
  assert.equal(plain.charset, 'windows-1252');
  assert.deepEqual(rules(plain.messages), ['encoding-guessed']);
  assert.equal(plain.messages[0]!.severity, 'info');
  const quoted = decodeContent(rawBytes(withQuotes));
  assert.equal(quoted.text, 'Größe der Straße „Übermaß“');
});

test('valid UTF-8 is read as UTF-8 without a note', () => {
  const decoded = decodeContent(rawBytes(Buffer.from('Bürgermeisterin äußert sich', 'utf8')));
  assert.equal(decoded.text, 'Bürgermeisterin äußert sich');
  assert.equal(decoded.charset, 'utf-8');
  assert.deepEqual(decoded.messages, []);
});

test('output is NFC even when the input spells umlauts with combining marks', () => {
  const decomposed = 'Mu\u0308nchen';
  const decoded = decodeContent(rawBytes(Buffer.from(decomposed, 'utf8')));
  assert.equal(decoded.text, 'München');
  assert.equal(decodeContent({ ...rawBytes(new Uint8Array()), content: decomposed }).text, 'München');
});

test('a UTF-8 byte-order mark is dropped and wins over a declared charset', () => {
  const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Grüße', 'utf8')]);
  const decoded = decodeContent(rawBytes(bytes, 'text', 'iso-8859-1'));
  assert.equal(decoded.text, 'Grüße');
  assert.equal(decoded.charset, 'utf-8');
});

test('UTF-16 with a byte-order mark is read, and its NUL bytes do not count as binary', () => {
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Köln meldet Schnee', 'utf16le')]);
  assert.equal(looksBinary(le), false);
  assert.equal(decodeContent(rawBytes(le)).text, 'Köln meldet Schnee');
  const be = Buffer.from(le.map((_, i) => le[i ^ 1]!)); // swap byte pairs: FE FF + big-endian
  assert.equal(decodeContent(rawBytes(be)).text, 'Köln meldet Schnee');
});

test('a charset declared in the hints (HTTP header, XML declaration) is used', () => {
  const bytes = Buffer.from([0x47, 0x72, 0xf6, 0xdf, 0x65]); // "Größe" in ISO-8859-15 and 1252
  const decoded = decodeContent(rawBytes(bytes, 'text', 'ISO-8859-15'));
  assert.equal(decoded.text, 'Größe');
  assert.equal(decoded.charset, 'iso-8859-15');
  assert.deepEqual(decoded.messages, []);
});

test('<meta charset> and http-equiv in the first 2 KB of HTML are read', () => {
  const body = Buffer.from('<p>Gemüse</p>', 'latin1');
  const meta = Buffer.concat([Buffer.from('<html><head><meta charset="windows-1252"></head><body>'), body]);
  assert.equal(decodeContent(rawBytes(meta, 'html')).charset, 'windows-1252');
  const httpEquiv = Buffer.concat([
    Buffer.from('<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-15"></head>'),
    body,
  ]);
  const decoded = decodeContent(rawBytes(httpEquiv, 'html'));
  assert.equal(decoded.charset, 'iso-8859-15');
  assert.match(decoded.text!, /Gemüse/);
});

test('a <meta> declaring Latin-1 over valid UTF-8 umlauts is overruled, with a note', () => {
  const bytes = Buffer.from('<meta charset="iso-8859-1"><p>Überschwemmung in Süddeutschland</p>', 'utf8');
  const decoded = decodeContent(rawBytes(bytes, 'html'));
  assert.equal(decoded.charset, 'utf-8');
  assert.match(decoded.text!, /Überschwemmung in Süddeutschland/);
  assert.deepEqual(rules(decoded.messages), ['charset-mismatch']);
});

test('declared UTF-8 over Windows-1252 bytes is read as Windows-1252 with a warning', () => {
  const bytes = Buffer.concat([Buffer.from('<meta charset="utf-8"><p>'), Buffer.from('Blümchen für Jürgen', 'latin1')]);
  const decoded = decodeContent(rawBytes(bytes, 'html'));
  assert.match(decoded.text!, /Blümchen für Jürgen/);
  assert.deepEqual(rules(decoded.messages), ['charset-mismatch']);
  assert.equal(decoded.messages[0]!.severity, 'warning');
});

test('an unknown declared charset is named in a warning and the bytes decide', () => {
  const decoded = decodeContent(rawBytes(Buffer.from('Fähre', 'utf8'), 'text', 'x-klingon'));
  assert.equal(decoded.text, 'Fähre');
  assert.deepEqual(rules(decoded.messages), ['unknown-charset']);
  assert.match(decoded.messages[0]!.reason, /x-klingon/);
});

test('mostly UTF-8 with one stray Latin-1 byte stays UTF-8 and says how many were replaced', () => {
  const bytes = Buffer.concat([Buffer.from('Österreich wählt früher. ', 'utf8'), Buffer.from([0xe9]), Buffer.from(' Ende', 'utf8')]);
  const decoded = decodeContent(rawBytes(bytes));
  assert.equal(decoded.charset, 'utf-8');
  assert.match(decoded.text!, /^Österreich wählt früher\. \ufffd Ende$/);
  assert.deepEqual(rules(decoded.messages), ['invalid-utf8']);
});

test('mis-encoded text (UTF-8 once read as Windows-1252) is repaired with a warning', () => {
  const mojibake = iconv.decode(Buffer.from('Die Größe der Brücke überrascht', 'utf8'), 'windows-1252');
  assert.match(mojibake, /GrÃ¶ÃŸe/);
  const decoded = decodeContent(rawBytes(Buffer.from(mojibake, 'utf8')));
  assert.equal(decoded.text, 'Die Größe der Brücke überrascht');
  assert.deepEqual(rules(decoded.messages), ['mojibake-repaired']);
});

test('a single "Ã" in a name is not taken for mojibake', () => {
  const decoded = decodeContent(rawBytes(Buffer.from('São Paulo und Ãvila', 'utf8')));
  assert.equal(decoded.text, 'São Paulo und Ãvila');
  assert.deepEqual(decoded.messages, []);
});

test('binary bytes are refused with a fatal binary-content message', () => {
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]);
  const decoded = decodeContent(rawBytes(png));
  assert.equal(decoded.text, null);
  assert.equal(decoded.messages[0]!.rule, 'binary-content');
  assert.equal(decoded.messages[0]!.severity, 'fatal');
  const controls = Buffer.from(Array.from({ length: 400 }, (_, i) => (i % 5 === 0 ? 0x03 : 0x41)));
  assert.equal(looksBinary(controls), true);
  assert.equal(looksBinary(Buffer.from('Zeile eins\r\n\tZeile zwei\f\n')), false);
});

test('decodeBytes reads the encoding of an XML declaration when nothing else is declared', () => {
  const bytes = Buffer.concat([Buffer.from('<?xml version="1.0" encoding="ISO-8859-15"?><rss>'), Buffer.from([0xa4]), Buffer.from('</rss>')]);
  const decoded = decodeBytes(bytes);
  assert.equal(decoded.charset, 'iso-8859-15');
  assert.match(decoded.text!, /€/); // A4 is € in ISO-8859-15, ¤ in Latin-1
});

test('C1 control characters left by a 1252 byte copied into Unicode become their 1252 characters', () => {
  const decoded = decodeContent(rawBytes(Buffer.from('Die \u0093Operation Sauber\u0094 endete \u0096 vorerst.', 'utf8')));
  assert.equal(decoded.text, 'Die “Operation Sauber” endete – vorerst.');
});
