/**
 * The closed word lists of German speech attribution (speech-words.de.tsv), loaded once: which words
 * open a clause, head a prepositional phrase, mark reported speech, or name who may speak. Kept in one
 * table so each rule's words can be read, edited and tested apart from the code.
 */
import { readFileSync } from 'node:fs';

/** The list names the file may use; each becomes a set below (endings lists become word-shape tests). */
const LIST_NAMES = [
  'reported-speech-verb-form', 'subordinator', 'preposition', 'skippable-adverb', 'determiner', 'object-case-determiner',
  'subject-pronoun', 'anaphoric-object', 'source-preposition', 'source-postposition', 'source-noun-after-nach', 'modal-verb',
  'auxiliary', 'passive-auxiliary', 'relative-pronoun', 'title-noun', 'naming-verb', 'time-noun', 'time-of-week',
  'document-noun', 'speech-act-lemma', 'content-verb-lemma', 'not-verb-after-quote', 'name-connector', 'sentence-adverb',
  'person-noun-stem', 'person-noun-inflection', 'institution-noun-stem', 'institution-noun-inflection', 'abstract-noun-ending',
] as const;
type ListName = (typeof LIST_NAMES)[number];

export interface SpeechWords {
  /** Konjunktiv I (and II as its stand-in): "Putin habe …", "die Lage sei …". */
  readonly reportedSpeechVerbForms: ReadonlySet<string>;
  readonly subordinators: ReadonlySet<string>;
  readonly prepositions: ReadonlySet<string>;
  readonly skippableAdverbs: ReadonlySet<string>;
  readonly determiners: ReadonlySet<string>;
  readonly objectCaseDeterminers: ReadonlySet<string>;
  readonly subjectPronouns: ReadonlySet<string>;
  readonly anaphoricObjects: ReadonlySet<string>;
  readonly sourcePrepositions: ReadonlySet<string>;
  readonly sourcePostpositions: ReadonlySet<string>;
  readonly sourceNounsAfterNach: ReadonlySet<string>;
  readonly modalVerbs: ReadonlySet<string>;
  readonly auxiliaries: ReadonlySet<string>;
  readonly passiveAuxiliaries: ReadonlySet<string>;
  readonly relativePronouns: ReadonlySet<string>;
  readonly titleNouns: ReadonlySet<string>;
  readonly namingVerbLemmas: ReadonlySet<string>;
  readonly timeNouns: ReadonlySet<string>;
  readonly timesOfWeek: ReadonlySet<string>;
  readonly documentNouns: ReadonlySet<string>;
  readonly speechActLemmas: ReadonlySet<string>;
  readonly contentVerbLemmas: ReadonlySet<string>;
  readonly notVerbsAfterQuote: ReadonlySet<string>;
  readonly nameConnectors: ReadonlySet<string>;
  /** Capitalised at a sentence start but never a noun ("So", "Angesichts"), and present participles ("Relativierend"). */
  isSentenceAdverb(word: string): boolean;
  /** An office, role or group of people, also at the end of a compound ("Regierungssprecherin"). */
  isPersonNoun(word: string): boolean;
  /** An institution, outlet or document ("Polizei", "Zeitung", "Erklärung"), also at the end of a compound. */
  isInstitutionNoun(word: string): boolean;
  /** An abstract noun by its ending ("Zuversicht", "Haltung"): what is said, never who says it. */
  isAbstractNoun(word: string): boolean;
}

/** "Relativierend fügte er hinzu": a capitalised present participle opens a sentence as an adverb. */
const PRESENT_PARTICIPLE = /^\p{Lu}\p{Ll}+end$/u;

export function loadSpeechWords(file: URL = new URL('./speech-words.de.tsv', import.meta.url)): SpeechWords {
  const lists = new Map<ListName, string[]>(LIST_NAMES.map((name) => [name, []]));
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const [name, word] = line.split('\t');
    const list = lists.get(name as ListName);
    if (!list || !word) throw new Error(`${file.pathname}: bad line ${JSON.stringify(line)}; known lists: ${LIST_NAMES.join(', ')}`);
    list.push(word.trim());
  }
  const set = (name: ListName): ReadonlySet<string> => new Set(lists.get(name));
  // endings are matched case-insensitively at the end of the word, as compounds put them there
  const ending = (stems: ListName, inflections?: ListName) =>
    new RegExp(`(${lists.get(stems)!.join('|')})${inflections ? `(${lists.get(inflections)!.join('|')})?` : ''}$`, 'i');
  const personNoun = ending('person-noun-stem', 'person-noun-inflection');
  const institutionNoun = ending('institution-noun-stem', 'institution-noun-inflection');
  const abstractNoun = ending('abstract-noun-ending');
  const sentenceAdverbs = set('sentence-adverb');
  return {
    reportedSpeechVerbForms: set('reported-speech-verb-form'),
    subordinators: set('subordinator'),
    prepositions: set('preposition'),
    skippableAdverbs: set('skippable-adverb'),
    determiners: set('determiner'),
    objectCaseDeterminers: set('object-case-determiner'),
    subjectPronouns: set('subject-pronoun'),
    anaphoricObjects: set('anaphoric-object'),
    sourcePrepositions: set('source-preposition'),
    sourcePostpositions: set('source-postposition'),
    sourceNounsAfterNach: set('source-noun-after-nach'),
    modalVerbs: set('modal-verb'),
    auxiliaries: set('auxiliary'),
    passiveAuxiliaries: set('passive-auxiliary'),
    relativePronouns: set('relative-pronoun'),
    titleNouns: set('title-noun'),
    namingVerbLemmas: set('naming-verb'),
    timeNouns: set('time-noun'),
    timesOfWeek: set('time-of-week'),
    documentNouns: set('document-noun'),
    speechActLemmas: set('speech-act-lemma'),
    contentVerbLemmas: set('content-verb-lemma'),
    notVerbsAfterQuote: set('not-verb-after-quote'),
    nameConnectors: set('name-connector'),
    isSentenceAdverb: (word) => sentenceAdverbs.has(word) || PRESENT_PARTICIPLE.test(word),
    isPersonNoun: (word) => personNoun.test(word),
    isInstitutionNoun: (word) => institutionNoun.test(word),
    isAbstractNoun: (word) => abstractNoun.test(word),
  };
}
