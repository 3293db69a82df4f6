/**
 * Quotes and their speakers in German news: direct quotes in any quotation marks, partial quotes,
 * indirect speech (cue verb + complement clause, "laut X", "X zufolge", "nach Angaben von X", "so X",
 * Konjunktiv continuations) and "Dies berichtete X" for the sentence before. Rules over tokens and
 * sentences; no parser. The work is split by concern: quote-document.ts indexes the text, cues.ts finds
 * speech cues, clauses.ts and noun-phrases.ts find who they name, speaker-ranking.ts weighs the
 * candidates, direct-quotes.ts and indirect-quotes.ts make the quotes.
 */
import type { EntityMention, Quote } from '../../article.js';
import type { Sentence } from '../../text/sentences.js';
import type { Token } from '../../text/tokenize.js';
import { findQuotedSpans } from './quote-marks.js';
import { loadReportingVerbs } from './reporting-verbs.js';
import { loadSpeechWords } from './speech-words.js';
import { QuoteDocument, type QuoteLexicon } from './quote-document.js';
import { findCues } from './cues.js';
import { findDirectQuotes } from './direct-quotes.js';
import { findIndirectQuotes } from './indirect-quotes.js';

export type { QuoteLexicon } from './quote-document.js';

export interface QuoteOptions {
  /** Quotes with fewer words are labels or scare quotes ("grenzenlose", "Demokratie"), not speech. */
  readonly minQuoteWords: number;
  /** Quotes up to this many words count as speech only in a sentence with a speech cue. */
  readonly maxUncuedPartialWords: number;
  /** A quote without a cue of its own continues the last speaker's words up to this many sentences later. */
  readonly continuationSentences: number;
}

export const DEFAULT_QUOTE_OPTIONS: QuoteOptions = {
  minQuoteWords: 2,
  maxUncuedPartialWords: 4,
  continuationSentences: 2,
};

/**
 * Quotes in `text`, given its tokens and sentences (text/tokenize.ts, text/sentences.ts) and, when known, its
 * entities (extract/entities), which rank the noun phrases that may name the speaker.
 */
export type QuoteFinder = (text: string, tokens: readonly Token[], sentences: readonly Sentence[], entities?: readonly EntityMention[]) => Quote[];

/** The reporting verbs and speech words, read once (with the pipeline). */
export function loadQuoteLexicon(): QuoteLexicon {
  return { verbs: loadReportingVerbs(), words: loadSpeechWords() };
}

export function makeQuoteFinder(lexicon: QuoteLexicon, options: Partial<QuoteOptions> = {}): QuoteFinder {
  const opts = { ...DEFAULT_QUOTE_OPTIONS, ...options };
  return (text, tokens, sentences, entities = []) => {
    if (tokens.length === 0) return [];
    const doc = new QuoteDocument(text, tokens, sentences, findQuotedSpans(text), lexicon, entities);
    for (const sentence of doc.sentences) sentence.cues.push(...findCues(doc, sentence));
    const direct = findDirectQuotes(doc, opts);
    const quotes = [...direct, ...findIndirectQuotes(doc, opts, direct)].sort((a, b) => a.start - b.start || b.end - a.end);
    return continueSpeakers(doc, quotes, opts);
  };
}

/**
 * A quote nobody is named for continues the speaker of the quote before it, when that one is
 * close ("Besonders betroffen seien Menschen aus „bildungsfernen Elternhäusern“" after "Die dpa berichtete, …").
 */
function continueSpeakers(doc: QuoteDocument, quotes: readonly Quote[], opts: QuoteOptions): Quote[] {
  let last: Quote | null = null;
  return quotes.map((q) => {
    let out = q;
    if (q.speaker === null && last !== null) {
      const distance = doc.sentenceIndexAt(q.start) - doc.sentenceIndexAt(last.start);
      if (distance >= 0 && distance <= opts.continuationSentences) {
        out = { ...q, speaker: last.speaker, speakerStart: last.speakerStart, speakerEnd: last.speakerEnd };
      }
    }
    if (out.speaker !== null) last = out;
    return out;
  });
}
