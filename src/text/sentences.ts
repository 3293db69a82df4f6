/**
 * Sentence boundaries in German (and English) news text, as spans into the text. Survives
 * abbreviations ("z. B.", "Nr.", "Feb."), ordinals and dates ("am 4. Februar", "den 75. Jahrestag"),
 * initials ("John F. Kennedy") and quotes that close after the full stop ("… aufgeben.“ Dann …").
 * A paragraph break always ends a sentence.
 */
import { readListFile } from './list-file.js';
import type { Span } from '../article.js';

export type Sentence = Span;

export interface SentenceSplitter {
  split(text: string): Sentence[];
}

/**
 * A candidate end: terminal punctuation, then closing quotes or brackets, then white space.
 * Group 1 is the punctuation run, group 2 the closers.
 */
const SENTENCE_END = /([.!?…]+)([“”"»«’'‘)\]]*)(?=\s)/g;
/** What may open the next sentence: a capital, a digit, or an opening quote/bracket before one. */
const SENTENCE_START = /^\s+[„“"»«‚‘'([]*[\p{Lu}\d]/u;
const PARAGRAPH_BREAK = /\n[ \t\u00a0]*\n/g;
/** The word right before a full stop: letters (with inner dots, "e.V"), digits. */
const WORD_BEFORE_STOP = /([\p{L}\d][\p{L}\d.]*)$/u;
const MONTHS_DE =
  /^(Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|Jan|Feb|Febr|Mär|Apr|Jun|Jul|Aug|Sep|Sept|Okt|Nov|Dez)\b/u;

export function loadAbbreviations(): ReadonlySet<string> {
  return new Set(readListFile(new URL('./abbreviations.de.txt', import.meta.url)));
}

export function makeSentenceSplitter(abbreviations: ReadonlySet<string> = loadAbbreviations()): SentenceSplitter {
  return { split: (text) => splitSentences(text, abbreviations) };
}

function splitSentences(text: string, abbreviations: ReadonlySet<string>): Sentence[] {
  const sentences: Sentence[] = [];
  let paragraphStart = 0;
  for (const breakMatch of text.matchAll(PARAGRAPH_BREAK)) {
    splitParagraph(text, paragraphStart, breakMatch.index, abbreviations, sentences);
    paragraphStart = breakMatch.index + breakMatch[0].length;
  }
  splitParagraph(text, paragraphStart, text.length, abbreviations, sentences);
  return sentences;
}

function splitParagraph(
  text: string,
  from: number,
  to: number,
  abbreviations: ReadonlySet<string>,
  out: Sentence[],
): void {
  const paragraph = text.slice(from, to);
  let start = 0;
  for (const m of paragraph.matchAll(SENTENCE_END)) {
    const end = m.index + m[0].length;
    const after = paragraph.slice(end, end + 40);
    if (!SENTENCE_START.test(after)) continue;
    if (m[1] === '.' && m[2] === '' && !endsSentence(paragraph.slice(start, m.index), after, abbreviations)) continue;
    pushTrimmed(from + start, from + end, text, out);
    start = end;
  }
  pushTrimmed(from + start, to, text, out);
}

/** Decides whether a lone full stop after `before` ends the sentence, given what follows. */
function endsSentence(before: string, after: string, abbreviations: ReadonlySet<string>): boolean {
  const word = WORD_BEFORE_STOP.exec(before)?.[1];
  if (word === undefined) return true;
  if (abbreviations.has(word)) return false;
  // "John F. Kennedy", "S. 12": a single capital is an initial
  if (/^\p{Lu}$/u.test(word)) return false;
  // "z.B", "u.a", "i.d.R": dotted abbreviations
  if (/^\p{L}(\.\p{L})+$/u.test(word)) return false;
  if (/^\d{1,3}$/.test(word)) {
    // "am 4. Februar", "den 75. Jahrestag", "der 2. Platz": a number with a stop before a word is an ordinal;
    // "Es kamen 300. Dann …" is rare in news, and years (four digits) do end sentences
    const next = after.trimStart();
    if (MONTHS_DE.test(next) || /^\p{Ll}/u.test(next) || /^\p{Lu}\p{Ll}/u.test(next)) return false;
  }
  return true;
}

function pushTrimmed(start: number, end: number, text: string, out: Sentence[]): void {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end > start) out.push({ start, end });
}
