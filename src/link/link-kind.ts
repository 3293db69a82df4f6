/**
 * What kind of reuse a passage is: the same text, an edited copy, two rewrites of one agency text,
 * one outlet quoting another's report, or the same statement in other words. Decided from how much
 * of both texts the passage covers, how densely it was edited, and hints the caller knows (credits).
 */
import type { Credit } from '../article.js';
import type { Passage } from './align-passages.js';
import type { ReuseKind } from '../records.js';

export interface LinkKindOptions {
  /**
   * Share of both texts' tokens a single passage must cover, with no edit inside, to call the two
   * texts identical: a rounding margin for a changed sign-off, not for edits.
   */
  readonly identicalMinCoverage: number;
}

export const DEFAULT_LINK_KIND_OPTIONS: LinkKindOptions = { identicalMinCoverage: 0.98 };

/** What the caller knows about one side of a passage beyond its text. */
export interface PassageSide {
  readonly text: string;
  readonly tokenCount: number;
  readonly credits: readonly Pick<Credit, 'name' | 'kind'>[];
}

/**
 * An attribution right before a passage: `Weiter berichtet RT DE: "`, `schrieb die "Welt":`,
 * `heißt es bei Reuters: „`. The reporting verb, up to 60 characters of source, a colon, an optional quote mark.
 */
export const ATTRIBUTION_BEFORE_PASSAGE_DE =
  /\b(?:berichte[tn]?|berichtete[n]?|schreib(?:t|en)|schrieb(?:en)?|meldete?n?|zitiert(?:e|en)?|(?:heißt es|[Ee]s heißt) (?:bei|in|im)|so)\b[^.!?\n:]{0,60}:\s*[„"»“]?\s*$/u;
/** How far before a passage an attribution is looked for (characters). */
const ATTRIBUTION_WINDOW_CHARS = 100;

export function decideVerbatimKind(
  passage: Passage,
  a: PassageSide,
  b: PassageSide,
  options: LinkKindOptions = DEFAULT_LINK_KIND_OPTIONS,
): Exclude<ReuseKind, 'paraphrase'> {
  const unedited = passage.matchedTokens === passage.aTokens && passage.aTokens === passage.bTokens;
  const coverage = Math.min(passage.aTokens / Math.max(a.tokenCount, 1), passage.bTokens / Math.max(b.tokenCount, 1));
  if (unedited && coverage >= options.identicalMinCoverage) return 'identical';
  if (isAttributed(a.text, passage.a.start) || isAttributed(b.text, passage.b.start)) return 'quotation';
  if (shareAgencyCredit(a.credits, b.credits)) return 'shared-wire';
  return 'near-verbatim';
}

function isAttributed(text: string, passageStart: number): boolean {
  return ATTRIBUTION_BEFORE_PASSAGE_DE.test(text.slice(Math.max(0, passageStart - ATTRIBUTION_WINDOW_CHARS), passageStart));
}

/**
 * Sentences retold in other words are shared wire when both articles credit one agency: two
 * rewrites of one dpa text word it differently, each outlet its own way (seed 001 and the dpa-AFX
 * roundup in seed 000). Otherwise they are a paraphrase.
 */
export function decideRetoldKind(a: Pick<PassageSide, 'credits'>, b: Pick<PassageSide, 'credits'>): 'shared-wire' | 'paraphrase' {
  return shareAgencyCredit(a.credits, b.credits) ? 'shared-wire' : 'paraphrase';
}

/** Whether both sides credit one agency, counting an agency's own service as the agency (see agencyFamilyOf). */
export function shareAgencyCredit(
  a: readonly Pick<Credit, 'name' | 'kind'>[],
  b: readonly Pick<Credit, 'name' | 'kind'>[],
): boolean {
  return commonAgencyCredit(a, b) !== undefined;
}

/** The agency a credits that b credits too (or b credits its agency), as a names it. */
export function commonAgencyCredit(
  a: readonly Pick<Credit, 'name' | 'kind'>[],
  b: readonly Pick<Credit, 'name' | 'kind'>[],
): string | undefined {
  const families = new Set(b.filter((y) => y.kind === 'agency').map((y) => agencyFamilyOf(y.name)));
  return a.find((x) => x.kind === 'agency' && families.has(agencyFamilyOf(x.name)))?.name;
}

/**
 * The agency behind a credited name: a service named after its agency with a suffix ("dpa-AFX",
 * dpa's business wire) runs that agency's text, so it counts as the agency ("dpa").
 */
export function agencyFamilyOf(name: string): string {
  return name.split('-')[0]!.trim().toLowerCase();
}

/** 0–1: how much of the passage matched word for word (1 − edit density), over the longer side. */
export function verbatimScore(passage: Passage): number {
  return passage.matchedTokens / Math.max(passage.aTokens, passage.bTokens, 1);
}
