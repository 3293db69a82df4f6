/**
 * Splits a page that glues several articles together into segments, each with its own title, date
 * and outlet. A blog that reposts an agency roundup and a state-media piece on one page is two or
 * three articles, not one. Splitting needs a hard cue; a page without one stays whole, because a
 * false split (an article cut in two) is worse than a missed one.
 */
import type { Page, PublishedDate, Segment } from '../page.js';
import { formatPublishedValue, parseDateExpression } from '../extract/published/date-expression.js';
import { findDateLine } from '../extract/published/text-date.js';
import { isHeadlineLike } from './plain-text/text-page.js';

/**
 * An agency report pasted with its page header: headline, time stamp, dateline, text.
 * "ROUNDUP: China und Russland fordern … 04.02.22, 14:24 dpa-AFXPEKING (dpa-AFX) - Vor dem …"
 * The headline holds no sentence end; between stamp and parenthesis only the agency's name
 * (glued, as scraped) and the place in capitals may stand (checked in `readAgencyStamp`).
 */
const AGENCY_STAMP =
  /^(?<title>[^\n]{10,250}?)\s+(?<stamp>\d{1,2}\.\d{1,2}\.\d{2,4},?\s+\d{1,2}:\d{2}(?:\s*Uhr)?)\s*(?<glued>[^\n()]{2,60}?)\s*\((?<credit>[^()\n]{2,20})\)\s*[-–—]\s/u;
const DATELINE_PLACE = /^\p{Lu}[\p{Lu}\s/.-]*$/u;
const SENTENCE_BOUNDARY = /[.!?]\s/u;
/**
 * "China unterstützt … NATO-Erweiterung — RT DE": a headline repeated at the end of its article with
 * the outlet's name. The last spaced dash separates; "n-tv" keeps its own hyphen.
 */
const CLOSING_TITLE = /^(?<title>[^\n]{10,200})\s+[—–-]\s+(?<outlet>[^—–\n]{2,30})$/u;
/** An outlet's name: letters, digits, dots, spaces ("RT DE", "n-tv.de", "ZDFheute"); a comma or a size ("250g Dose") is a product line. */
const OUTLET_NAME = /^\p{L}[\p{L}\d.-]*(?:\s[\p{L}\d.-]+){0,3}$/u;
/** A headline has a few words; "Qualità Oro - Perfect Symphony" on a shop page is a product name and its variant. */
const MIN_HEADLINE_WORDS = 4;
/**
 * A scraped page flattens an embedded report into one paragraph; a report that long standing alone
 * is complete, and what follows it is the next article. Below this a stamped paragraph may be a
 * lead that the following paragraphs continue.
 */
const MIN_GLUED_REPORT_CHARS = 400;
/** A piece shorter than this between two cues is debris of the page (a link list, a footer), kept with the article before it. */
const MIN_SEGMENT_CHARS = 200;

/** "BERLIN (dpa) - Der Pegel …": an agency report's opening dateline. */
const PARAGRAPH_DATELINE = /^\p{Lu}[\p{Lu}\s/.-]{1,40}\s\((?<agency>[\p{L}][\p{L}\d-]{1,19})\)\s[-–—]\s/u;
/** "2022-02-04": the length of an ISO date with a day. */
const ISO_DAY_CHARS = 10;

interface HeadedReport {
  readonly title: string;
  readonly published: PublishedDate | null;
  readonly outlet: string | null;
  /** The date line under the headline, which goes with it; null for a dateline, which is body text. */
  readonly dateLineIndex: number | null;
}

interface AgencyStamp {
  readonly title: string;
  readonly published: PublishedDate | null;
  readonly outlet: string;
  /** The report's text from its dateline on: "PEKING (dpa-AFX) - Vor dem …". */
  readonly text: string;
}

interface ClosingTitle {
  readonly title: string;
  readonly outlet: string;
  /** Index of the paragraph that states the same title earlier, if any (the article's own headline). */
  readonly headlineIndex: number;
}

interface DraftSegment {
  title: string | null;
  published: PublishedDate | null;
  outlet: string | null;
  readonly paragraphs: string[];
}

export function splitCompoundPage(page: Page): Segment[] {
  const paragraphs = page.text.split('\n\n').filter((p) => p.trim() !== '');
  const stamps = new Map<number, AgencyStamp>();
  paragraphs.forEach((p, i) => {
    const stamp = readAgencyStamp(p);
    if (stamp) stamps.set(i, stamp);
  });
  const closings = findClosingTitles(paragraphs, page.title, stamps.size > 0);
  const headed = page.format === 'text' ? findHeadedReports(paragraphs) : new Map<number, HeadedReport>();
  if (stamps.size === 0 && closings.size === 0 && headed.size === 0) return [wholePage(page)];

  // The repeated headline (and a date line right under it) belong to the closing segment, not where they stand.
  const movedAway = new Set<number>();
  const closingDates = new Map<number, PublishedDate | null>();
  for (const [index, closing] of closings) {
    if (closing.headlineIndex < 0) continue;
    movedAway.add(closing.headlineIndex);
    const under = paragraphs[closing.headlineIndex + 1];
    const dateLine = under === undefined ? null : findDateLine(under);
    if (dateLine) movedAway.add(closing.headlineIndex + 1);
    // Headline first on the page: readTextPage already took the date line under it as the page's date.
    closingDates.set(index, dateLine ?? (closing.headlineIndex === 0 ? page.published : null));
  }

  const drafts: DraftSegment[] = [];
  let current: DraftSegment = emptyDraft(page.title);
  const flush = () => {
    if (current.paragraphs.length > 0) drafts.push(current);
    current = emptyDraft(null);
  };
  const lastClosing = Math.max(-1, ...closings.keys());
  let headedSplits = 0;
  paragraphs.forEach((paragraph, i) => {
    if (movedAway.has(i)) return;
    const stamp = stamps.get(i);
    const closing = closings.get(i);
    const report = headed.get(i);
    // A headline over a date line or dateline starts the next report, once the one before it is an article.
    if (report && !stamp && !closing && current.paragraphs.join('\n\n').length >= MIN_SEGMENT_CHARS) {
      flush();
      current = { title: report.title, published: report.published, outlet: report.outlet, paragraphs: [] };
      if (report.dateLineIndex !== null) movedAway.add(report.dateLineIndex);
      headedSplits++;
    } else if (stamp) {
      flush();
      current = { title: stamp.title, published: stamp.published, outlet: stamp.outlet, paragraphs: [stamp.text] };
      if (paragraph.length >= MIN_GLUED_REPORT_CHARS && lastClosing > i) flush();
    } else if (closing) {
      current.title ??= closing.title;
      current.outlet ??= closing.outlet;
      current.published ??= closingDates.get(i) ?? null;
      if (current.paragraphs.length > 0) flush();
    } else {
      current.paragraphs.push(paragraph);
    }
  });
  flush();

  // Without a stamp or a headed report, one closing headline only ends the page's single article.
  const merged = stamps.size === 0 && headedSplits === 0 && closings.size < 2 ? [mergeDrafts(drafts)] : mergeDebris(drafts);
  if (merged.length === 1) {
    const only = merged[0]!;
    return [{ title: page.title ?? only.title, text: only.paragraphs.join('\n\n'), published: only.published, outlet: only.outlet }];
  }
  return merged.map((d) => ({ title: d.title, text: d.paragraphs.join('\n\n'), published: d.published, outlet: d.outlet }));
}

/**
 * Reports pasted one after another into a plain-text page, each under its headline: "Headline /
 * 04.02.2022 | 12:01 Uhr / text" or "Headline / BERLIN (dpa) - text". Only in plain text: on an
 * HTML page a headline over a date is a teaser in a list of related links.
 */
function findHeadedReports(paragraphs: readonly string[]): Map<number, HeadedReport> {
  const reports = new Map<number, HeadedReport>();
  paragraphs.forEach((paragraph, i) => {
    const next = paragraphs[i + 1];
    if (next === undefined || !isHeadlineLike(paragraph) || paragraph.split(/\s+/u).length < MIN_HEADLINE_WORDS) return;
    const dateLine = findDateLine(next);
    // A day at least: "Februar 2022" under a heading is a section of one article, not a new report.
    if (dateLine && dateLine.value.length >= ISO_DAY_CHARS) {
      reports.set(i, { title: paragraph, published: dateLine, outlet: null, dateLineIndex: i + 1 });
      return;
    }
    const dateline = PARAGRAPH_DATELINE.exec(next);
    if (dateline?.groups) reports.set(i, { title: paragraph, published: null, outlet: dateline.groups.agency!, dateLineIndex: null });
  });
  return reports;
}

function wholePage(page: Page): Segment {
  return { title: page.title, text: page.text, published: null, outlet: null };
}

function emptyDraft(title: string | null): DraftSegment {
  return { title, published: null, outlet: null, paragraphs: [] };
}

export function readAgencyStamp(paragraph: string): AgencyStamp | null {
  const match = AGENCY_STAMP.exec(paragraph);
  const groups = match?.groups;
  if (!match || !groups) return null;
  const title = groups.title!.trim();
  const credit = groups.credit!.trim();
  if (SENTENCE_BOUNDARY.test(title)) return null;
  // "dpa-AFXPEKING": the scraper glued the agency's name to the place; "PEKING" alone is a plain dateline.
  const glued = groups.glued!.trim();
  const place = glued.startsWith(credit) ? glued.slice(credit.length).trim() : glued;
  if (!DATELINE_PLACE.test(place)) return null;
  const parts = parseDateExpression(groups.stamp!);
  const datelineStart = match.index + match[0].lastIndexOf(groups.glued!) + groups.glued!.indexOf(place);
  return {
    title,
    published: parts ? { value: formatPublishedValue(parts), evidence: `agency stamp "${groups.stamp}"` } : null,
    outlet: credit,
    text: paragraph.slice(datelineStart).trim(),
  };
}

/**
 * Closing headlines "Title — Outlet". The dash is an outlet's when the page states the same title
 * earlier (or as its title), or when the line closes a page already known to be compound (it holds
 * an agency stamp) as its last paragraph: there the reposted article ends with its own headline.
 */
function findClosingTitles(
  paragraphs: readonly string[],
  pageTitle: string | null,
  hasAgencyStamp: boolean,
): Map<number, ClosingTitle> {
  const closings = new Map<number, ClosingTitle>();
  const fold = (s: string) => s.replace(/\s+/gu, ' ').trim().toLowerCase();
  paragraphs.forEach((paragraph, i) => {
    const groups = CLOSING_TITLE.exec(paragraph.trim())?.groups;
    if (!groups) return;
    const title = groups.title!.trim();
    if (!OUTLET_NAME.test(groups.outlet!.trim()) || title.split(/\s+/u).length < MIN_HEADLINE_WORDS) return;
    const headlineIndex = paragraphs.slice(0, i).findIndex((p) => fold(p) === fold(title));
    const repeated = headlineIndex >= 0 || (pageTitle !== null && fold(pageTitle) === fold(title));
    const closesCompoundPage = hasAgencyStamp && i === paragraphs.length - 1;
    if (!repeated && !closesCompoundPage) return;
    // An article lies between the headline and its closing repetition, not a line or two.
    const between = paragraphs.slice(headlineIndex + 1, i).join('\n\n');
    if (between.length < MIN_SEGMENT_CHARS) return;
    closings.set(i, { title, outlet: groups.outlet!.trim(), headlineIndex });
  });
  return closings;
}

function mergeDrafts(drafts: readonly DraftSegment[]): DraftSegment {
  const first = drafts[0] ?? emptyDraft(null);
  return {
    title: first.title ?? drafts.find((d) => d.title)?.title ?? null,
    published: drafts.find((d) => d.published)?.published ?? null,
    outlet: drafts.find((d) => d.outlet)?.outlet ?? null,
    paragraphs: drafts.flatMap((d) => d.paragraphs),
  };
}

/** Short pieces without a title of their own join the segment before them. */
function mergeDebris(drafts: readonly DraftSegment[]): DraftSegment[] {
  const kept: DraftSegment[] = [];
  for (const draft of drafts) {
    const previous = kept[kept.length - 1];
    const chars = draft.paragraphs.join('\n\n').length;
    if (previous && draft.title === null && draft.outlet === null && chars < MIN_SEGMENT_CHARS) {
      previous.paragraphs.push(...draft.paragraphs);
    } else {
      kept.push(draft);
    }
  }
  return kept;
}
