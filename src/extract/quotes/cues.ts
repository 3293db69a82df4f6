/**
 * Speech cues in a German sentence and the speaker each one names: a reporting verb ("sagte", "teilte …
 * mit") with its subject, a source preposition ("laut X", "X zufolge", "nach Angaben von X"), "…, so X",
 * "heißt es in X", and "Dies berichtete X" (whose message is the sentence before).
 */
import type { Token } from '../../text/tokenize.js';
import type { CueVerb } from './reporting-verbs.js';
import { CLAUSE_BREAKS, QUOTE_MARK_TOKENS, type Cue, type CueKind, type QuoteDocument, type SentenceInfo, type SpeakerMention } from './quote-document.js';
import { documentMentionBefore, mention, nounPhraseAfter, nounPhraseAt, nounPhraseEndingAt, prepositionalObject } from './noun-phrases.js';
import { rankedSpeaker, speakerRank, SPEAKER_RANK_NAMED } from './speaker-ranking.js';
import { clauseAround, isPassive, mainClauseSubjectIn } from './clauses.js';
import { lowerFirst, segmentHasVerb } from './word-shapes.de.js';

/** The cues of one sentence, in text order; remembers the last one naming someone for the pronouns after it. */
export function findCues(doc: QuoteDocument, sentence: SentenceInfo): Cue[] {
  const cues: Cue[] = [];
  for (let t = sentence.first; t < sentence.end; t++) {
    const cue = cueAt(doc, t, sentence);
    if (cue) {
      cues.push(cue);
      if (cue.speaker && !doc.words.subjectPronouns.has(doc.tokens[cue.speaker.first]!.text)) doc.lastNamed = cue.speaker;
    }
  }
  return cues;
}

/** Lower first: a verb cue in a main clause, then other verbs, then "laut X"/"wie X berichtete" sources, which relay. */
export function cuePriority(cue: Cue, doc: QuoteDocument): number {
  if (cue.kind === 'source' || cue.kind === 'so') return 2;
  if (cue.kind === 'verb' && doc.words.subordinators.has(doc.tokens[cue.clauseFirst]!.text.toLowerCase())) return 1;
  return 0;
}

function cueAt(doc: QuoteDocument, t: number, sentence: SentenceInfo): Cue | null {
  const { tokens, words } = doc;
  const word = tokens[t]!.text;
  const [clauseFirst, clauseEnd] = clauseAround(doc, t, sentence);
  const make = (kind: CueKind, verb: CueVerb | null, speaker: SpeakerMention | null, first = clauseFirst, end = clauseEnd): Cue => ({
    kind, at: t, word, verb, speaker, clauseFirst: first, clauseEnd: end,
  });

  if (words.sourcePrepositions.has(word)) {
    const np = nounPhraseAt(doc, t + 1, clauseEnd);
    return np ? make('source', null, np, t, np.last + 1) : null;
  }
  if (words.sourcePostpositions.has(word)) {
    const np = nounPhraseEndingAt(doc, t - 1, clauseFirst);
    return np ? make('source', null, np, np.first, t + 1) : null;
  }
  const nounAfterNach = words.determiners.has(tokens[t + 1]?.text ?? '') ? t + 2 : t + 1;
  if (word.toLowerCase() === 'nach' && words.sourceNounsAfterNach.has(tokens[nounAfterNach]?.text ?? '')) {
    const noun = nounAfterNach;
    const after = tokens[noun + 1]?.text;
    // "nach ihren Worten": the possessor speaks, not "Worten"; the pronoun is resolved like any other
    const possessive = nounAfterNach === t + 2 && /^(ihren?|seinen?|ihrer|seiner)$/i.test(tokens[t + 1]!.text);
    const np =
      nounPhraseAt(doc, after === 'von' || after === 'vom' ? noun + 2 : noun + 1, clauseEnd) ?? (possessive ? mention(doc, t + 1, t + 1) : mention(doc, noun, noun));
    return make('source', null, np, t, (np?.last ?? noun) + 1);
  }
  if (word === 'so' && t > sentence.first && (tokens[t - 1]!.text === ',' || QUOTE_MARK_TOKENS.has(tokens[t - 1]!.text))) {
    const np = nounPhraseAt(doc, t + 1, clauseEnd);
    // "…, so der Berater weiter." : the speaker closes the sentence
    if (np && clauseEnd - np.last <= 4) return make('so', null, np, t, clauseEnd);
    return null;
  }
  if ((word === 'heißt' || word === 'hieß') && tokens[t + 1]?.text === 'es') {
    // "In der Erklärung heißt es", "hieß es vom Abgeordneten X", "Aus Paris hieß es": the source is a prepositional object
    const np =
      prepositionalObject(doc, sentence.first, t) ??
      prepositionalObject(doc, t + 2, clauseEnd) ??
      (/^(darin|dort|darüber)$/.test(tokens[t + 2]?.text ?? '') ? documentMentionBefore(doc, sentence.first) : null);
    return make('heisst-es', doc.verbsFor(word)?.[0] ?? null, np);
  }
  const verb = cueVerbAt(doc, t, clauseEnd, sentence);
  if (!verb) return null;
  if (words.anaphoricObjects.has(tokens[clauseFirst]!.text) && clauseFirst === sentence.first && clauseFirst + 1 === finiteVerbIndex(doc, t, verb, clauseFirst + 1)) {
    return make('anaphoric', verb, nounPhraseAfter(doc, clauseFirst + 2, clauseEnd));
  }
  // "Der Vertreter nannte die Sanktionen gerecht und rief die Armee auf, …": a verb after "und" shares the first subject
  const finite = finiteVerbIndex(doc, t, verb, clauseFirst);
  const coordinated = finite > sentence.first + 2 && /^(und|oder|sowie)$/.test(tokens[finite - 1]!.text) ? mainClauseSubjectIn(doc, sentence.first, finite - 1, finite - 1) : null;
  const subject = coordinated ?? subjectOf(doc, t, verb, clauseFirst, clauseEnd, sentence);
  // "Ein Fernsehsender zitierte Papandreou mit den Worten …": the object speaks, the subject relays
  if (verb.lemma === 'zitieren' && subject && !isPassive(doc, t, clauseFirst)) {
    const object = nounPhraseAfter(doc, Math.max(t, subject.last) + 1, clauseEnd);
    if (object) return { ...make('verb', verb, object), relay: subject };
  }
  // "Die Anwendung stellte der Minister in Frage", "Sadiq Khan, einer der Unterzeichner, verurteilte …": the subject
  // names no one, so the best noun phrase of the clause speaks, else of the sentence up to the clause
  const speaker = rankedSpeaker(doc, subject, clauseFirst, clauseEnd, t);
  if (speaker !== null && speakerRank(doc, speaker) >= SPEAKER_RANK_NAMED) return make('verb', verb, speaker);
  return make('verb', verb, rankedSpeaker(doc, speaker, sentence.first, clauseEnd, t));
}

function cueVerbAt(doc: QuoteDocument, t: number, clauseEnd: number, sentence: SentenceInfo): CueVerb | null {
  const tokens = doc.tokens;
  const word = tokens[t]!.text;
  const candidates = doc.verbsFor(word) ?? (t === sentence.first ? doc.verbsFor(lowerFirst(word)) : undefined);
  if (!candidates) return null;
  const before = tokens[t - 1]?.text;
  if (before && doc.words.determiners.has(before)) return null; // "das Sagen"
  // "hatte … erklärt": with an auxiliary before it, "erklärt" is the participle, not the present tense
  let auxiliaryBefore = false;
  for (let k = t - 1; k >= sentence.first && !CLAUSE_BREAKS.has(tokens[k]!.text); k--) {
    if (doc.words.auxiliaries.has(tokens[k]!.text)) auxiliaryBefore = true;
  }
  const ordered = auxiliaryBefore ? [...candidates].sort((a, b) => Number(b.participle) - Number(a.participle)) : candidates;
  for (const verb of ordered) {
    if (verb.particle === null) return verb;
    for (let k = t + 1; k < clauseEnd; k++) if (tokens[k]!.text === verb.particle) return verb;
  }
  return null;
}

/** The finite verb of the clause: the cue itself, or the auxiliary before a participle ("hat … gesagt"). */
function finiteVerbIndex(doc: QuoteDocument, t: number, verb: CueVerb, clauseFirst: number): number {
  if (!verb.participle) return t;
  for (let k = clauseFirst; k < t; k++) if (doc.words.auxiliaries.has(doc.tokens[k]!.text)) return k;
  return t;
}

function subjectOf(doc: QuoteDocument, t: number, verb: CueVerb, clauseFirst: number, clauseEnd: number, sentence: SentenceInfo): SpeakerMention | null {
  const tokens = doc.tokens;
  // "David G., der Parteivorsitzende, begründete …": the verb opens its clause after a verbless subject with apposition
  // "…, die Sprecherin der Fraktion, Sandra Boser (Grüne), erklärte": the verbless parts right before the clause
  const finite = finiteVerbIndex(doc, t, verb, clauseFirst);
  if (finite === clauseFirst && clauseFirst > sentence.first && (tokens[clauseFirst - 1]!.text === ',' || tokens[clauseFirst - 1]!.text === ')') &&
      !QUOTE_MARK_TOKENS.has(tokens[clauseFirst - 2]?.text ?? '')) {
    let chunkStart = clauseFirst - 1;
    for (let k = clauseFirst - 2; k >= sentence.first - 1; k--) {
      if (k >= sentence.first && tokens[k]!.text !== ',') continue;
      if (segmentHasVerb(doc, k + 1, chunkStart)) break;
      chunkStart = k + 1;
      if (k < sentence.first) break;
    }
    const np = chunkStart < clauseFirst - 1 ? nounPhraseAt(doc, chunkStart, clauseFirst) : null;
    if (np) return np;
  }
  const found = subjectInClause(doc, t, verb, clauseFirst, clauseEnd);
  if (found) return found;
  // "Jim DeMint … wollte sich nicht festlegen, sagte aber, …": the subject of the coordinated clause before
  if (clauseFirst > sentence.first && tokens[clauseFirst - 1]!.text === ',') return nounPhraseAt(doc, sentence.first, clauseFirst);
  return null;
}

function subjectInClause(doc: QuoteDocument, t: number, verb: CueVerb, clauseFirst: number, clauseEnd: number): SpeakerMention | null {
  const { tokens, words } = doc;
  const finite = finiteVerbIndex(doc, t, verb, clauseFirst);
  if (finite === clauseFirst) return nounPhraseAfter(doc, finite + 1, clauseEnd);
  const firstToken: Token = tokens[clauseFirst]!;
  const firstWord = firstToken.text;
  const lower = firstWord.toLowerCase();
  // "Deren Haltung bezeichnete er als …": a pronoun right after the verb is the subject
  const afterVerb = tokens[finite + 1];
  if (afterVerb && words.subjectPronouns.has(afterVerb.text) && afterVerb.text !== 'es') return mention(doc, finite + 1, finite + 1);
  // "…, wie die Zeitung schreibt", "und einen Tag nachdem er erklärt hatte": verb-final subordinate clause;
  // "Als Begründung sagte X" is V2
  if (finite >= clauseEnd - 2) {
    for (let k = finite - 1; k >= clauseFirst; k--) {
      if (words.subordinators.has(tokens[k]!.text.toLowerCase()) && (k > clauseFirst || words.subordinators.has(lower))) {
        const np = nounPhraseAt(doc, k + 1, finite);
        if (np) return np;
      }
    }
  }
  if (words.subordinators.has(lower)) return nounPhraseAfter(doc, finite + 1, clauseEnd);
  if (words.skippableAdverbs.has(lower)) {
    // "Auch der Minister sagte": the adverb belongs to the subject when nothing else stands before the verb
    const np = nounPhraseAt(doc, clauseFirst + 1, finite);
    if (np && np.last === finite - 1) return np;
    return nounPhraseAfter(doc, finite + 1, clauseEnd);
  }
  if (words.prepositions.has(lower) || words.anaphoricObjects.has(firstWord) && clauseFirst + 1 === finite || firstToken.kind === 'number') {
    return nounPhraseAfter(doc, finite + 1, clauseEnd);
  }
  // "ließ ein Sprecher … verlauten": a finite verb opens the clause, the subject follows it
  if (/^\p{Ll}/u.test(firstWord) && !words.determiners.has(lower) && !words.subjectPronouns.has(firstWord)) {
    return nounPhraseAfter(doc, clauseFirst + 1, clauseEnd);
  }
  // V2: the one constituent before the finite verb is the subject
  return nounPhraseAt(doc, clauseFirst, finite) ?? nounPhraseAfter(doc, finite + 1, clauseEnd);
}
