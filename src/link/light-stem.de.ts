/**
 * A light German suffix stripper, a stand-in with the signature of the Snowball stemmer in
 * src/text/stem.de.ts until that module is part of the tree: inflection endings off, so
 * "Abgeordneter", "Abgeordneten" and "Abgeordnete" meet; derivations are left alone.
 */

/** Longest first; only removed when at least MIN_STEM_CHARS remain. */
const INFLECTION_SUFFIXES_DE = ['ern', 'em', 'er', 'en', 'es', 'e', 's', 'n'] as const;
const MIN_STEM_CHARS = 4;

export function stemGerman(word: string): string {
  const lower = word.toLowerCase();
  for (const suffix of INFLECTION_SUFFIXES_DE) {
    if (lower.endsWith(suffix) && lower.length - suffix.length >= MIN_STEM_CHARS) return lower.slice(0, -suffix.length);
  }
  return lower;
}
