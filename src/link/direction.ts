/**
 * Who copied whom: from explicit attribution ("Weiter berichtet RT DE:"), agency credits and
 * publication times, with a confidence; 'unknown' when the evidence does not tell, e.g. two
 * rewrites of one dpa text published the same day.
 */
import type { Credit } from '../article.js';
import { commonAgencyCredit } from './link-kind.js';

export interface DirectionEvidence {
  readonly text: string;
  /** ISO 8601 at the precision known ("2022-02-04", "2022-02-04T11:02+01:00"), or null. */
  readonly published: string | null;
  readonly outlet: string | null;
  readonly credits: readonly Pick<Credit, 'name' | 'kind'>[];
}

export interface CopyDirection {
  /** Which side is the likely source: the other one took its text from it. */
  readonly source: 'a' | 'b' | 'unknown';
  /** 0–1; 0 with 'unknown'. */
  readonly confidence: number;
  /** One line a user can check: "b names a's outlet in an attribution", "both credit dpa". */
  readonly reason: string;
}

/** Confidences of each kind of evidence, strongest first: a named source beats a time stamp. */
const CONFIDENCE = {
  namedAttribution: 0.9,
  creditsOtherOutlet: 0.8,
  earlierByTime: 0.7,
  earlierByDay: 0.6,
} as const;

/** Time stamps closer than this are no evidence: clocks, time zones and feed delays blur them. */
const MIN_TIME_DIFFERENCE_MS = 60 * 60 * 1000;
const WITH_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const DAY = /^\d{4}-\d{2}-\d{2}/;
/** "berichtet RT DE", "Dies berichtet das Magazin RT DE", "laut dpa", "wie die Welt schreibt". */
const attributionNaming = (outlet: string) =>
  new RegExp(
    `(?:berichte[tn]?|berichtete[n]?|schreib(?:t|en)|schrieb|meldete?|laut|zufolge|Quelle:)[^.!?\\n]{0,40}\\b${escapeRegExp(outlet)}\\b|\\b${escapeRegExp(outlet)}\\b[^.!?\\n]{0,20}(?:berichte[tn]?|schreibt|meldete?|zufolge)`,
    'u',
  );

export function judgeCopyDirection(a: DirectionEvidence, b: DirectionEvidence): CopyDirection {
  if (b.outlet !== null && attributionNaming(b.outlet).test(a.text)) {
    return { source: 'b', confidence: CONFIDENCE.namedAttribution, reason: `a attributes its text to ${b.outlet}` };
  }
  if (a.outlet !== null && attributionNaming(a.outlet).test(b.text)) {
    return { source: 'a', confidence: CONFIDENCE.namedAttribution, reason: `b attributes its text to ${a.outlet}` };
  }
  // A credit names the source only when the credited side does not credit that name itself: an
  // agency's later roundup (outlet dpa, "Quelle: dpa") and its earlier wire both come from dpa.
  if (b.outlet !== null && a.credits.some((c) => c.name === b.outlet) && !b.credits.some((c) => c.name === b.outlet)) {
    return { source: 'b', confidence: CONFIDENCE.creditsOtherOutlet, reason: `a credits ${b.outlet}` };
  }
  if (a.outlet !== null && b.credits.some((c) => c.name === a.outlet) && !a.credits.some((c) => c.name === a.outlet)) {
    return { source: 'a', confidence: CONFIDENCE.creditsOtherOutlet, reason: `b credits ${a.outlet}` };
  }
  const byTime = compareTimes(a.published, b.published);
  if (byTime !== null) return byTime;
  const common = commonAgencyCredit(a.credits, b.credits);
  const reason = common !== undefined ? `both credit ${common}: likely rewrites of one agency text` : 'no attribution, credit or usable time';
  return { source: 'unknown', confidence: 0, reason };
}

function compareTimes(a: string | null, b: string | null): CopyDirection | null {
  if (a === null || b === null) return null;
  if (WITH_TIME.test(a) && WITH_TIME.test(b)) {
    const difference = Date.parse(a) - Date.parse(b);
    if (Number.isNaN(difference) || Math.abs(difference) < MIN_TIME_DIFFERENCE_MS) return null;
    return { source: difference < 0 ? 'a' : 'b', confidence: CONFIDENCE.earlierByTime, reason: 'published earlier' };
  }
  const dayA = DAY.exec(a)?.[0];
  const dayB = DAY.exec(b)?.[0];
  if (dayA === undefined || dayB === undefined || dayA === dayB) return null;
  return { source: dayA < dayB ? 'a' : 'b', confidence: CONFIDENCE.earlierByDay, reason: 'published on an earlier day' };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
