/**
 * Finds the publication date a plain text states: its " date 2022-02" header, a date line near
 * the top ("4 Feb. 2022 11:02 Uhr", "04.02.2022 | 12:01 Uhr", "Stand: 04.02.22, 14:24") or a
 * dateline opening the report ("BERLIN, 04.02.2022 (dpa) – …"). Times are read on Berlin's clock.
 * Dates inside sentences are events the text mentions, never its publication date.
 */
import type { PublishedDate } from '../../page.js';
import {
  DEFAULT_DATE_READING,
  findDateExpressions,
  formatPublishedValue,
  parseDateExpression,
  type DateMatch,
  type DateReadingOptions,
} from './date-expression.js';
import { WEEKDAY_NAMES } from './date-patterns.js';

/** The scrapers' header: " date 2022-02" at the very start of the text, often on the title line. */
const DATE_HEADER = /^\s*date\s+(\d{4}(?:-\d{2}(?:-\d{2})?)?)(?=\s|$)/iu;

/** A line longer than this is prose, not a time stamp or byline. */
const MAX_DATE_LINE_CHARS = 90;

/**
 * How far down a text its date line may sit, in non-empty lines: title, kicker, teaser, byline,
 * then the date. Further down, dated lines are link cards and video teasers of other stories.
 */
const TOP_LINES_FOR_DATE = 8;

/** A dateline's head: place, date and agency fit in this many characters. */
const MAX_DATELINE_HEAD_CHARS = 80;
/** The place before a dateline's date: "BERLIN, ", "Karlsruhe (", "Karlsruhe, (", "Frankfurt/Main, ". */
const DATELINE_PLACE = /^\p{Lu}[\p{L}./ -]{1,30}(?:,\s*\(?|\s*\()\s*$/u;
/** What follows a dateline's date: ")." / "(dpa) –" / " - ". */
const DATELINE_AFTER_DATE = /^\s*\)?\s*(?:\([^)]{1,20}\)\s*)?[-–—.:]\s/u;

/** Labels that stand beside a publication date ("Stand:", "veröffentlicht am", "Updated on"). */
const DATE_LINE_LABELS: ReadonlySet<string> = new Set([
  'stand', 'veröffentlicht', 'publiziert', 'aktualisiert', 'zuletzt', 'erstellt', 'erschienen', 'datum', 'am', 'um',
  'vom', 'uhr', 'mez', 'mesz', 'published', 'updated', 'posted', 'last', 'modified', 'on', 'at', 'date', 'publié',
  'le', 'mis', 'à', 'jour',
]);

/** Words that open a byline ("Von Anna Beispiel, 04.02.2022"): the names after them are not prose. */
const BYLINE_OPENERS: ReadonlySet<string> = new Set(['von', 'by', 'par']);

/** Unknown words a line may hold beside a date with a clock time ("04.02.22, 14:24 dpa-AFX"). */
const MAX_EXTRA_WORDS_TIMED = 2;
/** Unknown words a byline may hold beside its date ("Von Anna Maria Beispiel"). */
const MAX_BYLINE_WORDS = 4;

const WORD_SPLIT = /[\s,;:|·•/()[\]„“"'»«–—]+/u;

/**
 * Whether a short line IS a date line (a time stamp, "Stand: …", a dated byline) and which date it
 * states; null for anything else, including headlines and sentences that merely contain a date.
 * The compound-page splitter uses this to recognise the stamp between glued articles.
 */
export function findDateLine(line: string, options: DateReadingOptions = DEFAULT_DATE_READING): PublishedDate | null {
  const trimmed = line.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_DATE_LINE_CHARS) return null;
  const found = findDateExpressions(trimmed, options);
  if (found.length !== 1) return null;
  const match = found[0]!;
  if (!isDateLineAround(trimmed, match)) return null;
  return { value: formatPublishedValue(match.parts, options), evidence: `date line "${trimmed}"` };
}

function isDateLineAround(line: string, match: DateMatch): boolean {
  const words = (s: string) => s.split(WORD_SPLIT).filter((w) => w !== '');
  const before = words(line.slice(0, match.start));
  const after = words(line.slice(match.end));
  // Another number beside the date ("03.02.2022 | 01:41 min" is a video's length) is not a stamp.
  if ([...before, ...after].some((w) => /\d/u.test(w))) return false;
  const extraBefore = before.filter((w) => !isLabelWord(w));
  const extraAfter = after.filter((w) => !isLabelWord(w));
  if (extraBefore.length + extraAfter.length === 0) return true;
  // A month or a year alone is a date line only when nothing else stands there ("Februar 2022").
  if (match.parts.day === undefined) return false;
  if (extraBefore.length > 0) {
    // Before the date only a byline may stand ("Von Anna Beispiel, 04.02.2022"); "Termin: 28.02.2020,
    // 18:30 Uhr" announces an event.
    return BYLINE_OPENERS.has(extraBefore[0]!.toLowerCase()) && extraBefore.length + extraAfter.length <= MAX_BYLINE_WORDS + 1;
  }
  // After a time stamp a source or author may follow ("04.02.22, 14:24 dpa-AFX", "13:30 von Olga").
  return match.parts.hour !== undefined && extraAfter.length <= MAX_EXTRA_WORDS_TIMED;
}

function isLabelWord(word: string): boolean {
  const w = word.toLowerCase().replace(/\.$/u, '');
  return DATE_LINE_LABELS.has(w) || WEEKDAY_NAMES.has(w) || /^[-.]+$/u.test(w);
}

/**
 * The date of a dateline opening a report: "BERLIN, 04.02.2022 (dpa) – Die …", "Karlsruhe (12.11.2021).
 * Traditionell …". Only a place may stand before the date, and an agency or a dash after it.
 */
export function findOpeningDateline(line: string, options: DateReadingOptions = DEFAULT_DATE_READING): PublishedDate | null {
  const trimmed = line.trim();
  const m = findDateExpressions(trimmed.slice(0, MAX_DATELINE_HEAD_CHARS), options)[0];
  if (!m || m.parts.day === undefined) return null;
  if (!DATELINE_PLACE.test(trimmed.slice(0, m.start))) return null;
  if (!DATELINE_AFTER_DATE.test(trimmed.slice(m.end))) return null;
  return { value: formatPublishedValue(m.parts, options), evidence: `dateline "${trimmed.slice(0, m.end)}"` };
}

/**
 * The date a plain text states about itself: the " date …" header, else the first date line among
 * its top lines. Pass the whole text as read (the header sits on the title line). Null when
 * nothing states a date: "im Februar 2022" in a sentence is an event, not the publication.
 */
export function findPublishedInText(text: string, options: DateReadingOptions = DEFAULT_DATE_READING): PublishedDate | null {
  const header = DATE_HEADER.exec(text);
  if (header) {
    const parts = parseDateExpression(header[1]!, options);
    if (parts) return { value: formatPublishedValue(parts, options), evidence: `text header "date ${header[1]}"` };
  }
  const lines = text.replace(/\r\n?/gu, '\n').split('\n');
  let seen = 0;
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    if (++seen > TOP_LINES_FOR_DATE) break;
    const date = findDateLine(line, options) ?? findOpeningDateline(line, options);
    if (date) return { value: date.value, evidence: `text line ${index + 1}: ${date.evidence}` };
  }
  return null;
}
