/**
 * Direct quotes and their speakers in English news: “…,” said X / “…,” X said / X said: “…” / X told
 * reporters “…” / “…,” according to X, in “…” and "…" styles. English puts the subject before the verb
 * (or right after it in "said X"), so the speaker is the noun phrase next to the cue: an entity of the
 * article, else a pronoun (shown as the last person named), else a capitalised name or "the spokesman".
 * A quote without a cue continues the previous speaker for two sentences. One- and two-word quotes
 * without a cue are labels or scare quotes and are left out.
 */
import type { EntityMention, Quote } from '../../article.js';
import type { Sentence } from '../../text/sentences.js';
import { tokenIndexAt, type Token } from '../../text/tokenize.js';
import type { QuoteFinder } from './find-quotes.js';
import { findQuotedSpans } from './quote-marks.js';

/** Finite forms of English speech verbs. */
const SPEECH_VERBS_EN = new Set([
  'said', 'says', 'say', 'told', 'tells', 'added', 'adds', 'stated', 'states', 'wrote', 'writes', 'explained', 'explains',
  'noted', 'notes', 'insisted', 'warned', 'warns', 'argued', 'argues', 'claimed', 'claims', 'asked', 'replied', 'announced',
  'declared', 'continued', 'commented', 'remarked', 'acknowledged', 'admitted', 'stressed', 'emphasized', 'emphasised',
  'urged', 'confirmed', 'posted', 'tweeted', 'recalled', 'responded', 'concluded', 'predicted', 'suggested', 'promised',
  'called', 'calls', 'described', 'describes', 'reads', 'saying',
]);
const NAMING_VERBS_EN = new Set(['called', 'calls', 'described', 'describes']);
/** Capitalised words that open a sentence without naming anyone. */
const NOT_NAMES_EN = new Set(['It', 'This', 'That', 'There', 'These', 'Those', 'But', 'And', 'Yet', 'So', 'Then', 'Now', 'Its']);
/** Words that end a noun phrase opened by a determiner: "his government [had accepted]". */
const CLAUSE_WORDS_EN = new Set(['had', 'has', 'have', 'was', 'were', 'is', 'are', 'would', 'will', 'could', 'can', 'should', 'that', 'who', 'which', 'of', 'in', 'on', 'at', 'to', 'for', 'with']);
const PRONOUNS_EN = new Set(['he', 'she', 'they', 'He', 'She', 'They', 'we', 'We', 'I']);
const DETERMINERS_EN = new Set(['the', 'a', 'an', 'The', 'A', 'An', 'his', 'her', 'their', 'its', 'His', 'Her', 'Their']);
/** Marks that end the search for a cue: another quote begins ("’" is left out: "the farmers’ association"). */
const QUOTE_MARKS = new Set(['“', '”', '"', '„', '«', '»']);
/** Quotes with fewer words are labels unless a cue attributes them. */
const MIN_UNCUED_WORDS = 3;
/** How many tokens a cue may stand from the quote it attributes ("“…,” Jo Bell, president of the farmers' union, told …"). */
const CUE_WINDOW = 16;
const CONTINUATION_SENTENCES = 2;
const MAX_TITLE_WORDS = 2;

interface Mention {
  readonly first: number;
  readonly last: number;
  readonly display: string;
}

export function makeEnglishQuoteFinder(): QuoteFinder {
  return (text, tokens, sentences, entities = []) => new EnglishQuotes(text, tokens, sentences, entities).find();
}

class EnglishQuotes {
  private readonly sentenceOfToken: Int32Array;
  /** Per token: the entity (person or organisation) it belongs to, or -1. */
  private readonly entityOfToken: Int32Array;
  private readonly speakers: readonly EntityMention[];
  /** The last person or organisation named before the token being read, for pronouns. */
  private lastNamed: Mention | null = null;
  /** The last speaker mention of any kind ("the declaration"), for "It also states …". */
  private lastMention: Mention | null = null;

  constructor(
    private readonly text: string,
    private readonly tokens: readonly Token[],
    private readonly sentences: readonly Sentence[],
    entities: readonly EntityMention[],
  ) {
    this.sentenceOfToken = new Int32Array(tokens.length).fill(-1);
    sentences.forEach((s, si) => {
      for (let t = tokenIndexAt(tokens, s.start); t < tokens.length && tokens[t]!.start < s.end; t++) this.sentenceOfToken[t] = si;
    });
    this.speakers = entities.filter((e) => e.type === 'person' || e.type === 'organization');
    this.entityOfToken = new Int32Array(tokens.length).fill(-1);
    this.speakers.forEach((e, ei) => {
      for (let t = tokenIndexAt(tokens, e.start); t < tokens.length && tokens[t]!.start < e.end; t++) this.entityOfToken[t] = ei;
    });
  }

  find(): Quote[] {
    const out: Quote[] = [];
    let previous: { speaker: Mention; sentence: number } | null = null;
    for (const q of findQuotedSpans(this.text)) {
      const open = tokenIndexAt(this.tokens, q.open);
      const close = tokenIndexAt(this.tokens, q.close);
      let words = 0;
      for (let t = open + 1; t < close; t++) if (this.tokens[t]!.kind === 'word' || this.tokens[t]!.kind === 'number') words++;
      const sentence = this.sentenceOfToken[open] ?? -1;
      // a quote ending in a full stop ends its sentence: what follows is no cue of it
      const endsSentence = /\.\s*$/.test(this.text.slice(q.open + 1, q.close));
      const cue = (endsSentence ? null : this.cueAfter(close)) ?? this.cueBefore(open) ?? this.accordingTo(open, close);
      // "called it a “historic” night": a naming verb makes a short quote a label, not speech
      if (words < MIN_UNCUED_WORDS && (!cue || NAMING_VERBS_EN.has(cue.word))) continue;
      let speaker = cue?.speaker ?? null;
      if (!speaker && previous && sentence - previous.sentence <= CONTINUATION_SENTENCES) speaker = previous.speaker;
      const span = this.sentences[sentence];
      const partial = span !== undefined && q.close + 1 - q.open < 0.6 * (span.end - span.start);
      out.push({
        text: this.text.slice(q.open, q.close + 1),
        start: q.open,
        end: q.close + 1,
        kind: 'direct',
        partial,
        cue: cue?.word ?? null,
        speaker: speaker?.display ?? null,
        speakerStart: speaker ? this.tokens[speaker.first]!.start : null,
        speakerEnd: speaker ? this.tokens[speaker.last]!.end : null,
        relayedBy: null,
      });
      if (speaker) previous = { speaker, sentence: this.sentenceOfToken[close] ?? sentence };
    }
    return out;
  }

  /** "“…,” said X", "“…,” X said", "“…,” X, the minister, told reporters". */
  private cueAfter(close: number): { word: string; speaker: Mention | null } | null {
    let t = close + 1;
    while (t < this.tokens.length && /^[,–—-]$/.test(this.tokens[t]!.text)) t++;
    const limit = Math.min(this.tokens.length, t + CUE_WINDOW);
    for (let v = t; v < limit; v++) {
      const word = this.tokens[v]!.text;
      if (QUOTE_MARKS.has(word) || /^[.!?;]$/.test(word)) return null;
      if (!SPEECH_VERBS_EN.has(word)) continue;
      const speaker = v === t ? this.nounPhraseAfter(v + 1) : this.nounPhraseIn(t, v);
      if (speaker === null && v > t) continue;
      return { word, speaker };
    }
    return null;
  }

  /** "X said: “…”", "X told reporters on Monday “…”", "He added:" ending the sentence before. */
  private cueBefore(open: number): { word: string; speaker: Mention | null } | null {
    const sentence = this.sentences[this.sentenceOfToken[open] ?? -1];
    const previous = this.sentences[(this.sentenceOfToken[open] ?? 0) - 1];
    let from = sentence ? tokenIndexAt(this.tokens, sentence.start) : open;
    // a colon closing the sentence before introduces this one: "He added:\n\n“…”"
    if (from === open && previous && this.tokens[open - 1]?.text === ':') from = tokenIndexAt(this.tokens, previous.start);
    for (let v = open - 1; v >= Math.max(from, open - CUE_WINDOW - 1); v--) {
      const word = this.tokens[v]!.text;
      if (QUOTE_MARKS.has(word)) return null;
      if (!SPEECH_VERBS_EN.has(word)) continue;
      const first = this.clauseStart(v, from);
      // "Her counterpart, Dario Venkov, said …": the verb opens its clause after the subject and its apposition
      const subject = first === v && this.tokens[v - 1]?.text === ',' ? this.nounPhraseIn(this.clauseStart(v - 1, from), v - 1) : this.nounPhraseIn(first, v);
      return { word, speaker: subject ?? this.nounPhraseAfter(v + 1) };
    }
    return null;
  }

  /** The first token of the comma-delimited clause that ends before token `end`, not before `from`. */
  private clauseStart(end: number, from: number): number {
    let first = end;
    while (first > from && !/^[,;:.]$/.test(this.tokens[first - 1]!.text) && !QUOTE_MARKS.has(this.tokens[first - 1]!.text)) first--;
    if (end - first > 0 || this.tokens[first - 1]?.text !== ',') return first;
    // an apposition: the clause before it holds the name ("Dario Venkov, [the minister,] said")
    let before = first - 1;
    while (before > from && !/^[;:.]$/.test(this.tokens[before - 1]!.text) && !QUOTE_MARKS.has(this.tokens[before - 1]!.text)) before--;
    return before;
  }

  /** "according to X" in the quote's sentence. */
  private accordingTo(open: number, close: number): { word: string; speaker: Mention | null } | null {
    const sentence = this.sentences[this.sentenceOfToken[open] ?? -1];
    if (!sentence) return null;
    const first = tokenIndexAt(this.tokens, sentence.start);
    for (let t = first; t < this.tokens.length && this.tokens[t]!.start < sentence.end; t++) {
      if (t >= open && t <= close) continue;
      if (this.tokens[t]!.text.toLowerCase() === 'according' && this.tokens[t + 1]?.text === 'to') {
        return { word: 'according to', speaker: this.nounPhraseAfter(t + 2) };
      }
    }
    return null;
  }

  /** The speaker named in tokens [first, end): the last entity, else a pronoun, else a name or "the spokesman". */
  private nounPhraseIn(first: number, end: number): Mention | null {
    for (let t = first; t < end; t++) {
      const e = this.entityOfToken[t]!;
      if (e >= 0 && this.speakers[e]!.type === 'person') return this.entityMention(e, t);
    }
    for (let t = first; t < end; t++) {
      const e = this.entityOfToken[t]!;
      if (e >= 0) return this.entityMention(e, t);
    }
    for (let t = first; t < end; t++) if (PRONOUNS_EN.has(this.tokens[t]!.text)) return this.pronoun(t);
    // a name in the range before a role phrase: "Her counterpart, Tomas Berg,"
    for (let t = first; t < end; t++) {
      if (this.isName(t) && !DETERMINERS_EN.has(this.tokens[t]!.text) && !NOT_NAMES_EN.has(this.tokens[t]!.text)) return this.nounPhraseAfter(t, end);
    }
    return this.nounPhraseAfter(first, end);
  }

  /** A noun phrase starting at `from`: an entity, a pronoun, capitalised words, or a determiner and its words. */
  private nounPhraseAfter(from: number, end = Math.min(this.tokens.length, from + CUE_WINDOW)): Mention | null {
    const token = this.tokens[from];
    if (!token || from >= end) return null;
    const e = this.entityOfToken[from]!;
    if (e >= 0) return this.entityMention(e, from);
    if (PRONOUNS_EN.has(token.text)) return this.pronoun(from);
    let last = from;
    if (NOT_NAMES_EN.has(token.text)) return this.lastMention ? { first: from, last: from, display: this.lastMention.display } : null;
    if (DETERMINERS_EN.has(token.text)) {
      while (last + 1 < end && this.tokens[last + 1]!.kind === 'word' && !SPEECH_VERBS_EN.has(this.tokens[last + 1]!.text) && !CLAUSE_WORDS_EN.has(this.tokens[last + 1]!.text)) last++;
      if (last === from) return null;
    } else {
      // "said coach Ben Adler", "said trade commissioner Ellen Marsh": lowercase title words before the name belong to it
      while (last < from + MAX_TITLE_WORDS && !this.isName(last) && this.tokens[last]?.kind === 'word') last++;
      if (!this.isName(last)) return null;
      // "Foreign minister Helene Brask": a lowercase title word between capitalised ones belongs to the name
      while (last + 1 < end && (this.isName(last + 1) || (this.tokens[last + 1]!.kind === 'word' && !CLAUSE_WORDS_EN.has(this.tokens[last + 1]!.text) && !SPEECH_VERBS_EN.has(this.tokens[last + 1]!.text) && this.isName(last + 2) && last + 2 < end))) {
        last += this.isName(last + 1) ? 1 : 2;
      }
    }
    const mention = this.mention(from, last);
    if (!DETERMINERS_EN.has(token.text)) this.lastNamed = mention;
    this.lastMention = mention;
    return mention;
  }

  private isName(t: number): boolean {
    const token = this.tokens[t];
    return token !== undefined && token.kind === 'word' && /^\p{Lu}/u.test(token.text);
  }

  private entityMention(e: number, at: number): Mention {
    let first = at;
    let last = at;
    while (first > 0 && this.entityOfToken[first - 1] === e) first--;
    while (last + 1 < this.tokens.length && this.entityOfToken[last + 1] === e) last++;
    const mention = this.mention(first, last);
    this.lastNamed = mention;
    return mention;
  }

  /** "he", "she": the mention is the pronoun, its display the last person or organisation named before it. */
  private pronoun(t: number): Mention {
    const before = this.lastEntityBefore(this.tokens[t]!.start);
    const named = before ?? this.lastNamed;
    return { first: t, last: t, display: named?.display ?? this.tokens[t]!.text };
  }

  private lastEntityBefore(offset: number): Mention | null {
    let found: EntityMention | undefined;
    for (const e of this.speakers) if (e.type === 'person' && e.end <= offset) found = e;
    return found ? { first: tokenIndexAt(this.tokens, found.start), last: tokenIndexAt(this.tokens, found.end) - 1, display: found.text } : null;
  }

  private mention(first: number, last: number): Mention {
    const text = this.text.slice(this.tokens[first]!.start, this.tokens[last]!.end);
    return { first, last, display: text.replace(/^(the|a|an)\s+/i, '') };
  }
}
