/**
 * Direct quotes: words in quotation marks that someone says, with the cue that attributes them (after the
 * quote, before it, or closing the sentence before), partial quotes inside a sentence, and quotes whose
 * speaker carries over from the subject or the quote before. Scare quotes, labels and titles are left out.
 */
import type { Quote } from '../../article.js';
import type { QuotedSpan } from './quote-marks.js';
import type { QuoteOptions } from './find-quotes.js';
import type { Cue, QuoteDocument, SentenceInfo, SpeakerMention } from './quote-document.js';
import { isQuotedName, nounPhraseAfter, nounPhraseEndingAt } from './noun-phrases.js';
import { speakerRank, SPEAKER_RANK_NAMED } from './speaker-ranking.js';
import { clauseAround, isRelativeClause, mainClauseSubject, subjectBeforeColon } from './clauses.js';
import { segmentHasVerb } from './word-shapes.de.js';

const TERMINAL_PUNCTUATION = /[.!?…]\s*$/;

export function findDirectQuotes(doc: QuoteDocument, opts: QuoteOptions): Quote[] {
  const { tokens, words } = doc;
  const out: Quote[] = [];
  let previous: { speaker: SpeakerMention | null; sentence: number } | null = null;
  for (const q of doc.quoted) {
    const first = doc.tokenAtOrAfter(q.open + 1);
    let wordCount = 0;
    for (let t = first; t < tokens.length && tokens[t]!.start < q.close; t++) {
      if (tokens[t]!.kind === 'word' || tokens[t]!.kind === 'number') wordCount++;
    }
    const sentenceIndex = doc.sentenceOfToken[doc.tokenAtOrAfter(q.open)] ?? -1;
    const sentence = doc.sentences[sentenceIndex];
    if (!sentence) continue;
    const cue = cueForQuote(doc, q, sentence);
    // "bezeichnete die Beziehungen als „beispiellos“": a one-word quote a speaker is said to use
    const named = wordCount === 1 && tokens[doc.tokenBefore(q.open)]?.text === 'als' && sentence.cues.some((c) => c.verb && words.namingVerbLemmas.has(c.verb.lemma));
    if (wordCount < opts.minQuoteWords && !named) continue;
    const inner = doc.text.slice(q.open + 1, q.close);
    const sentenceHasSpeech = sentence.cues.length > 0 || doc.hasReportedSpeechForm(sentence.first, sentence.end);
    if (wordCount <= opts.maxUncuedPartialWords && !TERMINAL_PUNCTUATION.test(inner) && !sentenceHasSpeech) continue;
    if (wordCount <= 12 && !TERMINAL_PUNCTUATION.test(inner) && (isTitle(doc, q) || (!sentenceHasSpeech && looksLikeTitle(doc, q)))) continue;

    const partial = !doc.coversSentence(q, sentence);
    // "Der Präsident konstatierte eine wachsende „Kluft …“": without a cue, the sentence's subject before the last speaker
    let speaker = cue?.speaker ?? (partial ? mainClauseSubject(doc, sentence, doc.tokenAtOrAfter(q.open)) : null);
    // "Sie entwickelten sich „…“": an uncued pronoun subject refers back, most likely to the speaker before
    if (!cue && speaker && previous && words.subjectPronouns.has(tokens[speaker.first]!.text) && sentenceIndex - previous.sentence <= opts.continuationSentences) {
      speaker = previous.speaker;
    }
    // "Der Bruder des Papstes, Georg Ratzinger, war eingeweiht. „…“": someone named as the subject of the sentence before a
    // quote with no speaker of its own, when nobody was quoted there, speaks rather than an earlier speaker
    // (a headline without a full stop is no such sentence)
    const before = doc.sentences[sentenceIndex - 1];
    if (!speaker && before && tokens[before.end - 1]?.text === '.' && (!previous || previous.sentence < sentenceIndex - 1)) {
      const subject = mainClauseSubject(doc, before, before.end);
      if (subject && speakerRank(doc, subject) >= SPEAKER_RANK_NAMED) speaker = subject;
    }
    if (!speaker && previous && sentenceIndex - previous.sentence <= opts.continuationSentences) speaker = previous.speaker;
    out.push(doc.makeQuote(q.open, q.close + 1, 'direct', speaker, cue, partial));
    if (speaker) previous = { speaker, sentence: sentenceIndex };
  }
  return out;
}

/** The cue that attributes a quoted span: after it ("…“, sagte X"), before it ("X sagte: „…“"), or in the sentence before ("Er erklärte:"). */
function cueForQuote(doc: QuoteDocument, q: QuotedSpan, sentence: SentenceInfo): Cue | null {
  const { tokens, words } = doc;
  const closeToken = doc.tokenAtOrAfter(q.close);
  const openToken = doc.tokenAtOrAfter(q.open);
  const container = doc.quoteOfToken[openToken]!;
  const usable = (c: Cue) => c.speaker !== null && doc.quoteOfToken[c.at] === container;
  // a quote of several sentences is attributed after its last one: "„… . … .“, sagte der Papst."
  const closing = doc.sentences[doc.sentenceOfToken[closeToken] ?? -1] ?? sentence;
  // after: only punctuation between the closing mark and the cue clause
  // "Der Präsident habe erklärt, dass er „…“ verstehe, so der Berater weiter": the clause's own speaker speaks,
  // the one named by "so" at the end relays
  const closingSo = closing.cues.find((c) => usable(c) && c.kind === 'so' && c.at > closeToken);
  const ownVerb = [...sentence.cues].reverse().find((c) => usable(c) && c.kind === 'verb' && c.at < openToken && !doc.colonBetween(c.at, openToken));
  if (closingSo && ownVerb) return { ...ownVerb, relay: closingSo.speaker };
  // "laut Klinikdirektor Beckmann „…“": a source named right before the quote attributes it
  const adjacentSource = sentence.cues.find((c) => usable(c) && c.kind === 'source' && c.speaker!.last === openToken - 1);
  if (adjacentSource) return adjacentSource;
  const after = closing.cues.find((c) => usable(c) && c.at > closeToken && c.clauseFirst <= closeToken + 2);
  if (after) return after;
  // "„…“, strich Romney heraus": a verb and a noun phrase right after the quote attribute it
  if (tokens[closeToken + 1]?.text === ',') {
    const verb = tokens[closeToken + 2];
    if (verb && verb.kind === 'word' && /^\p{Ll}/u.test(verb.text) && !words.notVerbsAfterQuote.has(verb.text)) {
      const [, end] = clauseAround(doc, closeToken + 2, closing);
      const np = nounPhraseAfter(doc, closeToken + 3, end);
      if (np) return { kind: 'verb', at: closeToken + 2, word: verb.text, verb: null, speaker: np, clauseFirst: closeToken + 2, clauseEnd: end };
    }
  }
  const colonSpeaker = subjectBeforeColon(doc, openToken, sentence);
  // "X kritisierte die Haltung Ys, der zum Sturm aufgerufen hatte, als „…“": a relative clause's verb does not attribute
  const before = [...sentence.cues].reverse().find((c) => usable(c) && c.at < openToken && !isRelativeClause(doc, c.clauseFirst)) ??
    [...sentence.cues].reverse().find((c) => usable(c) && c.at < openToken);
  if (before && (!colonSpeaker || before.clauseEnd >= openToken - 2)) return before;
  if (colonSpeaker) return { kind: 'verb', at: openToken, word: ':', verb: null, speaker: colonSpeaker, clauseFirst: openToken, clauseEnd: openToken };
  // "ElBaradei („Mir fällt …“)": a quote in brackets after a name
  if (tokens[openToken - 1]?.text === '(') {
    const np = nounPhraseEndingAt(doc, openToken - 2, sentence.first);
    if (np) return { kind: 'verb', at: openToken, word: '(', verb: null, speaker: np, clauseFirst: openToken, clauseEnd: openToken };
  }
  const later = closing.cues.find((c) => usable(c) && c.at > closeToken);
  if (later) return later;
  const si = doc.sentences.indexOf(sentence);
  const prev = doc.sentences[si - 1];
  // "Kirby fügte hinzu:" ending the sentence before, or "Khan verurteilte die Haltung. „…“" before a quote that is a sentence
  if (prev && (tokens[prev.end - 1]?.text === ':' || doc.coversSentence(q, sentence))) {
    const cue = [...prev.cues].reverse().find(usable);
    if (cue) return cue;
  }
  // "„…“ Das sagte X."
  const next = doc.sentences[si + 1];
  if (next && doc.coversSentence(q, sentence)) {
    const anaphoric = next.cues.find((c) => c.kind === 'anaphoric' && c.speaker);
    if (anaphoric) return anaphoric;
  }
  return null;
}

/** A name or title in quotation marks: die Zeitung „Die Welt“, „Aktion Deutschland hilft“, „BILD am Sonntag“. */
function isTitle(doc: QuoteDocument, q: QuotedSpan): boolean {
  const before = doc.tokenBefore(q.open);
  return (before >= 0 && doc.words.titleNouns.has(doc.tokens[before]!.text)) || isQuotedName(doc, q);
}

/** „Ärzte ohne Grenzen“, „Rat für nationale Sicherheit“: capitalised, mostly capitals, no verb (a name, where nobody speaks). */
function looksLikeTitle(doc: QuoteDocument, q: QuotedSpan): boolean {
  const tokens = doc.tokens;
  const first = doc.tokenAtOrAfter(q.open + 1);
  const end = doc.tokenAtOrAfter(q.close);
  if (first >= end || !/^\p{Lu}/u.test(tokens[first]!.text) || segmentHasVerb(doc, first, end)) return false;
  let words = 0;
  let capitalised = 0;
  for (let t = first; t < end; t++) {
    if (tokens[t]!.kind !== 'word') continue;
    words++;
    if (/^\p{Lu}/u.test(tokens[t]!.text)) capitalised++;
  }
  return capitalised * 2 >= words;
}
