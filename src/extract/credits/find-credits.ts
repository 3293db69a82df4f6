/** Finds the news agencies and sources an article credits ("Quelle: dpa, AFP", "(dpa-AFX)", "AP und Reuters haben … beigetragen"). */
import type { Credit, SideText } from '../../article.js';
import type { Page } from '../../page.js';
import type { AgencyLexicon, CreditedSource } from './agency-lexicon.js';

/**
 * How a frame treats the names it holds:
 * - `agencies-only`: every name must be a known agency, or the frame credits nothing ("(AP)" after a
 *   party name is an abbreviation, "(dpa/AFP)" a credit);
 * - `known`: known sources are credited, other names skipped ("Von Anna Beispiel und dpa": the author);
 * - `named`: the frame itself says "source", so an unknown name is credited too, as an outlet
 *   ("Quelle: Orlatal Online"); reading it is not guessing.
 */
type NameMode = 'agencies-only' | 'known' | 'named';

interface CreditFrame {
  /** Captures the credited names in its `names` group. */
  readonly pattern: RegExp;
  readonly names: NameMode;
  /** Short lower-case tokens are an author's initials ("ab" in "ab/dpa", "kb" in "(dpa/kb)"), skipped. */
  readonly allowsInitials?: boolean;
}

/**
 * Where a credit is stated. A name counts only inside one of these frames: the same "AP" or
 * "Xinhua" in running text ("wie Xinhua berichtete") is a quoted source, not a credit.
 */
const CREDIT_FRAMES: readonly CreditFrame[] = [
  // "Quelle: dpa, AFP", "Quellen: Reuters/AP", "Mit Material von: dpa"
  { pattern: /^(?:Quellen?|Mit Material von|Material|Agenturen|Sources?)\s*:\s*(?<names>.{1,120})$/iu, names: 'named' },
  // "mit Material von dpa und AFP", "mit Material der Nachrichtenagenturen Reuters und AP"
  { pattern: /\b[Mm]it Material (?:von|der|des)\s+(?<names>[^.;:()]{2,80})/u, names: 'known' },
  // "AP und Reuters haben zu diesem Bericht beigetragen"
  {
    pattern: /(?:^|[.!?;]\s+)(?<names>[^.!?;]{2,80}?)\s+(?:haben|hat)\s+zu\s+diese[mr]\s+(?:Bericht|Artikel|Beitrag|Text)\s+beigetragen/u,
    names: 'known',
  },
  // "Reuters contributed to this report.", "…; Reuters contributed."
  {
    pattern: /(?:^|[.!?;]\s+)(?<names>[^.!?;]{2,80}?)\s+contributed(?:\s+to this (?:report|story|article)|\s+reporting)?(?=[.;]|$)/u,
    names: 'known',
  },
  // "Dies berichtet das Magazin "RT DE"." The demonstrative credits the whole text, unlike "wie X berichtete".
  {
    pattern:
      /\b(?:Dies|Das)\s+(?:berichtet|berichtete|meldet|meldete|schreibt|schrieb)\s+(?:das Magazin|die Zeitung|der Sender|das Portal|das Nachrichtenportal|die Nachrichtenagentur|die Agentur|der Nachrichtensender|das Nachrichtenmagazin)?\s*(?<names>["„“»]?[^"“”«.,;:]{2,40}["“”«]?)/u,
    names: 'named',
  },
  // "Weiter berichtet RT DE: …"
  { pattern: /\bWeiter (?:berichtet|schreibt|meldet)\s+(?<names>[^:,."„“]{2,40}):/u, names: 'named' },
  // Dateline "PEKING (dpa-AFX) - …"
  { pattern: /\((?<names>[^()]{2,40})\)\s*[-–—]\s/u, names: 'agencies-only' },
  // Trailing "(dpa)" or "(dpa/kb)" closing a paragraph.
  { pattern: /\((?<names>[^()]{2,40})\)$/u, names: 'agencies-only', allowsInitials: true },
  // Author initials and agencies on a line of their own: "ab/dpa", "dpa/AFP/rtr".
  {
    pattern: /^(?<names>[\p{L}-]{2,12}(?:\s?\/\s?[\p{L}-]{2,12})+)\.?$/u,
    names: 'agencies-only',
    allowsInitials: true,
  },
];

/** A byline credits the agencies among its authors: "Von Tobias Renner und dpa", "By Jane Doe, Reuters". */
const BYLINE_FRAME: CreditFrame = { pattern: /^(?:(?:Von|von|By|by|Text:?)\s+)?(?<names>.{2,160})$/u, names: 'known' };
/** A line the cleaner set aside as a credit may be a bare list: "dpa, AFP", "(dpa/kb)". */
const BARE_CREDIT_LINE: CreditFrame = { pattern: /^(?<names>.{2,160})$/u, names: 'named', allowsInitials: true };

/** Words that make a line or parenthesis a picture credit ("Foto: dpa", "(POOL/AFP über Getty Images)"), which is no text credit. */
const PHOTO_CREDIT_CUE =
  /^(?:Fotos?|Bild|Bilder|Bildquelle|Photo|Image)\s*:|©|www\.|picture[ -]alliance|(?<!\p{L})(?:Getty|imago|IMAGO|Foto|Photo|über|via)(?!\p{L})/u;
const PHOTO_CREDIT_LINE = /^(?:Fotos?|Bild|Bilder|Bildquelle|Photo|Image)\s*:|^©/u;
const NAME_LIST_SEPARATOR = /\s*(?:,|\/|;|&|\bund\b|\band\b|\bsowie\b)\s*/u;
/** Words around a credited name that are not part of it: "die Nachrichtenagenturen AP und Reuters", quotes, brackets, a final stop. */
const NAME_FRAME_WORDS = /^(?:den|der|die|des|dem|das|the)?\s*(?:Nachrichtenagenturen?|Agenturen?|Magazins?|Zeitung|Senders?|Portals?)?\s*/iu;
const NAME_WRAPPING = /^["„“»«”'(]+|["„“»«”'.)]+$/gu;
const AUTHOR_INITIALS = /^\p{Ll}{2,4}$/u;
/** What an unknown source's name looks like: capitalised, up to four words, no URL or sentence. */
const SOURCE_NAME_SHAPE = /^\p{Lu}[\p{L}\d&'.-]*(?:\s[\p{L}\d&'.-]+){0,3}$/u;
const MAX_SOURCE_NAME_CHARS = 40;
/** Credit lines that name no source: "Quelle: eigene Recherche", "Quelle: Redaktion". */
const NO_SOURCE_NAMED = /^(?:eigene|Eigene|Redaktion|Archiv|privat|Privat|Pressemitteilung|Presse)\b/u;

/** Side texts that may carry a text credit; captions and photo credits only credit pictures. */
const CREDITING_SIDE_TEXTS: ReadonlySet<SideText['kind']> = new Set(['credit-line', 'byline']);

/** Credits stated in an article's text, in its page's credit lines and in its byline. */
export function findCredits(text: string, page: Pick<Page, 'sideTexts' | 'byline'>, lexicon: AgencyLexicon): Credit[] {
  const credits = new Map<string, Credit>();
  const sideTexts: readonly SideText[] = page.byline ? [...page.sideTexts, { kind: 'byline', text: page.byline }] : page.sideTexts;
  const lines: { readonly line: string; readonly kind: SideText['kind'] | 'body' }[] = [
    ...text.split('\n').map((line) => ({ line: line.trim(), kind: 'body' as const })),
    ...sideTexts.filter((side) => CREDITING_SIDE_TEXTS.has(side.kind)).map((side) => ({ line: side.text.trim(), kind: side.kind })),
  ];
  for (const { line, kind } of lines) {
    if (line === '' || PHOTO_CREDIT_LINE.test(line)) continue;
    let framed = false;
    for (const frame of CREDIT_FRAMES) {
      const found = readFrame(frame, line, lexicon);
      if (found === null) continue;
      framed = true;
      for (const credit of found) if (!credits.has(credit.name)) credits.set(credit.name, credit);
    }
    const fallback = kind === 'byline' ? BYLINE_FRAME : kind === 'credit-line' ? BARE_CREDIT_LINE : null;
    if (fallback && !framed) {
      for (const credit of readFrame(fallback, line, lexicon) ?? []) if (!credits.has(credit.name)) credits.set(credit.name, credit);
    }
  }
  return [...credits.values()];
}

/** The credits one frame finds in a line, or null when the frame does not apply. */
function readFrame(frame: CreditFrame, line: string, lexicon: AgencyLexicon): Credit[] | null {
  const match = frame.pattern.exec(line);
  const names = match?.groups?.names;
  if (!match || names === undefined || PHOTO_CREDIT_CUE.test(names)) return null;
  const evidence = match[0].replace(/^[.!?;]\s+/u, '').trim();
  const found: Credit[] = [];
  for (const part of names.split(NAME_LIST_SEPARATOR)) {
    const name = part.replace(NAME_FRAME_WORDS, '').replace(NAME_WRAPPING, '').trim();
    if (name === '') continue;
    const source: CreditedSource | undefined = lexicon.findSource(name);
    if (source && (frame.names !== 'agencies-only' || source.kind === 'agency')) {
      found.push({ name: source.name, kind: source.kind, evidence });
    } else if (frame.allowsInitials && AUTHOR_INITIALS.test(name)) {
      // an author's initials ("(kb)") credit nobody and leave the rest of the list valid
    } else if (frame.names === 'agencies-only') {
      return null;
    } else if (frame.names === 'named' && isSourceName(name)) {
      found.push({ name, kind: 'outlet', evidence });
    }
  }
  return found.length > 0 ? found : null;
}

function isSourceName(name: string): boolean {
  return name.length <= MAX_SOURCE_NAME_CHARS && SOURCE_NAME_SHAPE.test(name) && !NO_SOURCE_NAMED.test(name);
}
