/**
 * Finds a web page's publication date by a cascade in the spirit of htmldate: JSON-LD, meta tags,
 * itemprop and <time> markup, the URL, then dates the visible header states, each checked
 * against sane bounds. Modification dates are the last resort; comment and related-article dates never count.
 */
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
import { WEEKDAY_NAMES } from './date-patterns.js';
import { findDateLine } from './text-date.js';
import { gatherHtmlDateSources, type HtmlDateSources, type SourcedValue } from './html-date-sources.js';

export interface HtmlDateOptions {
  /** No page was published before the web had news sites; earlier dates are founding years and typos. */
  readonly earliest: DateParts;
  /** Today, as the latest possible date (a page cannot be published tomorrow); the clock when absent. */
  readonly now?: Date;
}

export const DEFAULT_HTML_DATE_OPTIONS: HtmlDateOptions = {
  earliest: { year: 1995, month: 1, day: 1 },
};

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

/** How far above the headline a stamp may stand and still override the markup (a kicker line). */
const MAX_OVERRIDING_STAMP_ABOVE_CHARS = 150;

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
  const sources = gatherHtmlDateSources(doc);
  const pageUrl = url ?? sources.canonicalUrl ?? sources.meta.get('og:url') ?? null;
  const reading = readingFor(sources, pageUrl);
  // Read the clock per page: a long `watch` run must not keep the day it started as "today".
  const now = options.now ?? new Date();
  const inBounds = (p: DateParts) => isWithinBounds(p, options.earliest, now);
  const parse = (s: string) => parseMarkupDate(s, reading);
  const pick = (value: string, evidence: string): Found | null => {
    const parts = parse(value);
    return parts && parts.day !== undefined && inBounds(parts) ? { parts, evidence } : null;
  };

  const ld = readJsonLdDates(sources.jsonLd);
  const headlineDates = datesAroundHeadline(sources, reading, inBounds);
  const cascade: (() => Found | null)[] = [
    () => firstOf(ld.published.map((v) => () => pick(v.value, `json-ld ${v.key}`))),
    () => firstOf(PUBLISHED_META_KEYS.map((k) => () => (sources.meta.has(k) ? pick(sources.meta.get(k)!, `meta ${k}`) : null))),
    () => firstOf(sources.itemprops.filter((v) => !v.what.endsWith('datemodified')).map((v) => () => pick(v.value, v.what))),
    () => firstOf(sources.times.filter((t) => t.marked).map((t) => () => pick(t.value, t.what))),
    () => urlDate(pageUrl, inBounds),
    () => firstOf(sources.times.map((t) => () => pick(t.value, t.what))),
    () => labelledTextDate(sources.text, reading, inBounds),
    () => firstDateIn(sources.dateElements, reading, inBounds),
    () => scriptDate(sources.scripts, pick),
    () => dateNearHeadline(headlineDates),
    () => firstOf(ld.uploaded.map((v) => () => pick(v.value, `json-ld ${v.key}`))),
    () => firstOf(ld.modified.map((v) => () => pick(v.value, `json-ld ${v.key}`))),
    () => firstOf(MODIFIED_META_KEYS.map((k) => () => (sources.meta.has(k) ? pick(sources.meta.get(k)!, `meta ${k}`) : null))),
    () => firstOf(sources.itemprops.map((v) => () => pick(v.value, v.what))),
  ];
  const fromMarkup = firstOf(cascade);
  // Readers (and archives citing a page) go by the date printed with the headline. When the markup
  // disagrees by more than a day, it is usually a CMS creation date or a piece re-published later;
  // within a day the markup's exact time is kept (the printed date may be another time zone's).
  // Only a stamp right by the headline overrides; higher up, site headers print today's date.
  const stamp = headlineStamp(headlineDates.filter((d) => d.fromHeadline >= -MAX_OVERRIDING_STAMP_ABOVE_CHARS));
  const found = stamp && fromMarkup && Math.abs(dayNumber(stamp.parts) - dayNumber(fromMarkup.parts)) > 1 ? stamp : fromMarkup;
  if (!found) {
    // Precision as known: a URL's /2022/02/ still says the month.
    const month = urlMonth(pageUrl);
    return month && inBounds(month) ? { value: formatPublishedValue(month, reading), evidence: `url month ${pageUrl}` } : null;
  }
  const parts = reading.zone === 'Europe/Berlin' ? toBerlinTime(found.parts) : found.parts;
  return { value: formatPublishedValue(parts, reading), evidence: found.evidence };
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
  return { zone: central ? 'Europe/Berlin' : null, slashOrder: monthFirst ? 'month-first' : 'day-first' };
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

/** The first full date in an element the page marks as a date or byline. */
function firstDateIn(elements: readonly SourcedValue[], reading: DateReadingOptions, inBounds: (p: DateParts) => boolean): Found | null {
  for (const el of elements) {
    for (const m of findDateExpressions(el.value, reading)) {
      if (m.parts.day !== undefined && inBounds(m.parts)) return { parts: m.parts, evidence: `${el.what} "${m.text}"` };
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
 * A date printed around the headline: its stamp, else a dateline opening a paragraph below it, else
 * one above it. A date inside a sentence is an event the text mentions ("bis zum 30.06.2023"), never taken.
 */
function dateNearHeadline(dates: readonly HeadlineDate[]): Found | null {
  const stamp = headlineStamp(dates);
  if (stamp) return stamp;
  const dateline = dates.find((d) => d.opensLine && d.fromHeadline >= 0) ?? dates.filter((d) => d.opensLine && d.fromHeadline < 0).pop();
  return dateline ? { parts: dateline.match.parts, evidence: `dateline by the headline "${dateline.match.text}"` } : null;
}

function dayNumber(p: DateParts): number {
  return Date.UTC(p.year, (p.month ?? 1) - 1, p.day ?? 1) / 86_400_000;
}
