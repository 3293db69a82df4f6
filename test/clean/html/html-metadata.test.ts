import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHtml } from '../../../src/clean/html/parse-html.js';
import { readHtmlMetadata, splitTitleSuffix } from '../../../src/clean/html/html-metadata.js';

test('splitTitleSuffix takes a short last part as the site name', () => {
  assert.deepEqual(splitTitleSuffix('Rathaus bekommt Solardach | Rheinischer Bote'), { title: 'Rathaus bekommt Solardach', site: 'Rheinischer Bote' });
  assert.deepEqual(splitTitleSuffix('Landtag beschließt Haushalt - Politik - Südwestkurier'), { title: 'Landtag beschließt Haushalt - Politik', site: 'Südwestkurier' });
});

test('splitTitleSuffix leaves titles without a site suffix alone', () => {
  assert.equal(splitTitleSuffix('Nato-Gipfel endet ohne Einigung'), null);
  // The part after the dash is a long half of the headline, not a site name.
  assert.equal(splitTitleSuffix('Kurz - und dann fiel die Entscheidung für den neuen Standort im Norden der Stadt'), null);
});

test('og:title keeps its words; a site suffix equal to og:site_name is dropped', () => {
  const doc = parseHtml(`<html lang="de-AT"><head><meta property="og:site_name" content="Alpenblatt">
    <meta property="og:title" content="Schneefall sperrt Pässe | Alpenblatt"><title>Schneefall sperrt Pässe | Alpenblatt</title>
    <meta name="author" content="Eva Beispiel"></head><body></body></html>`);
  const meta = readHtmlMetadata(doc);
  assert.equal(meta.title, 'Schneefall sperrt Pässe');
  assert.equal(meta.siteName, 'Alpenblatt');
  assert.equal(meta.byline, 'Eva Beispiel');
  assert.equal(meta.declaredLanguage, 'de');
});

test('og:locale gives the language when <html lang> is missing; author URLs are not bylines', () => {
  const doc = parseHtml(`<html><head><meta property="og:locale" content="de_DE">
    <meta property="article:author" content="https://www.facebook.com/beispiel"></head><body></body></html>`);
  const meta = readHtmlMetadata(doc);
  assert.equal(meta.declaredLanguage, 'de');
  assert.equal(meta.byline, null);
});

test('a relative canonical link is not a URL we can use', () => {
  const doc = parseHtml('<html><head><link rel="canonical" href="/artikel/1"><meta property="og:url" content="https://a.example/artikel/1"></head></html>');
  assert.equal(readHtmlMetadata(doc).canonicalUrl, 'https://a.example/artikel/1');
});

test('JSON-LD nested 100 000 arrays deep is skipped, not a stack overflow', () => {
  const deep = '['.repeat(100_000) + ']'.repeat(100_000);
  const doc = parseHtml(`<html><head><script type="application/ld+json">${deep}</script><title>Kurze Meldung | Blatt</title></head></html>`);
  const meta = readHtmlMetadata(doc);
  assert.equal(meta.title, 'Kurze Meldung');
});
