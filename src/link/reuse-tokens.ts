/**
 * Word tokens for reuse detection: case-folded, umlaut-folded, punctuation dropped, each with its
 * offsets into the article text, so a match between two normalised token runs maps back to exact
 * character spans in both texts ("Nato-Osterweiterung" and "NATO Osterweiterung" tokenise alike).
 */

export interface ReuseTokens {
  /** Normalised token strings, in text order. */
  readonly norms: readonly string[];
  /** Offsets into the article text (JavaScript string indices) of each token's first character. */
  readonly starts: Int32Array;
  /** Offsets just past each token's last character. */
  readonly ends: Int32Array;
}

/** A word: letters, combining marks and digits; everything else (punctuation, quotes, dashes) separates. */
const WORD = /[\p{L}\p{M}\p{Nd}]+/gu;
/** Folding that copy editors and scrapers change freely: umlauts, ß, accents. "Straße" = "Strasse". */
const COMBINING_MARKS = /\p{M}+/gu;

export function tokenizeForReuse(text: string): ReuseTokens {
  const norms: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  for (const m of text.matchAll(WORD)) {
    norms.push(foldWord(m[0]));
    starts.push(m.index);
    ends.push(m.index + m[0].length);
  }
  return { norms, starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
}

/** Lower case, ß → ss, diacritics dropped: "Gespräche" → "gesprache". */
export function foldWord(word: string): string {
  const lower = word.toLowerCase();
  // plain ASCII is the common case in German text between the umlauts: skip the normalisations
  if (/^[a-z0-9]*$/.test(lower)) return lower;
  return lower.replaceAll('ß', 'ss').normalize('NFD').replace(COMBINING_MARKS, '');
}
