/**
 * Indirect and reported speech: the clause a cue introduces ("X sagte, [dass …]", "[Die Lage sei ernst],
 * so X", "laut X [ist …]"), a speech act without a content clause ("Die EU fordert eine Untersuchung"),
 * and Konjunktiv sentences that continue the speaker before ("Der Angriff sei zunächst …").
 */
import type { Quote } from '../../article.js';
import type { QuoteOptions } from './find-quotes.js';
import type { Cue, QuoteDocument, SentenceInfo, SpeakerMention } from './quote-document.js';
import { cuePriority } from './cues.js';
import { isModifier, isNounLike, segmentHasVerb } from './word-shapes.de.js';

export function findIndirectQuotes(doc: QuoteDocument, opts: QuoteOptions, direct: readonly Quote[]): Quote[] {
  const out: Quote[] = [];
  let lastSpeech: { speaker: SpeakerMention; sentence: number } | null = null;
  const directBySentence = new Map<number, Quote[]>();
  for (const q of direct) {
    const si = doc.sentenceOfToken[doc.tokenAtOrAfter(q.start)] ?? -1;
    directBySentence.set(si, [...(directBySentence.get(si) ?? []), q]);
  }

  doc.sentences.forEach((sentence, si) => {
    const directHere = directBySentence.get(si) ?? [];
    const covered = directHere.some((q) => q.end - q.start >= 0.6 * (sentence.span.end - sentence.span.start));
    let found = false;
    if (!covered) {
      let reportedBy: Cue | null = null;
      // "Wie Xinhua berichtete, betonte Xi, dass …": the verb's subject speaks; the source cue relays
      const ordered = [...sentence.cues].sort((a, b) => cuePriority(a, doc) - cuePriority(b, doc));
      for (const cue of ordered) {
        if (!cue.speaker || doc.quoteOfToken[cue.at] !== -1 && !doc.isLongQuoteToken(cue.at)) continue;
        const message = messageForCue(doc, cue, sentence, si);
        if (!message) {
          if (reportedBy === null && isReportedSpeechAct(doc, cue, sentence)) reportedBy = cue;
          continue;
        }
        if (directHere.some((q) => q.start <= message.start && q.end >= message.end)) continue;
        // "… so der Kreml. Dies berichtet das Magazin „RT DE“.": the earlier quote is relayed, not repeated
        if (cue.kind === 'anaphoric') {
          const earlier = out.findIndex((q) => q.start >= message.start && q.end <= message.end);
          if (earlier >= 0) {
            out[earlier] = { ...out[earlier]!, relayedBy: cue.speaker.display };
            found = true;
            break;
          }
        }
        const relay = ordered.find((c) => c !== cue && c.speaker && cuePriority(c, doc) > cuePriority(cue, doc));
        const withRelay = relay && !cue.relay ? { ...cue, relay: relay.speaker } : cue;
        out.push(doc.makeQuote(message.start, message.end, 'indirect', cue.speaker, withRelay, false));
        lastSpeech = { speaker: cue.speaker, sentence: si };
        found = true;
        break;
      }
      // reported speech act without a clause of content: "Die EU fordert seit Jahren eine bessere Bekämpfung …"
      if (!found && reportedBy !== null && directHere.length === 0) {
        const span = doc.trimmedSpan(sentence.first, sentence.end);
        if (span) {
          out.push(doc.makeQuote(span.start, span.end, 'reported', reportedBy.speaker, reportedBy, false));
          lastSpeech = { speaker: reportedBy.speaker!, sentence: si };
          found = true;
        }
      }
    }
    if (!found && directHere.length > 0) {
      const withSpeaker = directHere.find((q) => q.speakerStart !== null);
      if (withSpeaker) {
        lastSpeech = { speaker: doc.mentionAt(withSpeaker.speakerStart!, withSpeaker.speakerEnd!, withSpeaker.speaker!), sentence: si };
      }
      return;
    }
    if (found || covered) return;
    // Konjunktiv continuation: "Der Angriff sei zunächst …" after "Ein Sprecher sagte, …"
    if (
      lastSpeech &&
      si - lastSpeech.sentence <= opts.continuationSentences &&
      sentence.cues.length === 0 &&
      doc.hasReportedSpeechForm(sentence.first, sentence.end)
    ) {
      const span = doc.trimmedSpan(sentence.first, sentence.end);
      if (span) {
        out.push(doc.makeQuote(span.start, span.end, 'indirect', lastSpeech.speaker, null, false));
        lastSpeech = { speaker: lastSpeech.speaker, sentence: si };
      }
    }
  });
  return out;
}

/**
 * "Die EU fordert seit Jahren …", "Reuters spricht von zehn Flugzeugen": a speech act as the main verb of a plain
 * sentence whose subject opens it. Stricter than a cue with a clause: a verb alone is weak evidence.
 */
function isReportedSpeechAct(doc: QuoteDocument, cue: Cue, sentence: SentenceInfo): boolean {
  if (cue.kind !== 'verb' || cue.verb === null || cue.verb.participle || cue.speaker === null) return false;
  if (!doc.words.speechActLemmas.has(cue.verb.lemma)) return false;
  if (cue.clauseFirst !== sentence.first || cue.speaker.first !== sentence.first) return false;
  if (doc.tokens[sentence.end - 1]?.text === ':') return false;
  return cue.speaker.last === cue.at - 1;
}

/** The words a cue attributes, as a character span, or null when the cue introduces no reported content. */
function messageForCue(doc: QuoteDocument, cue: Cue, sentence: SentenceInfo, si: number): { start: number; end: number } | null {
  const tokens = doc.tokens;
  if (cue.kind === 'anaphoric') {
    const prev = doc.sentences[si - 1];
    return prev ? doc.trimmedSpan(prev.first, prev.end) : null;
  }
  if (cue.kind === 'source') {
    // the sentence without the cue phrase: "Nach Angaben der Polizei [ist die Ursache unklar]."
    const beforeSpan = doc.trimmedSpan(sentence.first, cue.clauseFirst);
    const afterSpan = doc.trimmedSpan(cue.clauseEnd, sentence.end);
    const tokensBefore = cue.clauseFirst - sentence.first;
    const tokensAfter = sentence.end - cue.clauseEnd;
    if (beforeSpan && afterSpan) return { start: beforeSpan.start, end: afterSpan.end };
    return (tokensAfter >= tokensBefore ? afterSpan : beforeSpan) ?? null;
  }
  // complement after the cue clause: "X sagte, [dass …]" / "X erklärte, [die Lage sei …]"
  if (cue.clauseEnd < sentence.end) {
    const sep = tokens[cue.clauseEnd]!.text;
    if (sep === ',' || sep === ':') {
      const start = cue.clauseEnd + 1;
      const end = nextCueClauseStart(sentence, start) ?? sentence.end;
      // "sagte Hoo Tiang Boon, ein forschender Professor …" is an apposition, not content
      if (end - start >= 3 && segmentHasVerb(doc, start, end) && looksLikeReportedContent(doc, start, end, cue)) return doc.trimmedSpan(start, end);
    }
  }
  // complement before: "[Die Lage sei ernst], sagte X." / "[…], so X." — only with the speaker after the cue
  const inverted = cue.speaker !== null && cue.speaker.first > cue.at;
  if (cue.clauseFirst > sentence.first && inverted) {
    const sep = tokens[cue.clauseFirst - 1]!.text;
    if (sep === ',' && segmentHasVerb(doc, sentence.first, cue.clauseFirst - 1)) {
      let start = sentence.first;
      for (const other of sentence.cues) if (other !== cue && other.clauseEnd < cue.clauseFirst - 1) start = Math.max(start, other.clauseEnd + 1);
      if (cue.clauseFirst - 1 - start >= 3) return doc.trimmedSpan(start, cue.clauseFirst - 1);
    }
  }
  return null;
}

function nextCueClauseStart(sentence: SentenceInfo, from: number): number | null {
  for (const c of sentence.cues) if (c.clauseFirst > from && c.kind !== 'source') return c.clauseFirst - 1;
  return null;
}

function looksLikeReportedContent(doc: QuoteDocument, start: number, end: number, cue: Cue): boolean {
  const tokens = doc.tokens;
  const first = tokens[start]!.text;
  // "…, die beide vor Herausforderungen stehen": a relative clause describes, it reports nothing
  const next = tokens[start + 1];
  if (doc.words.relativePronouns.has(first) && next && !isNounLike(doc, next) && !isModifier(doc, next)) return false;
  if (first === 'dass' || first === 'ob' || first === 'wonach') return true;
  if (doc.hasReportedSpeechForm(start, end)) return true;
  for (let t = start; t < end - 1; t++) if (tokens[t]!.text === 'zu') return true;
  return cue.verb !== null && doc.words.contentVerbLemmas.has(cue.verb.lemma);
}
