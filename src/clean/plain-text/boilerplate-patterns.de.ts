/**
 * Named patterns for scrape noise in German (and the English of blog themes) news text, one
 * paragraph at a time. Each says what it matches; test/clean/plain-text/boilerplate-patterns.test.ts
 * pins what it must match and what it must leave alone.
 */
import type { SideText } from '../../article.js';

export interface LinePattern {
  /** Stable rule id, used in tests and diagnostics: 'social-counter'. */
  readonly rule: string;
  readonly pattern: RegExp;
  /** What the matched paragraph becomes: kept aside as this kind of side text. */
  readonly kind: SideText['kind'];
}

/** Whole paragraphs that are page furniture of blog and CMS themes, matched exactly (case-insensitive). */
const FURNITURE_LINES = [
  'Leave a Reply',
  'Leave a Comment',
  'Kommentar verfassen',
  'Kommentar schreiben',
  'Antworten',
  'Alle ansehen',
  'Alle anzeigen',
  'Aktuelle Beiträge',
  'Neueste Beiträge',
  'Ähnliche Beiträge',
  'Verwandte Beiträge',
  'Das könnte Sie auch interessieren',
  'Auch interessant',
  'Weitere Artikel',
  'Artikel teilen',
  'Teilen',
  'Drucken',
  'Zum Seitenanfang',
  'Nach oben',
  'Mehr zum Thema',
];
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

/** Agencies as they sign after a slash ("ab/dpa"); extract/credits/agencies.tsv names them all. */
const SLASH_SIGNING_AGENCIES = ['dpa', 'dpa-AFX', 'DPA', 'AFP', 'afp', 'AP', 'ap', 'Reuters', 'rtr', 'KNA', 'kna', 'epd', 'SID', 'sid', 'APA', 'apa', 'SDA', 'sda', 'dts', 'ddp', 'dapd']
  .map(escapeRegExp)
  .join('|');

/**
 * Paragraph rules, tried in order; the first match decides. Every rule matches a whole paragraph
 * and is bounded in length, so none can swallow an article sentence that merely contains the words.
 */
export const BOILERPLATE_LINES_DE: readonly LinePattern[] = [
  { rule: 'theme-furniture', pattern: new RegExp(`^(?:${FURNITURE_LINES.map(escapeRegExp).join('|')}):?$`, 'iu'), kind: 'boilerplate' },
  // "21 Ansichten0 Kommentare", "3 Kommentare", "1.204 Aufrufe"
  {
    rule: 'social-counter',
    pattern: /^[\d.]+\s*(?:Ansichten|Aufrufe|Views|Likes?|Kommentare?|Comments?|Shares?)(?:\s*[\d.]+\s*(?:Kommentare?|Comments?|Likes?|Shares?))*$/iu,
    kind: 'boilerplate',
  },
  // "source site-26": the scraper's marker of where it found the text.
  { rule: 'scraper-marker', pattern: /^source site-\d+$/iu, kind: 'boilerplate' },
  // "03.02.2022 | 01:41 min": the date and length of an embedded video, which is not the article's date.
  { rule: 'media-length', pattern: /^\d{1,2}\.\d{1,2}\.\d{2,4}\s*\|\s*\d{1,2}:\d{2}(?::\d{2})?\s*min\.?$/iu, kind: 'boilerplate' },
  // "Mehr zum Thema – Putin warnt …", "Mehr zu China, Russland und dem Westen": related-links headers and cards.
  { rule: 'more-on-topic', pattern: /^Mehr (?:zum Thema|zu|zur|zum|über)\b[^.!?]{0,150}$/u, kind: 'teaser' },
  // "Quelle: www.globallookpress.com © Kremlin Pool", "Foto: dpa", "© picture alliance"; before link cards,
  // which "Bildcredit: (c) Name - agentur.com" would also match.
  {
    rule: 'photo-credit',
    pattern: /^(?:(?:Fotos?|Bild|Bilder|Bildquelle|Bildnachweis|Bildcredit|Fotocredit|Photo|Titelbild|Symbolbild|Symbolgrafik|Grafik)\s*:\s*[^\n]{1,120}|(?:Quelle|Credit)\s*:\s*[^\n]{0,80}(?:©|www\.)[^\n]{0,80}|©\s*[^\n]{1,100})$/iu,
    kind: 'photo-credit',
  },
  // "Unterstützung für Russland: Kreml: China fordert … - n-tv.de": a link card naming its site.
  {
    rule: 'link-card',
    pattern: /^[^\n]{5,200}\s[-–—|]\s(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,12}$/u,
    kind: 'teaser',
  },
  // "• fordern Ende der Nato-Osterweite...": a bulleted link cut off by the theme. Whole bulleted lists stay.
  { rule: 'truncated-bullet-link', pattern: /^[•·▪►‣-]\s*[^\n]{1,150}(?:\.\.\.|…)$/u, kind: 'teaser' },
  // "Quelle: dpa, AFP", "Quelle: RT DE", "Mit Material von dpa": the text's sources, kept for extract/credits.
  // The colon is required: "Quellen zufolge …" opens a sentence.
  { rule: 'source-line', pattern: /^(?:(?:Quellen?|Agenturen|Sources?)\s*:|Mit Material (?:von|der|des)\b:?)\s*[^\n]{1,100}$/iu, kind: 'credit-line' },
  { rule: 'contributed-line', pattern: /^[^.!?\n]{2,80}\s(?:haben|hat)\s+zu\s+diese[mr]\s+(?:Bericht|Artikel|Beitrag)\s+beigetragen\.?$/u, kind: 'credit-line' },
  // "ab/dpa", "dpa/AFP/rtr": author initials and agencies closing the text. An agency must be among
  // them, so a table cell "Punkte/Rennen" or "Polyester/Elasthan" stays.
  {
    rule: 'slash-credit',
    pattern: new RegExp(
      String.raw`^\(?(?=[^()]*/)(?:[\p{L}-]{2,12}\s?/\s?)*(?:${SLASH_SIGNING_AGENCIES})(?:\s?/\s?[\p{L}-]{2,12})*\)?\.?$`,
      'u',
    ),
    kind: 'credit-line',
  },
];

/**
 * "… hinweist. Mehr zum Thema - Stellungnahme von Putin …": RT DE glues its related link to the last
 * paragraph. Only after a sentence end and with the dash, so "Mehr zum Thema sagte er nichts." stays.
 */
export const TRAILING_MORE_ON_TOPIC = /(?<=[.!?"“”»])\s+Mehr zum Thema\s*[-–—:]\s*[^\n]{5,200}$/u;

/**
 * A caption that carries its photo credit in parentheses: "Putin und Xi in Peking (POOL/AFP über Getty Images)".
 * The parenthesis must name a picture source as a whole word, so a sentence ending "(dpa)" stays a
 * credited sentence and "(falls ihr ihn überhaupt gefunden habt)" stays a remark.
 */
export const CAPTION_WITH_PHOTO_CREDIT =
  /^[^\n]{10,300}\([^()]*(?<!\p{L})(?:Getty Images|imago|IMAGO|picture[ -]alliance|Foto|Photo|Bild|Pool|POOL|EPA|Shutterstock|Keystone|über|via)(?!\p{L})[^()]*\)$/u;
