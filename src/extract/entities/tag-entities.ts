/**
 * Finds person, organisation, location and other names in German text with the trained tagger
 * (ner.de.json): tokenise, split into sentences, score each word's features, take the best
 * BIO sequence, and turn its spans into mentions with offsets into the text.
 */
import type { EntityMention } from '../../article.js';
import { loadAbbreviations, makeSentenceSplitter, type SentenceSplitter } from '../../text/sentences.js';
import { makeTokenizer, type Token, type Tokenizer } from '../../text/tokenize.js';
import { loadGazetteers, type Gazetteers } from './gazetteers.js';
import { extractSentenceFeatures } from './ner-features.js';
import { decodeBestTags, loadNerModel, NER_TAGS, TAG_COUNT, type NerModel } from './ner-model.js';

export type EntityTagger = (text: string) => EntityMention[];

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
  return (text) => tagEntities(text, { model, tokenize, splitter, gazetteers });
}

interface TaggerParts {
  readonly model: NerModel;
  readonly tokenize: Tokenizer;
  readonly splitter: SentenceSplitter;
  readonly gazetteers: Gazetteers;
}

function tagEntities(text: string, parts: TaggerParts): EntityMention[] {
  const tokens = parts.tokenize(text);
  const mentions: EntityMention[] = [];
  let next = 0;
  for (const sentence of parts.splitter.split(text)) {
    const first = next;
    while (next < tokens.length && tokens[next]!.start < sentence.end) next++;
    if (next > first) tagSentence(text, tokens.slice(first, next), parts, mentions);
  }
  return mentions;
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
      const start = tokens[spanStart]!.start;
      const end = tokens[i - 1]!.end;
      out.push({ text: text.slice(start, end), start, end, type: MENTION_TYPE[NER_TAGS[tags[spanStart]!]!.slice(2)]!, canonical: null });
      spanStart = -1;
    }
    if (tag % 2 === 1) spanStart = i;
  }
}
