/** Finds the news agencies and sources an article credits ("Quelle: dpa, AFP", "(dpa-AFX)", "AP und Reuters haben … beigetragen"). */
import type { Credit, SideText } from '../../article.js';
import type { AgencyLexicon, CreditedSource } from './agency-lexicon.js';

/**
 * Where a credit is stated. A name counts only inside one of these frames: the same "AP" or
 * "Xinhua" in running text ("wie Xinhua berichtete") is a quoted source, not a credit.
 * Each pattern captures the credited names in its `names` group.
 */
interface CreditFrame {
  readonly rule: string;
  readonly pattern: RegExp;
  /** Every name in the frame must be a known agency, or the frame credits nothing (see `readNameList`). */
  readonly agenciesOnly: boolean;
  /** Short lower-case tokens are an author's initials ("ab" in "ab/dpa"), skipped rather than unknown. */
  readonly allowsInitials?: boolean;
}

const CREDIT_FRAMES_DE: readonly CreditFrame[] = [
  // "Quelle: dpa, AFP", "Quellen: Reuters/AP", "Mit Material von: dpa"
  {
    rule: 'source-line',
    pattern: /^(?:Quellen?|Mit Material von|Material|Agenturen|Sources?)\s*:\s*(?<names>.{1,120})$/iu,
    agenciesOnly: false,
  },
  // "mit Material von dpa und AFP", "mit Material der Nachrichtenagenturen Reuters und AP"
  {
    rule: 'with-material',
    pattern: /\b[Mm]it Material (?:von|der|des)\s+(?<names>[^.;:()]{2,80})/u,
    agenciesOnly: false,
  },
  // "AP und Reuters haben zu diesem Bericht beigetragen"
  {
    rule: 'contributed',
    pattern: /(?:^|[.!?]\s+)(?<names>[^.!?]{2,80}?)\s+(?:haben|hat)\s+zu\s+diese[mr]\s+(?:Bericht|Artikel|Beitrag|Text)\s+beigetragen/u,
    agenciesOnly: false,
  },
  { rule: 'contributed', pattern: /(?:^|[.!?]\s+)(?<names>[^.!?]{2,80}?)\s+contributed to this (?:report|story|article)/u, agenciesOnly: false },
  // "Dies berichtet das Magazin "RT DE"." The demonstrative credits the whole text, unlike "wie X berichtete".
  {
    rule: 'reported-by',
    pattern:
      /\b(?:Dies|Das)\s+(?:berichtet|berichtete|meldet|meldete|schreibt|schrieb)\s+(?:das Magazin|die Zeitung|der Sender|das Portal|das Nachrichtenportal|die Nachrichtenagentur|die Agentur|der Nachrichtensender|das Nachrichtenmagazin)?\s*(?<names>["„“»]?[^"“”«.,;:]{2,40}["“”«]?)/u,
    agenciesOnly: false,
  },
  // "Weiter berichtet RT DE: …"
  { rule: 'reported-by', pattern: /\bWeiter (?:berichtet|schreibt|meldet)\s+(?<names>[^:,."„“]{2,40}):/u, agenciesOnly: false },
  // Dateline "PEKING (dpa-AFX) - …"
  { rule: 'dateline', pattern: /\((?<names>[^()]{2,40})\)\s*[-–—]\s/u, agenciesOnly: true },
  // Trailing "(dpa)" or "(dpa/AFP)" closing a paragraph.
  { rule: 'trailing-parenthesis', pattern: /\((?<names>[^()]{2,40})\)$/u, agenciesOnly: true },
  // Author initials and agencies on a line of their own: "ab/dpa", "dpa/AFP/rtr".
  {
    rule: 'slash-line',
    pattern: /^(?<names>[\p{L}-]{2,12}(?:\s?\/\s?[\p{L}-]{2,12})+)\.?$/u,
    agenciesOnly: true,
    allowsInitials: true,
  },
];

/** Words that make a line or parenthesis a picture credit ("Foto: dpa", "(POOL/AFP über Getty Images)"), which is no text credit. */
const PHOTO_CREDIT_CUE =
  /^(?:Fotos?|Bild|Bilder|Bildquelle|Photo|Image)\s*:|©|www\.|picture[ -]alliance|(?<!\p{L})(?:Getty|imago|IMAGO|Foto|Photo|über|via)(?!\p{L})/u;
const NAME_LIST_SEPARATOR = /\s*(?:,|\/|;|&|\bund\b|\band\b|\bsowie\b)\s*/u;
/** Words around a credited name that are not part of it: "die Nachrichtenagenturen AP und Reuters", quotes, a final stop. */
const NAME_FRAME_WORDS = /^(?:den|der|die|des|dem|das|the)?\s*(?:Nachrichtenagenturen?|Agenturen?|Magazins?|Zeitung|Senders?|Portals?)?\s*/iu;
const NAME_QUOTES = /^["„“»«”']+|["„“»«”'.]+$/gu;

const AUTHOR_INITIALS = /^\p{Ll}{2,4}$/u;
const BARE_LIST: CreditFrame = { rule: 'credit-line', pattern: /^/u, agenciesOnly: false };

/** Side texts that may carry a text credit; captions and photo credits only credit pictures. */
const CREDITING_SIDE_TEXTS: ReadonlySet<SideText['kind']> = new Set(['credit-line', 'byline']);

export function findCredits(text: string, sideTexts: readonly SideText[], lexicon: AgencyLexicon): Credit[] {
  const credits = new Map<string, Credit>();
  const addCredit = (source: CreditedSource, evidence: string) => {
    if (!credits.has(source.name)) credits.set(source.name, { name: source.name, kind: source.kind, evidence });
  };

  const lines = [
    ...text.split('\n').map((line) => ({ line: line.trim(), isCreditLine: false })),
    ...sideTexts
      .filter((side) => CREDITING_SIDE_TEXTS.has(side.kind))
      .map((side) => ({ line: side.text.trim(), isCreditLine: side.kind === 'credit-line' })),
  ];
  for (const { line, isCreditLine } of lines) {
    if (line === '' || /^(?:Fotos?|Bild|Bilder|Bildquelle|Photo|Image)\s*:|^©/u.test(line)) continue;
    let framed = false;
    for (const frame of CREDIT_FRAMES_DE) {
      const match = frame.pattern.exec(line);
      const names = match?.groups?.['names'];
      if (!match || names === undefined || PHOTO_CREDIT_CUE.test(names)) continue;
      const sources = readNameList(names, lexicon, frame);
      if (sources === null) continue;
      framed = true;
      for (const source of sources) addCredit(source, match[0].trim());
    }
    // A line the cleaner set aside as a credit may be a bare list: "dpa, AFP".
    if (isCreditLine && !framed) {
      for (const source of readNameList(line, lexicon, BARE_LIST) ?? []) addCredit(source, line);
    }
  }
  return [...credits.values()];
}

/**
 * The sources a list of names credits. With `frame.agenciesOnly`, every name must be a known agency or
 * the list counts for nothing: "(AP)" after a party name is an abbreviation, "(dpa/AFP)" is a credit.
 */
function readNameList(names: string, lexicon: AgencyLexicon, frame: CreditFrame): CreditedSource[] | null {
  const found: CreditedSource[] = [];
  for (const part of names.split(NAME_LIST_SEPARATOR)) {
    const name = part.replace(NAME_FRAME_WORDS, '').replace(NAME_QUOTES, '').trim();
    if (name === '') continue;
    const source = lexicon.findSource(name);
    if (source && (!frame.agenciesOnly || source.kind === 'agency')) found.push(source);
    else if (frame.allowsInitials && AUTHOR_INITIALS.test(name)) continue;
    else if (frame.agenciesOnly) return null;
  }
  return found.length > 0 ? found : null;
}
