import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readSitemap } from '../../src/ingest/sitemap.js';

const SOURCE = { label: 'https://kreisbote.example/news-sitemap.xml', path: null, url: 'https://kreisbote.example/news-sitemap.xml' };

test('a Google News sitemap gives one document per page with its news title, date, language and publication', () => {
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:n="http://www.google.com/schemas/sitemap-news/0.9">
  <url><loc>https://kreisbote.example/lokales/bruecke-gesperrt</loc>
    <n:news><n:publication><n:name>Kreisbote</n:name><n:language>de</n:language></n:publication>
      <n:publication_date>2025-03-14T08:30:00+01:00</n:publication_date><n:title>Brücke &amp; Radweg gesperrt</n:title></n:news></url>
  <url><loc> https://kreisbote.example/sport/derby </loc><lastmod>2025-03-14</lastmod></url>
  <url><loc>mailto:redaktion@kreisbote.example</loc></url>
</urlset>`;
  const { documents, children } = readSitemap(xml, SOURCE);
  assert.deepEqual(children, []);
  assert.deepEqual(documents.map((d) => [d.origin.url, d.origin.record, d.label]), [
    ['https://kreisbote.example/lokales/bruecke-gesperrt', 'https://kreisbote.example/lokales/bruecke-gesperrt', `${SOURCE.label}, url 1`],
    ['https://kreisbote.example/sport/derby', 'https://kreisbote.example/sport/derby', `${SOURCE.label}, url 2`],
  ]);
  assert.deepEqual(documents[0]!.hints, { title: 'Brücke & Radweg gesperrt', published: '2025-03-14T08:30:00+01:00', outlet: 'Kreisbote', language: 'de' });
  assert.deepEqual(documents[1]!.hints, {}, 'lastmod is when the page changed, not when it was published');
  assert.equal(documents[0]!.content, '', 'no text of its own: the page is fetched');
});

test('a sitemap index lists its child sitemaps', () => {
  const xml = `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>https://kreisbote.example/sitemap-2025-03.xml</loc><lastmod>2025-03-14T09:00:00Z</lastmod></sitemap>
<sitemap><loc>https://kreisbote.example/sitemap-2025-02.xml</loc></sitemap></sitemapindex>`;
  const { documents, children } = readSitemap(xml, SOURCE);
  assert.deepEqual(documents, []);
  assert.deepEqual(children, [
    { url: 'https://kreisbote.example/sitemap-2025-03.xml', lastmod: '2025-03-14T09:00:00Z' },
    { url: 'https://kreisbote.example/sitemap-2025-02.xml', lastmod: null },
  ]);
});

test('broken XML and XML that is no sitemap are named, not read', () => {
  const broken = readSitemap('<urlset><url><loc>https://a.example/x</loc></url>', SOURCE);
  assert.equal(broken.documents[0]!.messages[0]!.rule, 'invalid-xml');
  const other = readSitemap('<rss version="2.0"><channel/></rss>', SOURCE);
  assert.equal(other.documents[0]!.messages[0]!.rule, 'not-a-sitemap');
});
