/**
 * German stemming for search: the published Snowball German algorithm (snowballstem.org, "German
 * stemming algorithm", with the 2009 rule for -nisse) and a case/umlaut folding for words it leaves alone.
 * "Sicherheitsgarantien" and "Sicherheitsgarantie" both become "sicherheitsgaranti", so a search for
 * one finds the other. Compounds are not split: that needs a dictionary, which we do not ship.
 */

/** Snowball's German vowels. Upper-case U and Y mark u/y between vowels, which count as consonants. */
const VOWELS_DE = new Set(['a', 'e', 'i', 'o', 'u', 'y', 'ä', 'ö', 'ü']);
/** Letters after which a final -s is an inflection ("Kindes" → "Kind"), not part of the stem ("Haus"). */
const S_ENDING_LETTERS = new Set(['b', 'd', 'f', 'g', 'h', 'k', 'l', 'm', 'n', 'r', 't']);
/** Same for -st ("derbst" → "derb"), minus r: "Gerst" keeps its st. */
const ST_ENDING_LETTERS = new Set(['b', 'd', 'f', 'g', 'h', 'k', 'l', 'm', 'n', 't']);

/** Step 1 suffixes, longest tried first (Snowball's `among` picks the longest that matches). */
const STEP1_SUFFIXES = ['ern', 'em', 'er', 'en', 'es', 'e', 's'] as const;
const STEP2_SUFFIXES = ['est', 'en', 'er', 'st'] as const;
const STEP3_SUFFIXES = ['isch', 'lich', 'heit', 'keit', 'end', 'ung', 'ig', 'ik'] as const;

/** Regions of a word as Snowball defines them: R1 and R2 start at these indices (word length when empty). */
interface Regions {
  readonly r1: number;
  readonly r2: number;
}

/**
 * Snowball German stem of one word. Composes (NFC) and lower-cases first; returns umlaut-free lower-case letters
 * ("Erklärungen" → "erklar", "Straße" → "strass").
 */
export function stemGerman(word: string): string {
  const folded = word.normalize('NFC').toLowerCase().replaceAll('ß', 'ss');
  const marked = NEEDS_CONSONANT_MARKING.test(folded) ? markVowelLikeConsonants(folded) : folded;
  const regions = markRegions(marked);
  let stem = marked;
  stem = removeStep1Suffix(stem, regions);
  stem = removeStep2Suffix(stem, regions);
  stem = removeStep3Suffix(stem, regions);
  return NEEDS_POSTLUDE.test(stem) ? stem.replace(POSTLUDE_LETTERS, (letter) => POSTLUDE[letter] ?? letter) : stem;
}

/** A u or y between two vowels: the only words the consonant marking can change. */
const NEEDS_CONSONANT_MARKING = /[aeiouyäöü][uy][aeiouyäöü]/;
const NEEDS_POSTLUDE = /[UYäöü]/;
const POSTLUDE_LETTERS = /[UYäöü]/g;
/** Snowball's postlude: the consonant marks go back to lower case and umlauts lose their dots. */
const POSTLUDE: Readonly<Record<string, string>> = { U: 'u', Y: 'y', ä: 'a', ö: 'o', ü: 'u' };

/**
 * Case- and accent-folds a word for matching: NFKC, lower case, ß → ss, diacritics dropped
 * ("Gräfin" → "grafin", "Café" → "cafe"). Applied after stemming, so non-German words match too.
 */
export function normaliseForSearch(word: string): string {
  if (PLAIN_LOWER_CASE.test(word)) return word;
  return word
    .normalize('NFKC')
    .toLowerCase()
    .replaceAll('ß', 'ss')
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .normalize('NFC');
}

const COMBINING_MARKS = /\p{M}+/gu;
/** Already folded (most stems are): nothing for the four normalisations to do. */
const PLAIN_LOWER_CASE = /^[a-z0-9]*$/;

/** The search key of a word: its German stem, folded. Index and query must both use this. */
export function searchKeyOf(word: string): string {
  return normaliseForSearch(stemGerman(word));
}

/** "bauen" keeps its u as a vowel, "Bauer"'s u between a and e becomes U (a consonant), left to right. */
function markVowelLikeConsonants(word: string): string {
  const marked = Array.from(word);
  for (let i = 1; i < marked.length - 1; i++) {
    const letter = marked[i];
    if ((letter === 'u' || letter === 'y') && isVowel(marked[i - 1]) && isVowel(marked[i + 1])) {
      marked[i] = letter.toUpperCase();
    }
  }
  return marked.join('');
}

function isVowel(letter: string | undefined): boolean {
  return letter !== undefined && VOWELS_DE.has(letter);
}

/**
 * R1 starts after the first consonant that follows a vowel, but never before the 4th letter (so short
 * stems survive); R2 is the same rule applied again after R1's unadjusted start.
 */
function markRegions(word: string): Regions {
  const length = word.length;
  if (length < 3) return { r1: length, r2: length };
  const r1Unadjusted = afterVowelThenConsonant(word, 0);
  const r2 = r1Unadjusted < length ? afterVowelThenConsonant(word, r1Unadjusted) : length;
  return { r1: Math.max(r1Unadjusted, 3), r2 };
}

/** Index just past the first consonant that follows a vowel, searching from `from`; the length when none. */
function afterVowelThenConsonant(word: string, from: number): number {
  let i = from;
  while (i < word.length && !isVowel(word[i])) i++;
  while (i < word.length && isVowel(word[i])) i++;
  return i < word.length ? i + 1 : word.length;
}

function longestSuffix(word: string, suffixes: readonly string[]): string | null {
  let best: string | null = null;
  for (const suffix of suffixes) {
    if (word.endsWith(suffix) && (best === null || suffix.length > best.length)) best = suffix;
  }
  return best;
}

/** Inflectional endings: -em -ern -er, -e -en -es, and -s after a valid s-ending; "Bedürfnissen" → "Bedürfnis". */
function removeStep1Suffix(word: string, { r1 }: Regions): string {
  const suffix = longestSuffix(word, STEP1_SUFFIXES);
  if (suffix === null) return word;
  const start = word.length - suffix.length;
  if (start < r1) return word;
  if (suffix === 's') return S_ENDING_LETTERS.has(word[start - 1] ?? '') ? word.slice(0, start) : word;
  const stem = word.slice(0, start);
  if ((suffix === 'e' || suffix === 'en' || suffix === 'es') && stem.endsWith('niss')) return stem.slice(0, -1);
  return stem;
}

/** Verb and superlative endings: -en -er -est, and -st after a valid st-ending that has 3 letters before it. */
function removeStep2Suffix(word: string, { r1 }: Regions): string {
  const suffix = longestSuffix(word, STEP2_SUFFIXES);
  if (suffix === null) return word;
  const start = word.length - suffix.length;
  if (start < r1) return word;
  if (suffix === 'st') {
    const before = start - 1;
    return ST_ENDING_LETTERS.has(word[before] ?? '') && before >= 3 ? word.slice(0, start) : word;
  }
  return word.slice(0, start);
}

/** Derivational endings (Snowball's d-suffixes), each with its own condition on what precedes it. */
function removeStep3Suffix(word: string, { r1, r2 }: Regions): string {
  const suffix = longestSuffix(word, STEP3_SUFFIXES);
  if (suffix === null) return word;
  const start = word.length - suffix.length;
  if (start < r2) return word;
  const stem = word.slice(0, start);
  switch (suffix) {
    case 'end':
    case 'ung':
      // "Bereinigung" → "bereinig" → "berein": an -ig left in R2 goes too, unless it follows an e
      if (stem.endsWith('ig') && stem[stem.length - 3] !== 'e' && stem.length - 2 >= r2) return stem.slice(0, -2);
      return stem;
    case 'ig':
    case 'ik':
    case 'isch':
      return stem.endsWith('e') ? word : stem;
    case 'lich':
    case 'heit':
      if ((stem.endsWith('er') || stem.endsWith('en')) && stem.length - 2 >= r1) return stem.slice(0, -2);
      return stem;
    case 'keit':
      for (const inner of ['lich', 'ig']) {
        if (stem.endsWith(inner) && stem.length - inner.length >= r2) return stem.slice(0, -inner.length);
      }
      return stem;
    default:
      return word;
  }
}
