/** Plain text → Page. The seeds' format: an optional " date 2022-02" header, a title line, maybe a date line, then one paragraph per line. */
import type { RawDocument } from '../../article.js';
import { diagnostic, type Diagnostic } from '../../diagnostic.js';
import type { Page, PublishedDate } from '../../page.js';
import { findDateLine, findPublishedInText } from '../../extract/published/text-date.js';
import { readPublishedHint } from '../../extract/published/resolve-published.js';

/** The scraper's header " date 2022-02" opening the first line, possibly followed by the title or lead on the same line. */
const DATE_HEADER = /^date\s+\d{4}(?:-\d{2}(?:-\d{2})?)?(?:\s+|$)/u;
/** ": Xi und Putin: …": a label the scraper left empty before the title. */
const TITLE_ARTEFACT = /^:\s+/u;
/** No-break, narrow no-break and figure spaces: scraped text glues names with them ("Xi\u00a0Jinping"). */
const NO_BREAK_SPACES = /[\u00a0\u2007\u202f]/gu;
const ZERO_WIDTH = /\u200b|\u200c|\u200d|\u2060|\ufeff/gu;
/** A line ending in a full stop reads as a sentence, not a headline ("Putin reist nach Peking." vs "Putin reist nach Peking"). */
const SENTENCE_END = /[^.]\.["“”»«'’)]*$/u;
/**
 * Headlines run to about 120 characters; 200 leaves room for long agency headlines while a lead
 * paragraph (seed format without a title line) is longer or ends in a full stop.
 */
const MAX_HEADLINE_CHARS = 200;
/** How many subtitle lines may stand between the title and its date line ("Title / Subtitle / 4 Feb. 2022 11:02 Uhr"). */
const MAX_LINES_BEFORE_DATE_LINE = 2;

export function readTextPage(text: string, raw: RawDocument): Page {
  const messages: Diagnostic[] = [];
  const normalised = normaliseText(text);
  const lines = normalised
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');

  const header = lines.length > 0 ? DATE_HEADER.exec(lines[0]!) : null;
  if (header) {
    const rest = lines[0]!.slice(header[0].length).trim();
    if (rest === '') lines.shift();
    else lines[0] = rest;
  }

  let title: string | null = raw.hints.title ?? null;
  // The title line is the convention of text files; a JSON Lines record or feed item states its
  // title in a field, and its text is body from the first line ("Gleich darauf entwirft er …").
  const hasTitleLine = raw.origin.record === null;
  if (title === null && hasTitleLine && lines.length > 0) {
    const candidate = lines[0]!.replace(TITLE_ARTEFACT, '');
    if (isHeadlineLike(candidate)) {
      title = candidate;
      lines.shift();
    } else {
      messages.push(
        diagnostic('info', 'clean', 'no-title', 'the first line reads as body text (long, or ends in a full stop); article kept without a title', 'line 1'),
      );
    }
  } else if (title !== null && lines.length > 0 && foldSpaces(lines[0]!.replace(TITLE_ARTEFACT, '')) === foldSpaces(title)) {
    // A JSON Lines record or feed item whose text repeats its title on the first line.
    lines.shift();
  }

  // The date line under the title ("04.02.2022 | 12:01 Uhr") is page metadata, not body text.
  const dateLineIndex = findDateLineUnderTitle(lines);
  if (dateLineIndex !== null) lines.splice(dateLineIndex, 1);

  // extract/published reads the header and the date lines; it wants the text as read.
  const hinted = readPublishedHint(raw.hints.published);
  messages.push(...hinted.messages);
  const published: PublishedDate | null = hinted.published ?? findPublishedInText(normalised);

  return {
    origin: raw.origin,
    label: raw.label,
    format: 'text',
    title,
    text: lines.join('\n\n'),
    published,
    siteName: raw.hints.outlet ?? null,
    byline: null,
    declaredLanguage: raw.hints.language ?? null,
    sideTexts: [],
    messages,
  };
}

/** One line per paragraph, LF only, NFC, ordinary spaces, no runs of spaces. */
function normaliseText(text: string): string {
  return text
    .replace(/\r\n?/gu, '\n')
    .normalize('NFC')
    .replace(ZERO_WIDTH, '')
    .replace(NO_BREAK_SPACES, ' ')
    .replace(/[ \t]+/gu, ' ');
}

function foldSpaces(s: string): string {
  return s.replace(/\s+/gu, ' ').trim().toLowerCase();
}

export function isHeadlineLike(line: string): boolean {
  return line.length > 0 && line.length <= MAX_HEADLINE_CHARS && !SENTENCE_END.test(line);
}

/** Index of a date line among the first lines after the title, reached only through headline-like subtitles. */
function findDateLineUnderTitle(lines: readonly string[]): number | null {
  for (let i = 0; i < Math.min(lines.length, MAX_LINES_BEFORE_DATE_LINE + 1); i++) {
    if (findDateLine(lines[i]!) !== null) return i;
    if (!isHeadlineLike(lines[i]!)) return null;
  }
  return null;
}
