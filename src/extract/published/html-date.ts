/**
 * Finds a web page's publication date in the spirit of htmldate: every source that may state it
 * (JSON-LD, meta tags, itemprop and <time> markup, the URL, the stamp and dateline by the headline,
 * labelled dates, modification dates) gives its candidate, each checked against sane bounds, and a
 * vote weighted by how often each source is right (learned, published-date-weights.json) picks the
 * day. Comment, related-article and embedded-post dates never count.
 */
import { readFileSync } from 'node:fs';
import type { HtmlDocument } from '../../clean/html/parse-html.js';
import type { PublishedDate } from '../../page.js';
import {
  compareCalendarDays,
  findDateExpressions,
  formatPublishedValue,
  isValidDateParts,
  parseDateExpression,
  toBerlinTime,
  type DateMatch,
  type DateParts,
  type DateReadingOptions,
} from './date-expression.js';
import { SLASH_NUMERIC, WEEKDAY_NAMES } from './date-patterns.js';
import { findDateLine } from './text-date.js';
import { gatherHtmlDateSources, type HtmlDateSources, type SourcedValue } from './html-date-sources.js';

/**
 * Where a page may state its publication date, each a separate witness: a source gives at most one
 * candidate (its first valid date), and the sources do not overlap (a <time> marked as the
 * publication is not also counted as the first <time>). Which candidate wins is a weighted vote
 * (`HtmlDateOptions.sourceWeights`).
 */
export const PUBLISHED_DATE_SOURCES = [
  /** JSON-LD datePublished/dateCreated, article-typed objects first. */
  'json-ld-published',
  /** <meta> publication tags (PUBLISHED_META_KEYS, most trusted first). */
  'meta-published',
  /** itemprop=datePublished/dateCreated on an element. */
  'itemprop-published',
  /** A <time> marked as the publication (pubdate, a "published"/"entry-date" class, itemprop). */
  'time-marked',
  /** The first <time> not so marked, outside comments and related lists. */
  'time',
  /** A day in the URL's path: /2022/02/04/, _20220204_. */
  'url',
  /** "published_at": "…" in an inline script (single-page apps). */
  'script',
  /** "Veröffentlicht am …", "Posted on …", "Stand: …" in the visible text. */
  'labelled-text',
  /** The first date in an element whose class says date, time or byline. */
  'date-element',
  /** A time stamp line by the headline: below it, or at most 150 characters above it. */
  'headline-stamp',
  /** A time stamp line further above the headline (up to 400 characters). */
  'page-stamp',
  /** A date opening a paragraph near the headline ("BERLIN, 04.02.2022 – …", "Karlsruhe (12.11.2021)."). */
  'dateline',
  /** A visible date labelled as an update ("Updated …", "Aktualisiert am …"). */
  'updated-stamp',
  /** JSON-LD uploadDate (a video's). */
  'json-ld-uploaded',
  /** Modification dates in the markup. */
  'json-ld-modified',
  'meta-modified',
  'itemprop-modified',
] as const;

export type PublishedDateSource = (typeof PUBLISHED_DATE_SOURCES)[number];

/**
 * Sources that usually copy one another: a CMS writes one date field into JSON-LD, meta tags,
 * itemprops and <time> alike, and a page template prints one date in its stamp and its date
 * element. In the vote a family counts once per day (its heaviest member), so that four copies of
 * a CMS's date do not outvote the one stamp printed by the headline.
 */
const DATE_SOURCE_FAMILY: Readonly<Record<PublishedDateSource, 'markup' | 'visible' | 'url' | 'modified'>> = {
  'json-ld-published': 'markup',
  'meta-published': 'markup',
  'itemprop-published': 'markup',
  'time-marked': 'markup',
  time: 'markup',
  script: 'markup',
  url: 'url',
  'labelled-text': 'visible',
  'date-element': 'visible',
  'headline-stamp': 'visible',
  'page-stamp': 'visible',
  dateline: 'visible',
  'updated-stamp': 'modified',
  'json-ld-uploaded': 'modified',
  'json-ld-modified': 'modified',
  'meta-modified': 'modified',
  'itemprop-modified': 'modified',
};

export interface HtmlDateOptions {
  /** No page was published before the web had news sites; earlier dates are founding years and typos. */
  readonly earliest: DateParts;
  /** Today, as the latest possible date (a page cannot be published tomorrow); the clock when absent. */
  readonly now?: Date;
  /**
   * Each source's vote: the day whose candidates weigh most wins (a source with a weight of 0 or
   * less still dates a page nothing else dates). A source without a weight is not read. The shipped
   * weights are learned (published-date-weights.json).
   */
  readonly sourceWeights: Readonly<Partial<Record<PublishedDateSource, number>>>;
}

export const DEFAULT_HTML_DATE_OPTIONS: HtmlDateOptions = {
  earliest: { year: 1995, month: 1, day: 1 },
  sourceWeights: loadPublishedDateWeights(),
};

/** Reads the shipped source weights (learned by scripts/learn-date-sources.ts). */
export function loadPublishedDateWeights(url: URL = new URL('./published-date-weights.json', import.meta.url)): Readonly<Partial<Record<PublishedDateSource, number>>> {
  const file = JSON.parse(readFileSync(url, 'utf8')) as { weights: Record<string, number> };
  const known = new Set<string>(PUBLISHED_DATE_SOURCES);
  const unknown = Object.keys(file.weights).filter((k) => !known.has(k));
  // Our own data file: a wrong name is a bug in the file or the script, not input to tolerate.
  if (unknown.length > 0) throw new Error(`published-date-weights.json: unknown sources ${unknown.join(', ')}; known: ${PUBLISHED_DATE_SOURCES.join(', ')}`);
  return Object.freeze({ ...file.weights }) as Partial<Record<PublishedDateSource, number>>;
}

/** One source's date for a page. */
export interface DateCandidate {
  readonly source: PublishedDateSource;
  readonly parts: DateParts;
  readonly evidence: string;
  /** The other reading of an ambiguous slash date ("04/02/2022"), when it gives another day. */
  readonly alternative?: DateParts;
}

/** Meta tags that state the publication, most trusted first. */
const PUBLISHED_META_KEYS: readonly string[] = [
  'article:published_time', 'og:published_time', 'og:article:published_time', 'article:published',
  'datepublished', 'parsely-pub-date', 'sailthru.date', 'dc.date.issued', 'dcterms.issued', 'dc.date',
  'dcterms.date', 'dc.date.created', 'dcterms.created', 'date', 'pubdate', 'publishdate', 'publish-date',
  'publish_date', 'published_time', 'published-date', 'article_date_original', 'article.published', 'cxenseparse:recs:publishtime',
  'originalpublicationdate', 'og:pubdate', 'rnews:datepublished', 'citation_publication_date', 'citation_date',
  'datecreated', 'created', 'date_published', 'release_date', 'pub_date', 'displaydate', 'dc.created', 'bt:pubdate',
  'article.created', 'pdate', 'parsely-pubdate',
];

/** Meta tags that state a modification: used only when nothing states the publication. */
const MODIFIED_META_KEYS: readonly string[] = [
  'article:modified_time', 'og:updated_time', 'og:modified_time', 'datemodified', 'dc.date.modified',
  'dcterms.modified', 'last-modified', 'lastmod', 'article:modified',
];

/** JSON-LD types that describe the page's own article rather than a person, event or breadcrumb. */
const ARTICLE_LD_TYPE = /Article$|^BlogPosting$|^Report$|^WebPage$|^LiveBlogPosting$|^SocialMediaPosting$|^Posting$|^ItemPage$/;

/** Date paths in URLs: /2022/02/04/, /2022-02-04-, _20220204_ ; month only: /2022/02/. */
const URL_DAY_DATE = /(?<!\d)(?:(20\d{2}|19\d{2})[/_-](\d{1,2})[/_-](\d{1,2})(?!\d)|(20\d{2})(\d{2})(\d{2})(?![\d]))/;
const URL_MONTH_DATE = /\/(20\d{2}|19\d{2})\/(\d{1,2})\//;

/** A publication date in a page's inline JSON: "datePublished":"2022-02-04T…", "published_at": "…". */
const SCRIPT_PUBLISHED_KEY =
  /["'](?:datePublished|published_at|publishedAt|publishDate|publish_date|date_published|publicationDate|pubDate|firstPublished|first_published_at|releaseDate)["']\s*:\s*["']([^"']{8,40})["']/g;

/** A label that introduces the publication date in the visible text ("Veröffentlicht am", "Stand:", "Posted on"). */
const PUBLISHED_LABEL =
  /(?<!\p{L})(?:veröffentlicht|publiziert|erschienen|erstellt|online seit|stand|datum|published|posted|created|publié|publicado|pubblicato|date)(?:\s+(?:am|on|le|el|il))?\s*:?\s*/giu;

/** The first word after a label, to skip a weekday: "Veröffentlicht am Freitag, 4. Februar 2022". */
const FIRST_WORD = /^(\p{L}+)\.?,?\s*/u;

/** How much text after a label is read for its date (characters): the longest written date with a time. */
const LABEL_WINDOW_CHARS = 60;

/**
 * The stretch of visible text around the headline where a page prints its own date (kicker,
 * byline, time stamp), in characters before and after the headline's start. Further away, dates
 * are events the article mentions or teasers of other articles.
 */
const BEFORE_HEADLINE_CHARS = 400;
const AFTER_HEADLINE_CHARS = 1500;

/** How far above the headline a stamp may stand and still be the headline's (a kicker line); higher up, site headers print today's date. */
const MAX_STAMP_ABOVE_HEADLINE_CHARS = 150;

/** A label right before a visible date that makes it the date of an update, not of the publication. */
const UPDATE_LABEL = /(?:updated|update|last modified|modified|aktualisiert|zuletzt geändert|geändert|mis à jour|actualizado|aggiornato)\b[^\p{L}\d]*(?:(?:am|on|le|el|il|at|um)\s+)?(?:\p{L}+,?\s+)?$/iu;

/** A dateline names at most a place before its date: "Karlsruhe, (", "BERLIN, ". */
const MAX_DATELINE_PREFIX_CHARS = 25;

/** Languages whose pages run on Central European Time ("de", "it", "fr-FR"; not "fr-CA"). */
const CET_LANGUAGE = /^(?:de|it|fr|nl|pl|cs|sk|hu|da|sv|nb|no|es|hr|sl|sr)(?:$|[-_](?!ca|us|mx|ar|co|cl|pe|ve)\w+$)/;

/** English outside Britain, Ireland and the Commonwealth writes "11/08/2023" month first. */
const MONTH_FIRST_LANGUAGE = /^en(?:$|[-_](?!gb|uk|ie|au|nz|in|za)\w+$)/;

/** Domains of countries that write "08/11/2023" day first. */
const DAY_FIRST_DOMAIN = /\.(?:uk|ie|scot|wales|au|nz|in|za)$/;

interface Found {
  readonly parts: DateParts;
  readonly evidence: string;
}

export function findPublishedInHtml(
  doc: HtmlDocument,
  url: string | null,
  options: HtmlDateOptions = DEFAULT_HTML_DATE_OPTIONS,
): PublishedDate | null {
  const found = collectPublishedCandidates(doc, url, options);
  const chosen = votePublishedDate(found.candidates, options.sourceWeights);
  if (!chosen) {
    // Precision as known: a URL's /2022/02/ still says the month.
    return found.urlMonth ? { value: formatPublishedValue(found.urlMonth, found.reading), evidence: `url month ${found.pageUrl}` } : null;
  }
  const parts = found.reading.zone === 'Europe/Berlin' ? toBerlinTime(chosen.parts) : chosen.parts;
  return { value: formatPublishedValue(parts, found.reading), evidence: chosen.evidence };
}

export interface PublishedCandidates {
  /** One candidate per source that states a date, in PUBLISHED_DATE_SOURCES order. */
  readonly candidates: readonly DateCandidate[];
  /** How the page's dates are read (time zone, slash order). */
  readonly reading: DateReadingOptions;
  readonly pageUrl: string | null;
  /** The month a URL names (/2022/02/) when it names no day, within bounds. */
  readonly urlMonth: DateParts | null;
}

/** Every read source's date for a page, each checked against sane bounds. */
export function collectPublishedCandidates(
  doc: HtmlDocument,
  url: string | null,
  options: HtmlDateOptions = DEFAULT_HTML_DATE_OPTIONS,
): PublishedCandidates {
  const sources = gatherHtmlDateSources(doc);
  const pageUrl = url ?? sources.canonicalUrl ?? sources.meta.get('og:url') ?? null;
  const reading = readingFor(sources, pageUrl);
  // Read the clock per page: a long `watch` run must not keep the day it started as "today".
  const now = options.now ?? new Date();
  const inBounds = (p: DateParts) => isWithinBounds(p, options.earliest, now);
  const wanted = PUBLISHED_DATE_SOURCES.filter((source) => options.sourceWeights[source] !== undefined);
  const primary = readCandidates(sources, pageUrl, reading, inBounds, wanted);
  // "04/02/2022" reads two ways; the other reading is kept so that the vote can side with the markup.
  const flipped: DateReadingOptions = { ...reading, slashOrder: reading.slashOrder === 'day-first' ? 'month-first' : 'day-first' };
  const alternatives = hasAmbiguousSlashDate(sources) ? readCandidates(sources, pageUrl, flipped, inBounds, wanted) : [];
  const candidates = primary.map((c): DateCandidate => {
    const other = alternatives.find((a) => a.source === c.source);
    return other && dayNumber(other.parts) !== dayNumber(c.parts) ? { ...c, alternative: other.parts } : c;
  });
  const month = urlMonth(pageUrl);
  return { candidates, reading, pageUrl, urlMonth: month && inBounds(month) ? month : null };
}

function readCandidates(
  sources: HtmlDateSources,
  pageUrl: string | null,
  reading: DateReadingOptions,
  inBounds: (p: DateParts) => boolean,
  wanted: readonly PublishedDateSource[],
): DateCandidate[] {
  const pick = (value: string, evidence: string): Found | null => {
    const parts = parseMarkupDate(value, reading);
    return parts && parts.day !== undefined && inBounds(parts) ? { parts, evidence } : null;
  };
  const ld = readJsonLdDates(sources.jsonLd);
  const around = datesAroundHeadline(sources, reading, inBounds);
  const published = around.filter((d) => !d.updated);
  const readers: Record<PublishedDateSource, () => Found | null> = {
    'json-ld-published': () => firstOf(ld.published.map((v) => () => pick(v.value, `json-ld ${v.key}`))),
    'meta-published': () => firstOf(PUBLISHED_META_KEYS.map((k) => () => (sources.meta.has(k) ? pick(sources.meta.get(k)!, `meta ${k}`) : null))),
    'itemprop-published': () => firstOf(sources.itemprops.filter((v) => !v.what.endsWith('datemodified')).map((v) => () => pick(v.value, v.what))),
    'time-marked': () => firstOf(sources.times.filter((t) => t.marked).map((t) => () => pick(t.value, t.what))),
    time: () => firstOf(sources.times.filter((t) => !t.marked).map((t) => () => pick(t.value, t.what))),
    url: () => urlDate(pageUrl, inBounds),
    script: () => scriptDate(sources.scripts, pick),
    'labelled-text': () => labelledTextDate(sources.text, reading, inBounds),
    'date-element': () => firstDateIn(sources.dateElements, reading, inBounds, false),
    'headline-stamp': () => headlineStamp(published.filter((d) => d.fromHeadline >= -MAX_STAMP_ABOVE_HEADLINE_CHARS)),
    'page-stamp': () => headlineStamp(published.filter((d) => d.fromHeadline < -MAX_STAMP_ABOVE_HEADLINE_CHARS)),
    dateline: () => dateline(published.filter((d) => !d.isStamp)),
    'updated-stamp': () => {
      const updated = around.find((d) => d.updated);
      return updated ? { parts: updated.match.parts, evidence: `updated "${updated.match.text}"` } : firstDateIn(sources.dateElements, reading, inBounds, true);
    },
    'json-ld-uploaded': () => firstOf(ld.uploaded.map((v) => () => pick(v.value, `json-ld ${v.key}`))),
    'json-ld-modified': () => firstOf(ld.modified.map((v) => () => pick(v.value, `json-ld ${v.key}`))),
    'meta-modified': () => firstOf(MODIFIED_META_KEYS.map((k) => () => (sources.meta.has(k) ? pick(sources.meta.get(k)!, `meta ${k}`) : null))),
    'itemprop-modified': () => firstOf(sources.itemprops.filter((v) => v.what.endsWith('datemodified')).map((v) => () => pick(v.value, v.what))),
  };
  return wanted.flatMap((source) => {
    const found = readers[source]();
    return found ? [{ source, ...found }] : [];
  });
}

/** A slash date whose two numbers could both be the month ("04/02/2022"), somewhere in the visible text or date elements. */
function hasAmbiguousSlashDate(sources: HtmlDateSources): boolean {
  const ambiguous = (text: string) => [...text.matchAll(SLASH_NUMERIC)].some((m) => Number(m[1]) <= 12 && Number(m[2]) <= 12 && m[1] !== m[2]);
  return ambiguous(sources.text) || sources.dateElements.some((e) => ambiguous(e.value));
}

/**
 * The publication date by a weighted vote of the sources: every candidate adds its source's weight
 * to its day; the heaviest day wins (a tie goes to the day of the single heaviest source). An
 * ambiguous slash date votes for whichever of its two readings the unambiguous candidates support more.
 * Of the winning day's candidates the most precise is returned (a time with its offset, then a
 * time, then a day), the heaviest of equals.
 */
export function votePublishedDate(
  candidates: readonly DateCandidate[],
  weights: Readonly<Partial<Record<PublishedDateSource, number>>>,
): DateCandidate | null {
  const weightOf = (c: DateCandidate) => weights[c.source] ?? 0;
  const support = new Map<number, number>();
  for (const c of candidates) {
    if (c.alternative === undefined) support.set(dayNumber(c.parts), (support.get(dayNumber(c.parts)) ?? 0) + weightOf(c));
  }
  const resolved = candidates.map((c): DateCandidate => {
    if (c.alternative === undefined) return c;
    const otherSupport = support.get(dayNumber(c.alternative)) ?? 0;
    const ownSupport = support.get(dayNumber(c.parts)) ?? 0;
    return otherSupport > ownSupport ? { ...c, parts: c.alternative, evidence: `${c.evidence} (read the other way round)` } : c;
  });
  const byDay = new Map<number, DateCandidate[]>();
  for (const c of resolved) {
    const day = dayNumber(c.parts);
    byDay.set(day, [...(byDay.get(day) ?? []), c]);
  }
  let best: DateCandidate[] | null = null;
  let bestScore: readonly [number, number] = [-Infinity, -Infinity];
  for (const group of byDay.values()) {
    const heaviestOfFamily = new Map<string, number>();
    for (const c of group) {
      const family = DATE_SOURCE_FAMILY[c.source];
      heaviestOfFamily.set(family, Math.max(heaviestOfFamily.get(family) ?? -Infinity, weightOf(c)));
    }
    const score = [[...heaviestOfFamily.values()].reduce((a, b) => a + b, 0), Math.max(...group.map(weightOf))] as const;
    if (score[0] > bestScore[0] || (score[0] === bestScore[0] && score[1] > bestScore[1])) {
      best = group;
      bestScore = score;
    }
  }
  if (best === null) return null;
  const precision = (c: DateCandidate) => (c.parts.hour === undefined ? 0 : c.parts.offsetMinutes === undefined ? 1 : 2);
  return [...best].sort((a, b) => precision(b) - precision(a) || weightOf(b) - weightOf(a))[0]!;
}

function firstOf<T>(steps: readonly (() => T | null)[]): T | null {
  for (const step of steps) {
    const r = step();
    if (r !== null) return r;
  }
  return null;
}

/**
 * Pages in the languages of Central European Time state Berlin's clock (the same rules for all
 * of CET); other pages keep a time as written.
 */
function readingFor(sources: HtmlDateSources, pageUrl: string | null): DateReadingOptions {
  const lang = (sources.htmlLang ?? sources.meta.get('content-language') ?? sources.meta.get('og:locale') ?? '').toLowerCase();
  const central = CET_LANGUAGE.test(lang);
  // Plain "en" says nothing about the country; a British or Irish domain does.
  const monthFirst = MONTH_FIRST_LANGUAGE.test(lang) && !DAY_FIRST_DOMAIN.test(hostOf(pageUrl));
  return { zone: central ? 'Europe/Berlin' : null, slashOrder: slashOrderShown(sources.text) ?? (monthFirst ? 'month-first' : 'day-first') };
}

/** The slash order a page's own dates show: "28/11/2023" only reads day first, "11/28/2023" only month first; null when they show neither or both. */
function slashOrderShown(text: string): DateReadingOptions['slashOrder'] | null {
  let dayFirst = false;
  let monthFirst = false;
  for (const m of text.matchAll(SLASH_NUMERIC)) {
    dayFirst ||= Number(m[1]) > 12 && Number(m[2]) <= 12;
    monthFirst ||= Number(m[2]) > 12 && Number(m[1]) <= 12;
  }
  return dayFirst === monthFirst ? null : dayFirst ? 'day-first' : 'month-first';
}

function hostOf(url: string | null): string {
  try {
    return url ? new URL(url).hostname : '';
  } catch {
    // A relative or broken canonical link names no host.
    return '';
  }
}

/** Markup values: ISO strings, RFC 822, "2022-02-04 11:02:00", written dates, Unix seconds. */
function parseMarkupDate(value: string, reading: DateReadingOptions): DateParts | null {
  const direct = parseDateExpression(value, reading);
  if (direct) return direct;
  const found = findDateExpressions(value, reading);
  return found.length > 0 && found[0]!.parts.day !== undefined ? found[0]!.parts : null;
}

function isWithinBounds(p: DateParts, earliest: DateParts, now: Date): boolean {
  // A page dated tomorrow is a time zone ahead of us, not a date in the future.
  const tomorrow = new Date(now.getTime() + 24 * 3600_000);
  const latest: DateParts = { year: tomorrow.getUTCFullYear(), month: tomorrow.getUTCMonth() + 1, day: tomorrow.getUTCDate() };
  return compareCalendarDays(p, earliest) >= 0 && compareCalendarDays(p, latest) <= 0;
}

interface LdDate {
  readonly key: string;
  readonly value: string;
}

/** datePublished/dateCreated and dateModified from JSON-LD, those of article-typed objects first. */
function readJsonLdDates(blocks: readonly string[]): { published: LdDate[]; uploaded: LdDate[]; modified: LdDate[] } {
  const articlePublished: LdDate[] = [];
  const articleCreated: LdDate[] = [];
  const otherPublished: LdDate[] = [];
  const uploaded: LdDate[] = [];
  const modified: LdDate[] = [];
  const visit = (node: unknown, depth: number): void => {
    if (depth > 20 || node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const item of node) visit(item, depth + 1);
      return;
    }
    const obj = node as Record<string, unknown>;
    const types = ([] as unknown[]).concat(obj['@type'] ?? []).filter((t): t is string => typeof t === 'string');
    const isArticle = types.some((t) => ARTICLE_LD_TYPE.test(t));
    const take = (key: string, into: LdDate[]) => {
      const v = obj[key];
      if (typeof v === 'string' && v.trim() !== '') into.push({ key, value: v });
    };
    take('datePublished', isArticle ? articlePublished : otherPublished);
    take('dateCreated', isArticle ? articleCreated : otherPublished);
    // A video's upload date is the clip's, often older than the article that embeds it.
    take('uploadDate', uploaded);
    take('dateModified', modified);
    for (const [key, value] of Object.entries(obj)) {
      // A review's or comment's dates are not the page's.
      if (key === 'comment' || key === 'review' || key === 'subjectOf') continue;
      visit(value, depth + 1);
    }
  };
  for (const block of blocks) {
    const parsed = parseJsonLenient(block);
    if (parsed !== undefined) visit(parsed, 0);
  }
  return { published: [...articlePublished, ...articleCreated, ...otherPublished], uploaded, modified };
}

/** JSON-LD as pages write it: sometimes wrapped in CDATA or HTML comments, with raw newlines in strings. */
function parseJsonLenient(block: string): unknown {
  const cleaned = block
    .replace(/^\s*(?:<!--|\/\/\s*<!\[CDATA\[)/, '')
    .replace(/(?:-->|\/\/\s*\]\]>)\s*$/, '')
    .trim();
  // biome-ignore lint/suspicious/noControlCharactersInRegex: raw control characters are what JSON.parse rejects in scraped JSON-LD
  for (const attempt of [cleaned, cleaned.replace(/[\u0000-\u001f]+/g, ' ')]) {
    try {
      return JSON.parse(attempt);
    } catch {
      // Broken JSON-LD is common; the other sources still speak, and a second, looser attempt follows.
    }
  }
  return undefined;
}

function urlDate(url: string | null, inBounds: (p: DateParts) => boolean): Found | null {
  if (!url) return null;
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    // Not an absolute URL (a relative canonical link): read the string as it is.
    path = url;
  }
  const m = URL_DAY_DATE.exec(path);
  if (!m) return null;
  const parts: DateParts =
    m[1] !== undefined
      ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }
      : { year: Number(m[4]), month: Number(m[5]), day: Number(m[6]) };
  return isValidDateParts(parts) && inBounds(parts) ? { parts, evidence: `url ${path}` } : null;
}

/** The month a URL names (/2022/02/), when it names no day. */
function urlMonth(url: string | null): DateParts | null {
  const m = url ? URL_MONTH_DATE.exec(url) : null;
  if (!m) return null;
  const parts: DateParts = { year: Number(m[1]), month: Number(m[2]) };
  return isValidDateParts(parts) ? parts : null;
}

function scriptDate(scripts: readonly string[], pick: (value: string, evidence: string) => Found | null): Found | null {
  for (const script of scripts) {
    SCRIPT_PUBLISHED_KEY.lastIndex = 0;
    for (let m = SCRIPT_PUBLISHED_KEY.exec(script); m !== null; m = SCRIPT_PUBLISHED_KEY.exec(script)) {
      const found = pick(m[1]!, `script ${m[0].slice(0, m[0].indexOf(':')).trim()}`);
      if (found) return found;
    }
  }
  return null;
}

/** "Veröffentlicht am 04.02.2022", "Stand: 4. Februar 2022", "Posted on Feb 4, 2022" in the visible text. */
function labelledTextDate(text: string, reading: DateReadingOptions, inBounds: (p: DateParts) => boolean): Found | null {
  // Labels are rare and dates common: find the labels first and read only what follows them.
  PUBLISHED_LABEL.lastIndex = 0;
  for (let label = PUBLISHED_LABEL.exec(text); label !== null; label = PUBLISHED_LABEL.exec(text)) {
    const following = text.slice(label.index + label[0].length, label.index + label[0].length + LABEL_WINDOW_CHARS);
    const word = FIRST_WORD.exec(following);
    const weekday = word && WEEKDAY_NAMES.has(word[1]!.toLowerCase()) ? word[0].length : 0;
    const m = findDateExpressions(following.slice(weekday), reading)[0];
    if (m && m.start === 0 && m.parts.day !== undefined && inBounds(m.parts)) {
      return { parts: m.parts, evidence: `text "${label[0].trim()} ${m.text}"` };
    }
  }
  return null;
}

/** The first full date in an element the page marks as a date or byline that is (or is not) labelled as an update. */
function firstDateIn(elements: readonly SourcedValue[], reading: DateReadingOptions, inBounds: (p: DateParts) => boolean, updated: boolean): Found | null {
  for (const el of elements) {
    for (const m of findDateExpressions(el.value, reading)) {
      if (m.parts.day !== undefined && inBounds(m.parts) && UPDATE_LABEL.test(el.value.slice(0, m.start)) === updated) {
        return { parts: m.parts, evidence: `${el.what} "${m.text}"` };
      }
    }
  }
  return null;
}

/** A date found in the visible text around the headline, with what kind of line holds it. */
interface HeadlineDate {
  readonly match: DateMatch;
  /** Offset of the date relative to the headline's start (negative: above it). */
  readonly fromHeadline: number;
  /** The line is a time stamp, "Stand:" line or dated byline, not prose. */
  readonly isStamp: boolean;
  /** The date opens its line, as a dateline does ("Karlsruhe, (12.11.2021). Traditionell …"). */
  readonly opensLine: boolean;
  /** An update label stands right before it ("Aktualisiert am 5. März 2024"). */
  readonly updated: boolean;
}

function datesAroundHeadline(sources: HtmlDateSources, reading: DateReadingOptions, inBounds: (p: DateParts) => boolean): HeadlineDate[] {
  const anchor = sources.headlineOffset ?? 0;
  const from = Math.max(0, anchor - BEFORE_HEADLINE_CHARS);
  const window = sources.text.slice(from, anchor + AFTER_HEADLINE_CHARS);
  return findDateExpressions(window, reading)
    .filter((m) => m.parts.day !== undefined && inBounds(m.parts))
    .map((match) => {
      const lineStart = window.lastIndexOf('\n', match.start) + 1;
      const lineEnd = window.indexOf('\n', match.end);
      const line = window.slice(lineStart, lineEnd === -1 ? undefined : lineEnd);
      return {
        match,
        fromHeadline: from + match.start - anchor,
        isStamp: findDateLine(line, reading) !== null,
        opensLine: match.start - lineStart <= MAX_DATELINE_PREFIX_CHARS,
        updated: UPDATE_LABEL.test(window.slice(lineStart, match.start)),
      };
    });
}

/**
 * The stamp printed with the headline: the first date line below it, else the nearest above it
 * (above, a site header often prints today's date, so below wins).
 */
function headlineStamp(dates: readonly HeadlineDate[]): Found | null {
  const stamp = dates.find((d) => d.isStamp && d.fromHeadline >= 0) ?? dates.filter((d) => d.isStamp && d.fromHeadline < 0).pop();
  return stamp ? { parts: stamp.match.parts, evidence: `stamp by the headline "${stamp.match.text}"` } : null;
}

/**
 * A dateline opening a paragraph below the headline, else the nearest one above it. A date inside a
 * sentence is an event the text mentions ("bis zum 30.06.2023"), never taken.
 */
function dateline(dates: readonly HeadlineDate[]): Found | null {
  const found = dates.find((d) => d.opensLine && d.fromHeadline >= 0) ?? dates.filter((d) => d.opensLine && d.fromHeadline < 0).pop();
  return found ? { parts: found.match.parts, evidence: `dateline by the headline "${found.match.text}"` } : null;
}

function dayNumber(p: DateParts): number {
  return Date.UTC(p.year, (p.month ?? 1) - 1, p.day ?? 1) / 86_400_000;
}
