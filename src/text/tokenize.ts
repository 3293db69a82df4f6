/**
 * Word tokens with their offsets into the text, German-aware: hyphen compounds stay whole
 * ("NATO-Osterweiterung", "Partei- und Staatschef"), abbreviations keep their stop ("Nr.", "z. B."),
 * ordinals keep theirs ("am 4. Februar"), numbers keep their separators ("2.000", "3,5",
 * "04.02.2022"), and quotes, brackets and other punctuation become tokens of their own.
 * One pass over char codes, no regex per character: the tagger runs this on every article.
 */
import { loadAbbreviations } from './sentences.js';

export interface Token {
  readonly text: string;
  /** Offsets into the tokenised text (JavaScript string indices). */
  readonly start: number;
  readonly end: number;
  readonly kind: 'word' | 'number' | 'punct' | 'symbol';
}

export type Tokenizer = (text: string) => Token[];

/**
 * Abbreviations written with a space between their letters ("z. B."): one token each, so a
 * tagger or quote finder never sees "B." as an initial.
 */
const SPACED_ABBREVIATIONS_DE: ReadonlySet<string> = new Set([
  'z. B.', 'd. h.', 'u. a.', 'v. a.', 'o. ä.', 'u. U.', 'z. T.', 's. o.', 's. u.', 'i. d. R.', 'u. v. m.', 'm. E.', 'n. Chr.', 'v. Chr.',
]);
/** Months after an ordinal stop: "am 4. Feb." and "4. Februar 2022" keep "4." whole even before a capital. */
const MONTHS_DE: ReadonlySet<string> = new Set([
  'Januar', 'Jänner', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember',
  'Jan', 'Feb', 'Febr', 'Mär', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Okt', 'Nov', 'Dez',
]);
/** Letters, marks and digits outside Latin-1; tested only for the rare characters above U+00FF. */
const WORD_CHAR_BEYOND_LATIN1 = /[\p{L}\p{M}\p{Nd}]/u;
const PUNCTUATION_CHAR = /\p{P}/u;

const HYPHEN = 0x2d;
const NON_BREAKING_HYPHEN = 0x2011;
const UNICODE_HYPHEN = 0x2010;
const FULL_STOP = 0x2e;
const COMMA = 0x2c;
const APOSTROPHE = 0x27;
const RIGHT_SINGLE_QUOTE = 0x2019;
const SOFT_HYPHEN = 0xad;

export function makeTokenizer(abbreviations: ReadonlySet<string> = loadAbbreviations()): Tokenizer {
  return (text) => tokenize(text, abbreviations);
}

function tokenize(text: string, abbreviations: ReadonlySet<string>): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      i++;
    } else if (isWordChar(text, i)) {
      i = readWord(text, i, abbreviations, tokens);
    } else if (c === FULL_STOP && text.startsWith('...', i)) {
      tokens.push({ text: '...', start: i, end: i + 3, kind: 'punct' });
      i += 3;
    } else {
      const width = charWidth(text, i);
      const char = text.slice(i, i + width);
      tokens.push({ text: char, start: i, end: i + width, kind: PUNCTUATION_CHAR.test(char) ? 'punct' : 'symbol' });
      i += width;
    }
  }
  return tokens;
}

/** Reads one word or number starting at `start`, pushes it, returns where the next token may start. */
function readWord(text: string, start: number, abbreviations: ReadonlySet<string>, out: Token[]): number {
  const n = text.length;
  let end = start + charWidth(text, start);
  while (end < n) {
    if (isWordChar(text, end)) {
      end += charWidth(text, end);
      continue;
    }
    const c = text.charCodeAt(end);
    const nextIsWord = end + 1 < n && isWordChar(text, end + 1);
    // inner joiners: "NATO-Osterweiterung", "n-tv.de", "04.02.2022", "3,5", "geht's"
    if (nextIsWord && (isHyphen(c) || c === FULL_STOP || c === SOFT_HYPHEN || isApostrophe(c))) {
      end++;
      continue;
    }
    if (nextIsWord && c === COMMA && isDigit(text.charCodeAt(end - 1)) && isDigit(text.charCodeAt(end + 1))) {
      end++;
      continue;
    }
    break;
  }
  // "Partei- und Staatschef", "Nato-, EU- und UN-Vertreter": a dangling compound part keeps its hyphen
  if (end < n && isHyphen(text.charCodeAt(end)) && (end + 1 === n || isSpace(text.charCodeAt(end + 1)) || text.charCodeAt(end + 1) === COMMA)) {
    out.push({ text: text.slice(start, end + 1), start, end: end + 1, kind: 'word' });
    return end + 1;
  }
  const word = text.slice(start, end);
  const isNumber = isDigit(text.charCodeAt(start));
  if (end < n && text.charCodeAt(end) === FULL_STOP && !text.startsWith('...', end)) {
    const spaced = readSpacedAbbreviation(text, start);
    if (spaced !== null) {
      out.push({ text: spaced, start, end: start + spaced.length, kind: 'word' });
      return start + spaced.length;
    }
    if (keepsStop(text, word, end, isNumber, abbreviations)) {
      out.push({ text: `${word}.`, start, end: end + 1, kind: isNumber ? 'number' : 'word' });
      return end + 1;
    }
  }
  out.push({ text: word, start, end, kind: isNumber ? 'number' : 'word' });
  return end;
}

/** "z. B." (with a plain or no-break space) at `start`, or null. */
function readSpacedAbbreviation(text: string, start: number): string | null {
  if (text.charCodeAt(start + 1) !== FULL_STOP || !isSpace(text.charCodeAt(start + 2))) return null;
  for (const abbreviation of SPACED_ABBREVIATIONS_DE) {
    if (abbreviation.length > text.length - start) continue;
    let matches = true;
    for (let k = 0; k < abbreviation.length && matches; k++) {
      const want = abbreviation.charCodeAt(k);
      const got = text.charCodeAt(start + k);
      matches = want === 0x20 ? isSpace(got) : want === got;
    }
    const after = start + abbreviation.length;
    if (matches && (after === text.length || !isWordChar(text, after))) return text.slice(start, after);
  }
  return null;
}

/** Whether the full stop after `word` belongs to it (abbreviation, initial, ordinal) rather than ending a sentence. */
function keepsStop(text: string, word: string, stopAt: number, isNumber: boolean, abbreviations: ReadonlySet<string>): boolean {
  if (abbreviations.has(word)) return true;
  // "John F. Kennedy": a single capital is an initial; "z.B.", "u.a.": dotted abbreviations
  if (word.length === 1 && !isNumber) return true;
  if (!isNumber && word.includes('.') && word.length <= 6) return true;
  if (!isNumber) return false;
  const nextWord = wordAfter(text, stopAt + 1);
  if (nextWord === null) return false;
  const first = nextWord.charCodeAt(0);
  // "am 4. Februar", "der 2. Weltkrieg", "4. bis 6. März": up to three digits before a word is an ordinal;
  // years ("im Jahr 2022. Dann …") end sentences unless a lower-case word or a month follows
  if (MONTHS_DE.has(nextWord) || isLowerAscii(first) || isDigit(first)) return word.length <= 3 || isLowerAscii(first);
  return word.length <= 2 && !word.includes('.') && !word.includes(',');
}

/** The word that follows on the same line after white space, or null. */
function wordAfter(text: string, from: number): string | null {
  let i = from;
  while (i < text.length && isSpace(text.charCodeAt(i)) && text.charCodeAt(i) !== 0x0a) i++;
  if (i === from || i >= text.length || !isWordChar(text, i)) return null;
  let end = i + 1;
  while (end < text.length && isWordChar(text, end)) end++;
  return text.slice(i, end);
}

/** UTF-16 units of the code point at `i`: a surrogate pair (an emoji) stays together. */
function charWidth(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff && i + 1 < text.length ? 2 : 1;
}

function isSpace(c: number): boolean {
  return (
    c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200b) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isLowerAscii(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || c === 0xe4 || c === 0xf6 || c === 0xfc || c === 0xdf;
}

function isHyphen(c: number): boolean {
  return c === HYPHEN || c === NON_BREAKING_HYPHEN || c === UNICODE_HYPHEN;
}

function isApostrophe(c: number): boolean {
  return c === APOSTROPHE || c === RIGHT_SINGLE_QUOTE;
}

function isWordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x80) return isDigit(c) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  if (c <= 0xff) return c >= 0xc0 && c !== 0xd7 && c !== 0xf7;
  if (c >= 0xd800 && c <= 0xdbff) return WORD_CHAR_BEYOND_LATIN1.test(text.slice(i, i + 2));
  return WORD_CHAR_BEYOND_LATIN1.test(text[i]!);
}

/** Index of the first token that ends after `offset` (the token at or after it), by binary search; tokens.length when none. */
export function tokenIndexAt(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
