/**
 * Name lists the entity tagger consults as features: places, organisations, given names and
 * surnames, and cue words (role nouns before a person, heads and legal forms of organisations).
 * Membership is evidence, not a verdict: "Bayern" is a region and a football club, and the
 * model weighs the list against the context. Beside our own lists, large ones from npm packages
 * (lexicons.ts) say whether a capitalised word is a German noun, a town, a name part or a company.
 * Loaded once and passed in; no module state.
 */
import { readFileSync } from 'node:fs';
import { loadLexicons } from './lexicons.js';

/** One bit per kind of evidence; the tagger turns each set bit into a feature. */
export const GAZETTEER_FLAG = {
  givenName: 1 << 0,
  surname: 1 << 1,
  country: 1 << 2,
  city: 1 << 3,
  otherPlace: 1 << 4,
  organisation: 1 << 5,
  role: 1 << 6,
  orgForm: 1 << 7,
  /** A compound ending in an organisation head: "Bundesverteidigungsministerium", "Linkspartei". */
  orgHeadEnding: 1 << 8,
  /** A compound ending in a place head: "Hauptbahnhof", "Friedrichstraße". */
  placeHeadEnding: 1 << 9,
  /** The word minus a genitive "s" is a place ("Russlands") or a name ("Putins"). */
  genitivePlace: 1 << 10,
  genitiveName: 1 << 11,
  /** First or inner word of a several-word list entry matched in running text ("Vereinigten Staaten"). */
  placePhraseStart: 1 << 12,
  placePhraseInside: 1 << 13,
  orgPhraseStart: 1 << 14,
  orgPhraseInside: 1 << 15,
  /** A form of a known German common noun ("Regierung", "Häusern"): capitalised, yet likely no name. */
  commonNoun: 1 << 16,
  /** A part of people's names in a large international list ("Kotler", "Hilda"). */
  personNamePart: 1 << 17,
  /** A company name or a word of one in a large list ("Edeka", "Pixar"). */
  company: 1 << 18,
  /** Not a known noun itself, but a compound ending in one ("Abfallholz", "Uferpromenade"). */
  compoundNoun: 1 << 19,
  /** A town somewhere in the world, and no German noun ("Füssen", not "Essen"). */
  town: 1 << 20,
} as const;

export const GAZETTEER_FLAG_NAMES: readonly string[] = Object.keys(GAZETTEER_FLAG);

export interface Gazetteers {
  /** Flags for each word of a sentence (words as tokenised, case kept). */
  flagWords(words: readonly string[]): Uint32Array;
}

const PLACE_KINDS: Readonly<Record<string, number>> = {
  country: GAZETTEER_FLAG.country,
  capital: GAZETTEER_FLAG.city,
  city: GAZETTEER_FLAG.city,
};
/** A compound must keep this many letters before its head ("Bundes|bank", not "B|ank"). */
const MIN_COMPOUND_MODIFIER_CHARS = 3;
/** About the vocabulary of a few thousand news articles. */
const MAX_RECENT_WORDS = 50_000;
/** Shorter heads count only as whole words: "insgesamt" is no "Amt", "Heirat" no "Rat". */
const MIN_HEAD_CHARS_IN_COMPOUND = 4;

export function loadGazetteers(): Gazetteers {
  const wordFlags = new Map<string, number>();
  const phrases = new Map<string, { words: string[]; phraseFlag: 'place' | 'org' }[]>();
  const addWord = (word: string, flag: number) => wordFlags.set(word, (wordFlags.get(word) ?? 0) | flag);
  const addPhrase = (name: string, phraseFlag: 'place' | 'org', wordFlag: number) => {
    const words = name.split(' ');
    if (words.length === 1) return addWord(name, wordFlag);
    const list = phrases.get(words[0]!) ?? [];
    list.push({ words, phraseFlag });
    phrases.set(words[0]!, list);
  };

  for (const [name, kind] of readRows('./places.de.tsv')) addPhrase(name, 'place', PLACE_KINDS[kind] ?? GAZETTEER_FLAG.otherPlace);
  for (const [name] of readRows('./organisations.de.tsv')) addPhrase(name, 'org', GAZETTEER_FLAG.organisation);
  for (const [name] of readRows('./first-names.de.tsv')) addWord(name, GAZETTEER_FLAG.givenName);
  for (const [name] of readRows('./surnames.de.tsv')) addWord(name, GAZETTEER_FLAG.surname);
  // compound heads by the flag their ending sets: "ministerium" → orgHeadEnding, "straße" → placeHeadEnding
  const headFlags = new Map<string, number>();
  const addHead = (head: string, flag: number) => headFlags.set(head, (headFlags.get(head) ?? 0) | flag);
  for (const [word, cue] of readRows('./cue-words.de.tsv')) {
    if (cue === 'role') addWord(word, GAZETTEER_FLAG.role);
    else if (cue === 'org-form') addWord(word, GAZETTEER_FLAG.orgForm);
    else if (cue === 'org-head') addHead(word, GAZETTEER_FLAG.orgHeadEnding);
    else if (cue === 'place-head') addHead(word, GAZETTEER_FLAG.placeHeadEnding);
  }
  for (const list of phrases.values()) list.sort((a, b) => b.words.length - a.words.length);

  const lexicons = loadLexicons();
  for (const word of lexicons.nounForms) addWord(word, GAZETTEER_FLAG.commonNoun);
  // "Essen" and "Häusern" are towns too, but a noun form is likelier the noun
  for (const word of lexicons.townNames) if (!((wordFlags.get(word) ?? 0) & GAZETTEER_FLAG.commonNoun)) addWord(word, GAZETTEER_FLAG.town);
  for (const word of lexicons.personNameParts) addWord(word, GAZETTEER_FLAG.personNamePart);
  for (const word of lexicons.companyNames) addWord(word, GAZETTEER_FLAG.company);

  const flagWord = (word: string): number => {
    let flags = wordFlags.get(word) ?? 0;
    if ((flags & (GAZETTEER_FLAG.commonNoun | GAZETTEER_FLAG.town)) === 0 && isCapitalised(word) && endsInNoun(word, wordFlags)) {
      flags |= GAZETTEER_FLAG.compoundNoun;
    }
    if (word.length > 3 && word.endsWith('s')) {
      const stem = wordFlags.get(word.slice(0, -1)) ?? 0;
      if (stem & (GAZETTEER_FLAG.country | GAZETTEER_FLAG.city | GAZETTEER_FLAG.otherPlace)) flags |= GAZETTEER_FLAG.genitivePlace;
      if (stem & (GAZETTEER_FLAG.givenName | GAZETTEER_FLAG.surname)) flags |= GAZETTEER_FLAG.genitiveName;
    }
    if (isCapitalised(word)) flags |= headEndingFlags(word.toLowerCase(), headFlags);
    return flags;
  };
  // news repeats its words, and a capitalised word costs a dozen look-ups of its tails: the flags of
  // recent words are kept, forgotten all at once past a bound so memory stays flat over any corpus
  const recentFlags = new Map<string, number>();
  const flagWordOnce = (word: string): number => {
    let flags = recentFlags.get(word);
    if (flags === undefined) {
      if (recentFlags.size >= MAX_RECENT_WORDS) recentFlags.clear();
      flags = flagWord(word);
      recentFlags.set(word, flags);
    }
    return flags;
  };

  return Object.freeze({
    flagWords(words: readonly string[]): Uint32Array {
      const flags = new Uint32Array(words.length);
      for (let i = 0; i < words.length; i++) flags[i] = flagWordOnce(words[i]!);
      for (let i = 0; i < words.length; i++) {
        const candidates = phrases.get(words[i]!);
        const match = candidates?.find((p) => p.words.every((w, k) => words[i + k] === w));
        if (match === undefined) continue;
        const start = match.phraseFlag === 'place' ? GAZETTEER_FLAG.placePhraseStart : GAZETTEER_FLAG.orgPhraseStart;
        const inside = match.phraseFlag === 'place' ? GAZETTEER_FLAG.placePhraseInside : GAZETTEER_FLAG.orgPhraseInside;
        flags[i] = flags[i]! | start;
        for (let k = 1; k < match.words.length; k++) flags[i + k] = flags[i + k]! | inside;
      }
      return flags;
    },
  });
}

/** Flags of the heads the word ends in: "verteidigungsministerium" ends in "ministerium"; the head itself counts too. */
function headEndingFlags(lower: string, headFlags: ReadonlyMap<string, number>): number {
  let flags = headFlags.get(lower) ?? 0;
  for (let cut = MIN_COMPOUND_MODIFIER_CHARS; cut <= lower.length - MIN_HEAD_CHARS_IN_COMPOUND; cut++) {
    flags |= headFlags.get(lower.slice(cut)) ?? 0;
  }
  return flags;
}

/** "Abfallholz" ends in "Holz": the tail, capitalised as a noun stands alone, is a known noun form. */
function endsInNoun(word: string, wordFlags: ReadonlyMap<string, number>): boolean {
  for (let cut = MIN_COMPOUND_MODIFIER_CHARS; cut <= word.length - MIN_HEAD_CHARS_IN_COMPOUND; cut++) {
    if ((wordFlags.get(word[cut]!.toUpperCase() + word.slice(cut + 1)) ?? 0) & GAZETTEER_FLAG.commonNoun) return true;
  }
  return false;
}

function isCapitalised(word: string): boolean {
  const first = word[0];
  return first !== undefined && first !== first.toLowerCase();
}

/** (name, kind) rows of a tab-separated list beside this module, without its "#" header lines; kind may be "". */
function readRows(file: string): [string, string][] {
  return readFileSync(new URL(file, import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => {
      const [name = '', kind = ''] = line.split('\t');
      return [name.trim(), kind.trim()];
    });
}
