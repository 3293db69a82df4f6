import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HTML_PATTERNS } from '../../../src/clean/html/html-patterns.js';

function check(pattern: RegExp, matches: string[], nonMatches: string[]) {
  for (const s of matches) assert.ok(pattern.test(s), `${pattern} should match "${s}"`);
  for (const s of nonMatches) assert.ok(!pattern.test(s), `${pattern} must not match "${s}"`);
}

test('boilerplateBlock matches furniture class names, not article wrappers or WordPress taxonomy classes', () => {
  check(HTML_PATTERNS.boilerplateBlock,
    ['share-bar', 'article-share', 'social-links', 'cookie-consent-banner', 'related-articles', 'main-nav', 'site-footer', 'ad', 'ad-slot top', 'post-tags', 'newsletter-box', 'breadcrumb'],
    ['article-body', 'header', 'download', 'address', 'tag-abendhimmel', 'custom_tags-clickbait', 'canvas', 'commentary article', 'entry-content']);
});

test('neverArticleBlock matches comment threads, cookie boxes and pop-ups, not opinion pieces', () => {
  check(HTML_PATTERNS.neverArticleBlock,
    ['comments-area', 'comment-list', 'kommentare', 'disqus_thread', 'respond', 'borlabscookie', 'cookie-box', 'pum-overlay popmake', 'modal-dialog'],
    ['commentary', 'news subjective commentary', 'article-body', 'share-bar']);
});

test('hiddenClass matches whole class tokens only', () => {
  check(HTML_PATTERNS.hiddenClass, ['sr-only', 'box hidden', 'visually-hidden', 'd-none'], ['hidden-xs', 'hidden-contents-menu', 'unhidden']);
});

test('photoCreditLine matches credit lines, not sentences that mention photos', () => {
  check(HTML_PATTERNS.photoCreditLine,
    ['Foto: dpa', 'Bild: Max Muster / AFP', '© picture alliance', 'Fotos: Anna Beispiel', '(c) Reuters', 'Copyright © Nordpost'],
    ['Fotografen waren vor Ort.', 'Das Bild zeigt den Hafen: voll.', 'Bildung ist Ländersache.']);
});

test('bylineLine matches short author lines, not sentences starting with "von"', () => {
  check(HTML_PATTERNS.bylineLine,
    ['Von Anna Beispiel', 'von Anna Beispiel und Max Muster', 'By Jane Doe', 'Von Lena Beispiel, Berlin', 'By Jane Doe - 11/19/19 06:56 AM EST', 'Von Anna Beispiel | 04.02.2022'],
    ['Von Montag an gilt die neue Regel für alle Mieter.', 'von der Leyen reist nach Kiew', 'Vonovia erhöht die Mieten']);
});

test('furnitureHeading matches headings that open comments or related links', () => {
  check(HTML_PATTERNS.furnitureHeading,
    ['Kommentare', '3 Kommentare', 'Kommentare (12)', 'Schreibe einen Kommentar', 'Mehr zum Thema', 'Das könnte Sie auch interessieren!', 'Ähnliche Artikel', 'Related Articles', 'Leave a Reply', 'Über den Autor', 'Lesen Sie auch die folgenden Beiträge:'],
    ['Kommentare im Netz lösen Debatte aus', 'Mehr zum Thema Energie sparen im Winter? Nein', 'Neue Regeln im Überblick', 'Schlagworte']);
});

test('furnitureLine also matches labels of tag lists and galleries, as whole lines only', () => {
  check(HTML_PATTERNS.furnitureLine,
    ['Schlagworte', 'Themen:', 'Bildergalerie', 'Weiterführende Informationen', 'Inhaltsverzeichnis', 'Explore further'],
    ['Themen der Woche sind Energie und Wohnen.', 'Die Bildergalerie zeigt den Umzug.']);
});

test('titleSeparator splits "Titel | Site" and "Titel - Site", not hyphenated words', () => {
  assert.deepEqual('Rathaus bekommt Solardach | Rheinischer Bote'.split(HTML_PATTERNS.titleSeparator), ['Rathaus bekommt Solardach', 'Rheinischer Bote']);
  assert.deepEqual('Nato-Gipfel endet - Nordpost'.split(HTML_PATTERNS.titleSeparator), ['Nato-Gipfel endet', 'Nordpost']);
  assert.deepEqual('Nato-Gipfel endet'.split(HTML_PATTERNS.titleSeparator), ['Nato-Gipfel endet']);
});

test('dateLine matches lines that only state a time, not numbers or prose', () => {
  check(HTML_PATTERNS.dateLine,
    ['04.02.2022 | 12:01 Uhr', 'Aktualisiert am 3. März 2024, 14:05 Uhr', 'PUBLISHED: 10:48, Tue, Nov 19, 2019 | UPDATED: 11:05, Tue, Nov 19, 2019', '3:59 PM', 'Stand: 12.03.2021'],
    ['5040', '2019', 'Kapitel 121 ist erschienen', 'Seit 2019 gilt die Regel am Main.', 'Am 3. März 2024 trat er zurück.']);
});

test('bylineTail cuts time stamps and dangling separators, not names', () => {
  const cut = (s: string) => s.replace(HTML_PATTERNS.bylineTail, '');
  assert.equal(cut('Anna Beispiel am 21. April 2020'), 'Anna Beispiel');
  assert.equal(cut('Jane Doe - 11/19/19 06:56 AM EST'), 'Jane Doe');
  assert.equal(cut('Ariel H -'), 'Ariel H');
  assert.equal(cut('Anna Beispiel, Max Muster'), 'Anna Beispiel, Max Muster');
  assert.equal(cut('Hans-Peter Muster'), 'Hans-Peter Muster');
});

test('furnitureRole matches furniture roles only', () => {
  check(HTML_PATTERNS.furnitureRole, ['navigation', 'banner', 'contentinfo', 'complementary'], ['main', 'article', 'navigation-main']);
});

test('captionBlock and photoCreditBlock match caption and credit class names, not body wrappers', () => {
  check(HTML_PATTERNS.captionBlock, ['wp-caption-text', 'bildunterschrift', 'image top imgtop', 'article__bu', 'photo-caption'], ['article-body', 'bullet', 'imaginary-content']);
  check(HTML_PATTERNS.photoCreditBlock, ['image-credit', 'copyright', 'bildnachweis'], ['kredit-rechner', 'entry-content']);
});

test('bylineBlock matches author markup; articleBlock and unlikelyBlock weigh containers', () => {
  check(HTML_PATTERNS.bylineBlock, ['byline', 'article-author', 'autor', 'author-name', 'p-author h-card'], ['authority-report', 'autorennen', 'content']);
  check(HTML_PATTERNS.articleBlock, ['article-body', 'entry-content', 'artikel-text', 'story'], ['sidebar', 'footer']);
  check(HTML_PATTERNS.unlikelyBlock, ['shoutbox', 'meta-data', 'teaser-list'], ['article-body', 'entry-content']);
});

test('hiddenStyle matches inline styles that hide a block', () => {
  check(HTML_PATTERNS.hiddenStyle, ['display:none', 'color: red; display : none', 'visibility: hidden'], ['display: block', 'visibility: visible']);
});
