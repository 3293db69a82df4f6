/**
 * Dates in the text, resolved against the publication date: absolute ("4. Februar 2022", "im Februar 2022")
 * and relative ("am Freitag", "gestern", "im Dezember", "letzten Monat", "vor zwei Jahren"), each with its
 * offsets and whether the text treats it as past or announces it. The story stage uses them as event dates.
 */
import type { TextDate } from '../../article.js';
import { findDateExpressions, type DateParts } from '../published/date-expression.js';
import { matchesIn, windowsAround, type TextWindow } from '../../text/windowed-matches.js';

/** Weekday numbers as Date.getUTCDay() gives them (Sunday 0). */
const WEEKDAYS_DE: ReadonlyMap<string, number> = new Map([
  ['sonntag', 0], ['montag', 1], ['dienstag', 2], ['mittwoch', 3], ['donnerstag', 4], ['freitag', 5], ['samstag', 6], ['sonnabend', 6],
  ['sunday', 0], ['monday', 1], ['tuesday', 2], ['wednesday', 3], ['thursday', 4], ['friday', 5], ['saturday', 6],
]);
const MONTHS_DE_EN: ReadonlyMap<string, number> = new Map([
  ['januar', 1], ['jänner', 1], ['februar', 2], ['märz', 3], ['april', 4], ['mai', 5], ['juni', 6], ['juli', 7], ['august', 8],
  ['september', 9], ['oktober', 10], ['november', 11], ['dezember', 12], ['january', 1], ['february', 2], ['march', 3],
  ['may', 5], ['june', 6], ['july', 7], ['october', 10], ['december', 12],
]);
const NUMBER_WORDS: ReadonlyMap<string, number> = new Map([
  ['einem', 1], ['einer', 1], ['einen', 1], ['eins', 1], ['zwei', 2], ['drei', 3], ['vier', 4], ['fünf', 5], ['sechs', 6],
  ['sieben', 7], ['acht', 8], ['neun', 9], ['zehn', 10], ['elf', 11], ['zwölf', 12], ['zwanzig', 20], ['a', 1], ['an', 1],
  ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['ten', 10],
]);

const WEEKDAY_ALTERNATION = [...WEEKDAYS_DE.keys()].join('|');
const MONTH_ALTERNATION = [...MONTHS_DE_EN.keys()].join('|');
const NUMBER_ALTERNATION = [...NUMBER_WORDS.keys()].join('|');

/** Named patterns, each read by the resolver of the same name below. Case-insensitive; word-bounded by hand (umlauts). */
const RELATIVE_DATE_PATTERNS = {
  /** "am Freitag", "am vergangenen Mittwoch", "Freitagabend", "on Friday", "last Tuesday" */
  weekday: new RegExp(
    String.raw`(?<![\p{L}])(?:(?:am|on|seit|bis|vom|ab)\s+)?(?:(vergangenen|letzten|kommenden|nächsten|diesen|last|next|this)\s+)?(${WEEKDAY_ALTERNATION})(?:abend|morgen|nachmittag|vormittag|mittag|nacht)?(?![\p{L}])`,
    'giu',
  ),
  /** "heute", "gestern", "vorgestern", "morgen", "übermorgen", "today", "yesterday", "tomorrow" */
  dayWord: /(?<![\p{L}])(heute|gestern|vorgestern|übermorgen|morgen|today|yesterday|tomorrow)(?![\p{L}])/giu,
  /** "vor zwei Jahren", "vor 3 Wochen", "two years ago", "in zwei Wochen", "in three days" */
  offset: new RegExp(
    String.raw`(?<![\p{L}])(vor|in)\s+(\d+|${NUMBER_ALTERNATION})\s+(Tag|Tagen|Woche|Wochen|Monat|Monaten|Jahr|Jahren|days?|weeks?|months?|years?)(?:\s+(ago))?(?![\p{L}])`,
    'giu',
  ),
  /** "letzten Monat", "im vergangenen Jahr", "nächste Woche", "last month", "next year", "diese Woche" */
  period: /(?<![\p{L}])(?:(?:im|in\s+der|in\s+dieser|der)\s+)?(letzte[nrs]?|vergangene[nrs]?|kommende[nrs]?|nächste[nrs]?|diese[nrs]?|last|next|this)\s+(Woche|Monat|Monats|Jahr|Jahres|week|month|year)(?![\p{L}])/giu,
  /** "im Dezember", "Anfang Februar", "Mitte März", "Ende Mai", "in December" — a month without a year */
  month: new RegExp(
    String.raw`(?<![\p{L}])(im|in|Anfang|Mitte|Ende|seit|bis|early|mid|late)\s+(${MONTH_ALTERNATION})(?!\s*\d)(?![\p{L}])`,
    'giu',
  ),
  /** "am 15. Februar", "am 4. Februar" — day and month without a year */
  dayMonth: new RegExp(String.raw`(?<![\p{L}\d.])(\d{1,2})\.\s*(${MONTH_ALTERNATION})(?!\s*\d)(?![\p{L}])`, 'giu'),
} as const;

/**
 * What every relative date contains, lower case: a weekday ("…tag", Mittwoch, Sonnabend, "…day"), a day
 * word, a unit of time, or a month name.
 */
const RELATIVE_DATE_KEYWORDS = [
  'tag', 'mittwoch', 'sonnabend', 'day', 'heute', 'gestern', 'morgen', 'woche', 'monat', 'jahr', 'week', 'month', 'year',
  ...MONTHS_DE_EN.keys(),
];

/**
 * The stretches around those keywords, where the relative-date patterns are run (scanning the whole text
 * with them is slow); null, to scan the whole text, when lower-casing changes the text's length.
 */
function relativeDateWindows(text: string): TextWindow[] | null {
  const lower = text.toLowerCase();
  if (lower.length !== text.length) return null;
  const found: TextWindow[] = [];
  for (const keyword of RELATIVE_DATE_KEYWORDS) {
    for (let at = lower.indexOf(keyword); at >= 0; at = lower.indexOf(keyword, at + 1)) found.push([at, at + keyword.length]);
  }
  // a relative date reaches at most a few words before its keyword ("am vergangenen Freitag", "vor zwei Wochen")
  return windowsAround(text, found.sort((a, b) => a[0] - b[0]), 40, 16);
}

/** Words that put a sentence in the future: it announces what it dates. */
const FUTURE_MARKERS = /(?<![\p{L}])(wird|werden|werde|will|wollen|wolle|soll|sollen|solle|plant|planen|geplant|kommenden|nächsten|bevorstehend\w*|anstehend\w*|künftig|will|shall|plans?|scheduled|going to)(?![\p{L}])/iu;

interface Anchor {
  /** Publication day as UTC midnight (ms). */
  readonly day: number;
  readonly year: number;
  readonly month: number;
}

/**
 * The dates stage of an article: its text dates and, when it has no publication date, the latest one
 * it treats as past (a lower bound for when it was written). Run by the pipeline, and again for a
 * stored article, whose text dates are not stored.
 */
export function textDatesOf(text: string, published: string | null): { dates: TextDate[]; publishedNotBefore: string | null } {
  const dates = findTextDates(text, published);
  return { dates, publishedNotBefore: published === null ? latestStatedPastDate(text, dates) : null };
}

/**
 * Every date the text states or implies. `published` anchors the relative ones; without a day-precise
 * publication date they keep their offsets and a null value.
 */
export function findTextDates(text: string, published: string | null): TextDate[] {
  const anchor = anchorOf(published);
  const found: TextDate[] = [];
  for (const m of findDateExpressions(text, { zone: null, slashOrder: 'day-first' })) {
    if (m.parts.year < 1800 || m.parts.year > 2200) continue;
    found.push(makeDate(m.start, m.end, text, formatParts(m.parts), 'absolute', anchor));
  }
  const near = relativeDateWindows(text);
  const taken = (start: number, end: number) => found.some((d) => start < d.end && end > d.start);
  const add = (start: number, end: number, value: string | null) => {
    if (!taken(start, end)) found.push(makeDate(start, end, text, value, 'relative', anchor));
  };
  for (const m of matchesIn(RELATIVE_DATE_PATTERNS.dayMonth, text, near)) {
    const month = MONTHS_DE_EN.get(m[2]!.toLowerCase())!;
    add(m.index, m.index + m[0].length, anchor ? resolveMonth(anchor, month, Number(m[1]), isFuture(text, m.index)) : null);
  }
  for (const m of matchesIn(RELATIVE_DATE_PATTERNS.weekday, text, near)) {
    // "Freitag" alone at a sentence start is a date too; a weekday inside a compound is not ("Freitagsgebet")
    const weekday = WEEKDAYS_DE.get(m[2]!.toLowerCase())!;
    add(m.index, m.index + m[0].length, anchor ? resolveWeekday(anchor, weekday, m[1]?.toLowerCase() ?? null, isFuture(text, m.index)) : null);
  }
  for (const m of matchesIn(RELATIVE_DATE_PATTERNS.dayWord, text, near)) {
    const word = m[1]!;
    // "morgen" is tomorrow, "Morgen" (am Morgen) is the morning
    if (word === 'Morgen' || /(?:am|den|jeden|guten)\s+$/i.test(text.slice(Math.max(0, m.index - 6), m.index))) continue;
    const shift = DAY_WORD_SHIFT[word.toLowerCase()] ?? 0;
    add(m.index, m.index + word.length, anchor ? isoDay(anchor.day + shift * DAY_MS) : null);
  }
  for (const m of matchesIn(RELATIVE_DATE_PATTERNS.offset, text, near)) {
    const amount = /^\d+$/.test(m[2]!) ? Number(m[2]) : NUMBER_WORDS.get(m[2]!.toLowerCase()) ?? 1;
    const direction = m[1]!.toLowerCase() === 'vor' || m[4] ? -1 : 1;
    add(m.index, m.index + m[0].length, anchor ? shiftBy(anchor, direction * amount, unitOf(m[3]!)) : null);
  }
  for (const m of matchesIn(RELATIVE_DATE_PATTERNS.period, text, near)) {
    const which = m[1]!.toLowerCase();
    const direction = /^(letzte|vergangene|last)/.test(which) ? -1 : /^(kommende|nächste|next)/.test(which) ? 1 : 0;
    add(m.index, m.index + m[0].length, anchor ? shiftBy(anchor, direction, unitOf(m[2]!)) : null);
  }
  for (const m of matchesIn(RELATIVE_DATE_PATTERNS.month, text, near)) {
    const month = MONTHS_DE_EN.get(m[2]!.toLowerCase())!;
    add(m.index, m.index + m[0].length, anchor ? resolveMonth(anchor, month, null, isFuture(text, m.index)) : null);
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * For a text without a publication date: the latest date it states outside an announcing sentence (`dates` are
 * what findTextDates found in it). The
 * text was written no earlier ("China schlug 2023 einen Friedensplan vor" → not before 2023), so this is a
 * lower bound, never a publication date. Null when the text states no date.
 */
export function latestStatedPastDate(text: string, dates: readonly TextDate[]): string | null {
  let latest: string | null = null;
  const consider = (value: string, at: number) => {
    if (!isFuture(text, at) && (latest === null || value > latest)) latest = value;
  };
  // the absolute dates findTextDates already read, so the text is not searched for them twice
  for (const d of dates) if (d.kind === 'absolute' && d.value !== null) consider(d.value, d.start);
  for (const m of text.matchAll(BARE_YEAR)) consider(m[1]!, m.index);
  return latest;
}

/** A year on its own ("schlug 2023 einen Plan vor"); not an amount ("2000 Soldaten", "2.000", "2023 Euro"). */
const BARE_YEAR = /(?<![\d.,])(19[5-9]\d|20\d{2})(?![\d.,]|\s*(?:Euro|Dollar|Menschen|Soldaten|Prozent|Kilometer|km|Meter|Tonnen|Mal|Stück|Einwohner|Personen|Fälle|US-Dollar))/g;

const DAY_MS = 86_400_000;
const DAY_WORD_SHIFT: Readonly<Record<string, number>> = {
  heute: 0, today: 0, gestern: -1, yesterday: -1, vorgestern: -2, morgen: 1, tomorrow: 1, übermorgen: 2,
};

function anchorOf(published: string | null): Anchor | null {
  const m = published ? /^(\d{4})-(\d{2})-(\d{2})/.exec(published) : null;
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return { day: Date.UTC(year, month - 1, day), year, month };
}

/** The sentence around `at` speaks of the future ("Scholz wird am 15. Februar Moskau besuchen"). */
function isFuture(text: string, at: number): boolean {
  const start = Math.max(text.lastIndexOf('. ', at), text.lastIndexOf('\n', at), 0);
  const endCandidates = [text.indexOf('. ', at), text.indexOf('\n', at)].filter((i) => i >= 0);
  const end = endCandidates.length > 0 ? Math.min(...endCandidates) : text.length;
  return FUTURE_MARKERS.test(text.slice(start, end));
}

/** "am Mittwoch": the Wednesday of the publication week on or before the publication day, or the next one when announced. */
function resolveWeekday(anchor: Anchor, weekday: number, qualifier: string | null, future: boolean): string {
  const today = new Date(anchor.day).getUTCDay();
  const forward = qualifier !== null && /^(kommenden|nächsten|next)$/.test(qualifier);
  const backward = qualifier !== null && /^(vergangenen|letzten|last)$/.test(qualifier);
  if (forward || (future && !backward)) {
    const ahead = (weekday - today + 7) % 7 || (forward ? 7 : 0);
    return isoDay(anchor.day + ahead * DAY_MS);
  }
  const back = (today - weekday + 7) % 7 || (backward ? 7 : 0);
  return isoDay(anchor.day - back * DAY_MS);
}

/** A month (and day) without a year: the latest one not after publication, or the next one when announced. */
function resolveMonth(anchor: Anchor, month: number, day: number | null, future: boolean): string {
  let year = anchor.year;
  const target = Date.UTC(year, month - 1, day ?? 1);
  const anchorMonthStart = Date.UTC(anchor.year, anchor.month - 1, 1);
  if (future && (day === null ? target < anchorMonthStart : target < anchor.day)) year += 1;
  if (!future && (day === null ? target > anchorMonthStart : target > anchor.day)) year -= 1;
  return day === null ? `${year}-${pad(month)}` : `${year}-${pad(month)}-${pad(day)}`;
}

type Unit = 'day' | 'week' | 'month' | 'year';

function unitOf(word: string): Unit {
  const w = word.toLowerCase();
  if (w.startsWith('tag') || w.startsWith('day')) return 'day';
  if (w.startsWith('woche') || w.startsWith('week')) return 'week';
  if (w.startsWith('monat') || w.startsWith('month')) return 'month';
  return 'year';
}

/** Shifts the publication date; the result has the unit's precision ("letzten Monat" → "2022-01"). */
function shiftBy(anchor: Anchor, amount: number, unit: Unit): string {
  if (unit === 'day' || unit === 'week') return isoDay(anchor.day + amount * (unit === 'week' ? 7 : 1) * DAY_MS);
  if (unit === 'year') return String(anchor.year + amount);
  const months = anchor.year * 12 + (anchor.month - 1) + amount;
  return `${Math.floor(months / 12)}-${pad((months % 12) + 1)}`;
}

function makeDate(start: number, end: number, text: string, value: string | null, kind: TextDate['kind'], anchor: Anchor | null): TextDate {
  return { text: text.slice(start, end), start, end, value, kind, relation: relationOf(value, anchor) };
}

/** Past, the publication day itself, the publication month or year ("im Februar 2022" in February 2022), or announced. */
function relationOf(value: string | null, anchor: Anchor | null): TextDate['relation'] {
  if (value === null || anchor === null) return 'unknown';
  const published = isoDay(anchor.day).slice(0, value.length);
  if (value < published) return 'past';
  if (value > published) return 'announced';
  return value.length === 10 ? 'same-day' : 'current';
}

function formatParts(p: DateParts): string {
  if (p.month === undefined) return String(p.year);
  if (p.day === undefined) return `${p.year}-${pad(p.month)}`;
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
