/**
 * What the search index holds and what a query asks for: words reduced to their search keys (German
 * stem, case and accents folded), so every Store implementation indexes and queries the same way.
 */
import { makeCompoundSplitter, type CompoundSplitter } from '../text/compounds.de.js';
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

/** How one word is indexed: its search key, and its compound parts' keys ("Sicherheitsgarantien" → sicher, garanti). */
export interface IndexedWord {
  readonly key: string;
  readonly partKeys: readonly string[];
}

let compoundSplitter: CompoundSplitter | undefined;
function splitCompound(word: string): readonly string[] {
  compoundSplitter ??= makeCompoundSplitter();
  return compoundSplitter(word);
}

/** A word's search key and its compound parts' keys (none when it is not a compound). */
export function indexedWordOf(word: string): IndexedWord {
  const parts = splitCompound(word);
  return { key: searchKeyOf(word), partKeys: parts.map(searchKeyOf) };
}

/**
 * The text as the index stores it: search keys separated by spaces, then the keys of compound parts, so
 * a search for "Garantien" finds "Sicherheitsgarantien" while phrases still match the words as written.
 * `wordCache` serves across the texts of one batch; news texts share most of their words.
 */
export function indexedTextOf(text: string, wordCache: Map<string, IndexedWord> = new Map()): string {
  const keys: string[] = [];
  const partKeys: string[] = [];
  for (const word of text.match(WORD) ?? []) {
    let indexed = wordCache.get(word);
    if (indexed === undefined) {
      indexed = indexedWordOf(word);
      wordCache.set(word, indexed);
    }
    keys.push(indexed.key);
    partKeys.push(...indexed.partKeys);
  }
  return [...keys, ...partKeys].join(' ');
}

/** One phrase of a query: its words' search keys in order; with `prefix`, the last matches any word it begins. */
export interface QueryPhrase {
  readonly keys: readonly string[];
  readonly prefix: boolean;
}

/**
 * A query as phrases; a hit must contain every phrase. A bare word is a phrase of one; a hyphenated
 * word or a "quoted phrase" must appear as those words in that order. A trailing * makes the last
 * word a prefix, folded but not stemmed: "Sicherheits*" finds "Sicherheitsgarantien", "Sicherheitslage".
 */
export function parseSearchQuery(query: string): QueryPhrase[] {
  const phrases: QueryPhrase[] = [];
  const rest = query.replace(QUOTED_PHRASE, (_, inner: string) => {
    phrases.push(phraseOf(inner));
    return ' ';
  });
  for (const chunk of rest.split(/\s+/)) phrases.push(phraseOf(chunk));
  return phrases.filter((p) => p.keys.length > 0);
}

/** A trailing * after a word ("Erkl*", "Erkl *" is not one: a lone * is ignored). */
const PREFIX_MARK = /[\p{L}\p{M}\p{N}]\*\s*$/u;

function phraseOf(text: string): QueryPhrase {
  const words = text.match(WORD) ?? [];
  const prefix = PREFIX_MARK.test(text);
  const keys = words.map((word, i) => (prefix && i === words.length - 1 ? normaliseForSearch(word) : searchKeyOf(word)));
  return { keys, prefix };
}

/** Words already looked up for a query, kept while the query is: a page of snippets shares most words. */
const lookedUpFor = new WeakMap<readonly QueryPhrase[], Map<string, { key: string; matches: boolean }>>();

/**
 * The words of `text` that match one of the query's words, with offsets; a compound matches through its
 * parts ("Sicherheitsgarantien" for "Garantien"). Each word is looked up once per query (the same array).
 */
export function findQueryWords(text: string, phrases: readonly QueryPhrase[]): SearchTerm[] {
  const exact = new Set(phrases.flatMap((p) => (p.prefix ? p.keys.slice(0, -1) : p.keys)));
  const prefixes = phrases.filter((p) => p.prefix).map((p) => p.keys[p.keys.length - 1]!);
  // Nothing to find (an article list without a query): no word needs stemming.
  if (exact.size === 0 && prefixes.length === 0) return [];
  const exactKeys = [...exact];
  let seen = lookedUpFor.get(phrases);
  if (seen === undefined) {
    seen = new Map();
    lookedUpFor.set(phrases, seen);
  }
  const found: SearchTerm[] = [];
  for (const m of text.matchAll(WORD)) {
    const word = m[0];
    let looked = seen.get(word);
    if (looked === undefined) {
      const key = searchKeyOf(word);
      const folded = normaliseForSearch(word);
      // Splitting compounds is the slow part of a snippet. A part's key is a prefix of the folded part,
      // so a word whose folded form holds no query key cannot match through its parts: it is not split.
      const matches =
        exact.has(key) ||
        prefixes.some((p) => folded.startsWith(p)) ||
        (exactKeys.some((k) => folded.includes(k)) && indexedWordOf(word).partKeys.some((k) => exact.has(k)));
      looked = { key, matches };
      seen.set(word, looked);
    }
    if (looked.matches) found.push({ key: looked.key, start: m.index, end: m.index + word.length });
  }
  return found;
}
