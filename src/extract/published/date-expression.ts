/**
 * Reads date expressions ("4 Feb. 2022 11:02 Uhr", "04.02.22, 14:24", "Feb 4, 2022", ISO strings)
 * into calendar parts at the precision they state, and writes them as ISO 8601 with the right offset.
 */
import { berlinUtcOffsetMinutes, berlinWallTime } from './berlin-time.js';
import {
  DAY_MONTH_NAME_YEAR,
  ISO_DATE,
  MONTH_NAME_DAY_YEAR,
  MONTH_NAME_YEAR,
  MONTH_NUMBERS,
  NUMERIC_DMY,
  SLASH_NUMERIC,
  SLASH_YMD,
  TIME_AFTER_DATE,
  TIME_BEFORE_DATE,
  WEEKDAY_NAMES,
  ZONE_OFFSET_MINUTES,
} from './date-patterns.js';
import { matchesIn, windowsAround, type TextWindow } from '../../text/windowed-matches.js';

/** A calendar date at the precision a text states it; absent fields were not stated. */
export interface DateParts {
  readonly year: number;
  readonly month?: number;
  readonly day?: number;
  readonly hour?: number;
  readonly minute?: number;
  readonly second?: number;
  /** Minutes east of UTC, when the expression states a zone ("+01:00", "MEZ", "Z"). */
  readonly offsetMinutes?: number;
}

/** One date expression found in a text. Offsets index the string that was searched. */
export interface DateMatch {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly parts: DateParts;
}

export interface DateReadingOptions {
  /** Zone of times stated without one: Berlin for German outlets, null to leave them without offset. */
  readonly zone: 'Europe/Berlin' | null;
  /** How to read an ambiguous "02/04/2022": month first (US English) or day first. */
  readonly slashOrder: 'month-first' | 'day-first';
}

export const DEFAULT_DATE_READING: DateReadingOptions = { zone: 'Europe/Berlin', slashOrder: 'month-first' };

/** "2022", "2022-02", "2022-02-04" as a whole string (container hints, text headers). */
const ISO_PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Two-digit years: "04.02.22" is 2022, "31.12.98" is 1998. */
const TWO_DIGIT_YEAR_PIVOT = 70;

function fullYear(digits: string): number {
  const n = Number(digits);
  if (digits.length === 4) return n;
  return n < TWO_DIGIT_YEAR_PIVOT ? 2000 + n : 1900 + n;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Whether the parts name a real calendar date and clock time ("31.02.2024" does not). */
export function isValidDateParts(p: DateParts): boolean {
  if (p.year < 1000 || p.year > 2999) return false;
  if (p.month === undefined) return p.day === undefined;
  if (p.month < 1 || p.month > 12) return false;
  if (p.day !== undefined && (p.day < 1 || p.day > daysInMonth(p.year, p.month))) return false;
  if (p.hour !== undefined && (p.hour > 23 || (p.minute ?? 0) > 59 || (p.second ?? 0) > 59)) return false;
  return true;
}

function parseZone(zone: string | undefined): number | undefined {
  if (zone === undefined) return undefined;
  const named = ZONE_OFFSET_MINUTES.get(zone.toLowerCase());
  if (named !== undefined) return named;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (!m) return undefined;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -minutes : minutes;
}

function hourFrom(hour: number, meridiem: string | undefined): number {
  const m = meridiem?.toLowerCase().replace(/\./g, '');
  if (m === 'pm' && hour < 12) return hour + 12;
  if (m === 'am' && hour === 12) return 0;
  return hour;
}

interface Candidate {
  start: number;
  end: number;
  parts: DateParts;
}

type PatternReader = (m: RegExpExecArray, options: DateReadingOptions) => DateParts | null;

function monthNumber(word: string): number | undefined {
  return MONTH_NUMBERS.get(word.toLowerCase().replace(/\.$/, ''));
}

/**
 * Each pattern with the way its groups become parts, most specific first (ties keep the earlier). The
 * month-name patterns end in a four-digit year and are only run near one (see yearWindows): their
 * case-insensitive month alternations are slow to scan a whole text with.
 */
const DATE_PATTERNS: readonly (readonly [RegExp, PatternReader, 'whole text' | 'near a year'])[] = [
  [
    ISO_DATE,
    (m) => ({
      year: Number(m[1]),
      month: Number(m[2]),
      day: Number(m[3]),
      ...(m[4] !== undefined ? { hour: Number(m[4]), minute: Number(m[5]) } : {}),
      ...(m[6] !== undefined ? { second: Number(m[6]) } : {}),
      ...(m[7] !== undefined ? { offsetMinutes: parseZone(m[7]) } : {}),
    }),
    'whole text',
  ],
  [NUMERIC_DMY, (m) => ({ year: fullYear(m[3]!), month: Number(m[2]), day: Number(m[1]) }), 'whole text'],
  [SLASH_YMD, (m) => ({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }), 'whole text'],
  [
    SLASH_NUMERIC,
    (m, options) => {
      const a = Number(m[1]);
      const b = Number(m[2]);
      const dayFirst = a > 12 || (b <= 12 && options.slashOrder === 'day-first');
      return { year: Number(m[3]), month: dayFirst ? b : a, day: dayFirst ? a : b };
    },
    'whole text',
  ],
  [DAY_MONTH_NAME_YEAR, (m) => withMonth(m[2]!, { year: Number(m[3]), day: Number(m[1]) }), 'near a year'],
  [MONTH_NAME_DAY_YEAR, (m) => withMonth(m[1]!, { year: Number(m[3]), day: Number(m[2]) }), 'near a year'],
  [MONTH_NAME_YEAR, (m) => withMonth(m[1]!, { year: Number(m[2]) }), 'near a year'],
];

/** How far before its year a month-name date may start ("4th de septiembre de 2022" is 24 characters). */
const YEAR_WINDOW_BEFORE = 64;
const DIGIT_RUN = /\d+/g;

/** Stretches of `text` that end at a four-digit number and reach back far enough to hold a date written with a month name. */
function yearWindows(text: string): TextWindow[] {
  const years = [...text.matchAll(DIGIT_RUN)].filter((m) => m[0].length === 4).map((m): TextWindow => [m.index, m.index + 4]);
  return windowsAround(text, years, YEAR_WINDOW_BEFORE, 0);
}

function withMonth(word: string, parts: { year: number; day?: number }): DateParts | null {
  const month = monthNumber(word);
  return month === undefined ? null : { ...parts, month };
}

/** Adds a time stated right after (or right before) a day-precise date. */
function attachTime(text: string, c: Candidate): Candidate {
  if (c.parts.day === undefined || c.parts.hour !== undefined) return c;
  const after = TIME_AFTER_DATE.exec(text.slice(c.end, c.end + 40));
  if (after) {
    const hour = hourFrom(Number(after[1]), after[5]);
    const parts: DateParts = {
      ...c.parts,
      hour,
      minute: Number(after[2] ?? after[4]),
      ...(after[3] !== undefined ? { second: Number(after[3]) } : {}),
      ...(after[6] !== undefined ? { offsetMinutes: parseZone(after[6]) } : {}),
    };
    if (isValidDateParts(parts)) return { start: c.start, end: c.end + after[0].length, parts };
  }
  const before = TIME_BEFORE_DATE.exec(text.slice(Math.max(0, c.start - 25), c.start));
  if (before) {
    const parts: DateParts = { ...c.parts, hour: hourFrom(Number(before[1]), before[3]), minute: Number(before[2]) };
    if (isValidDateParts(parts)) return { start: c.start - before[0].length, end: c.end, parts };
  }
  return c;
}

/**
 * Every date expression in `text`, in reading order. Overlapping readings keep the longest
 * ("4. Februar 2022" over "Februar 2022"). Impossible dates ("31.02.2024") are left out.
 */
export function findDateExpressions(text: string, options: DateReadingOptions = DEFAULT_DATE_READING): DateMatch[] {
  const candidates: Candidate[] = [];
  const nearYears = yearWindows(text);
  for (const [pattern, read, scope] of DATE_PATTERNS) {
    for (const m of matchesIn(pattern, text, scope === 'near a year' ? nearYears : null)) {
      const parts = read(m, options);
      if (parts && isValidDateParts(parts)) candidates.push({ start: m.index, end: m.index + m[0].length, parts });
    }
  }
  candidates.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const kept: Candidate[] = [];
  for (const c of candidates) {
    const last = kept[kept.length - 1];
    if (last && c.start < last.end) continue;
    kept.push(c);
  }
  return kept.map((c) => attachTime(text, c)).map((c) => ({ ...c, text: text.slice(c.start, c.end) }));
}

/** Words that may stand around a date without making the string more than a date. */
function isDateFiller(word: string): boolean {
  return WEEKDAY_NAMES.has(word.toLowerCase().replace(/\.$/, ''));
}

/**
 * Parses a string that is one date expression and nothing else (a feed's pubDate, a JSONL
 * `published`, a meta tag's content): "Fri, 04 Feb 2022 11:02:00 +0100", "2022-02", "4. Februar 2022".
 * Returns null when the string is not a date or names an impossible one.
 */
export function parseDateExpression(s: string, options: DateReadingOptions = DEFAULT_DATE_READING): DateParts | null {
  const trimmed = s.trim();
  const partial = ISO_PARTIAL_DATE.exec(trimmed);
  if (partial) {
    const parts: DateParts = {
      year: Number(partial[1]),
      ...(partial[2] !== undefined ? { month: Number(partial[2]) } : {}),
      ...(partial[3] !== undefined ? { day: Number(partial[3]) } : {}),
    };
    return isValidDateParts(parts) ? parts : null;
  }
  const found = findDateExpressions(trimmed, options);
  if (found.length !== 1) return null;
  const match = found[0]!;
  const rest = (`${trimmed.slice(0, match.start)} ${trimmed.slice(match.end)}`).split(/[\s,.|·•–—-]+/u);
  return rest.every((w) => w === '' || isDateFiller(w)) ? match.parts : null;
}

function pad(n: number, width = 2): string {
  return String(Math.abs(n)).padStart(width, '0');
}

function formatOffset(minutes: number): string {
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
}

/**
 * ISO 8601 at the precision known: "2022", "2022-02", "2022-02-04", "2022-02-04T11:02+01:00".
 * A time without a stated zone gets the reading zone's offset (Berlin: +01:00 or +02:00 by date).
 */
export function formatPublishedValue(p: DateParts, options: Pick<DateReadingOptions, 'zone'> = DEFAULT_DATE_READING): string {
  if (p.month === undefined) return pad(p.year, 4);
  const date = `${pad(p.year, 4)}-${pad(p.month)}`;
  if (p.day === undefined) return date;
  const day = `${date}-${pad(p.day)}`;
  if (p.hour === undefined) return day;
  const clock = `${pad(p.hour)}:${pad(p.minute ?? 0)}${p.second !== undefined ? `:${pad(p.second)}` : ''}`;
  const offset =
    p.offsetMinutes !== undefined
      ? p.offsetMinutes
      : options.zone === 'Europe/Berlin'
        ? berlinUtcOffsetMinutes(p.year, p.month, p.day, p.hour)
        : undefined;
  return `${day}T${clock}${offset !== undefined ? formatOffset(offset) : ''}`;
}

/**
 * The same instant on the Berlin clock, when the parts state a time and a zone
 * ("2023-11-01T23:01:00Z" → "2023-11-02T00:01:00+01:00"); other parts come back unchanged.
 */
export function toBerlinTime(p: DateParts): DateParts {
  if (p.offsetMinutes === undefined || p.hour === undefined || p.month === undefined || p.day === undefined) return p;
  const utcMs = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute ?? 0, p.second ?? 0) - p.offsetMinutes * 60_000;
  const berlin = berlinWallTime(utcMs);
  const { second, ...rest } = berlin;
  return p.second === undefined ? rest : { ...rest, second };
}

/** Orders two parts by calendar day (year, month, day; time ignored): negative, zero or positive. */
export function compareCalendarDays(a: DateParts, b: DateParts): number {
  return a.year - b.year || (a.month ?? 1) - (b.month ?? 1) || (a.day ?? 1) - (b.day ?? 1);
}
