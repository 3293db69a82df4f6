/**
 * What the search index holds and what a query asks for: words reduced to their search keys (German
 * stem, case and accents folded), so every Store implementation indexes and queries the same way.
 */
import { searchKeyOf } from '../text/stem.de.js';

/**
 * A word: letters and digits, with any combining marks (a decomposed "ö" is o + U+0308). Hyphens and
 * apostrophes split ("Nato-Osterweiterung" is two words).
 */
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu;
/** A "quoted phrase" in a query (straight or German quotation marks). */
const QUOTED_PHRASE = /["„“”»«]([^"„“”»«]*)["„“”»«]?/gu;

/** One word of a text with its search key and where it stands (offsets into that text). */
export interface SearchTerm {
  readonly key: string;
  readonly start: number;
  readonly end: number;
}

export function searchTermsOf(text: string): SearchTerm[] {
  return Array.from(text.matchAll(WORD), (m) => ({ key: searchKeyOf(m[0]), start: m.index, end: m.index + m[0].length }));
}

/** The text as the index stores it: search keys separated by spaces. */
export function indexedTextOf(text: string): string {
  return searchTermsOf(text)
    .map((t) => t.key)
    .join(' ');
}

/**
 * A query as phrases of search keys; a hit must contain every phrase. A bare word is a phrase of one;
 * a hyphenated word or a "quoted phrase" must appear as those words in that order.
 */
export function parseSearchQuery(query: string): string[][] {
  const phrases: string[][] = [];
  const rest = query.replace(QUOTED_PHRASE, (_, inner: string) => {
    phrases.push(searchTermsOf(inner).map((t) => t.key));
    return ' ';
  });
  for (const chunk of rest.split(/\s+/)) phrases.push(searchTermsOf(chunk).map((t) => t.key));
  return phrases.filter((p) => p.length > 0);
}
