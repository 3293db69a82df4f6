/**
 * Word classes guessed from a German word's shape and the closed word lists, without a tagger: German
 * capitalises nouns, so a capitalised word that is no function word, verb or time word is a noun; an
 * inflected lowercase word before one is its modifier; a lowercase word that is neither is a verb.
 */
import type { Token } from '../../text/tokenize.js';
import { QUOTE_MARK_TOKENS, type QuoteDocument } from './quote-document.js';

/** An adjective or number before a noun ("die große Koalition", "die beiden Länder"). */
export function isModifier(doc: QuoteDocument, token: Token): boolean {
  if (token.kind === 'number') return true;
  const w = token.text;
  const words = doc.words;
  return /^\p{Ll}/u.test(w) && !words.determiners.has(w) && !words.prepositions.has(w) && !words.subordinators.has(w) &&
    !words.skippableAdverbs.has(w) && w !== 'und' && w !== 'oder' && !doc.verbs.has(w) && !words.auxiliaries.has(w) && !words.modalVerbs.has(w) &&
    /(e|en|er|es|em|ische[nmrs]?|liche[nmrs]?)$/.test(w);
}

export function isNounLike(doc: QuoteDocument, token: Token): boolean {
  const w = token.text;
  const words = doc.words;
  return token.kind === 'word' && /^[\p{Lu}]/u.test(w) && !words.isSentenceAdverb(w) && !words.timeNouns.has(w) && !doc.verbs.has(lowerFirst(w)) &&
    !QUOTE_MARK_TOKENS.has(w) && !words.determiners.has(w.toLowerCase()) && !words.prepositions.has(w.toLowerCase());
}

/**
 * Whether tokens [first, end) hold a finite verb, roughly: a lowercase word that is no function word and
 * does not follow a determiner or adjective ("die große Koalition" has none; "veröffentlichte der Verfasser" has one).
 */
export function segmentHasVerb(doc: QuoteDocument, first: number, end: number): boolean {
  const words = doc.words;
  for (let t = first; t < end; t++) {
    const token = doc.tokens[t]!;
    const w = token.text;
    if (token.kind !== 'word' || !/^\p{Ll}/u.test(w)) continue;
    if (words.determiners.has(w) || words.prepositions.has(w) || words.skippableAdverbs.has(w) || w === 'und' || w === 'oder') continue;
    if (words.auxiliaries.has(w) || words.reportedSpeechVerbForms.has(w) || doc.verbs.has(w)) return true;
    const prev = doc.tokens[t - 1];
    const attributive = prev !== undefined && (words.determiners.has(prev.text.toLowerCase()) || words.prepositions.has(prev.text.toLowerCase()) || prev.kind === 'number' || (isModifier(doc, prev) && t - 1 >= first));
    const beforeNoun = doc.tokens[t + 1] !== undefined && isNounLike(doc, doc.tokens[t + 1]!);
    if (isModifier(doc, token) && (attributive || beforeNoun)) continue;
    return true;
  }
  return false;
}

/** A capitalised word with lowercase after its first letter: a name part ("Juri", "Uschakow"), not "USA". */
export function isNameToken(token: Token): boolean {
  return token.kind === 'word' && /^\p{Lu}\p{Ll}/u.test(token.text);
}

export function lowerFirst(word: string): string {
  return word.charAt(0).toLowerCase() + word.slice(1);
}
