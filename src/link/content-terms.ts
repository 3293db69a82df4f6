/**
 * The content of a sentence as comparable terms: function words dropped, words stemmed and
 * folded ("Gespräche", "Gesprächen" → one term), numbers kept as written. Paraphrases share these
 * terms where they share almost no word sequence.
 */
import { readListFile } from '../text/list-file.js';
import { foldWord } from './reuse-tokens.js';

/** A German stemmer: word in, stem out (lower case, umlauts folded). */
export type Stemmer = (word: string) => string;

const WORD = /[\p{L}\p{M}\p{Nd}]+/gu;
const DIGITS = /^\p{Nd}+$/u;
/** Shortest word kept as a term: two letters ("EU", "UN") carry content, one letter does not. */
const MIN_TERM_CHARS = 2;

export function loadFunctionWordsDe(): ReadonlySet<string> {
  return new Set(readListFile(new URL('./function-words.de.txt', import.meta.url)));
}

/** Content terms of a stretch of text, in order, duplicates kept. */
export function contentTermsOf(text: string, stem: Stemmer, functionWords: ReadonlySet<string>): string[] {
  const terms: string[] = [];
  for (const [word] of text.matchAll(WORD)) {
    if (DIGITS.test(word)) {
      terms.push(word);
      continue;
    }
    const folded = foldWord(word);
    if (folded.length < MIN_TERM_CHARS || functionWords.has(folded)) continue;
    terms.push(foldWord(stem(word.toLowerCase())));
  }
  return terms;
}
