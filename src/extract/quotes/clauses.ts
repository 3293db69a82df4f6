/**
 * Clauses and their subjects: the clause around a cue (bounded by commas, colons and quote marks), the
 * subject of a sentence's main clause, and the subject of a clause that ends in a colon before a quote.
 * German puts the finite verb second, so the subject is the phrase before it, or the first after it when
 * something else stands first ("Unmissverständlich sagt das Gericht …").
 */
import { CLAUSE_BREAKS, QUOTE_MARK_TOKENS, type QuoteDocument, type SentenceInfo, type SpeakerMention } from './quote-document.js';
import { nounPhraseAfter, nounPhraseAt } from './noun-phrases.js';
import { rankedSpeaker, speakerRank, SPEAKER_RANK_NAMED } from './speaker-ranking.js';
import { segmentHasVerb } from './word-shapes.de.js';

/** Token range [first, end) of the clause around t, bounded by commas, colons, quote marks and the sentence. */
export function clauseAround(doc: QuoteDocument, t: number, sentence: SentenceInfo): [number, number] {
  const tokens = doc.tokens;
  let first = t;
  while (first > sentence.first && !CLAUSE_BREAKS.has(tokens[first - 1]!.text)) first--;
  let end = t + 1;
  while (end < sentence.end && !CLAUSE_BREAKS.has(tokens[end]!.text)) end++;
  // the sentence-final stop is not part of the clause
  if (end === sentence.end && /^[.!?…]$/.test(tokens[end - 1]!.text) && end - 1 > t) end--;
  return [first, end];
}

/**
 * The subject of the main clause that opens the sentence, up to the quote at `openToken`: the noun phrase before
 * the finite verb, or after it when something else stands first ("Unmissverständlich sagt das Gericht …"). Only a
 * subject that names someone (SPEAKER_RANK_NAMED); none in a subordinate clause or in reported speech ("Bisher
 * habe die Regierung „…“ ausgeschlossen" continues the speaker before).
 */
export function mainClauseSubject(doc: QuoteDocument, sentence: SentenceInfo, openToken: number): SpeakerMention | null {
  const tokens = doc.tokens;
  const first = sentence.first;
  let end = first;
  // quoted names and labels inside the clause do not end it ("Unter dem Motto „…“ zogen die Demonstranten …")
  while (end < openToken && (!CLAUSE_BREAKS.has(tokens[end]!.text) || QUOTE_MARK_TOKENS.has(tokens[end]!.text))) end++;
  if (end - first < 2 || doc.words.subordinators.has(tokens[first]!.text.toLowerCase())) return null;
  if (doc.hasReportedSpeechForm(first, end) || isPassive(doc, end, first)) return null;
  const subject = mainClauseSubjectIn(doc, first, end, openToken);
  return subject && speakerRank(doc, subject) >= SPEAKER_RANK_NAMED ? subject : null;
}

/** The subject of the clause [first, end); an opening noun phrase may run on past `end` up to `limit` with an apposition. */
export function mainClauseSubjectIn(doc: QuoteDocument, first: number, end: number, limit: number): SpeakerMention | null {
  const tokens = doc.tokens;
  const opening = nounPhraseAt(doc, first, end);
  // the comma closing an apposition: "Der Bruder des Papstes, Georg Ratzinger, war …"
  const afterOpening = !opening ? -1 : tokens[opening.last + 1]?.text === ',' && opening.last >= end ? opening.last + 2 : opening.last + 1;
  if (opening && afterOpening < limit && /^\p{Ll}/u.test(tokens[afterOpening]!.text) && segmentHasVerb(doc, afterOpening, afterOpening + 1)) {
    return rankedSpeaker(doc, opening, first, Math.max(end, afterOpening), afterOpening);
  }
  let finite = first + 1;
  const container = doc.quoteOfToken[first];
  while (finite < end && !(doc.quoteOfToken[finite] === container && /^\p{Ll}/u.test(tokens[finite]!.text) && segmentHasVerb(doc, finite, finite + 1))) finite++;
  if (finite >= end) return null;
  return rankedSpeaker(doc, nounPhraseAfter(doc, finite + 1, end), first, end, finite);
}

/**
 * "Münteferin stellte das ebenfalls in Frage: „…“": the subject of the clause ending in the colon before the quote.
 * A colon intro must name someone: "Kern des Textes ist: „…“" names no speaker.
 */
export function subjectBeforeColon(doc: QuoteDocument, openToken: number, sentence: SentenceInfo): SpeakerMention | null {
  const { tokens, words } = doc;
  if (tokens[openToken - 1]?.text !== ':' || openToken - 1 <= sentence.first) return null;
  const colon = openToken - 1;
  let first = colon;
  while (first > sentence.first && !CLAUSE_BREAKS.has(tokens[first - 1]!.text)) first--;
  // "Sie warnte vor X, wenn …: „…“": the main clause, not the subordinate one before the colon
  while (first > sentence.first + 1 && words.subordinators.has(tokens[first]!.text.toLowerCase())) {
    first--;
    while (first > sentence.first && !CLAUSE_BREAKS.has(tokens[first - 1]!.text)) first--;
  }
  // "warnte der Geschäftsführer, Heiner Kolb, die Regierung in einem Brief: „…“": a part without a verb continues the
  // clause before; "…, bei der Wahl würden nicht alle stimmen: „…“": reported content belongs to the clause that reports it
  while (first > sentence.first && tokens[first - 1]!.text === ',' && (!segmentHasVerb(doc, first, colon) || doc.hasReportedSpeechForm(first, colon))) {
    first--;
    while (first > sentence.first && !CLAUSE_BREAKS.has(tokens[first - 1]!.text)) first--;
  }
  // "Der Leiter der Studie, Paula Sommer, sieht die Verantwortung beim Staat: „…“": the subject may stand before the clause
  const clauseSpeaker = rankedSpeaker(doc, colonClauseSubject(doc, first, colon), first, colon, colon);
  const speaker = clauseSpeaker && speakerRank(doc, clauseSpeaker) >= SPEAKER_RANK_NAMED ? clauseSpeaker : rankedSpeaker(doc, null, sentence.first, colon, colon);
  return speaker && speakerRank(doc, speaker) >= SPEAKER_RANK_NAMED ? speaker : null;
}

/** The grammatical subject of the clause [first, colon). */
function colonClauseSubject(doc: QuoteDocument, first: number, colon: number): SpeakerMention | null {
  const { tokens, words } = doc;
  // the finite verb: the first lowercase word that is not part of a noun phrase
  let finite = first;
  while (finite < colon && !segmentHasVerb(doc, finite, finite + 1)) finite++;
  if (finite >= colon) {
    // "BKA-Präsident Ziercke: „…“"
    const np = nounPhraseAt(doc, first, colon);
    return np && np.last === colon - 1 ? np : null;
  }
  if (finite === first) return nounPhraseAfter(doc, finite + 1, colon);
  const lower = tokens[first]!.text.toLowerCase();
  if (words.prepositions.has(lower) || words.skippableAdverbs.has(lower) || words.isSentenceAdverb(tokens[first]!.text)) {
    return nounPhraseAfter(doc, finite + 1, colon);
  }
  return nounPhraseAt(doc, first, finite) ?? nounPhraseAfter(doc, finite + 1, colon);
}

/** A clause opened by a relative pronoun after a comma: "…, der zum Sturm aufgerufen hatte". */
export function isRelativeClause(doc: QuoteDocument, clauseFirst: number): boolean {
  return doc.tokens[clauseFirst - 1]?.text === ',' && doc.words.relativePronouns.has(doc.tokens[clauseFirst]?.text ?? '');
}

/** "wird Panetta zitiert", "wurde … genannt": a passive auxiliary in the clause before token t. */
export function isPassive(doc: QuoteDocument, t: number, clauseFirst: number): boolean {
  for (let k = clauseFirst; k < t; k++) if (doc.words.passiveAuxiliaries.has(doc.tokens[k]!.text)) return true;
  return false;
}
