/**
 * Search snippets: the stretch of an article's text where the query's words stand closest together,
 * cut at word boundaries, with the matched words marked. Works on the original text, not the index.
 */
import type { Snippet } from './store.js';
import { findQueryWords, type QueryPhrase } from './search-terms.js';

export interface SnippetOptions {
  /** Longest snippet (characters): about two lines of a terminal. */
  readonly maxChars: number;
}

export const DEFAULT_SNIPPET_OPTIONS: SnippetOptions = { maxChars: 200 };

/** Picks the window of `maxChars` holding the most words that match the query; the text's start when none match. */
export function makeSnippet(text: string, query: readonly QueryPhrase[], options = DEFAULT_SNIPPET_OPTIONS): Snippet {
  const flat = text.replace(/\s+/g, ' ');
  const matches = findQueryWords(flat, query);
  let windowStart = 0;
  let best = -1;
  for (let i = 0, j = 0; i < matches.length; i++) {
    while (j < matches.length && matches[j]!.end - matches[i]!.start <= options.maxChars) j++;
    if (j - i > best) {
      best = j - i;
      windowStart = matches[i]!.start;
    }
  }
  // Start a little before the first match, at a word boundary, so the reader sees its context.
  let start = Math.max(0, windowStart - Math.floor(options.maxChars / 4));
  if (start > 0) start = Math.min(windowStart, flat.indexOf(' ', start) + 1 || windowStart);
  let end = Math.min(flat.length, start + options.maxChars);
  if (end < flat.length) end = Math.max(start, flat.lastIndexOf(' ', end));
  const prefix = start > 0 ? '… ' : '';
  const suffix = end < flat.length ? ' …' : '';
  const highlights = matches
    .filter((m) => m.start >= start && m.end <= end)
    .map((m) => ({ start: m.start - start + prefix.length, end: m.end - start + prefix.length }));
  return { text: prefix + flat.slice(start, end) + suffix, highlights };
}
