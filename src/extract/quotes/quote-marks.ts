/**
 * Finds quoted spans in text, in every style German and English news use: „…“ „…” »…« «…» "…" “…” ‚…‘ ›…‹,
 * with nesting (a blog quoting a report that quotes a spokesman) and quotes that run over paragraphs
 * (German style reopens each paragraph with „ and closes only at the end).
 */

export interface QuotedSpan {
  /** Offsets of the opening and closing marks: the quote with its marks is text.slice(open, close + 1). */
  readonly open: number;
  readonly close: number;
  /** 0 for an outermost quote, 1 inside another, … */
  readonly depth: number;
}

/** Opening mark → the closing marks that end it. German „ closes with “ (or ” in sloppy typesetting). */
const CLOSERS_FOR_OPENER: Readonly<Record<string, string>> = {
  '„': '“”',
  '“': '”',
  '»': '«',
  '«': '»',
  '‚': '‘’',
  '‘': '’',
  '›': '‹',
  '"': '"',
};
/** Marks that close or open depending on what is open: “ closes „ but opens English “…”. */
const OPENING_MARKS = new Set(Object.keys(CLOSERS_FOR_OPENER));
/** A quote left open this long (characters) was a stray mark, not a quotation. */
const MAX_QUOTE_CHARS = 6000;

interface OpenQuote {
  readonly mark: string;
  readonly at: number;
}

export function findQuotedSpans(text: string): QuotedSpan[] {
  const spans: QuotedSpan[] = [];
  const stack: OpenQuote[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (!OPENING_MARKS.has(c) && c !== '”' && c !== '’' && c !== '‹') continue;
    if (isApostrophe(text, i)) continue;
    while (stack.length > 0 && i - stack[stack.length - 1]!.at > MAX_QUOTE_CHARS) stack.pop();

    const closingIndex = findOpenQuoteClosedBy(stack, c, text, i);
    if (closingIndex >= 0) {
      const opened = stack[closingIndex]!;
      stack.length = closingIndex; // quotes opened inside and never closed are dropped
      spans.push({ open: opened.at, close: i, depth: closingIndex });
      continue;
    }
    if (stack.length > 0 && c === stack[stack.length - 1]!.mark && c === '„' && paragraphStartsAt(text, i)) {
      continue; // "„Erster Absatz\n\n„Zweiter Absatz …“": the reopening mark of a quote that runs on
    }
    if (OPENING_MARKS.has(c) && opensHere(text, i)) stack.push({ mark: c, at: i });
  }
  return spans.sort((a, b) => a.open - b.open);
}

/** Index in the stack of the open quote this mark closes, or -1. Only the innermost two are considered. */
function findOpenQuoteClosedBy(stack: readonly OpenQuote[], mark: string, text: string, at: number): number {
  for (let k = stack.length - 1; k >= Math.max(0, stack.length - 2); k--) {
    const open = stack[k]!;
    if (!CLOSERS_FOR_OPENER[open.mark]!.includes(mark)) continue;
    if (mark === '"' && !closesHere(text, at)) return -1;
    if (at === open.at + 1) return -1;
    return k;
  }
  return -1;
}

/** A straight or typographic quote opens before a word, not after one ("Er sagte: "Ja"" vs. "ja" ,). */
function opensHere(text: string, at: number): boolean {
  const next = text[at + 1];
  if (next === undefined || /\s/.test(next)) return false;
  const c = text[at]!;
  if (c === '"' || c === '«' || c === '»' || c === '‘') {
    const prev = text[at - 1];
    return prev === undefined || /[\s([„“‚:–—\-/]/.test(prev);
  }
  return true;
}

function closesHere(text: string, at: number): boolean {
  const prev = text[at - 1];
  return prev !== undefined && !/\s/.test(prev);
}

/** ’ and ‘ inside a word are apostrophes ("geht’s", "Xi’s"), not quotes. */
function isApostrophe(text: string, at: number): boolean {
  const c = text[at];
  if (c !== '’' && c !== '‘') return false;
  return /\p{L}/u.test(text[at - 1] ?? '') && /\p{L}/u.test(text[at + 1] ?? '');
}

function paragraphStartsAt(text: string, at: number): boolean {
  let k = at - 1;
  while (k >= 0 && (text[k] === ' ' || text[k] === '\t')) k--;
  return k < 0 || (text[k] === '\n' && k > 0 && text.lastIndexOf('\n', k - 1) >= k - 3);
}
