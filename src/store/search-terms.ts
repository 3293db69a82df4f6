/**
 * What the search index holds and what a query asks for: words reduced to their search keys (German
 * stem, case and accents folded), so every Store implementation indexes and queries the same way.
 */
import { normaliseForSearch, searchKeyOf } from '../text/stem.de.js';

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
  // News text repeats its words (der, die, the names): stem each distinct word once per text.
  const keys = new Map<string, string>();
  return Array.from(text.matchAll(WORD), (m) => {
    let key = keys.get(m[0]);
    if (key === undefined) {
      key = searchKeyOf(m[0]);
      keys.set(m[0], key);
    }
    return { key, start: m.index, end: m.index + m[0].length };
  });
}

/**
 * The text as the index stores it: search keys separated by spaces. `keyCache` maps words to keys
 * across the texts of one batch; news texts share most of their words, so most lookups hit.
 */
export function indexedTextOf(text: string, keyCache: Map<string, string> = new Map()): string {
  const keys: string[] = [];
  for (const word of text.match(WORD) ?? []) {
    let key = keyCache.get(word);
    if (key === undefined) {
      key = searchKeyOf(word);
      keyCache.set(word, key);
    }
    keys.push(key);
  }
  return keys.join(' ');
}

/**
 * The words of `text` whose search key is one of `keys`. A key is a prefix of its word's folded
 * spelling (stemming only cuts endings), so words whose first letter starts no key are skipped unstemmed.
 */
export function findKeyedWords(text: string, keys: ReadonlySet<string>): SearchTerm[] {
  const firstLetters = new Set(Array.from(keys, (k) => k.charAt(0)));
  const found: SearchTerm[] = [];
  for (const m of text.matchAll(WORD)) {
    if (!firstLetters.has(normaliseForSearch(m[0].charAt(0)).charAt(0))) continue;
    const key = searchKeyOf(m[0]);
    if (keys.has(key)) found.push({ key, start: m.index, end: m.index + m[0].length });
  }
  return found;
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
