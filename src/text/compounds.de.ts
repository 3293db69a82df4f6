/**
 * German compound splitting: "Sicherheitsgarantien" → sicherheit + garantien, "Osterweiterung" → ost +
 * erweiterung, "NATO-Osterweiterung" → nato + ost + erweiterung. A search for "Garantien" then finds
 * "Sicherheitsgarantien". Splits only into words of a shipped part list (compound-parts.de.txt) joined
 * by German linking letters (Sicherheit|s|garantie), so an unknown word is left whole rather than cut
 * at random.
 */
import { readListFile } from './list-file.js';
import { normaliseForSearch, searchKeyOf } from './stem.de.js';

/** The parts of a compound, folded (lower case, no umlauts, ß → ss); empty when the word is not one. */
export type CompoundSplitter = (word: string) => readonly string[];

/** Fugenelemente between two parts: Sicherheit|s|rat, Straße|n|bahn, Friede|ns|vertrag, Kind|er|garten. */
const LINKING_LETTERS = ['', 's', 'es', 'n', 'en', 'e', 'er', 'ns'] as const;
/** A part of fewer letters is more likely a syllable than a word ("Ost" is the shortest kept). */
const MIN_PART_CHARS = 3;
const NOT_A_COMPOUND: readonly string[] = [];

export function loadCompoundPartsDe(): ReadonlySet<string> {
  // several words to a line: the list is grouped by topic
  const words = readListFile(new URL('./compound-parts.de.txt', import.meta.url)).flatMap((line) => line.split(/\s+/));
  return new Set(words.map(normaliseForSearch));
}

export function makeCompoundSplitter(parts: ReadonlySet<string> = loadCompoundPartsDe()): CompoundSplitter {
  // inflected heads match by stem: "garantien" and "garantie" share the key "garanti"
  const partKeys = new Set([...parts].map(searchKeyOf));
  const isHead = (piece: string) => parts.has(piece) || partKeys.has(searchKeyOf(piece));
  // a modifier may drop its final e: Schul|buch from Schule, Kirch|turm from Kirche
  const isModifier = (piece: string) => parts.has(piece) || parts.has(`${piece}e`);

  /** Fewest-parts split of a hyphen-free folded word into known parts, or null. */
  const splitWord = (word: string): string[] | null => {
    if (word.length < 2 * MIN_PART_CHARS || isHead(word)) return null;
    // best[i]: the fewest-parts split of word.slice(i) whose last part is a head; filled right to left
    const best: (string[] | null)[] = new Array(word.length + 1).fill(null);
    for (let i = word.length - MIN_PART_CHARS; i >= 0; i--) {
      const head = word.slice(i);
      let chosen: string[] | null = isHead(head) ? [head] : null;
      // longest modifier first: on a tie the part as listed wins over a dropped-e reading (Kaffee|tassen, not Kaffe|e|tassen)
      for (let j = word.length - MIN_PART_CHARS; j >= i + MIN_PART_CHARS; j--) {
        const piece = word.slice(i, j);
        if (!isModifier(piece)) continue;
        for (const link of LINKING_LETTERS) {
          const rest = link === '' || word.startsWith(link, j) ? best[j + link.length] : null;
          if (rest && (chosen === null || rest.length + 1 < chosen.length)) chosen = [piece, ...rest];
        }
      }
      best[i] = chosen;
    }
    const split = best[0];
    return split && split.length > 1 ? split : null;
  };

  return (word: string) => {
    const pieces = normaliseForSearch(word).split('-').filter((p) => p !== '');
    const split = pieces.flatMap((piece) => splitWord(piece) ?? [piece]);
    return split.length > 1 ? split : NOT_A_COMPOUND;
  };
}
