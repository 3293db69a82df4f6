/**
 * German noun phrases over tokens, without a parser: a pronoun, a quoted name („RT DE“), or determiner?
 * modifiers* Noun+ with what may follow it (a quoted name, a genitive, a coordinated phrase, a name
 * apposition). These are the candidates for who speaks; speaker-ranking.ts weighs them.
 */
import type { QuotedSpan } from './quote-marks.js';
import { QUOTE_MARK_TOKENS, type QuoteDocument, type SpeakerMention } from './quote-document.js';
import { isModifier, isNameToken, isNounLike } from './word-shapes.de.js';

/** The first noun phrase at or after `from` that is not inside a prepositional phrase. */
export function nounPhraseAfter(doc: QuoteDocument, from: number, end: number): SpeakerMention | null {
  const words = doc.words;
  let t = from;
  while (t < end) {
    const word = doc.tokens[t]!.text;
    const lower = word.toLowerCase();
    if (words.skippableAdverbs.has(lower) || lower === 'sich' || lower === 'es' || words.timesOfWeek.has(word)) {
      t++;
      continue;
    }
    if (words.prepositions.has(lower)) {
      const np = nounPhraseAt(doc, t + 1, end);
      t = np ? np.last + 1 : t + 1;
      continue;
    }
    return nounPhraseAt(doc, t, end);
  }
  return null;
}

/**
 * A noun phrase starting exactly at `from`: a pronoun; a quoted name; or determiner? modifiers* Noun+
 * with what may follow it: a quoted name ("das Magazin „RT DE“"), a genitive ("des Ministeriums"),
 * a coordinated phrase ("Moskau und Peking") and a name apposition ("der Berater, Juri Uschakow,").
 */
export function nounPhraseAt(doc: QuoteDocument, from: number, end: number, coordinate = true): SpeakerMention | null {
  if (from >= end) return null;
  const { tokens, words } = doc;
  if (words.isSentenceAdverb(tokens[from]!.text) && !words.subjectPronouns.has(tokens[from]!.text) && from + 1 < end) {
    return nounPhraseAt(doc, from + 1, end, coordinate);
  }
  const first = tokens[from]!;
  if (words.subjectPronouns.has(first.text)) return mention(doc, from, from);
  const quotedNameEnd = quotedNameEndAt(doc, from);
  if (quotedNameEnd !== null) return mention(doc, from, quotedNameEnd);
  const isDeterminer = words.determiners.has(first.text.toLowerCase());
  let t = isDeterminer ? from + 1 : from;
  // "die beiden Länder", "alle drei Parteien"
  while (isDeterminer && t < end && (words.determiners.has(tokens[t]!.text.toLowerCase()) || tokens[t]!.kind === 'number')) t++;
  const afterDeterminer = isDeterminer ? quotedNameEndAt(doc, t) : null;
  if (afterDeterminer !== null) return mention(doc, from, afterDeterminer);
  // "dem vom Kreml veröffentlichten Papier": a prepositional phrase inside the attribute
  if (isDeterminer && t < end && (tokens[t]!.text === 'vom' || tokens[t]!.text === 'von')) {
    let k = t + 1;
    while (k < end && isNounLike(doc, tokens[k]!)) k++;
    if (k > t + 1 && k < end && isModifier(doc, tokens[k]!)) t = k;
  }
  // "Putins außenpolitischer Berater": a genitive name before the head
  if (!isDeterminer && /^\p{Lu}\p{L}+s$/u.test(first.text) && t + 1 < end && isModifier(doc, tokens[t + 1]!)) t++;
  let modifiers = 0;
  while (t < end && modifiers < 4 && isModifier(doc, tokens[t]!)) {
    t++;
    modifiers++;
  }
  const headStart = t;
  while (t < end && isNounLike(doc, tokens[t]!)) t++;
  if (t === headStart) {
    // "Einer der beteiligten Feuerwehrmänner", "Einige der Demonstranten": a pronoun with its partitive genitive
    if (t === from + 1 && isDeterminer && /^(der|von)$/.test(tokens[t]?.text ?? '')) {
      const whole = nounPhraseAt(doc, t + 1, end, false);
      if (whole) return mention(doc, from, whole.last);
    }
    // "Dieser bestätigte, …", "…, das vorschlug": a demonstrative or relative pronoun stands alone
    return t === from + 1 && isDeterminer ? mention(doc, from, from) : null;
  }
  const quotedAfter = quotedNameEndAt(doc, t);
  if (quotedAfter !== null) t = quotedAfter + 1;
  // genitive attribute: "der Sprecher [des Ministeriums]"
  if (t < end && (tokens[t]!.text === 'des' || tokens[t]!.text === 'der')) {
    let g = t + 1;
    while (g < end && isModifier(doc, tokens[g]!)) g++;
    const genitiveHead = g;
    while (g < end && isNounLike(doc, tokens[g]!)) g++;
    if (g > genitiveHead) t = g;
  }
  // coordination: "Moskau und Peking", "Putin und sein chinesischer Amtskollege Xi Jinping"
  if (coordinate && t + 1 < end && tokens[t]!.text === 'und') {
    const next = nounPhraseAt(doc, t + 1, end, false);
    if (next && !words.subjectPronouns.has(tokens[t + 1]!.text)) t = next.last + 1;
  }
  // apposition: "der Berater des Kremls, Juri Uschakow,"
  if (t < tokens.length && tokens[t]!.text === ',') {
    let a = t + 1;
    while (a < tokens.length && isNameToken(tokens[a]!)) a++;
    const next = tokens[a]?.text;
    if (a - (t + 1) >= 2 && (next === ',' || next === '.' || next === undefined)) t = a;
  }
  return mention(doc, from, t - 1);
}

/** If a short quoted name opens at token `t` („RT DE“, „Die Zeit“), the index of its closing mark token. */
export function quotedNameEndAt(doc: QuoteDocument, t: number): number | null {
  const token = doc.tokens[t];
  if (!token) return null;
  const q = doc.quoted.find((x) => x.open === token.start && x.close - x.open < 60);
  return q && isQuotedName(doc, q) ? doc.tokenAtOrAfter(q.close) : null;
}

/** Speech has lowercase words (verbs, adjectives); a quoted name („Die Zeit“, „BILD am Sonntag“) only capitals and connectors. */
export function isQuotedName(doc: QuoteDocument, q: QuotedSpan): boolean {
  let words = 0;
  for (let t = doc.tokenAtOrAfter(q.open + 1); t < doc.tokens.length && doc.tokens[t]!.start < q.close; t++) {
    const token = doc.tokens[t]!;
    if (token.kind !== 'word') continue;
    words++;
    if (/^\p{Ll}/u.test(token.text) && !doc.words.nameConnectors.has(token.text)) return false;
  }
  return words > 0;
}

/** A noun phrase ending at `last` (for "X zufolge"), walking back to a determiner or the clause start. */
export function nounPhraseEndingAt(doc: QuoteDocument, last: number, clauseFirst: number): SpeakerMention | null {
  const tokens = doc.tokens;
  if (last < clauseFirst || !isNounLike(doc, tokens[last]!)) return null;
  let first = last;
  while (first > clauseFirst && (isNounLike(doc, tokens[first - 1]!) || isModifier(doc, tokens[first - 1]!))) first--;
  if (first > clauseFirst && doc.words.determiners.has(tokens[first - 1]!.text.toLowerCase())) first--;
  // "Dem Pressesprecher des Ministeriums zufolge": walk over a genitive too
  if (first > clauseFirst + 1 && isNounLike(doc, tokens[first - 1]!)) return nounPhraseEndingAt(doc, first - 1, clauseFirst) ?? mention(doc, first, last);
  return mention(doc, first, last);
}

/**
 * The noun phrases of tokens [first, end) in text order, outside prepositional phrases and outside quotes other
 * than `container`. "von X" right after a noun phrase is kept: "das Fazit von Sandra Boser".
 */
export function nounPhrasesIn(doc: QuoteDocument, first: number, end: number, container: number): SpeakerMention[] {
  const { tokens, words } = doc;
  const out: SpeakerMention[] = [];
  let t = first;
  while (t < end) {
    // a quoted name is a noun phrase of its own: "schrieb „Die Zeit“"
    const quotedName = QUOTE_MARK_TOKENS.has(tokens[t]!.text) ? quotedNameEndAt(doc, t) : null;
    if (quotedName !== null) {
      out.push(mention(doc, t, quotedName));
      t = quotedName + 1;
      continue;
    }
    if (doc.quoteOfToken[t] !== container && !doc.isLongQuoteToken(t)) {
      t++;
      continue;
    }
    const lower = tokens[t]!.text.toLowerCase();
    const afterPhrase = out.length > 0 && out[out.length - 1]!.last === t - 1;
    if ((words.prepositions.has(lower) || words.sourcePrepositions.has(lower)) && !(afterPhrase && (lower === 'von' || lower === 'vom'))) {
      // the object of the preposition, or at least its nouns ("an sechs Bundesminister")
      const object = nounPhraseAt(doc, t + 1, end);
      let next = t + 1;
      if (object) next = object.last + 1;
      else {
        while (next < end && next < t + 4 && !isNounLike(doc, tokens[next]!)) next++;
        while (next < end && isNounLike(doc, tokens[next]!)) next++;
      }
      t = next;
      continue;
    }
    const np = words.prepositions.has(lower) ? nounPhraseAt(doc, t + 1, end) : nounPhraseAt(doc, t, end);
    if (np) {
      out.push(np);
      t = np.last + 1;
    } else t++;
  }
  return out;
}

/** The object of the first prepositional phrase in [from, end): "in [der Erklärung]", "vom [Abgeordneten X]". Quoted words are skipped. */
export function prepositionalObject(doc: QuoteDocument, from: number, end: number): SpeakerMention | null {
  for (let k = from; k < end; k++) {
    if (doc.quoteOfToken[k] !== -1 && !doc.isLongQuoteToken(k)) continue;
    const lower = doc.tokens[k]!.text.toLowerCase();
    if (doc.words.prepositions.has(lower) || lower === 'vom') {
      const np = nounPhraseAt(doc, k + 1, end);
      if (np) return np;
    }
  }
  return null;
}

/** "heißt es darin": the last document named before ("die gemeinsame Erklärung", "das Papier"), within three sentences. */
export function documentMentionBefore(doc: QuoteDocument, before: number): SpeakerMention | null {
  const { tokens, words } = doc;
  const limit = Math.max(0, doc.sentences[Math.max(0, (doc.sentenceOfToken[before] ?? 0) - 3)]?.first ?? 0);
  for (let k = before - 1; k >= limit; k--) {
    if (!words.documentNouns.has(tokens[k]!.text)) continue;
    let first = k;
    while (first > limit && (isModifier(doc, tokens[first - 1]!) || words.determiners.has(tokens[first - 1]!.text.toLowerCase()))) first--;
    return mention(doc, first, k);
  }
  return null;
}

/** The mention of tokens [first, last]; a pronoun shows the name it most likely stands for, a phrase drops its article. */
export function mention(doc: QuoteDocument, first: number, last: number): SpeakerMention {
  const text = doc.text.slice(doc.tokens[first]!.start, doc.tokens[last]!.end);
  if (first === last && doc.words.subjectPronouns.has(text)) {
    const named = nameRunBefore(doc, first);
    const closest = named && (!doc.lastNamed || named.last > doc.lastNamed.last) ? named : doc.lastNamed;
    return { first, last, display: closest?.display ?? text };
  }
  const display = text.replace(/^(der|die|das|den|dem|des|ein|eine|einer|eines|einem|einen)\s+/i, '');
  return { first, last, display };
}

/** The nearest run of two or more capitalised name words before token t ("Ministerpräsident Karl Ostermann"), within 80 tokens. */
function nameRunBefore(doc: QuoteDocument, t: number): SpeakerMention | null {
  const tokens = doc.tokens;
  const isName = (k: number) => isNameToken(tokens[k]!) && isNounLike(doc, tokens[k]!);
  for (let k = t - 1; k >= Math.max(0, t - 80); k--) {
    if (!isName(k)) continue;
    let first = k;
    while (first > 0 && isName(first - 1)) first--;
    if (k - first >= 1) return { first, last: k, display: doc.text.slice(tokens[first]!.start, tokens[k]!.end) };
    k = first;
  }
  return null;
}
