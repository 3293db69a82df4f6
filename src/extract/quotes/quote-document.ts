/**
 * One article's text indexed for finding quotes: for every token its sentence, the innermost quoted span
 * holding it and the type of entity it belongs to, and per sentence the speech cues found in it. The
 * modules beside this one (noun phrases, speaker ranking, clauses, cues, direct and indirect quotes) read
 * it; only cue finding writes to it (the cues, and the last person named, for pronouns).
 */
import type { EntityMention, Quote } from '../../article.js';
import type { Sentence } from '../../text/sentences.js';
import { tokenIndexAt, type Token } from '../../text/tokenize.js';
import type { QuotedSpan } from './quote-marks.js';
import type { CueVerb, ReportingVerbLexicon } from './reporting-verbs.js';
import type { SpeechWords } from './speech-words.js';

/** What the German quote finder reads besides the text: built once with the pipeline. */
export interface QuoteLexicon {
  /** reporting-verbs.de.tsv */
  readonly verbs: ReportingVerbLexicon;
  /** speech-words.de.tsv */
  readonly words: SpeechWords;
}

/** A mention of who speaks: token range, and the name to show (a pronoun shows the name it stands for). */
export interface SpeakerMention {
  readonly first: number;
  readonly last: number;
  readonly display: string;
}

export type CueKind = 'verb' | 'source' | 'so' | 'anaphoric' | 'heisst-es';

/** A place in a sentence that names a source of speech. */
export interface Cue {
  readonly kind: CueKind;
  /** Token index of the cue word ("sagte", "laut", "zufolge", "so", "Dies"). */
  readonly at: number;
  readonly word: string;
  readonly verb: CueVerb | null;
  readonly speaker: SpeakerMention | null;
  /** Who passes the words on, when it is not the speaker: "CCTV zitierte Putin" (relay CCTV, speaker Putin). */
  readonly relay?: SpeakerMention | null;
  /** Token range of the clause holding the cue and its speaker: [first, end). */
  readonly clauseFirst: number;
  readonly clauseEnd: number;
}

export interface SentenceInfo {
  readonly span: Sentence;
  /** Token range [first, end). */
  readonly first: number;
  readonly end: number;
  readonly cues: Cue[];
}

export const ENTITY_PERSON = 1;
export const ENTITY_ORGANIZATION = 2;
export const ENTITY_LOCATION = 3;
const ENTITY_CODE: Readonly<Record<EntityMention['type'], number>> = { person: ENTITY_PERSON, organization: ENTITY_ORGANIZATION, location: ENTITY_LOCATION, other: 4 };

/** Punctuation that bounds a clause. */
export const CLAUSE_BREAKS: ReadonlySet<string> = new Set([',', ':', ';', '–', '—', '„', '“', '”', '»', '«', '"', '‚', '‘']);
export const QUOTE_MARK_TOKENS: ReadonlySet<string> = new Set(['„', '“', '”', '»', '«', '"', '‚', '‘', '’', '›', '‹']);
/** A quote this long (characters) is a relayed report: the cues inside it still count. */
const LONG_QUOTE_CHARS = 400;

export class QuoteDocument {
  readonly sentenceOfToken: Int32Array;
  readonly sentences: readonly SentenceInfo[];
  /** Per token: index of the innermost quoted span containing it (between the marks), or -1. */
  readonly quoteOfToken: Int32Array;
  /** Per token: the type of the entity it belongs to (ENTITY_PERSON, …), 0 for none. */
  readonly entityOfToken: Uint8Array;
  readonly verbs: ReportingVerbLexicon;
  readonly words: SpeechWords;
  /** The last speaker named by a cue so far, in text order, for pronouns. */
  lastNamed: SpeakerMention | null = null;

  constructor(
    readonly text: string,
    readonly tokens: readonly Token[],
    sentenceSpans: readonly Sentence[],
    readonly quoted: readonly QuotedSpan[],
    lexicon: QuoteLexicon,
    entities: readonly EntityMention[],
  ) {
    this.verbs = lexicon.verbs;
    this.words = lexicon.words;
    this.entityOfToken = new Uint8Array(tokens.length);
    for (const e of entities) {
      // "Moskau", "das Weiße Haus": a place standing for its government speaks like an organisation
      const code = e.canonical?.startsWith('gov:') ? ENTITY_ORGANIZATION : ENTITY_CODE[e.type];
      for (let t = this.tokenAtOrAfter(e.start); t < tokens.length && tokens[t]!.start < e.end; t++) this.entityOfToken[t] = code;
    }
    this.sentenceOfToken = new Int32Array(tokens.length).fill(-1);
    this.quoteOfToken = new Int32Array(tokens.length).fill(-1);
    quoted.forEach((q, qi) => {
      for (let t = this.tokenAtOrAfter(q.open + 1); t < tokens.length && tokens[t]!.start < q.close; t++) {
        const current = this.quoteOfToken[t]!;
        if (current < 0 || quoted[current]!.depth < q.depth) this.quoteOfToken[t] = qi;
      }
    });
    this.sentences = sentenceSpans.map((span, si) => {
      const first = this.tokenAtOrAfter(span.start);
      let end = first;
      while (end < tokens.length && tokens[end]!.start < span.end) {
        this.sentenceOfToken[end] = si;
        end++;
      }
      return { span, first, end, cues: [] as Cue[] };
    });
  }

  tokenAtOrAfter(offset: number): number {
    return tokenIndexAt(this.tokens, offset);
  }

  tokenBefore(offset: number): number {
    return this.tokenAtOrAfter(offset) - 1;
  }

  sentenceIndexAt(offset: number): number {
    return this.sentenceOfToken[this.tokenAtOrAfter(offset)] ?? -1;
  }

  verbsFor(word: string): readonly CueVerb[] | undefined {
    return this.verbs.get(word);
  }

  /** A Konjunktiv form among tokens [first, end), outside quotes (unless the quote is a long relayed report). */
  hasReportedSpeechForm(first: number, end: number): boolean {
    for (let t = first; t < end; t++) {
      if (this.quoteOfToken[t] !== -1 && !this.isLongQuoteToken(t)) continue;
      if (this.words.reportedSpeechVerbForms.has(this.tokens[t]!.text)) return true;
    }
    return false;
  }

  /** Tokens inside a long quote (a relayed report) still carry their own cues. */
  isLongQuoteToken(t: number): boolean {
    const q = this.quoted[this.quoteOfToken[t]!];
    return q !== undefined && q.close - q.open > LONG_QUOTE_CHARS;
  }

  coversSentence(q: QuotedSpan, sentence: SentenceInfo): boolean {
    const sentenceLength = sentence.span.end - sentence.span.start;
    return q.close + 1 - q.open >= 0.6 * sentenceLength;
  }

  colonBetween(first: number, end: number): boolean {
    for (let k = first; k < end; k++) if (this.tokens[k]!.text === ':') return true;
    return false;
  }

  /** The character span of tokens [first, end) without punctuation at either end (quotation marks stay). */
  trimmedSpan(first: number, end: number): { start: number; end: number } | null {
    while (first < end && this.tokens[first]!.kind === 'punct' && !QUOTE_MARK_TOKENS.has(this.tokens[first]!.text)) first++;
    while (end > first && this.tokens[end - 1]!.kind === 'punct' && !QUOTE_MARK_TOKENS.has(this.tokens[end - 1]!.text)) end--;
    if (end <= first) return null;
    return { start: this.tokens[first]!.start, end: this.tokens[end - 1]!.end };
  }

  mentionAt(start: number, end: number, display: string): SpeakerMention {
    return { first: this.tokenAtOrAfter(start), last: Math.max(this.tokenAtOrAfter(start), this.tokenAtOrAfter(end) - 1), display };
  }

  makeQuote(start: number, end: number, kind: Quote['kind'], speaker: SpeakerMention | null, cue: Cue | null, partial: boolean): Quote {
    return {
      text: this.text.slice(start, end),
      start,
      end,
      kind,
      partial,
      cue: cue ? cue.word : null,
      speaker: speaker?.display ?? null,
      speakerStart: speaker ? this.tokens[speaker.first]!.start : null,
      speakerEnd: speaker ? this.tokens[speaker.last]!.end : null,
      relayedBy: cue?.relay?.display ?? null,
    };
  }
}
