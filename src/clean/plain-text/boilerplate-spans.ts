/**
 * Site boilerplate glued into a paragraph of article text (German and English): cookie and consent
 * notices, comment forms, newsletter sign-ups, instructions for an embedded map, press-release
 * disclaimers and footers, publishing-network footers. Scraped text often
 * comes as one long line, so these are cut as spans, not dropped as whole paragraphs (see
 * boilerplate-patterns.de.ts). Left in, two unrelated articles of one site share them word for word.
 */

export interface BoilerplateSpan {
  /** Stable rule id, used in tests: 'comment-form'. */
  readonly rule: string;
  readonly start: number;
  readonly end: number;
}

interface PhrasePattern {
  readonly rule: string;
  /** Global and bounded in length: matches the template's fixed wording, never an open-ended stretch. */
  readonly pattern: RegExp;
}

/**
 * "Original-Content von: Polizei Beispielstadt, übermittelt durch news aktuell", also when the text
 * was cut off inside it (it ends the paragraph).
 */
const ORIGINAL_CONTENT_FOOTER = String.raw`(?:Original-(?:Content|Inhalt) von|Original content of)\s*:\s*[^\n]{1,120}?(?:(?:übermittelt durch|transmitted by) news aktuell|$)`;

/** "Rückfragen bitte an:", "Pressekontakt:": the label opening a press release's contact block. */
const CONTACT_BLOCK_LABEL = String.raw`(?:Rückfragen (?:bitte )?an|Pressekontakt|Medienkontakt|Kontakt|Press contact|Media contact)\s*:`;

/** A contact block's label standing as a paragraph of its own (the block then runs over several paragraphs). */
export const CONTACT_BLOCK_OPENING = new RegExp(`^${CONTACT_BLOCK_LABEL}[^\n]{0,80}$`, 'iu');
/** A paragraph holding the news-aktuell footer that closes a press release. */
export const PRESS_RELEASE_FOOTER = new RegExp(ORIGINAL_CONTENT_FOOTER, 'iu');

/** Longest stretch of a contact block (phone, e-mail, web) before a news-aktuell footer. */
const MAX_CONTACT_BLOCK_CHARS = 400;

/**
 * Template phrases, cut wherever they stand. Each needs wording no reporter writes: a comment form's
 * "Kommentar-Profil anlegen", a distributor's own disclaimer.
 */
export const BOILERPLATE_PHRASES: readonly PhrasePattern[] = [
  // "Noch nicht bei der Beispiel Zeitung? Kommentar-Profil anlegen", "Ich habe die Netiquette und die
  // Datenschutzerklärung gelesen und akzeptiere diese.", "* Pflichtfelder": a comment form's labels.
  {
    rule: 'comment-form',
    pattern: new RegExp(
      [
        String.raw`(?:Anmeldung\s*|(?<=^|[.!?]\s*))Noch nicht (?:beim|bei|am|an) (?:der |dem |den )?[\p{L} .-]{2,50}\?\s*(?=(?:Erstellen Sie ein |Jetzt )?Kommentar-?[Pp]rofil|$)`,
        `(?:Erstellen Sie ein |Jetzt )?Kommentar-?[Pp]rofil(?: anlegen| erstellen)?`,
        String.raw`Ich habe die Netiquette und die Datenschutz\p{L}{0,20} gelesen und akzeptiere\p{L}{0,2} (?:diese|sie)\.?`,
        String.raw`(?:\*\s*){1,2}Pflichtfelder?`,
        String.raw`(?:Your email address will not be published|Required fields are marked \*|You must be logged in to post a comment)\.?`,
      ].join('|'),
      'giu',
    ),
  },
  // "*beispiel.de ist Teil des bundesweiten Ippen-Digital-Redaktionsnetzwerks.": the footer of every site of a publishing network.
  {
    rule: 'network-footer',
    pattern: /\*?(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6} ist Teil de[rs] (?:[\p{L}-]+ ){0,2}[\p{L}-]*(?:Redaktionsnetzwerks?|Netzwerks?|Mediengruppe)\.?/giu,
  },
  // "Die DGAP Distributionsservices umfassen gesetzliche Meldepflichten, …", "Ende der Ad-hoc-Mitteilung",
  // "Für den Inhalt der Mitteilung ist der Emittent / Publizist verantwortlich.": ad-hoc and corporate-news disclaimers.
  {
    rule: 'press-release-disclaimer',
    pattern: new RegExp(
      [
        String.raw`Die (?:DGAP|EQS) Distributionsservices umfassen [^.!?]{10,150}\.`,
        String.raw`The (?:DGAP|EQS) Distribution Services include [^.!?]{10,150}\.`,
        String.raw`(?:übermittelt durch|transmitted by) (?:DGAP|EQS News) - ein Service der EQS Group AG\.?`,
        String.raw`(?:übermittelt durch|transmitted by) (?:DGAP|EQS News) - a service of EQS Group AG\.?`,
        String.raw`Für den Inhalt der Mitteilung ist der Emittent(?:\s*/\s*(?:Publizist|Herausgeber))? verantwortlich\.?`,
        String.raw`Veröffentlichung einer Insiderinformation nach Artikel 17 der Verordnung \(EU\) Nr\. 596/2014,?`,
        String.raw`Disclosure of an inside information acc(?:\.|ording) to Article 17 MAR of the Regulation \(EU\) No\.? 596/2014,?`,
        String.raw`The issuer is solely responsible for the content of this announcement\.?`,
        String.raw`(?:Medienarchiv unter|Archive at)(?: (?:https?://)?(?:www\.)?[\w.-]+\.[a-z]{2,}\S*)?`,
        String.raw`Ende der (?:Ad-hoc-|Insider)?(?:Mitteilung|Meldung|Corporate News|Pressemitteilung)(?:\s*[-–]?\s*(?:DGAP|EQS)[- ]News-?Service)?`,
        String.raw`End of (?:Announcement|Inside Information|Media Release)(?:\s*[-–]?\s*(?:DGAP|EQS) News[- ]Service)?`,
      ].join('|'),
      'giu',
    ),
  },
  // "Rückfragen bitte an: Polizeipräsidium … Telefon: … E-Mail: … Original-Content von: Polizeipräsidium
  // Beispielstadt, übermittelt durch news aktuell": the contact block and footer of an ots press release.
  {
    rule: 'press-release-footer',
    pattern: new RegExp(
      String.raw`(?:${CONTACT_BLOCK_LABEL}|(?:Tel(?:efon|\.)?:?\s*)?\+?\d[\d/ -]{5,}(?=[^.!?]{0,200}E-Mail)|E-Mail\s*:)` +
        `[^]{0,${MAX_CONTACT_BLOCK_CHARS}}?` +
        ORIGINAL_CONTENT_FOOTER +
        '|' +
        ORIGINAL_CONTENT_FOOTER,
      'giu',
    ),
  },
];

/** A piece of a paragraph between sentence ends or line breaks; glued ends count too ("Datenschutzerklärung.Details …"). */
const SENTENCE_PIECE = /[^.!?…\n]*(?:[.!?…]+["“”»«'’)]*|\n|$)\s*/gu;
/**
 * A capitalised function word after a lower-case word can only open a sentence ("Schweiz schränkt
 * Export ein Um die Funktion unserer Website …"): a headline glued to a notice stays out of it.
 */
const GLUED_SENTENCE_OPENING = /(?<=\p{Ll})\s+(?=(?:Um|Wir|Durch|Indem|Wenn|Für|Bitte|Hier|Weitere|Diese[rs]?|We|By|To|Please|This)\s)/gu;

/**
 * The site speaking to its reader: polite "Sie"/"Ihr" inside a sentence (at its start "Sie" may be
 * "they"), "wir"/"unser", "siehe", "you", "we", "our". A report on data protection or a map quotes
 * others and has none of these of its own.
 */
const READER_ADDRESS = /(?<=\S\s+)(?:Sie|Ihr(?:e[mnrs]?)?|Ihnen)\b|\b(?:wir|unser\p{L}*|siehe|you|your|we|our)\b/u;

/** "…", sagte der Sprecher: a quoted "wir" is someone's statement, not the site speaking. */
const REPORTED_SPEECH = /["“”»«,]\s*(?:sagte|sagt|erklärte|betonte|teilte|hieß es|so|said|says|told)\b/u;

/** A sentence longer than this is article text that happens to share words with a notice. */
const MAX_NOTICE_SENTENCE_CHARS = 400;

interface NoticeRule {
  readonly rule: string;
  /** A sentence that addresses the reader (READER_ADDRESS) and has these words is a notice. */
  readonly addressedWith: readonly RegExp[];
  /** A sentence next to a notice with these words belongs to it, addressed or not. */
  readonly neighbourWith: RegExp | null;
}

/** Data-processing words: what a consent notice is about ("sammeln wir … Informationen über Sie"). */
const DATA_PROCESSING_TERMS =
  /cookie|datenschutz\p{L}*|datenverarbeitung\p{L}*|personenbezogene\p{L}* daten|persönliche\p{L}* (?:daten|informationen)|drittanbieter\p{L}*|externen anbieter\p{L}*|(?:sammeln|erheben|speichern|verarbeiten) wir [^.!?]{0,60}(?:daten|informationen)|tracking|privacy policy|personal data|third[- ]part(?:y|ies)|we (?:collect|store|process) [^.!?]{0,60}(?:data|information)/iu;
/** Agreeing, which a notice asks for and a debate is full of ("mit weniger Geld einverstanden"). */
const CONSENT_TERMS = /einwilligung|zustimmung|zustimmen|stimmen Sie|einverstanden|widerruf\p{L}*|consent|agree/iu;
/**
 * The page itself: its site, the reader's browser, a button or box to click. A speech on data
 * protection ("Wir müssen den Datenschutz stärken") names none of these.
 */
const PAGE_TERMS = /website|webseite|internetseite|browser|(?:an)?klick\p{L}*|akzeptieren|einstellungen|kontrollkästchen|externe\p{L}* inhalte|click\p{L}*|accept|settings/iu;

/** Sentence rules, tried in order; the first match decides. */
export const NOTICE_SENTENCES: readonly NoticeRule[] = [
  // "Durch die weitere Nutzung unserer Website erklären Sie sich mit dem Einsatz von Cookies einverstanden."
  { rule: 'consent-notice', addressedWith: [PAGE_TERMS, DATA_PROCESSING_TERMS], neighbourWith: DATA_PROCESSING_TERMS },
  // "Mit „OK“ klicken Sie Ihre Zustimmung …", "By clicking accept you consent …".
  { rule: 'consent-notice', addressedWith: [PAGE_TERMS, CONSENT_TERMS], neighbourWith: DATA_PROCESSING_TERMS },
  // "Hier können Sie sich für den Newsletter anmelden.", "Sign up for our newsletter".
  {
    rule: 'newsletter-signup',
    addressedWith: [/newsletter/iu, /anmelden|abonnieren|bestellen|registrieren|sign(?:ing)? up|subscribe|inbox|posteingang/iu],
    neighbourWith: null,
  },
  // "Wenn Sie in die Karte hineinzoomen, sehen Sie …", "Klicken Sie auf einen Punkt": how to use an
  // embedded map or chart; "Die interaktive Karte zeigt …" and "Außerdem können Sie hier …" next to it go with it.
  {
    rule: 'widget-instructions',
    addressedWith: [/\b(?:klicken|anklicken|tippen|antippen|(?:rein|hinein|heran|heraus)?zoomen|scrollen|wischen|click|tap|zoom|scroll|swipe|hover)\b/iu],
    neighbourWith: /\binteraktive\p{L}* (?:Karte|Grafik)|\binteractive (?:map|chart|graphic)|(?<=\S\s+)Sie\b[^.!?]*\bhier\b|\bhier\b[^.!?]*(?<=\S\s+)Sie\b/u,
  },
];

/**
 * Spans of boilerplate in one paragraph, in text order, not overlapping: template phrases, and whole
 * sentences of notices (NOTICE_SENTENCES). A notice runs on over neighbouring sentences of its kind
 * that do not address the reader ("Persönliche Daten können an Drittanbieter übermittelt werden.").
 */
/** Every span rule id (phrase and notice rules); a caller may switch any of them off. */
export const BOILERPLATE_SPAN_RULES: readonly string[] = [...new Set([...BOILERPLATE_PHRASES, ...NOTICE_SENTENCES].map((r) => r.rule))];

/** Which span rules apply: all unless a rule is switched off (`false`). */
export type SpanRuleSwitches = Readonly<Record<string, boolean>>;

export function findBoilerplateSpans(text: string, switches: SpanRuleSwitches = {}): BoilerplateSpan[] {
  const on = (rule: string) => switches[rule] !== false;
  const spans: BoilerplateSpan[] = [];
  for (const { rule, pattern } of BOILERPLATE_PHRASES) {
    if (!on(rule)) continue;
    for (const match of text.matchAll(pattern)) spans.push({ rule, start: match.index, end: match.index + match[0].length });
  }
  spans.push(...findNoticeSentences(text, NOTICE_SENTENCES.filter((r) => on(r.rule))));
  return mergeSpans(text, spans);
}

function findNoticeSentences(text: string, noticeRules: readonly NoticeRule[]): BoilerplateSpan[] {
  if (noticeRules.length === 0) return [];
  const sentences = splitSentencePieces(text);
  const candidate = (sentence: string) => sentence.length <= MAX_NOTICE_SENTENCE_CHARS && !REPORTED_SPEECH.test(sentence);
  const rules = sentences.map(({ text: sentence }) => {
    if (!candidate(sentence) || !READER_ADDRESS.test(sentence)) return null;
    return noticeRules.find(({ addressedWith }) => addressedWith.every((words) => words.test(sentence))) ?? null;
  });
  // Forwards, then backwards, so a notice grows over several neighbours on either side.
  for (const order of [[...sentences.keys()], [...sentences.keys()].reverse()]) {
    let previous: NoticeRule | null = null;
    for (const i of order) {
      const sentence = sentences[i]!.text;
      if (rules[i] === null && previous?.neighbourWith?.test(sentence) && candidate(sentence)) rules[i] = previous;
      previous = rules[i]!;
    }
  }
  return sentences.flatMap(({ start, end }, i) => {
    const rule = rules[i];
    return rule ? [{ rule: rule.rule, start, end }] : [];
  });
}

function splitSentencePieces(text: string): { start: number; end: number; text: string }[] {
  const bounds: number[] = [];
  for (const piece of text.matchAll(SENTENCE_PIECE)) {
    if (piece[0] === '') continue;
    bounds.push(piece.index);
    for (const opening of piece[0].matchAll(GLUED_SENTENCE_OPENING)) bounds.push(piece.index + opening.index + opening[0].length);
  }
  return bounds.map((start, i) => {
    const end = bounds[i + 1] ?? text.length;
    return { start, end, text: text.slice(start, end).trim() };
  });
}

/** Spans that overlap or stand only white space apart become one, named after the first. */
function mergeSpans(text: string, spans: BoilerplateSpan[]): BoilerplateSpan[] {
  const merged: BoilerplateSpan[] = [];
  for (const span of [...spans].sort((a, b) => a.start - b.start || b.end - a.end)) {
    const last = merged.at(-1);
    if (last && (span.start <= last.end || text.slice(last.end, span.start).trim() === '')) merged[merged.length - 1] = { ...last, end: Math.max(last.end, span.end) };
    else merged.push(span);
  }
  return merged;
}

/** The paragraph without its boilerplate spans (one space where a span was), and the spans' texts. */
export function cutBoilerplateSpans(text: string, switches: SpanRuleSwitches = {}): { text: string; removed: string[] } {
  const spans = findBoilerplateSpans(text, switches);
  if (spans.length === 0) return { text, removed: [] };
  const kept: string[] = [];
  let from = 0;
  for (const { start, end } of spans) {
    kept.push(text.slice(from, start));
    from = end;
  }
  kept.push(text.slice(from));
  return {
    text: kept.map((piece) => piece.trim()).filter((piece) => piece !== '').join(' '),
    removed: spans.map(({ start, end }) => text.slice(start, end).trim()),
  };
}
