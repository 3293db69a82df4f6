/**
 * Quotes and their speakers in German news: direct quotes in any quotation marks, partial quotes,
 * indirect speech (cue verb + complement clause, "laut X", "X zufolge", "nach Angaben von X", "so X",
 * Konjunktiv continuations) and "Dies berichtete X" for the sentence before. Rules over tokens and
 * sentences; no parser. Scare quotes and titles are left out.
 */
import type { EntityMention, Quote } from '../../article.js';
import type { Sentence } from '../../text/sentences.js';
import { tokenIndexAt, type Token } from '../../text/tokenize.js';
import { findQuotedSpans, type QuotedSpan } from './quote-marks.js';
import type { CueVerb, ReportingVerbLexicon } from './reporting-verbs.js';
import {
  ANAPHORIC_OBJECTS_DE,
  DETERMINERS_DE,
  PREPOSITIONS_DE,
  REPORTED_SPEECH_VERB_FORMS_DE,
  SKIPPABLE_ADVERBS_DE,
  SOURCE_NOUNS_AFTER_NACH_DE,
  SOURCE_POSTPOSITIONS_DE,
  SOURCE_PREPOSITIONS_DE,
  SUBJECT_PRONOUNS_DE,
  SUBORDINATORS_DE,
} from './speech-patterns.de.js';
import { ABSTRACT_NOUN_DE, INSTITUTION_NOUN_DE, PERSON_NOUN_DE } from './speaker-nouns.de.js';

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

/** A mention of who speaks: token range, and the name to show (a pronoun shows the name it stands for). */
interface SpeakerMention {
  readonly first: number;
  readonly last: number;
  readonly display: string;
}

type CueKind = 'verb' | 'source' | 'so' | 'anaphoric' | 'heisst-es';

/** A place in a sentence that names a source of speech. */
interface Cue {
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

interface SentenceInfo {
  readonly span: Sentence;
  /** Token range [first, end). */
  readonly first: number;
  readonly end: number;
  readonly cues: Cue[];
}

const ENTITY_PERSON = 1;
const ENTITY_ORGANIZATION = 2;
const ENTITY_LOCATION = 3;
const ENTITY_CODE: Readonly<Record<EntityMention['type'], number>> = { person: ENTITY_PERSON, organization: ENTITY_ORGANIZATION, location: ENTITY_LOCATION, other: 4 };
/**
 * How well a noun phrase names a speaker: a person; an office, institution, outlet or a pronoun;
 * another noun; an abstract noun, an adverb or "es". A cue's subject below SPEAKER_RANK_NAMED gives way
 * to a better noun phrase of its clause.
 */
const SPEAKER_RANK_PERSON = 3;
const SPEAKER_RANK_NAMED = 2;
const SPEAKER_RANK_OTHER = 1;
const OBJECT_CASE_DETERMINERS_DE = new Set(['den', 'dem', 'einen', 'einem', 'Den', 'Dem', 'Einen', 'Einem']);
/** Modal verbs: finite verbs, never adjectives before a noun ("Das musste Minister X einräumen"). */
const MODAL_VERBS_DE = new Set(['muss', 'musste', 'müsse', 'müssen', 'mussten', 'kann', 'konnte', 'könne', 'können', 'konnten', 'will', 'wollte', 'wolle', 'wollen', 'wollten', 'soll', 'sollte', 'solle', 'sollen', 'sollten', 'darf', 'durfte', 'dürfe', 'dürfen', 'durften']);
const CLAUSE_BREAKS = new Set([',', ':', ';', '–', '—', '„', '“', '”', '»', '«', '"', '‚', '‘']);
const QUOTE_MARK_TOKENS = new Set(['„', '“', '”', '»', '«', '"', '‚', '‘', '’', '›', '‹']);
const AUXILIARIES_DE = new Set(['hat', 'hatte', 'habe', 'haben', 'hatten', 'ist', 'war', 'sei', 'wurde', 'wird', 'werde', 'worden', 'sind', 'waren']);
/** A noun right before a short quote that makes it a title or name: die Zeitung „Die Welt“. */
const TITLE_NOUNS_DE = /^(Zeitung|Zeitschrift|Magazin|Blatt|Sender|Sendung|Film|Buch|Roman|Lied|Song|Album|Titel|Motto|Slogan|Operation|Projekt|Programm|Aktion|Kampagne|Schiff|Mission|Initiative|Stück|Serie|Show|Spiel|Gruppe|Band|Verein|Partei|Bündnis|Plattform|Portal|Website|Kolumne|Rubrik|Kodename|Namen?|Begriff|Wort|Stichwort|Schlagwort|Ausdruck)$/;
const TERMINAL_PUNCTUATION = /[.!?…]\s*$/;
/** Verbs that call something by a word: "bezeichnete X als „beispiellos“", "nannte es „Wortbruch“". */
const NAMING_VERB_LEMMAS = new Set(['bezeichnen', 'nennen', 'werten', 'verurteilen', 'weisen', 'kritisieren', 'loben', 'beschreiben']);
/** Time words that follow a name without belonging to it: "sagte Putin Anfang Februar", "Xi am Montag". */
const TIME_NOUNS_DE = /^(Anfang|Ende|Mitte|Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag|Montagabend|Dienstagabend|Mittwochabend|Donnerstagabend|Freitagabend|Samstagabend|Sonntagabend|Wochenende|Vormittag|Nachmittag|Abend|Morgen|Mittag)$/;
/** Documents that speak in "heißt es darin": the statement, the paper, the report. */
const DOCUMENT_NOUNS_DE = /^(Erklärung|Papier|Dokument|Bericht|Mitteilung|Pressemitteilung|Text|Statement|Resolution|Abschlusserklärung|Schreiben|Brief|Stellungnahme|Kommuniqué|Communiqué|Beschluss|Urteil|Studie|Gutachten|Vereinbarung|Abkommen|Vertrag|Entwurf|Gesetzentwurf|Antrag|Anordnung)$/;
/** Verbs that report a speech act with a plain object ("fordert eine Untersuchung", "spricht von Betrug"). */
const REPORTED_SPEECH_ACT_LEMMAS = new Set(['fordern', 'sprechen', 'berichten', 'nennen', 'warnen', 'kritisieren', 'bestätigen', 'kündigen', 'erklären', 'teilen', 'melden', 'geben', 'verlangen', 'bestreiten', 'dementieren', 'beklagen', 'loben', 'verurteilen', 'bezeichnen', 'werfen', 'schlagen', 'rufen', 'appellieren', 'mahnen', 'räumen', 'weisen', 'äußern', 'begrüßen', 'bedauern', 'versprechen', 'zitieren', 'prangern', 'behaupten']);
/** Lowercase words after „…“, that start something other than an attribution ("…“, und …", "…“, die …"). */
const NOT_VERBS_AFTER_QUOTE = new Set(['und', 'oder', 'aber', 'sondern', 'denn', 'dass', 'weil', 'wenn', 'als', 'wie', 'die', 'der', 'das', 'den', 'dem', 'des', 'was', 'wo', 'ob', 'so', 'um', 'da', 'nachdem', 'während', 'obwohl', 'welche', 'welcher', 'welches', 'ein', 'eine', 'einen', 'einem', 'einer', 'in', 'im', 'mit', 'von', 'für', 'auf', 'zu', 'bei', 'nach', 'an']);
/** Lowercase words that occur inside names and titles: „BILD am Sonntag“, „Rat für Demokratie“, „Correio da Manhã“. */
const NAME_CONNECTORS = new Set(['am', 'im', 'der', 'die', 'das', 'des', 'dem', 'den', 'für', 'und', 'von', 'vom', 'zu', 'zum', 'zur', 'de', 'da', 'do', 'del', 'la', 'le', 'les', 'of', 'the', 'for', 'and', 'in', 'an', 'auf', 'e', 'y', 'et', 'di']);
/** Capitalised at a sentence start but never a noun: "So bezeichnete er …", "Angesichts …", "Relativierend fügte er hinzu". */
const SENTENCE_ADVERB_DE = /^(So|Angesichts|Trotz|Wegen|Dennoch|Deshalb|Daher|Darauf|Daraufhin|Demnach|Demgegenüber|Dagegen|Hingegen|Inzwischen|Mittlerweile|Zunächst|Schließlich|Bislang|Bisher|Zuletzt|Zugleich|Gleichzeitig|Ebenso|Allerdings|Jedoch|Vielmehr|Stattdessen|Insgesamt|Zudem|Außerdem|Auch|Dabei|Dazu|Damit|Darüber|Hierzu|Hier|Dort|Nun|Jetzt|Heute|Gestern|Morgen|Später|Zuvor|Vorher|Anschließend|Danach|Erst|Noch|Bereits|Schon|Immer|Weiter|Erneut|Kürzlich|Ferner|Laut|Wie|Als|Nachdem|Während|Weil|Obwohl|Wenn|Bevor|Dass|Ob|Es|Man|Selbst|Zwar|Besonders|Tatsächlich|Letztlich|Insbesondere|Derzeit|Aktuell|Gerade|Vielleicht|Offenbar|Unmissverständlich|Ausdrücklich|Ursprünglich|\p{Lu}\p{Ll}+end)$/u;

export function makeQuoteFinder(verbs: ReportingVerbLexicon, options: Partial<QuoteOptions> = {}): QuoteFinder {
  const opts = { ...DEFAULT_QUOTE_OPTIONS, ...options };
  return (text, tokens, sentences, entities = []) => findQuotes(text, tokens, sentences, entities, verbs, opts);
}

function findQuotes(
  text: string,
  tokens: readonly Token[],
  sentences: readonly Sentence[],
  entities: readonly EntityMention[],
  verbs: ReportingVerbLexicon,
  opts: QuoteOptions,
): Quote[] {
  if (tokens.length === 0) return [];
  const quoted = findQuotedSpans(text);
  const analysis = new TextAnalysis(text, tokens, sentences, quoted, verbs, entities);
  const direct = analysis.directQuotes(opts);
  const quotes = [...direct, ...analysis.indirectQuotes(opts, direct)].sort((a, b) => a.start - b.start || b.end - a.end);
  return analysis.continueSpeakers(quotes, opts);
}

class TextAnalysis {
  private readonly sentenceOfToken: Int32Array;
  private readonly sentences: SentenceInfo[];
  /** Per token: index of the innermost quoted span containing it (between the marks), or -1. */
  private readonly quoteOfToken: Int32Array;
  /** Per token: the type of the entity it belongs to (ENTITY_PERSON, …), 0 for none. */
  private readonly entityOfToken: Uint8Array;
  /** Speakers named so far, in text order, for pronouns and continuations. */
  private lastNamed: SpeakerMention | null = null;

  constructor(
    private readonly text: string,
    private readonly tokens: readonly Token[],
    sentenceSpans: readonly Sentence[],
    private readonly quoted: readonly QuotedSpan[],
    private readonly verbs: ReportingVerbLexicon,
    entities: readonly EntityMention[],
  ) {
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
    for (const sentence of this.sentences) sentence.cues.push(...this.findCues(sentence));
  }

  // ---------------------------------------------------------------- direct quotes

  directQuotes(opts: QuoteOptions): Quote[] {
    const out: Quote[] = [];
    let previous: { speaker: SpeakerMention | null; sentence: number } | null = null;
    for (const q of this.quoted) {
      const first = this.tokenAtOrAfter(q.open + 1);
      let words = 0;
      for (let t = first; t < this.tokens.length && this.tokens[t]!.start < q.close; t++) {
        if (this.tokens[t]!.kind === 'word' || this.tokens[t]!.kind === 'number') words++;
      }
      const sentenceIndex = this.sentenceOfToken[this.tokenAtOrAfter(q.open)] ?? -1;
      const sentence = this.sentences[sentenceIndex];
      if (!sentence) continue;
      const cue = this.cueForQuote(q, sentence);
      // "bezeichnete die Beziehungen als „beispiellos“": a one-word quote a speaker is said to use
      const named = words === 1 && this.tokens[this.tokenBefore(q.open)]?.text === 'als' && sentence.cues.some((c) => c.verb && NAMING_VERB_LEMMAS.has(c.verb.lemma));
      if (words < opts.minQuoteWords && !named) continue;
      const inner = this.text.slice(q.open + 1, q.close);
      const sentenceHasSpeech = sentence.cues.length > 0 || this.hasReportedSpeechForm(sentence.first, sentence.end);
      if (words <= opts.maxUncuedPartialWords && !TERMINAL_PUNCTUATION.test(inner) && !sentenceHasSpeech) continue;
      if (words <= 12 && !TERMINAL_PUNCTUATION.test(inner) && (this.isTitle(q) || (!sentenceHasSpeech && this.looksLikeTitle(q)))) continue;

      const partial = !this.coversSentence(q, sentence);
      // "Der Präsident konstatierte eine wachsende „Kluft …“": without a cue, the sentence's subject before the last speaker
      let speaker = cue?.speaker ?? (partial ? this.mainClauseSubject(sentence, this.tokenAtOrAfter(q.open)) : null);
      // "Sie entwickelten sich „…“": an uncued pronoun subject refers back, most likely to the speaker before
      if (!cue && speaker && previous && SUBJECT_PRONOUNS_DE.has(this.tokens[speaker.first]!.text) && sentenceIndex - previous.sentence <= opts.continuationSentences) {
        speaker = previous.speaker;
      }
      // "Der Bruder des Papstes, Georg Ratzinger, war eingeweiht. „…“": someone named as the subject of the sentence before a
      // quote with no speaker of its own, when nobody was quoted there, speaks rather than an earlier speaker
      // (a headline without a full stop is no such sentence)
      const before = this.sentences[sentenceIndex - 1];
      if (!speaker && before && this.tokens[before.end - 1]?.text === '.' && (!previous || previous.sentence < sentenceIndex - 1)) {
        const subject = this.mainClauseSubject(before, before.end);
        if (subject && this.speakerRank(subject) >= SPEAKER_RANK_NAMED) speaker = subject;
      }
      if (!speaker && previous && sentenceIndex - previous.sentence <= opts.continuationSentences) speaker = previous.speaker;
      out.push(this.makeQuote(q.open, q.close + 1, 'direct', speaker, cue, partial));
      if (speaker) previous = { speaker, sentence: sentenceIndex };
    }
    return out;
  }

  /** The cue that attributes a quoted span: after it ("…“, sagte X"), before it ("X sagte: „…“"), or in the sentence before ("Er erklärte:"). */
  private cueForQuote(q: QuotedSpan, sentence: SentenceInfo): Cue | null {
    const closeToken = this.tokenAtOrAfter(q.close);
    const openToken = this.tokenAtOrAfter(q.open);
    const container = this.quoteOfToken[openToken]!;
    const usable = (c: Cue) => c.speaker !== null && this.quoteOfToken[c.at] === container;
    // a quote of several sentences is attributed after its last one: "„… . … .“, sagte der Papst."
    const closing = this.sentences[this.sentenceOfToken[closeToken] ?? -1] ?? sentence;
    // after: only punctuation between the closing mark and the cue clause
    // "Der Präsident habe erklärt, dass er „…“ verstehe, so der Berater weiter": the clause's own speaker speaks,
    // the one named by "so" at the end relays
    const closingSo = closing.cues.find((c) => usable(c) && c.kind === 'so' && c.at > closeToken);
    const ownVerb = [...sentence.cues].reverse().find((c) => usable(c) && c.kind === 'verb' && c.at < openToken && !this.colonBetween(c.at, openToken));
    if (closingSo && ownVerb) return { ...ownVerb, relay: closingSo.speaker };
    // "laut Klinikdirektor Beckmann „…“": a source named right before the quote attributes it
    const adjacentSource = sentence.cues.find((c) => usable(c) && c.kind === 'source' && c.speaker!.last === openToken - 1);
    if (adjacentSource) return adjacentSource;
    const after = closing.cues.find((c) => usable(c) && c.at > closeToken && c.clauseFirst <= closeToken + 2);
    if (after) return after;
    // "„…“, strich Romney heraus": a verb and a noun phrase right after the quote attribute it
    if (this.tokens[closeToken + 1]?.text === ',') {
      const verb = this.tokens[closeToken + 2];
      if (verb && verb.kind === 'word' && /^\p{Ll}/u.test(verb.text) && !NOT_VERBS_AFTER_QUOTE.has(verb.text)) {
        const [, end] = this.clauseAround(closeToken + 2, closing);
        const np = this.nounPhraseAfter(closeToken + 3, end);
        if (np) return { kind: 'verb', at: closeToken + 2, word: verb.text, verb: null, speaker: np, clauseFirst: closeToken + 2, clauseEnd: end };
      }
    }
    const colonSpeaker = this.subjectBeforeColon(openToken, sentence);
    // "X kritisierte die Haltung Ys, der zum Sturm aufgerufen hatte, als „…“": a relative clause's verb does not attribute
    const before = [...sentence.cues].reverse().find((c) => usable(c) && c.at < openToken && !this.isRelativeClause(c.clauseFirst)) ??
      [...sentence.cues].reverse().find((c) => usable(c) && c.at < openToken);
    if (before && (!colonSpeaker || before.clauseEnd >= openToken - 2)) return before;
    if (colonSpeaker) return { kind: 'verb', at: openToken, word: ':', verb: null, speaker: colonSpeaker, clauseFirst: openToken, clauseEnd: openToken };
    // "ElBaradei („Mir fällt …“)": a quote in brackets after a name
    if (this.tokens[openToken - 1]?.text === '(') {
      const np = this.nounPhraseEndingAt(openToken - 2, sentence.first);
      if (np) return { kind: 'verb', at: openToken, word: '(', verb: null, speaker: np, clauseFirst: openToken, clauseEnd: openToken };
    }
    const later = closing.cues.find((c) => usable(c) && c.at > closeToken);
    if (later) return later;
    // "Kirby fügte hinzu:" closing the sentence before
    const si = this.sentences.indexOf(sentence);
    const prev = this.sentences[si - 1];
    // "Kirby fügte hinzu:" ending the sentence before, or "Khan verurteilte die Haltung. „…“" before a quote that is a sentence
    if (prev && (this.tokens[prev.end - 1]?.text === ':' || this.coversSentence(q, sentence))) {
      const cue = [...prev.cues].reverse().find(usable);
      if (cue) return cue;
    }
    // "„…“ Das sagte X."
    const next = this.sentences[si + 1];
    if (next && this.coversSentence(q, sentence)) {
      const anaphoric = next.cues.find((c) => c.kind === 'anaphoric' && c.speaker);
      if (anaphoric) return anaphoric;
    }
    return null;
  }

  /** "Münteferin stellte das ebenfalls in Frage: „…“": the subject of the clause ending in the colon before the quote. */
  // A colon intro must name someone: "Kern des Textes ist: „…“" names no speaker.
  private subjectBeforeColon(openToken: number, sentence: SentenceInfo): SpeakerMention | null {
    if (this.tokens[openToken - 1]?.text !== ':' || openToken - 1 <= sentence.first) return null;
    const colon = openToken - 1;
    let first = colon;
    while (first > sentence.first && !CLAUSE_BREAKS.has(this.tokens[first - 1]!.text)) first--;
    // "Sie warnte vor X, wenn …: „…“": the main clause, not the subordinate one before the colon
    while (first > sentence.first + 1 && SUBORDINATORS_DE.has(this.tokens[first]!.text.toLowerCase())) {
      first--;
      while (first > sentence.first && !CLAUSE_BREAKS.has(this.tokens[first - 1]!.text)) first--;
    }
    // "warnte der Geschäftsführer, Heiner Kolb, die Regierung in einem Brief: „…“": a part without a verb continues the
    // clause before; "…, bei der Wahl würden nicht alle stimmen: „…“": reported content belongs to the clause that reports it
    while (first > sentence.first && this.tokens[first - 1]!.text === ',' && (!this.segmentHasVerb(first, colon) || this.hasReportedSpeechForm(first, colon))) {
      first--;
      while (first > sentence.first && !CLAUSE_BREAKS.has(this.tokens[first - 1]!.text)) first--;
    }
    // "Der Leiter der Studie, Paula Sommer, sieht die Verantwortung beim Staat: „…“": the subject may stand before the clause
    const clauseSpeaker = this.rankedSpeaker(this.colonClauseSubject(first, colon), first, colon, colon);
    const speaker = clauseSpeaker && this.speakerRank(clauseSpeaker) >= SPEAKER_RANK_NAMED ? clauseSpeaker : this.rankedSpeaker(null, sentence.first, colon, colon);
    return speaker && this.speakerRank(speaker) >= SPEAKER_RANK_NAMED ? speaker : null;
  }

  /** The grammatical subject of the clause [first, colon). */
  private colonClauseSubject(first: number, colon: number): SpeakerMention | null {
    // the finite verb: the first lowercase word that is not part of a noun phrase
    let finite = first;
    while (finite < colon && !this.segmentHasVerb(finite, finite + 1)) finite++;
    if (finite >= colon) {
      // "BKA-Präsident Ziercke: „…“"
      const np = this.nounPhraseAt(first, colon);
      return np && np.last === colon - 1 ? np : null;
    }
    if (finite === first) return this.nounPhraseAfter(finite + 1, colon);
    const lower = this.tokens[first]!.text.toLowerCase();
    if (PREPOSITIONS_DE.has(lower) || SKIPPABLE_ADVERBS_DE.has(lower) || SENTENCE_ADVERB_DE.test(this.tokens[first]!.text)) {
      return this.nounPhraseAfter(finite + 1, colon);
    }
    return this.nounPhraseAt(first, finite) ?? this.nounPhraseAfter(finite + 1, colon);
  }

  /**
   * The subject of the main clause that opens the sentence, up to the quote at `openToken`: the noun phrase before
   * the finite verb, or after it when something else stands first ("Unmissverständlich sagt das Gericht …"). Only a
   * subject that names someone (SPEAKER_RANK_NAMED); none in a subordinate clause or in reported speech ("Bisher
   * habe die Regierung „…“ ausgeschlossen" continues the speaker before).
   */
  private mainClauseSubject(sentence: SentenceInfo, openToken: number): SpeakerMention | null {
    const first = sentence.first;
    let end = first;
    // quoted names and labels inside the clause do not end it ("Unter dem Motto „…“ zogen die Demonstranten …")
    while (end < openToken && (!CLAUSE_BREAKS.has(this.tokens[end]!.text) || QUOTE_MARK_TOKENS.has(this.tokens[end]!.text))) end++;
    if (end - first < 2 || SUBORDINATORS_DE.has(this.tokens[first]!.text.toLowerCase())) return null;
    if (this.hasReportedSpeechForm(first, end) || this.isPassive(end, first)) return null;
    const subject = this.mainClauseSubjectIn(first, end, openToken);
    return subject && this.speakerRank(subject) >= SPEAKER_RANK_NAMED ? subject : null;
  }

  /** The subject of the clause [first, end); an opening noun phrase may run on past `end` up to `limit` with an apposition. */
  private mainClauseSubjectIn(first: number, end: number, limit: number): SpeakerMention | null {
    const opening = this.nounPhraseAt(first, end);
    // the comma closing an apposition: "Der Bruder des Papstes, Georg Ratzinger, war …"
    const afterOpening = !opening ? -1 : this.tokens[opening.last + 1]?.text === ',' && opening.last >= end ? opening.last + 2 : opening.last + 1;
    if (opening && afterOpening < limit && /^\p{Ll}/u.test(this.tokens[afterOpening]!.text) && this.segmentHasVerb(afterOpening, afterOpening + 1)) {
      return this.rankedSpeaker(opening, first, Math.max(end, afterOpening), afterOpening);
    }
    let finite = first + 1;
    const container = this.quoteOfToken[first];
    while (finite < end && !(this.quoteOfToken[finite] === container && /^\p{Ll}/u.test(this.tokens[finite]!.text) && this.segmentHasVerb(finite, finite + 1))) finite++;
    if (finite >= end) return null;
    return this.rankedSpeaker(this.nounPhraseAfter(finite + 1, end), first, end, finite);
  }

  /** A clause opened by a relative pronoun after a comma: "…, der zum Sturm aufgerufen hatte". */
  private isRelativeClause(clauseFirst: number): boolean {
    return this.tokens[clauseFirst - 1]?.text === ',' && /^(der|die|das|welcher|welche|welches|dessen|deren)$/.test(this.tokens[clauseFirst]?.text ?? '');
  }

  private colonBetween(first: number, end: number): boolean {
    for (let k = first; k < end; k++) if (this.tokens[k]!.text === ':') return true;
    return false;
  }

  /** A name or title in quotation marks: die Zeitung „Die Welt“, „Aktion Deutschland hilft“, „BILD am Sonntag“. */
  private isTitle(q: QuotedSpan): boolean {
    const before = this.tokenBefore(q.open);
    return (before >= 0 && TITLE_NOUNS_DE.test(this.tokens[before]!.text)) || this.isQuotedName(q);
  }

  /** „Ärzte ohne Grenzen“, „Rat für nationale Sicherheit“: capitalised, mostly capitals, no verb (a name, where nobody speaks). */
  private looksLikeTitle(q: QuotedSpan): boolean {
    const first = this.tokenAtOrAfter(q.open + 1);
    const end = this.tokenAtOrAfter(q.close);
    if (first >= end || !/^\p{Lu}/u.test(this.tokens[first]!.text) || this.segmentHasVerb(first, end)) return false;
    let words = 0;
    let capitalised = 0;
    for (let t = first; t < end; t++) {
      if (this.tokens[t]!.kind !== 'word') continue;
      words++;
      if (/^\p{Lu}/u.test(this.tokens[t]!.text)) capitalised++;
    }
    return capitalised * 2 >= words;
  }

  /** Speech has lowercase words (verbs, adjectives); a quoted name („Die Zeit“, „BILD am Sonntag“) only capitals and connectors. */
  private isQuotedName(q: QuotedSpan): boolean {
    let words = 0;
    for (let t = this.tokenAtOrAfter(q.open + 1); t < this.tokens.length && this.tokens[t]!.start < q.close; t++) {
      const token = this.tokens[t]!;
      if (token.kind !== 'word') continue;
      words++;
      if (/^\p{Ll}/u.test(token.text) && !NAME_CONNECTORS.has(token.text)) return false;
    }
    return words > 0;
  }

  private coversSentence(q: QuotedSpan, sentence: SentenceInfo): boolean {
    const sentenceText = this.text.slice(sentence.span.start, sentence.span.end);
    const quoteLength = q.close + 1 - q.open;
    return quoteLength >= 0.6 * sentenceText.length;
  }

  /**
   * A quote nobody is named for continues the speaker of the quote before it, when that one is
   * close ("Besonders betroffen seien Menschen aus „bildungsfernen Elternhäusern“" after "Die dpa berichtete, …").
   */
  continueSpeakers(quotes: readonly Quote[], opts: QuoteOptions): Quote[] {
    let last: Quote | null = null;
    return quotes.map((q) => {
      let out = q;
      if (q.speaker === null && last !== null) {
        const distance = this.sentenceIndexAt(q.start) - this.sentenceIndexAt(last.start);
        if (distance >= 0 && distance <= opts.continuationSentences) {
          out = { ...q, speaker: last.speaker, speakerStart: last.speakerStart, speakerEnd: last.speakerEnd };
        }
      }
      if (out.speaker !== null) last = out;
      return out;
    });
  }

  private sentenceIndexAt(offset: number): number {
    return this.sentenceOfToken[this.tokenAtOrAfter(offset)] ?? -1;
  }

  // ---------------------------------------------------------------- indirect speech

  indirectQuotes(opts: QuoteOptions, direct: readonly Quote[]): Quote[] {
    const out: Quote[] = [];
    let lastSpeech: { speaker: SpeakerMention; sentence: number } | null = null;
    const directBySentence = new Map<number, Quote[]>();
    for (const q of direct) {
      const si = this.sentenceOfToken[this.tokenAtOrAfter(q.start)] ?? -1;
      directBySentence.set(si, [...(directBySentence.get(si) ?? []), q]);
      if (q.speaker !== null && q.speakerStart !== null) {
        lastSpeech = { speaker: this.mentionAt(q.speakerStart, q.speakerEnd!, q.speaker), sentence: si };
      }
    }
    lastSpeech = null;

    this.sentences.forEach((sentence, si) => {
      const directHere = directBySentence.get(si) ?? [];
      const covered = directHere.some((q) => q.end - q.start >= 0.6 * (sentence.span.end - sentence.span.start));
      let found = false;
      if (!covered) {
        let reportedBy: Cue | null = null;
        // "Wie Xinhua berichtete, betonte Xi, dass …": the verb's subject speaks; the source cue relays
        const ordered = [...sentence.cues].sort((a, b) => cuePriority(a, this.tokens) - cuePriority(b, this.tokens));
        for (const cue of ordered) {
          if (!cue.speaker || this.quoteOfToken[cue.at] !== -1 && !this.isLongQuoteToken(cue.at)) continue;
          const message = this.messageForCue(cue, sentence, si);
          if (!message) {
            if (reportedBy === null && this.isReportedSpeechAct(cue, sentence)) reportedBy = cue;
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
          const relay = ordered.find((c) => c !== cue && c.speaker && cuePriority(c, this.tokens) > cuePriority(cue, this.tokens));
          const withRelay = relay && !cue.relay ? { ...cue, relay: relay.speaker } : cue;
          out.push(this.makeQuote(message.start, message.end, 'indirect', cue.speaker, withRelay, false));
          lastSpeech = { speaker: cue.speaker, sentence: si };
          found = true;
          break;
        }
        // reported speech act without a clause of content: "Die EU fordert seit Jahren eine bessere Bekämpfung …"
        if (!found && reportedBy !== null && directHere.length === 0) {
          const span = this.trimmedSpan(sentence.first, sentence.end);
          if (span) {
            out.push(this.makeQuote(span.start, span.end, 'reported', reportedBy.speaker, reportedBy, false));
            lastSpeech = { speaker: reportedBy.speaker!, sentence: si };
            found = true;
          }
        }
      }
      if (!found && directHere.length > 0) {
        const withSpeaker = directHere.find((q) => q.speakerStart !== null);
        if (withSpeaker) {
          lastSpeech = { speaker: this.mentionAt(withSpeaker.speakerStart!, withSpeaker.speakerEnd!, withSpeaker.speaker!), sentence: si };
        }
        return;
      }
      if (found || covered) return;
      // Konjunktiv continuation: "Der Angriff sei zunächst …" after "Ein Sprecher sagte, …"
      if (
        lastSpeech &&
        si - lastSpeech.sentence <= opts.continuationSentences &&
        sentence.cues.length === 0 &&
        this.hasReportedSpeechForm(sentence.first, sentence.end)
      ) {
        const span = this.trimmedSpan(sentence.first, sentence.end);
        if (span) {
          out.push(this.makeQuote(span.start, span.end, 'indirect', lastSpeech.speaker, null, false));
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
  private isReportedSpeechAct(cue: Cue, sentence: SentenceInfo): boolean {
    if (cue.kind !== 'verb' || cue.verb === null || cue.verb.participle || cue.speaker === null) return false;
    if (!REPORTED_SPEECH_ACT_LEMMAS.has(cue.verb.lemma)) return false;
    if (cue.clauseFirst !== sentence.first || cue.speaker.first !== sentence.first) return false;
    if (this.tokens[sentence.end - 1]?.text === ':') return false;
    return cue.speaker.last === cue.at - 1;
  }

  /** The words a cue attributes, as a character span, or null when the cue introduces no reported content. */
  private messageForCue(cue: Cue, sentence: SentenceInfo, si: number): { start: number; end: number } | null {
    if (cue.kind === 'anaphoric') {
      const prev = this.sentences[si - 1];
      return prev ? this.trimmedSpan(prev.first, prev.end) : null;
    }
    if (cue.kind === 'source') {
      // the sentence without the cue phrase: "Nach Angaben der Polizei [ist die Ursache unklar]."
      const beforeSpan = this.trimmedSpan(sentence.first, cue.clauseFirst);
      const afterSpan = this.trimmedSpan(cue.clauseEnd, sentence.end);
      const tokensBefore = cue.clauseFirst - sentence.first;
      const tokensAfter = sentence.end - cue.clauseEnd;
      if (beforeSpan && afterSpan) return { start: beforeSpan.start, end: afterSpan.end };
      return (tokensAfter >= tokensBefore ? afterSpan : beforeSpan) ?? null;
    }
    // complement after the cue clause: "X sagte, [dass …]" / "X erklärte, [die Lage sei …]"
    if (cue.clauseEnd < sentence.end) {
      const sep = this.tokens[cue.clauseEnd]!.text;
      if (sep === ',' || sep === ':') {
        const start = cue.clauseEnd + 1;
        const end = this.nextCueClauseStart(sentence, start) ?? sentence.end;
        // "sagte Hoo Tiang Boon, ein forschender Professor …" is an apposition, not content
        if (end - start >= 3 && this.segmentHasVerb(start, end) && this.looksLikeReportedContent(start, end, cue)) return this.trimmedSpan(start, end);
      }
    }
    // complement before: "[Die Lage sei ernst], sagte X." / "[…], so X." — only with the speaker after the cue
    const inverted = cue.speaker !== null && cue.speaker.first > cue.at;
    if (cue.clauseFirst > sentence.first && inverted) {
      const sep = this.tokens[cue.clauseFirst - 1]!.text;
      if (sep === ',' && this.segmentHasVerb(sentence.first, cue.clauseFirst - 1)) {
        let start = sentence.first;
        for (const other of sentence.cues) if (other !== cue && other.clauseEnd < cue.clauseFirst - 1) start = Math.max(start, other.clauseEnd + 1);
        if (cue.clauseFirst - 1 - start >= 3) return this.trimmedSpan(start, cue.clauseFirst - 1);
      }
    }
    return null;
  }

  private nextCueClauseStart(sentence: SentenceInfo, from: number): number | null {
    for (const c of sentence.cues) if (c.clauseFirst > from && c.kind !== 'source') return c.clauseFirst - 1;
    return null;
  }

  private looksLikeReportedContent(start: number, end: number, cue: Cue): boolean {
    const first = this.tokens[start]!.text;
    // "…, die beide vor Herausforderungen stehen": a relative clause describes, it reports nothing
    const next = this.tokens[start + 1];
    if (/^(der|die|das|welche|welcher|welches|deren|dessen)$/.test(first) && next && !this.isNounLike(next) && !this.isModifier(next)) return false;
    if (first === 'dass' || first === 'ob' || first === 'wonach') return true;
    if (this.hasReportedSpeechForm(start, end)) return true;
    for (let t = start; t < end - 1; t++) if (this.tokens[t]!.text === 'zu') return true;
    return cue.verb !== null && /^(sagen|erklären|betonen|teilen|berichten|schreiben|heißen|fügen|ergänzen)$/.test(cue.verb.lemma);
  }

  // ---------------------------------------------------------------- cues

  private findCues(sentence: SentenceInfo): Cue[] {
    const cues: Cue[] = [];
    for (let t = sentence.first; t < sentence.end; t++) {
      const cue = this.cueAt(t, sentence);
      if (cue) {
        cues.push(cue);
        if (cue.speaker && !SUBJECT_PRONOUNS_DE.has(this.tokens[cue.speaker.first]!.text)) this.lastNamed = cue.speaker;
      }
    }
    return cues;
  }

  private cueAt(t: number, sentence: SentenceInfo): Cue | null {
    const token = this.tokens[t]!;
    const word = token.text;
    const [clauseFirst, clauseEnd] = this.clauseAround(t, sentence);
    const make = (kind: CueKind, verb: CueVerb | null, speaker: SpeakerMention | null, first = clauseFirst, end = clauseEnd): Cue => ({
      kind, at: t, word, verb, speaker, clauseFirst: first, clauseEnd: end,
    });

    if (SOURCE_PREPOSITIONS_DE.has(word)) {
      const np = this.nounPhraseAt(t + 1, clauseEnd);
      return np ? make('source', null, np, t, np.last + 1) : null;
    }
    if (SOURCE_POSTPOSITIONS_DE.has(word)) {
      const np = this.nounPhraseEndingAt(t - 1, clauseFirst);
      return np ? make('source', null, np, np.first, t + 1) : null;
    }
    const nounAfterNach = DETERMINERS_DE.has(this.tokens[t + 1]?.text ?? '') ? t + 2 : t + 1;
    if (word.toLowerCase() === 'nach' && SOURCE_NOUNS_AFTER_NACH_DE.has(this.tokens[nounAfterNach]?.text ?? '')) {
      const noun = nounAfterNach;
      const after = this.tokens[noun + 1]?.text;
      // "nach ihren Worten": the possessor speaks, not "Worten"; the pronoun is resolved like any other
      const possessive = nounAfterNach === t + 2 && /^(ihren?|seinen?|ihrer|seiner)$/i.test(this.tokens[t + 1]!.text);
      const np =
        this.nounPhraseAt(after === 'von' || after === 'vom' ? noun + 2 : noun + 1, clauseEnd) ?? (possessive ? this.mention(t + 1, t + 1) : this.mention(noun, noun));
      return make('source', null, np, t, (np?.last ?? noun) + 1);
    }
    if (word === 'so' && t > sentence.first && (this.tokens[t - 1]!.text === ',' || QUOTE_MARK_TOKENS.has(this.tokens[t - 1]!.text))) {
      const np = this.nounPhraseAt(t + 1, clauseEnd);
      // "…, so der Berater weiter." : the speaker closes the sentence
      if (np && clauseEnd - np.last <= 4) return make('so', null, np, t, clauseEnd);
      return null;
    }
    if ((word === 'heißt' || word === 'hieß') && this.tokens[t + 1]?.text === 'es') {
      // "In der Erklärung heißt es", "hieß es vom Abgeordneten X", "Aus Paris hieß es": the source is a prepositional object
      const np =
        this.prepositionalObject(sentence.first, t) ??
        this.prepositionalObject(t + 2, clauseEnd) ??
        (/^(darin|dort|darüber)$/.test(this.tokens[t + 2]?.text ?? '') ? this.documentMentionBefore(sentence.first) : null);
      return make('heisst-es', this.verbsFor(word)?.[0] ?? null, np);
    }
    const verb = this.cueVerbAt(t, clauseEnd, sentence);
    if (!verb) return null;
    if (ANAPHORIC_OBJECTS_DE.has(this.tokens[clauseFirst]!.text) && clauseFirst === sentence.first && clauseFirst + 1 === this.finiteVerbIndex(t, verb, clauseFirst + 1)) {
      return make('anaphoric', verb, this.nounPhraseAfter(clauseFirst + 2, clauseEnd));
    }
    // "Der Vertreter nannte die Sanktionen gerecht und rief die Armee auf, …": a verb after "und" shares the first subject
    const finite = this.finiteVerbIndex(t, verb, clauseFirst);
    const coordinated = finite > sentence.first + 2 && /^(und|oder|sowie)$/.test(this.tokens[finite - 1]!.text) ? this.mainClauseSubjectIn(sentence.first, finite - 1, finite - 1) : null;
    const subject = coordinated ?? this.subjectOf(t, verb, clauseFirst, clauseEnd, sentence);
    // "Ein Fernsehsender zitierte Papandreou mit den Worten …": the object speaks, the subject relays
    if (verb.lemma === 'zitieren' && subject && !this.isPassive(t, clauseFirst)) {
      const object = this.nounPhraseAfter(Math.max(t, subject.last) + 1, clauseEnd);
      if (object) return { ...make('verb', verb, object), relay: subject };
    }
    // "Die Anwendung stellte der Minister in Frage", "Sadiq Khan, einer der Unterzeichner, verurteilte …": the subject
    // names no one, so the best noun phrase of the clause speaks, else of the sentence up to the clause
    const speaker = this.rankedSpeaker(subject, clauseFirst, clauseEnd, t);
    if (speaker !== null && this.speakerRank(speaker) >= SPEAKER_RANK_NAMED) return make('verb', verb, speaker);
    return make('verb', verb, this.rankedSpeaker(speaker, sentence.first, clauseEnd, t));
  }

  /** "wird Panetta zitiert", "wurde … genannt": a passive auxiliary in the clause. */
  private isPassive(t: number, clauseFirst: number): boolean {
    for (let k = clauseFirst; k < t; k++) if (/^(wird|wurde|wurden|werden|worden)$/.test(this.tokens[k]!.text)) return true;
    return false;
  }

  private cueVerbAt(t: number, clauseEnd: number, sentence: SentenceInfo): CueVerb | null {
    const word = this.tokens[t]!.text;
    const candidates = this.verbsFor(word) ?? (t === sentence.first ? this.verbsFor(lowerFirst(word)) : undefined);
    if (!candidates) return null;
    const before = this.tokens[t - 1]?.text;
    if (before && DETERMINERS_DE.has(before)) return null; // "das Sagen"
    // "hatte … erklärt": with an auxiliary before it, "erklärt" is the participle, not the present tense
    let auxiliaryBefore = false;
    for (let k = t - 1; k >= sentence.first && !CLAUSE_BREAKS.has(this.tokens[k]!.text); k--) {
      if (AUXILIARIES_DE.has(this.tokens[k]!.text)) auxiliaryBefore = true;
    }
    const ordered = auxiliaryBefore ? [...candidates].sort((a, b) => Number(b.participle) - Number(a.participle)) : candidates;
    for (const verb of ordered) {
      if (verb.particle === null) return verb;
      for (let k = t + 1; k < clauseEnd; k++) if (this.tokens[k]!.text === verb.particle) return verb;
    }
    return null;
  }

  private verbsFor(word: string): readonly CueVerb[] | undefined {
    return this.verbs.get(word);
  }

  /** The finite verb of the clause: the cue itself, or the auxiliary before a participle ("hat … gesagt"). */
  private finiteVerbIndex(t: number, verb: CueVerb, clauseFirst: number): number {
    if (!verb.participle) return t;
    for (let k = clauseFirst; k < t; k++) if (AUXILIARIES_DE.has(this.tokens[k]!.text)) return k;
    return t;
  }

  private subjectOf(t: number, verb: CueVerb, clauseFirst: number, clauseEnd: number, sentence: SentenceInfo): SpeakerMention | null {
    // "David G., der Parteivorsitzende, begründete …": the verb opens its clause after a verbless subject with apposition
    // "…, die Sprecherin der Fraktion, Sandra Boser (Grüne), erklärte": the verbless parts right before the clause
    const finite = this.finiteVerbIndex(t, verb, clauseFirst);
    if (finite === clauseFirst && clauseFirst > sentence.first && (this.tokens[clauseFirst - 1]!.text === ',' || this.tokens[clauseFirst - 1]!.text === ')') &&
        !QUOTE_MARK_TOKENS.has(this.tokens[clauseFirst - 2]?.text ?? '')) {
      let chunkStart = clauseFirst - 1;
      for (let k = clauseFirst - 2; k >= sentence.first - 1; k--) {
        if (k >= sentence.first && this.tokens[k]!.text !== ',') continue;
        if (this.segmentHasVerb(k + 1, chunkStart)) break;
        chunkStart = k + 1;
        if (k < sentence.first) break;
      }
      const np = chunkStart < clauseFirst - 1 ? this.nounPhraseAt(chunkStart, clauseFirst) : null;
      if (np) return np;
    }
    const found = this.subjectInClause(t, verb, clauseFirst, clauseEnd);
    if (found) return found;
    // "Jim DeMint … wollte sich nicht festlegen, sagte aber, …": the subject of the coordinated clause before
    if (clauseFirst > sentence.first && this.tokens[clauseFirst - 1]!.text === ',') return this.nounPhraseAt(sentence.first, clauseFirst);
    return null;
  }

  private subjectInClause(t: number, verb: CueVerb, clauseFirst: number, clauseEnd: number): SpeakerMention | null {
    const finite = this.finiteVerbIndex(t, verb, clauseFirst);
    if (finite === clauseFirst) return this.nounPhraseAfter(finite + 1, clauseEnd);
    const firstToken = this.tokens[clauseFirst]!;
    const firstWord = firstToken.text;
    const lower = firstWord.toLowerCase();
    // "Deren Haltung bezeichnete er als …": a pronoun right after the verb is the subject
    const afterVerb = this.tokens[finite + 1];
    if (afterVerb && SUBJECT_PRONOUNS_DE.has(afterVerb.text) && afterVerb.text !== 'es') return this.mention(finite + 1, finite + 1);
    // "…, wie die Zeitung schreibt", "und einen Tag nachdem er erklärt hatte": verb-final subordinate clause;
    // "Als Begründung sagte X" is V2
    if (finite >= clauseEnd - 2) {
      for (let k = finite - 1; k >= clauseFirst; k--) {
        if (SUBORDINATORS_DE.has(this.tokens[k]!.text.toLowerCase()) && (k > clauseFirst || SUBORDINATORS_DE.has(lower))) {
          const np = this.nounPhraseAt(k + 1, finite);
          if (np) return np;
        }
      }
    }
    if (SUBORDINATORS_DE.has(lower)) return this.nounPhraseAfter(finite + 1, clauseEnd);
    if (SKIPPABLE_ADVERBS_DE.has(lower)) {
      // "Auch der Minister sagte": the adverb belongs to the subject when nothing else stands before the verb
      const np = this.nounPhraseAt(clauseFirst + 1, finite);
      if (np && np.last === finite - 1) return np;
      return this.nounPhraseAfter(finite + 1, clauseEnd);
    }
    if (PREPOSITIONS_DE.has(lower) || ANAPHORIC_OBJECTS_DE.has(firstWord) && clauseFirst + 1 === finite || firstToken.kind === 'number') {
      return this.nounPhraseAfter(finite + 1, clauseEnd);
    }
    // "ließ ein Sprecher … verlauten": a finite verb opens the clause, the subject follows it
    if (/^\p{Ll}/u.test(firstWord) && !DETERMINERS_DE.has(lower) && !SUBJECT_PRONOUNS_DE.has(firstWord)) {
      return this.nounPhraseAfter(clauseFirst + 1, clauseEnd);
    }
    // V2: the one constituent before the finite verb is the subject
    return this.nounPhraseAt(clauseFirst, finite) ?? this.nounPhraseAfter(finite + 1, clauseEnd);
  }

  /** "heißt es darin": the last document named before ("die gemeinsame Erklärung", "das Papier"), within three sentences. */
  private documentMentionBefore(before: number): SpeakerMention | null {
    const limit = Math.max(0, this.sentences[Math.max(0, (this.sentenceOfToken[before] ?? 0) - 3)]?.first ?? 0);
    for (let k = before - 1; k >= limit; k--) {
      if (!DOCUMENT_NOUNS_DE.test(this.tokens[k]!.text)) continue;
      let first = k;
      while (first > limit && (this.isModifier(this.tokens[first - 1]!) || DETERMINERS_DE.has(this.tokens[first - 1]!.text.toLowerCase()))) first--;
      return this.mention(first, k);
    }
    return null;
  }

  /** The object of the first prepositional phrase in [from, end): "in [der Erklärung]", "vom [Abgeordneten X]". Quoted words are skipped. */
  private prepositionalObject(from: number, end: number): SpeakerMention | null {
    for (let k = from; k < end; k++) {
      if (this.quoteOfToken[k] !== -1 && !this.isLongQuoteToken(k)) continue;
      const lower = this.tokens[k]!.text.toLowerCase();
      if (PREPOSITIONS_DE.has(lower) || lower === 'vom') {
        const np = this.nounPhraseAt(k + 1, end);
        if (np) return np;
      }
    }
    return null;
  }

  /** Token range [first, end) of the clause around t, bounded by commas, colons, quote marks and the sentence. */
  private clauseAround(t: number, sentence: SentenceInfo): [number, number] {
    let first = t;
    while (first > sentence.first && !CLAUSE_BREAKS.has(this.tokens[first - 1]!.text)) first--;
    let end = t + 1;
    while (end < sentence.end && !CLAUSE_BREAKS.has(this.tokens[end]!.text)) end++;
    // the sentence-final stop is not part of the clause
    if (end === sentence.end && /^[.!?…]$/.test(this.tokens[end - 1]!.text) && end - 1 > t) end--;
    return [first, end];
  }

  // ---------------------------------------------------------------- speaker candidates

  /**
   * The speaker of a cue: its grammatical subject when that names someone (SPEAKER_RANK_NAMED or better), else the
   * best-ranked noun phrase of tokens [first, end), the nearest to `anchor` among equals ("Die Anwendung stellte
   * der Minister in Frage" → der Minister). A subject that names no one and has no better rival is dropped.
   */
  private rankedSpeaker(subject: SpeakerMention | null, first: number, end: number, anchor: number): SpeakerMention | null {
    const subjectRank = subject ? this.speakerRank(subject) : -1;
    if (subjectRank >= SPEAKER_RANK_NAMED) return subject;
    let best: SpeakerMention | null = null;
    let bestRank = SPEAKER_RANK_NAMED;
    for (const np of this.nounPhrasesIn(first, end, this.quoteOfToken[anchor] ?? -1)) {
      const rank = this.speakerRank(np);
      if (rank < bestRank) continue;
      if (best === null || rank > bestRank || Math.abs(np.first - anchor) < Math.abs(best.first - anchor)) {
        best = np;
        bestRank = rank;
      }
    }
    return best ?? (subjectRank >= SPEAKER_RANK_OTHER ? subject : null);
  }

  /**
   * The noun phrases of tokens [first, end) in text order, outside prepositional phrases and outside quotes other
   * than `container`. "von X" right after a noun phrase is kept: "das Fazit von Sandra Boser".
   */
  private nounPhrasesIn(first: number, end: number, container: number): SpeakerMention[] {
    const out: SpeakerMention[] = [];
    let t = first;
    while (t < end) {
      // a quoted name is a noun phrase of its own: "schrieb „Die Zeit“"
      const quotedName = QUOTE_MARK_TOKENS.has(this.tokens[t]!.text) ? this.quotedNameEndAt(t) : null;
      if (quotedName !== null) {
        out.push(this.mention(t, quotedName));
        t = quotedName + 1;
        continue;
      }
      if (this.quoteOfToken[t] !== container && !this.isLongQuoteToken(t)) {
        t++;
        continue;
      }
      const lower = this.tokens[t]!.text.toLowerCase();
      const afterPhrase = out.length > 0 && out[out.length - 1]!.last === t - 1;
      if ((PREPOSITIONS_DE.has(lower) || SOURCE_PREPOSITIONS_DE.has(lower)) && !(afterPhrase && (lower === 'von' || lower === 'vom'))) {
        // the object of the preposition, or at least its nouns ("an sechs Bundesminister")
        const object = this.nounPhraseAt(t + 1, end);
        let next = t + 1;
        if (object) next = object.last + 1;
        else {
          while (next < end && next < t + 4 && !this.isNounLike(this.tokens[next]!)) next++;
          while (next < end && this.isNounLike(this.tokens[next]!)) next++;
        }
        t = next;
        continue;
      }
      const np = PREPOSITIONS_DE.has(lower) ? this.nounPhraseAt(t + 1, end) : this.nounPhraseAt(t, end);
      if (np) {
        out.push(np);
        t = np.last + 1;
      } else t++;
    }
    return out;
  }

  /**
   * SPEAKER_RANK_* of a mention: the best of its heads, the runs of nouns that are not genitive or prepositional
   * attributes ("der Leiter der Studie, Paula Sommer": "Leiter" and "Paula Sommer", not "Studie").
   */
  private speakerRank(m: SpeakerMention): number {
    const first = this.tokens[m.first]!.text;
    if (m.first === m.last && SUBJECT_PRONOUNS_DE.has(first)) return first.toLowerCase() === 'es' ? 0 : SPEAKER_RANK_NAMED;
    // a quoted name („Die Zeit“, die Zeitung „Le Monde“) names someone; quoted words („falsch“, „ein großer Erfolg“) do not
    const quoteMark = QUOTE_MARK_TOKENS.has(first) ? m.first : QUOTE_MARK_TOKENS.has(this.tokens[m.first + 1]?.text ?? '') ? m.first + 1 : -1;
    if (quoteMark >= 0) {
      const q = this.quoted.find((x) => x.open === this.tokens[quoteMark]!.start);
      return q && this.isQuotedName(q) ? SPEAKER_RANK_NAMED : 0;
    }
    // "den Bericht", "dem Minister": accusative and dative phrases are objects, never the one who speaks
    if (OBJECT_CASE_DETERMINERS_DE.has(first)) return Math.min(SPEAKER_RANK_OTHER, this.speakerRankOfHeads(m));
    return this.speakerRankOfHeads(m);
  }

  private speakerRankOfHeads(m: SpeakerMention): number {
    const first = this.tokens[m.first]!.text;
    // "dieser", "der": a demonstrative or relative pronoun stands for someone named before
    let best = m.first === m.last && DETERMINERS_DE.has(first.toLowerCase()) ? SPEAKER_RANK_OTHER : 0;
    let attribute = false;
    let runFirst = -1;
    let headSeen = false;
    for (let t = m.first; t <= m.last; t++) {
      const token = this.tokens[t]!;
      const lower = token.text.toLowerCase();
      if (token.text === ',' || lower === 'und' || token.text === '(' || token.text === '–') {
        attribute = false;
        continue;
      }
      // attributes: "der Leiter [der Studie]", "die [vom Präsidenten] gebilligte Aktion"; "Einer der Männer" has its head after "der"
      if (PREPOSITIONS_DE.has(lower) || (headSeen && (lower === 'des' || lower === 'der'))) attribute = true;
      if (attribute || !this.isNounLike(token)) {
        runFirst = -1;
        continue;
      }
      if (runFirst < 0) runFirst = t;
      headSeen = true;
      if (t < m.last && this.isNounLike(this.tokens[t + 1]!)) continue;
      best = Math.max(best, this.nounRunRank(runFirst, t));
    }
    return best;
  }

  /** Rank of a run of nouns by its last word, and a person when an office precedes a name ("Präsident Gusmão"). */
  private nounRunRank(first: number, last: number): number {
    // "die Handlungsweise Kozulins": a genitive name after the head is an attribute
    const genitiveName = last > first && this.entityOfToken[last] === ENTITY_PERSON && this.entityOfToken[last - 1] !== ENTITY_PERSON && /s$/.test(this.tokens[last]!.text);
    if (genitiveName) return this.nounRunRank(first, last - 1);
    const head = this.tokenSpeakerRank(last);
    for (let t = first; t < last; t++) {
      if (PERSON_NOUN_DE.test(this.tokens[t]!.text)) return head >= SPEAKER_RANK_OTHER ? SPEAKER_RANK_PERSON : Math.max(head, SPEAKER_RANK_NAMED);
    }
    return head;
  }

  private tokenSpeakerRank(t: number): number {
    const entity = this.entityOfToken[t];
    if (entity === ENTITY_PERSON) return SPEAKER_RANK_PERSON;
    const word = this.tokens[t]!.text;
    if (entity === ENTITY_ORGANIZATION || PERSON_NOUN_DE.test(word) || INSTITUTION_NOUN_DE.test(word)) return SPEAKER_RANK_NAMED;
    if (entity === ENTITY_LOCATION || !ABSTRACT_NOUN_DE.test(word)) return SPEAKER_RANK_OTHER;
    return 0;
  }

  // ---------------------------------------------------------------- noun phrases

  /** The first noun phrase at or after `from` that is not inside a prepositional phrase. */
  private nounPhraseAfter(from: number, end: number): SpeakerMention | null {
    let t = from;
    while (t < end) {
      const word = this.tokens[t]!.text;
      const lower = word.toLowerCase();
      if (SKIPPABLE_ADVERBS_DE.has(lower) || lower === 'sich' || lower === 'es' || this.isTimeWord(word)) {
        t++;
        continue;
      }
      if (PREPOSITIONS_DE.has(lower)) {
        const np = this.nounPhraseAt(t + 1, end);
        t = np ? np.last + 1 : t + 1;
        continue;
      }
      return this.nounPhraseAt(t, end);
    }
    return null;
  }

  /**
   * A noun phrase starting exactly at `from`: a pronoun; a quoted name; or determiner? modifiers* Noun+
   * with what may follow it: a quoted name ("das Magazin „RT DE“"), a genitive ("des Ministeriums"),
   * a coordinated phrase ("Moskau und Peking") and a name apposition ("der Berater, Juri Uschakow,").
   */
  private nounPhraseAt(from: number, end: number, coordinate = true): SpeakerMention | null {
    if (from >= end) return null;
    if (SENTENCE_ADVERB_DE.test(this.tokens[from]!.text) && !SUBJECT_PRONOUNS_DE.has(this.tokens[from]!.text) && from + 1 < end) {
      return this.nounPhraseAt(from + 1, end, coordinate);
    }
    const first = this.tokens[from]!;
    if (SUBJECT_PRONOUNS_DE.has(first.text)) return this.mention(from, from);
    const quotedNameEnd = this.quotedNameEndAt(from);
    if (quotedNameEnd !== null) return this.mention(from, quotedNameEnd);
    const isDeterminer = DETERMINERS_DE.has(first.text.toLowerCase());
    let t = isDeterminer ? from + 1 : from;
    // "die beiden Länder", "alle drei Parteien"
    while (isDeterminer && t < end && (DETERMINERS_DE.has(this.tokens[t]!.text.toLowerCase()) || this.tokens[t]!.kind === 'number')) t++;
    const afterDeterminer = isDeterminer ? this.quotedNameEndAt(t) : null;
    if (afterDeterminer !== null) return this.mention(from, afterDeterminer);
    // "dem vom Kreml veröffentlichten Papier": a prepositional phrase inside the attribute
    if (isDeterminer && t < end && (this.tokens[t]!.text === 'vom' || this.tokens[t]!.text === 'von')) {
      let k = t + 1;
      while (k < end && this.isNounLike(this.tokens[k]!)) k++;
      if (k > t + 1 && k < end && this.isModifier(this.tokens[k]!)) t = k;
    }
    // "Putins außenpolitischer Berater": a genitive name before the head
    if (!isDeterminer && /^\p{Lu}\p{L}+s$/u.test(first.text) && t + 1 < end && this.isModifier(this.tokens[t + 1]!)) t++;
    let modifiers = 0;
    while (t < end && modifiers < 4 && this.isModifier(this.tokens[t]!)) {
      t++;
      modifiers++;
    }
    const headStart = t;
    while (t < end && this.isNounLike(this.tokens[t]!)) t++;
    if (t === headStart) {
      // "Einer der beteiligten Feuerwehrmänner", "Einige der Demonstranten": a pronoun with its partitive genitive
      if (t === from + 1 && isDeterminer && /^(der|von)$/.test(this.tokens[t]?.text ?? '')) {
        const whole = this.nounPhraseAt(t + 1, end, false);
        if (whole) return this.mention(from, whole.last);
      }
      // "Dieser bestätigte, …", "…, das vorschlug": a demonstrative or relative pronoun stands alone
      return t === from + 1 && isDeterminer ? this.mention(from, from) : null;
    }
    const quotedAfter = this.quotedNameEndAt(t);
    if (quotedAfter !== null) t = quotedAfter + 1;
    // genitive attribute: "der Sprecher [des Ministeriums]"
    if (t < end && (this.tokens[t]!.text === 'des' || this.tokens[t]!.text === 'der')) {
      let g = t + 1;
      while (g < end && this.isModifier(this.tokens[g]!)) g++;
      const genitiveHead = g;
      while (g < end && this.isNounLike(this.tokens[g]!)) g++;
      if (g > genitiveHead) t = g;
    }
    // coordination: "Moskau und Peking", "Putin und sein chinesischer Amtskollege Xi Jinping"
    if (coordinate && t + 1 < end && this.tokens[t]!.text === 'und') {
      const next = this.nounPhraseAt(t + 1, end, false);
      if (next && !SUBJECT_PRONOUNS_DE.has(this.tokens[t + 1]!.text)) t = next.last + 1;
    }
    // apposition: "der Berater des Kremls, Juri Uschakow,"
    if (t < this.tokens.length && this.tokens[t]!.text === ',') {
      let a = t + 1;
      while (a < this.tokens.length && this.isNameToken(this.tokens[a]!)) a++;
      const next = this.tokens[a]?.text;
      if (a - (t + 1) >= 2 && (next === ',' || next === '.' || next === undefined)) t = a;
    }
    return this.mention(from, t - 1);
  }

  /** If a short quoted name opens at token `t` („RT DE“, „Die Zeit“), the index of its closing mark token. */
  private quotedNameEndAt(t: number): number | null {
    const token = this.tokens[t];
    if (!token) return null;
    const q = this.quoted.find((x) => x.open === token.start && x.close - x.open < 60);
    return q && this.isQuotedName(q) ? this.tokenAtOrAfter(q.close) : null;
  }

  /** A noun phrase ending at `last` (for "X zufolge"), walking back to a determiner or the clause start. */
  private nounPhraseEndingAt(last: number, clauseFirst: number): SpeakerMention | null {
    if (last < clauseFirst || !this.isNounLike(this.tokens[last]!)) return null;
    let first = last;
    while (first > clauseFirst && (this.isNounLike(this.tokens[first - 1]!) || this.isModifier(this.tokens[first - 1]!))) first--;
    if (first > clauseFirst && DETERMINERS_DE.has(this.tokens[first - 1]!.text.toLowerCase())) first--;
    // "Dem Pressesprecher des Ministeriums zufolge": walk over a genitive too
    if (first > clauseFirst + 1 && this.isNounLike(this.tokens[first - 1]!)) return this.nounPhraseEndingAt(first - 1, clauseFirst) ?? this.mention(first, last);
    return this.mention(first, last);
  }

  private isModifier(token: Token): boolean {
    if (token.kind === 'number') return true;
    const w = token.text;
    return /^\p{Ll}/u.test(w) && !DETERMINERS_DE.has(w) && !PREPOSITIONS_DE.has(w) && !SUBORDINATORS_DE.has(w) &&
      !SKIPPABLE_ADVERBS_DE.has(w) && w !== 'und' && w !== 'oder' && !this.verbs.has(w) && !AUXILIARIES_DE.has(w) && !MODAL_VERBS_DE.has(w) &&
      /(e|en|er|es|em|ische[nmrs]?|liche[nmrs]?)$/.test(w);
  }

  private isNounLike(token: Token): boolean {
    const w = token.text;
    return token.kind === 'word' && /^[\p{Lu}]/u.test(w) && !SENTENCE_ADVERB_DE.test(w) && !TIME_NOUNS_DE.test(w) && !this.verbs.has(lowerFirst(w)) &&
      !QUOTE_MARK_TOKENS.has(w) && !DETERMINERS_DE.has(w.toLowerCase()) && !PREPOSITIONS_DE.has(w.toLowerCase());
  }

  /**
   * Whether tokens [first, end) hold a finite verb, roughly: a lowercase word that is no function word and
   * does not follow a determiner or adjective ("die große Koalition" has none; "veröffentlichte der Verfasser" has one).
   */
  private segmentHasVerb(first: number, end: number): boolean {
    for (let t = first; t < end; t++) {
      const token = this.tokens[t]!;
      const w = token.text;
      if (token.kind !== 'word' || !/^\p{Ll}/u.test(w)) continue;
      if (DETERMINERS_DE.has(w) || PREPOSITIONS_DE.has(w) || SKIPPABLE_ADVERBS_DE.has(w) || w === 'und' || w === 'oder') continue;
      if (AUXILIARIES_DE.has(w) || REPORTED_SPEECH_VERB_FORMS_DE.has(w) || this.verbs.has(w)) return true;
      const prev = this.tokens[t - 1];
      const attributive = prev !== undefined && (DETERMINERS_DE.has(prev.text.toLowerCase()) || PREPOSITIONS_DE.has(prev.text.toLowerCase()) || prev.kind === 'number' || (this.isModifier(prev) && t - 1 >= first));
      const beforeNoun = this.tokens[t + 1] !== undefined && this.isNounLike(this.tokens[t + 1]!);
      if (this.isModifier(token) && (attributive || beforeNoun)) continue;
      return true;
    }
    return false;
  }

  private isNameToken(token: Token): boolean {
    return token.kind === 'word' && /^\p{Lu}\p{Ll}/u.test(token.text);
  }

  private isTimeWord(word: string): boolean {
    return /^(Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag|Wochenende|Abend|Morgen|Vormittag|Nachmittag|Mittag)$/.test(word);
  }

  private mention(first: number, last: number): SpeakerMention {
    const text = this.text.slice(this.tokens[first]!.start, this.tokens[last]!.end);
    if (first === last && SUBJECT_PRONOUNS_DE.has(text)) {
      const named = this.nameRunBefore(first);
      const closest = named && (!this.lastNamed || named.last > this.lastNamed.last) ? named : this.lastNamed;
      return { first, last, display: closest?.display ?? text };
    }
    const display = text.replace(/^(der|die|das|den|dem|des|ein|eine|einer|eines|einem|einen)\s+/i, '');
    return { first, last, display };
  }

  /** The nearest run of two or more capitalised name words before token t ("Ministerpräsident Karl Ostermann"), within 80 tokens. */
  private nameRunBefore(t: number): SpeakerMention | null {
    for (let k = t - 1; k >= Math.max(0, t - 80); k--) {
      if (!this.isNameToken(this.tokens[k]!) || !this.isNounLike(this.tokens[k]!)) continue;
      let first = k;
      while (first > 0 && this.isNameToken(this.tokens[first - 1]!) && this.isNounLike(this.tokens[first - 1]!)) first--;
      if (k - first >= 1) return { first, last: k, display: this.text.slice(this.tokens[first]!.start, this.tokens[k]!.end) };
      k = first;
    }
    return null;
  }

  private mentionAt(start: number, end: number, display: string): SpeakerMention {
    return { first: this.tokenAtOrAfter(start), last: Math.max(this.tokenAtOrAfter(start), this.tokenAtOrAfter(end) - 1), display };
  }

  // ---------------------------------------------------------------- helpers over tokens

  private hasReportedSpeechForm(first: number, end: number): boolean {
    for (let t = first; t < end; t++) {
      if (this.quoteOfToken[t] !== -1 && !this.isLongQuoteToken(t)) continue;
      if (REPORTED_SPEECH_VERB_FORMS_DE.has(this.tokens[t]!.text)) return true;
    }
    return false;
  }

  /** Tokens inside a long quote (a relayed report) still carry their own cues. */
  private isLongQuoteToken(t: number): boolean {
    const q = this.quoted[this.quoteOfToken[t]!];
    return q !== undefined && q.close - q.open > 400;
  }

  private trimmedSpan(first: number, end: number): { start: number; end: number } | null {
    while (first < end && this.tokens[first]!.kind === 'punct' && !QUOTE_MARK_TOKENS.has(this.tokens[first]!.text)) first++;
    while (end > first && this.tokens[end - 1]!.kind === 'punct' && !QUOTE_MARK_TOKENS.has(this.tokens[end - 1]!.text)) end--;
    if (end <= first) return null;
    return { start: this.tokens[first]!.start, end: this.tokens[end - 1]!.end };
  }

  private tokenAtOrAfter(offset: number): number {
    return tokenIndexAt(this.tokens, offset);
  }

  private tokenBefore(offset: number): number {
    return this.tokenAtOrAfter(offset) - 1;
  }

  private makeQuote(
    start: number,
    end: number,
    kind: Quote['kind'],
    speaker: SpeakerMention | null,
    cue: Cue | null,
    partial: boolean,
  ): Quote {
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

/** Lower first: a verb cue in a main clause, then other verbs, then "laut X"/"wie X berichtete" sources, which relay. */
function cuePriority(cue: Cue, tokens: readonly Token[]): number {
  if (cue.kind === 'source' || cue.kind === 'so') return 2;
  if (cue.kind === 'verb' && SUBORDINATORS_DE.has(tokens[cue.clauseFirst]!.text.toLowerCase())) return 1;
  return 0;
}

function lowerFirst(word: string): string {
  return word.charAt(0).toLowerCase() + word.slice(1);
}
