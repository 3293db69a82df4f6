/**
 * What the event clusterer compares about one article: its weighted canonical entities, content
 * terms (German stems; English words lightly stemmed), numbers, quoted speakers and its event date.
 */
import type { Article, TextDate } from '../article.js';
import { contentTermsOf, type Stemmer } from '../link/content-terms.js';
import { foldWord } from '../link/reuse-tokens.js';
import { readListFile } from '../text/list-file.js';

/** Language tools the features need, loaded once by the caller. */
export interface FeatureTools {
  readonly stemGerman: Stemmer;
  readonly functionWordsDe: ReadonlySet<string>;
  readonly functionWordsEn: ReadonlySet<string>;
  /** English content term (lightly stemmed) → its German content terms (news-words.en-de.tsv). */
  readonly germanOfEnglish: ReadonlyMap<string, readonly string[]>;
}

export interface QuoteFeature {
  /** Canonical entity of the speaker when one of its mentions overlaps the speaker span, else the folded name. */
  readonly speaker: string;
  /** Content terms of the quoted words, for "same speaker, similar message". */
  readonly terms: ReadonlySet<string>;
  readonly text: string;
}

export interface StoryFeatures {
  readonly articleId: string;
  readonly language: string | null;
  /** Entity key → how many times it is mentioned. Keys: canonical id, or "~folded name" when unresolved. */
  readonly entities: ReadonlyMap<string, number>;
  /** Display name of each entity key (the first surface form). */
  readonly entityNames: ReadonlyMap<string, string>;
  /** Content term → count; German stems or folded English words. */
  readonly terms: ReadonlyMap<string, number>;
  /**
   * An English article's terms as German content terms, to compare it with German articles: news words
   * through the word list, other words (names, mostly) through the German stemmer, as a German text's names
   * are. Empty for other languages and for features stored before it existed.
   */
  readonly termsAsGerman: ReadonlyMap<string, number>;
  /** Numbers of two or more digits, which match across languages ("2022", "150"). */
  readonly numbers: ReadonlySet<string>;
  /**
   * Folded words of names, for pairs in two languages where stems do not meet: German entity mentions'
   * words, and in English text the capitalised words that do not open a sentence.
   */
  readonly nameWords: ReadonlyMap<string, number>;
  readonly quotes: readonly QuoteFeature[];
  /** Day (YYYY-MM-DD; YYYY-MM or YYYY when only that is known) of the happening the article reports, or null when neither text nor publication date tells. */
  readonly eventDay: string | null;
  /** For an undated article: the latest date it states as past (Article.publishedNotBefore), a lower bound on its event. */
  readonly notBefore: string | null;
  /** Days the text says lie in the past (recalled events), for explanations. */
  readonly recalledDays: readonly string[];
}

/** A quoted statement must have at least this many content terms to count as a message. */
const MIN_QUOTE_TERMS = 3;
const NUMBER = /\b\d[\d.,]*\d\b/g;
const ENGLISH_WORD = /[\p{L}\p{M}]+/gu;
const DAY_PRECISION = /^\d{4}-\d{2}-\d{2}/;
const PARTIAL_DATE = /^\d{4}(-\d{2})?/;
const TITLE_SEPARATOR = '\n';

/**
 * The key an entity is compared by. The tagger guesses a name's type mention by mention, so one river is
 * "org:orla" in one article and "place:orla" in the next: organisations, places and other names compare
 * by name alone. People, countries and governments keep their ids.
 */
const TYPED_NAME = /^(?:org|place|other):/;
function entityKeyOf(canonical: string | null, text: string): string {
  if (canonical === null) return `~${foldWord(text)}`;
  return TYPED_NAME.test(canonical) ? canonical.replace(TYPED_NAME, 'name:') : canonical;
}

export function storyFeaturesOf(article: Article, tools: FeatureTools): StoryFeatures {
  const text = article.title ? `${article.title}${TITLE_SEPARATOR}${article.text}` : article.text;
  const entities = new Map<string, number>();
  const entityNames = new Map<string, string>();
  for (const mention of article.entities ?? []) {
    const key = entityKeyOf(mention.canonical, mention.text);
    entities.set(key, (entities.get(key) ?? 0) + 1);
    if (!entityNames.has(key)) entityNames.set(key, mention.text);
  }
  const termList = termsOf(text, article.language, tools);
  const terms = new Map<string, number>();
  for (const term of termList) if (!/^\d+$/.test(term)) terms.set(term, (terms.get(term) ?? 0) + 1);
  const numbers = new Set([...text.matchAll(NUMBER)].map((m) => m[0].replace(/[.,]/g, '')));
  const quotes: QuoteFeature[] = [];
  for (const quote of article.quotes ?? []) {
    if (quote.speaker === null) continue;
    const quoteTerms = new Set(termsOf(quote.text, article.language, tools));
    if (quoteTerms.size < MIN_QUOTE_TERMS) continue;
    quotes.push({ speaker: speakerKeyOf(article, quote.speaker, quote.speakerStart, quote.speakerEnd), terms: quoteTerms, text: quote.text });
  }
  return {
    articleId: article.id,
    nameWords: nameWordsOf(text, article, tools),
    language: article.language,
    entities,
    entityNames,
    terms,
    termsAsGerman: article.language === 'en' ? termsAsGermanOf(terms, tools) : new Map(),
    numbers,
    quotes,
    eventDay: eventDayOf(article.published, article.dates ?? []),
    notBefore: article.published === null ? article.publishedNotBefore ?? null : null,
    recalledDays: (article.dates ?? []).filter((d) => d.relation === 'past' && d.value && DAY_PRECISION.test(d.value)).map((d) => d.value!.slice(0, 10)),
  };
}

const CAPITALISED_INSIDE_SENTENCE = /(?<=[\p{Ll},;:\d] )\p{Lu}[\p{L}\p{M}]+/gu;
const NAME_WORD = /[\p{L}\p{M}]{3,}/gu;

function nameWordsOf(text: string, article: Article, tools: FeatureTools): Map<string, number> {
  const words = new Map<string, number>();
  const add = (word: string) => {
    const folded = foldWord(word);
    if (!tools.functionWordsEn.has(folded) && !tools.functionWordsDe.has(folded)) words.set(folded, (words.get(folded) ?? 0) + 1);
  };
  if (article.language === 'en') {
    for (const [word] of text.matchAll(CAPITALISED_INSIDE_SENTENCE)) add(word);
  } else {
    for (const mention of article.entities ?? []) for (const [word] of mention.text.matchAll(NAME_WORD)) add(word);
  }
  return words;
}

function termsOf(text: string, language: string | null, tools: FeatureTools): string[] {
  if (language === 'en') {
    const words: string[] = [];
    for (const [word] of text.matchAll(ENGLISH_WORD)) {
      const folded = foldWord(word);
      if (folded.length < 3 || tools.functionWordsEn.has(folded)) continue;
      words.push(stemEnglishLightly(folded));
    }
    return words;
  }
  return contentTermsOf(text, tools.stemGerman, tools.functionWordsDe);
}

function termsAsGermanOf(englishTerms: ReadonlyMap<string, number>, tools: FeatureTools): Map<string, number> {
  const germanTerms = new Map<string, number>();
  for (const [term, count] of englishTerms) {
    for (const german of tools.germanOfEnglish.get(term) ?? contentTermsOf(term, tools.stemGerman, tools.functionWordsDe)) {
      germanTerms.set(german, (germanTerms.get(german) ?? 0) + count);
    }
  }
  return germanTerms;
}

/**
 * The English–German news word list (news-words.en-de.tsv): each English term, as termsOf makes it, with the
 * German terms of its translations. A headword also stands for its plural ("case" for "cases", "country" for
 * "countries"); the light stemming covers "-ed" and "-ing".
 */
export function loadGermanOfEnglish(stemGerman: Stemmer): ReadonlyMap<string, readonly string[]> {
  const germanOf = new Map<string, Set<string>>();
  for (const line of readListFile(new URL('./news-words.en-de.tsv', import.meta.url))) {
    const [english, german] = line.split('\t');
    if (!english || !german) throw new Error(`news-words.en-de.tsv: "${line}" is not "english<TAB>german"`);
    const germanTerms = contentTermsOf(german, stemGerman, new Set());
    const folded = foldWord(english);
    const forms = [folded, `${folded}s`, ...(folded.endsWith('y') ? [`${folded.slice(0, -1)}ies`] : [])];
    for (const form of new Set(forms.map(stemEnglishLightly))) {
      const targets = germanOf.get(form) ?? new Set();
      for (const term of germanTerms) targets.add(term);
      germanOf.set(form, targets);
    }
  }
  return new Map([...germanOf].map(([english, german]) => [english, [...german]]));
}

/** Plural and verb endings only: enough for "talks"/"talk", no dictionary needed. */
function stemEnglishLightly(word: string): string {
  if (word.length > 5 && word.endsWith('ing')) return word.slice(0, -3);
  if (word.length > 4 && word.endsWith('ed')) return word.slice(0, -2);
  if (word.length > 4 && word.endsWith('es')) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

function speakerKeyOf(article: Article, speaker: string, start: number | null, end: number | null): string {
  if (start !== null && end !== null) {
    const mention = (article.entities ?? []).find((m) => m.canonical && m.start < end && m.end > start);
    if (mention?.canonical) return mention.canonical;
  }
  const surname = speaker.trim().split(/\s+/).at(-1) ?? speaker;
  const byName = (article.entities ?? []).find((m) => m.canonical && m.text.includes(surname));
  return byName?.canonical ?? `~${foldWord(surname)}`;
}

/**
 * The day of the happening: a date the text places on the publication day wins; else the publication
 * day itself. Recalled ('past') dates are not the event's day — they are what keeps a 2024 article that
 * remembers February 2022 out of the February 2022 event.
 */
export function eventDayOf(published: string | null, dates: readonly TextDate[]): string | null {
  const sameDay = dates.find((d) => d.relation === 'same-day' && d.value && DAY_PRECISION.test(d.value));
  if (sameDay) return sameDay.value!.slice(0, 10);
  if (published && DAY_PRECISION.test(published)) return published.slice(0, 10);
  // A month or year is still a date: "2021-12" keeps a December report apart from a February event.
  return published && PARTIAL_DATE.test(published) ? published.slice(0, 7) : null;
}

/** English function words (function-words.en.txt), for the English side of German–English pairs. */
export function loadFunctionWordsEn(): ReadonlySet<string> {
  return new Set(readListFile(new URL('./function-words.en.txt', import.meta.url)));
}

/** Features as JSON for the store (maps and sets as arrays). */
export interface StoredFeatures {
  readonly language: string | null;
  readonly entities: readonly [string, number][];
  readonly entityNames: readonly [string, string][];
  readonly terms: readonly [string, number][];
  /** Absent in features stored before it existed. */
  readonly termsAsGerman?: readonly [string, number][];
  readonly numbers: readonly string[];
  readonly nameWords: readonly [string, number][];
  readonly quotes: readonly { readonly speaker: string; readonly terms: readonly string[]; readonly text: string }[];
  readonly eventDay: string | null;
  readonly notBefore: string | null;
  readonly recalledDays: readonly string[];
}

export function storedFeaturesOf(f: StoryFeatures): StoredFeatures {
  return {
    language: f.language,
    entities: [...f.entities],
    entityNames: [...f.entityNames],
    terms: [...f.terms],
    ...(f.termsAsGerman.size > 0 ? { termsAsGerman: [...f.termsAsGerman] } : {}),
    numbers: [...f.numbers],
    nameWords: [...f.nameWords],
    quotes: f.quotes.map((q) => ({ speaker: q.speaker, terms: [...q.terms], text: q.text })),
    eventDay: f.eventDay,
    notBefore: f.notBefore,
    recalledDays: f.recalledDays,
  };
}

export function featuresFromStored(articleId: string, s: StoredFeatures): StoryFeatures {
  return {
    articleId,
    language: s.language,
    entities: new Map(s.entities),
    entityNames: new Map(s.entityNames),
    terms: new Map(s.terms),
    termsAsGerman: new Map(s.termsAsGerman ?? []),
    numbers: new Set(s.numbers),
    nameWords: new Map(s.nameWords),
    quotes: s.quotes.map((q) => ({ speaker: q.speaker, terms: new Set(q.terms), text: q.text })),
    eventDay: s.eventDay,
    notBefore: s.notBefore,
    recalledDays: s.recalledDays,
  };
}

/** The story keys an article counts under in the store's document frequencies ("e", "t", "n", "#" by kind). */
export function countedKeysOf(f: StoryFeatures): string[] {
  return [
    ...[...f.entities.keys()].map((k) => `e ${k}`),
    ...[...f.terms.keys()].map((k) => `t ${k}`),
    ...[...f.nameWords.keys()].map((k) => `n ${k}`),
    ...[...f.numbers].map((k) => `# ${k}`),
  ];
}
