/**
 * Named patterns for the date expressions news pages use (German and English first; French,
 * Italian, Spanish, Portuguese and Dutch month names because the same scrapers meet them):
 * month names, numeric and written dates, times.
 */

/** Month names and their usual abbreviations, lower case, without the abbreviation dot. */
export const MONTH_NUMBERS: ReadonlyMap<string, number> = new Map([
  // German (Austrian "Jänner", "Feber" included)
  ['januar', 1], ['jänner', 1], ['jan', 1], ['februar', 2], ['feber', 2], ['feb', 2], ['märz', 3], ['maerz', 3],
  ['mär', 3], ['mrz', 3], ['april', 4], ['apr', 4], ['mai', 5], ['juni', 6], ['jun', 6], ['juli', 7], ['jul', 7],
  ['august', 8], ['aug', 8], ['september', 9], ['sep', 9], ['sept', 9], ['oktober', 10], ['okt', 10],
  ['november', 11], ['nov', 11], ['dezember', 12], ['dez', 12],
  // English
  ['january', 1], ['february', 2], ['march', 3], ['mar', 3], ['may', 5], ['june', 6], ['july', 7],
  ['october', 10], ['oct', 10], ['december', 12], ['dec', 12],
  // French
  ['janvier', 1], ['février', 2], ['févr', 2], ['fevrier', 2], ['mars', 3], ['avril', 4], ['avr', 4], ['juin', 6],
  ['juillet', 7], ['juil', 7], ['août', 8], ['aout', 8], ['septembre', 9], ['octobre', 10], ['novembre', 11],
  ['décembre', 12], ['déc', 12], ['decembre', 12],
  // Italian, Spanish, Portuguese, Dutch: full names only (their abbreviations collide with words)
  ['gennaio', 1], ['febbraio', 2], ['marzo', 3], ['aprile', 4], ['maggio', 5], ['giugno', 6], ['luglio', 7],
  ['agosto', 8], ['settembre', 9], ['ottobre', 10], ['dicembre', 12],
  ['enero', 1], ['febrero', 2], ['abril', 4], ['mayo', 5], ['junio', 6], ['julio', 7], ['septiembre', 9],
  ['setiembre', 9], ['octubre', 10], ['noviembre', 11], ['diciembre', 12],
  ['janeiro', 1], ['fevereiro', 2], ['março', 3], ['maio', 5], ['junho', 6], ['julho', 7], ['setembro', 9],
  ['outubro', 10], ['novembro', 11], ['dezembro', 12],
  ['januari', 1], ['februari', 2], ['maart', 3], ['mei', 5], ['augustus', 8],
]);

/** Weekday names: allowed around a date ("Freitag, 4. Februar 2022") without making it a sentence. */
export const WEEKDAY_NAMES: ReadonlySet<string> = new Set([
  'montag', 'dienstag', 'mittwoch', 'donnerstag', 'freitag', 'samstag', 'sonnabend', 'sonntag',
  'mo', 'di', 'mi', 'do', 'fr', 'sa', 'so',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
  'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche',
]);

const MONTH_ALTERNATION = [...MONTH_NUMBERS.keys()].sort((a, b) => b.length - a.length).join('|');

/** Not preceded by a letter or digit (JavaScript's \b does not know umlauts). */
const START = String.raw`(?<![\p{L}\p{N}])`;
/** Not followed by a letter or digit. */
const END = String.raw`(?![\p{L}\p{N}])`;

/** "2022-02-04", "2022-02-04T11:02:00+01:00", "2022-02-04 11:02:00.000Z". */
export const ISO_DATE = /(?<![\d.])(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s?(Z|[+-]\d{2}(?::?\d{2})?)?)?(?![\d])/gu;

/** "04.02.2022", "4.2.22", "04. 02. 2022" (German day.month.year). */
export const NUMERIC_DMY = /(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}|\d{2})(?![\d]|\.\d)/gu;

/** "2022/02/04" (year first, unambiguous). */
export const SLASH_YMD = /(?<![\d/])(\d{4})\/(\d{1,2})\/(\d{1,2})(?![\d/])/gu;

/** "02/04/2022": month/day/year in English, day/month/year elsewhere; resolved by value or option. */
export const SLASH_NUMERIC = /(?<![\d/])(\d{1,2})\/(\d{1,2})\/(\d{4})(?![\d/])/gu;

/** "4. Februar 2022", "4 Feb. 2022", "4th February, 2022", "04 févr. 2022", "4 de febrero de 2022". */
export const DAY_MONTH_NAME_YEAR = new RegExp(
  String.raw`${START}(\d{1,2})(?:\.|st|nd|rd|th|er|º)?\s*(?:de\s+)?(${MONTH_ALTERNATION})\.?,?\s+(?:de\s+)?(\d{4})(?!\d)`,
  'giu',
);

/** "Feb 4, 2022", "February 4th 2022". */
export const MONTH_NAME_DAY_YEAR = new RegExp(
  String.raw`${START}(${MONTH_ALTERNATION})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?!\d)`,
  'giu',
);

/** "Februar 2022", "Feb. 2022": month precision only. */
export const MONTH_NAME_YEAR = new RegExp(String.raw`${START}(${MONTH_ALTERNATION})\.?\s+(\d{4})(?!\d)`, 'giu');

/**
 * A time right after a date: "| 12:01 Uhr", ", 14:24", " um 9.30 Uhr", " 11:02:00 +0100", " 3:30 PM".
 * Not a duration ("01:41 min"); "9.30" only counts with "Uhr".
 */
export const TIME_AFTER_DATE = new RegExp(
  String.raw`^\s*(?:[,|·•–—/-]\s*)?(?:(?:um|at|à|,)\s+)?(\d{1,2})(?::(\d{2})(?::(\d{2}))?|\.(\d{2})(?=\s*Uhr))(?!\d|\s*min${END})` +
    String.raw`(?:\s*(Uhr|h${END}|[ap]\.?m\.?))?(?:\s*(MESZ|MEZ|CEST|CET|UTC|GMT|Z${END}|[+-]\d{2}:?\d{2}))?`,
  'iu',
);

/** A time right before a date: "12:01 Uhr | 04.02.2022", "11:02, 4. Februar 2022". */
export const TIME_BEFORE_DATE = new RegExp(
  String.raw`(?<![\d:.])(\d{1,2}):(\d{2})(?:\s*(Uhr|h${END}|[ap]\.?m\.?))?\s*(?:[,|·•–—-]\s*)?(?:(?:am|on|le)\s+)?$`,
  'iu',
);

/** Zone names pages print after a time, as minutes east of UTC. */
export const ZONE_OFFSET_MINUTES: ReadonlyMap<string, number> = new Map([
  ['mez', 60], ['cet', 60], ['mesz', 120], ['cest', 120], ['utc', 0], ['gmt', 0], ['z', 0],
]);
