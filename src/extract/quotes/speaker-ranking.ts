/**
 * How well a noun phrase names a speaker. A speech cue's grammatical subject is not always the speaker:
 * German moves objects to the front ("Die Anwendung stellte der Minister in Frage: „…“"), and a colon may
 * follow any clause ("Seine Zuversicht gründet sich auf …: „…“"). So the noun phrases of a clause are
 * ranked: a person; an office, institution, outlet or a pronoun; another noun; an abstract noun, an adverb or "es".
 */
import { ENTITY_LOCATION, ENTITY_ORGANIZATION, ENTITY_PERSON, QUOTE_MARK_TOKENS, type QuoteDocument, type SpeakerMention } from './quote-document.js';
import { isQuotedName, nounPhrasesIn } from './noun-phrases.js';
import { isNounLike } from './word-shapes.de.js';

export const SPEAKER_RANK_PERSON = 3;
/** A cue's subject below this rank gives way to a better noun phrase of its clause. */
export const SPEAKER_RANK_NAMED = 2;
export const SPEAKER_RANK_OTHER = 1;

/**
 * SPEAKER_RANK_* of a mention: the best of its heads, the runs of nouns that are not genitive or prepositional
 * attributes ("der Leiter der Studie, Paula Sommer": "Leiter" and "Paula Sommer", not "Studie").
 */
export function speakerRank(doc: QuoteDocument, m: SpeakerMention): number {
  const first = doc.tokens[m.first]!.text;
  if (m.first === m.last && doc.words.subjectPronouns.has(first)) return first.toLowerCase() === 'es' ? 0 : SPEAKER_RANK_NAMED;
  // a quoted name („Die Zeit“, die Zeitung „Le Monde“) names someone; quoted words („falsch“, „ein großer Erfolg“) do not
  const quoteMark = QUOTE_MARK_TOKENS.has(first) ? m.first : QUOTE_MARK_TOKENS.has(doc.tokens[m.first + 1]?.text ?? '') ? m.first + 1 : -1;
  if (quoteMark >= 0) {
    const q = doc.quoted.find((x) => x.open === doc.tokens[quoteMark]!.start);
    return q && isQuotedName(doc, q) ? SPEAKER_RANK_NAMED : 0;
  }
  // "den Bericht", "dem Minister": accusative and dative phrases are objects, never the one who speaks
  if (doc.words.objectCaseDeterminers.has(first)) return Math.min(SPEAKER_RANK_OTHER, speakerRankOfHeads(doc, m));
  return speakerRankOfHeads(doc, m);
}

function speakerRankOfHeads(doc: QuoteDocument, m: SpeakerMention): number {
  const { tokens, words } = doc;
  const first = tokens[m.first]!.text;
  // "dieser", "der": a demonstrative or relative pronoun stands for someone named before
  let best = m.first === m.last && words.determiners.has(first.toLowerCase()) ? SPEAKER_RANK_OTHER : 0;
  let attribute = false;
  let runFirst = -1;
  let headSeen = false;
  for (let t = m.first; t <= m.last; t++) {
    const token = tokens[t]!;
    const lower = token.text.toLowerCase();
    if (token.text === ',' || lower === 'und' || token.text === '(' || token.text === '–') {
      attribute = false;
      continue;
    }
    // attributes: "der Leiter [der Studie]", "die [vom Präsidenten] gebilligte Aktion"; "Einer der Männer" has its head after "der"
    if (words.prepositions.has(lower) || (headSeen && (lower === 'des' || lower === 'der'))) attribute = true;
    if (attribute || !isNounLike(doc, token)) {
      runFirst = -1;
      continue;
    }
    if (runFirst < 0) runFirst = t;
    headSeen = true;
    if (t < m.last && isNounLike(doc, tokens[t + 1]!)) continue;
    best = Math.max(best, nounRunRank(doc, runFirst, t));
  }
  return best;
}

/** Rank of a run of nouns by its last word, and a person when an office precedes a name ("Präsident Gusmão"). */
function nounRunRank(doc: QuoteDocument, first: number, last: number): number {
  // "die Handlungsweise Kozulins": a genitive name after the head is an attribute
  const genitiveName = last > first && doc.entityOfToken[last] === ENTITY_PERSON && doc.entityOfToken[last - 1] !== ENTITY_PERSON && /s$/.test(doc.tokens[last]!.text);
  if (genitiveName) return nounRunRank(doc, first, last - 1);
  const head = tokenSpeakerRank(doc, last);
  for (let t = first; t < last; t++) {
    if (doc.words.isPersonNoun(doc.tokens[t]!.text)) return head >= SPEAKER_RANK_OTHER ? SPEAKER_RANK_PERSON : Math.max(head, SPEAKER_RANK_NAMED);
  }
  return head;
}

function tokenSpeakerRank(doc: QuoteDocument, t: number): number {
  const entity = doc.entityOfToken[t];
  if (entity === ENTITY_PERSON) return SPEAKER_RANK_PERSON;
  const word = doc.tokens[t]!.text;
  if (entity === ENTITY_ORGANIZATION || doc.words.isPersonNoun(word) || doc.words.isInstitutionNoun(word)) return SPEAKER_RANK_NAMED;
  if (entity === ENTITY_LOCATION || !doc.words.isAbstractNoun(word)) return SPEAKER_RANK_OTHER;
  return 0;
}

/**
 * The speaker of a cue: its grammatical subject when that names someone (SPEAKER_RANK_NAMED or better), else the
 * best-ranked noun phrase of tokens [first, end), the nearest to `anchor` among equals ("Die Anwendung stellte
 * der Minister in Frage" → der Minister). A subject that names no one and has no better rival is dropped.
 */
export function rankedSpeaker(doc: QuoteDocument, subject: SpeakerMention | null, first: number, end: number, anchor: number): SpeakerMention | null {
  const subjectRank = subject ? speakerRank(doc, subject) : -1;
  if (subjectRank >= SPEAKER_RANK_NAMED) return subject;
  let best: SpeakerMention | null = null;
  let bestRank = SPEAKER_RANK_NAMED;
  for (const np of nounPhrasesIn(doc, first, end, doc.quoteOfToken[anchor] ?? -1)) {
    const rank = speakerRank(doc, np);
    if (rank < bestRank) continue;
    if (best === null || rank > bestRank || Math.abs(np.first - anchor) < Math.abs(best.first - anchor)) {
      best = np;
      bestRank = rank;
    }
  }
  return best ?? (subjectRank >= SPEAKER_RANK_OTHER ? subject : null);
}
