/**
 * Finds person, organisation, location and other names in German text with the trained tagger
 * (ner.de.json): tokenise, split into sentences, score each word's features, take the best
 * BIO sequence, and turn its spans into mentions with offsets into the text. A second pass over
 * the document tags repeats the model missed: a name found once is that name everywhere.
 */
import type { EntityMention, Span } from '../../article.js';
import { loadAbbreviations, makeSentenceSplitter } from '../../text/sentences.js';
import { makeTokenizer, type Token, type Tokenizer } from '../../text/tokenize.js';
import { GAZETTEER_FLAG, loadGazetteers, type Gazetteers } from './gazetteers.js';
import { extractSentenceFeatures } from './ner-features.js';
import { decodeBestTags, loadNerModel, NER_TAGS, TAG_COUNT, type NerModel } from './ner-model.js';

/**
 * Tags `text`. Pass the sentences (in text order) when the pipeline already split them: the split
 * is a tenth of the tagger's time. Without them the tagger splits the text itself.
 */
export type EntityTagger = (text: string, sentences?: readonly Span[]) => EntityMention[];

const MENTION_TYPE: Readonly<Record<string, EntityMention['type']>> = {
  PER: 'person',
  LOC: 'location',
  ORG: 'organization',
  OTH: 'other',
};

/** Loads the model and name lists once (about 0.2 s); the tagger it returns is synchronous. */
export function loadEntityTagger(model: NerModel = loadNerModel()): EntityTagger {
  const abbreviations = loadAbbreviations();
  const tokenize = makeTokenizer(abbreviations);
  const splitter = makeSentenceSplitter(abbreviations);
  const gazetteers = loadGazetteers();
  return (text, sentences) => tagEntities(text, sentences ?? splitter.split(text), { model, tokenize, gazetteers });
}

interface TaggerParts {
  readonly model: NerModel;
  readonly tokenize: Tokenizer;
  readonly gazetteers: Gazetteers;
}

function tagEntities(text: string, sentences: readonly Span[], parts: TaggerParts): EntityMention[] {
  const tokens = parts.tokenize(text);
  const mentions: EntityMention[] = [];
  let next = 0;
  for (const sentence of sentences) {
    while (next < tokens.length && tokens[next]!.end <= sentence.start) next++;
    const first = next;
    while (next < tokens.length && tokens[next]!.start < sentence.end) next++;
    if (next > first) tagSentence(text, tokens.slice(first, next), parts, mentions);
  }
  return addRepeatedMentions(tokens, mentions);
}

/**
 * "Russlands Krieg", "Putins Sprecher": the model, trained on few such pairs, runs a known name in
 * the genitive into the noun it owns. The name alone is the mention, typed by the name list.
 */
function genitiveOwner(word: string, gazetteers: Gazetteers): EntityMention['type'] | null {
  const flags = gazetteers.flagWords([word])[0]!;
  if (flags & GAZETTEER_FLAG.genitivePlace) return 'location';
  if (flags & GAZETTEER_FLAG.genitiveName) return 'person';
  return null;
}

/** Shorter than this, a repeat is too ambiguous to tag by string alone ("Xi" is, "AG" is not a name). */
const MIN_REPEAT_CHARS = 2;

/**
 * "Wladimir Putin … Putin … Putins Sprecher": a single word the model tagged somewhere, or the
 * last word of a person's full name, is tagged wherever else it stands untagged, and so is its
 * genitive ("Putins"). The type the model gave the word most often wins (one slip, "Moskau" as a
 * person, does not spread); several-word names repeat through their words.
 */
function addRepeatedMentions(tokens: readonly Token[], mentions: EntityMention[]): EntityMention[] {
  const votes = new Map<string, Map<EntityMention['type'], number>>();
  const vote = (word: string, type: EntityMention['type']) => {
    const counts = votes.get(word) ?? new Map<EntityMention['type'], number>();
    counts.set(type, (counts.get(type) ?? 0) + 1);
    votes.set(word, counts);
  };
  for (const mention of mentions) {
    if (!mention.text.includes(' ')) vote(mention.text, mention.type);
    else if (mention.type === 'person') vote(mention.text.slice(mention.text.lastIndexOf(' ') + 1), 'person');
  }
  const known = new Map<string, EntityMention['type']>();
  for (const [word, counts] of votes) known.set(word, [...counts].sort((a, b) => b[1] - a[1])[0]![0]);
  if (known.size === 0) return mentions;
  const added: EntityMention[] = [];
  let m = 0; // mentions come in text order, like the tokens
  for (const token of tokens) {
    while (m < mentions.length && mentions[m]!.end <= token.start) m++;
    const covered = m < mentions.length && mentions[m]!.start <= token.start;
    if (covered || token.kind !== 'word' || token.text.length < MIN_REPEAT_CHARS) continue;
    const type = known.get(token.text) ?? (token.text.endsWith('s') ? known.get(token.text.slice(0, -1)) : undefined);
    if (type === undefined) continue;
    added.push({ text: token.text, start: token.start, end: token.end, type, canonical: null });
  }
  if (added.length === 0) return mentions;
  return [...mentions, ...added].sort((a, b) => a.start - b.start);
}

/**
 * "Herrn Soulier", "Frau Kowalczyk": the model, trained on few forms of address, sometimes runs
 * one into the name. A person's name starts after its leading role words (the last word stays).
 */
function skipLeadingRoles(tokens: readonly Token[], start: number, end: number, gazetteers: Gazetteers): number {
  let first = start;
  while (first < end - 1 && gazetteers.flagWords([tokens[first]!.text])[0]! & GAZETTEER_FLAG.role) first++;
  return first;
}

function tagSentence(text: string, tokens: readonly Token[], parts: TaggerParts, out: EntityMention[]): void {
  const features = extractSentenceFeatures(
    tokens.map((t) => t.text),
    parts.gazetteers,
  );
  const emissions = new Float32Array(tokens.length * TAG_COUNT);
  parts.model.scoreWords(features, emissions);
  const tags = decodeBestTags(emissions, tokens.length, parts.model.transitions);
  let spanStart = -1;
  for (let i = 0; i <= tokens.length; i++) {
    const tag = i < tokens.length ? tags[i]! : 0;
    // inside tags (even, from 2) continue the open span; decodeBestTags never opens one with them
    if (spanStart >= 0 && !(tag !== 0 && tag % 2 === 0)) {
      const type = MENTION_TYPE[NER_TAGS[tags[spanStart]!]!.slice(2)]!;
      if (type === 'person') spanStart = skipLeadingRoles(tokens, spanStart, i, parts.gazetteers);
      const start = tokens[spanStart]!.start;
      const genitive = i - spanStart === 2 ? genitiveOwner(tokens[spanStart]!.text, parts.gazetteers) : null;
      const end = genitive === null ? tokens[i - 1]!.end : tokens[spanStart]!.end;
      out.push({ text: text.slice(start, end), start, end, type: genitive ?? type, canonical: null });
      spanStart = -1;
    }
    if (tag % 2 === 1) spanStart = i;
  }
}
