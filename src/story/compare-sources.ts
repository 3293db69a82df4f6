/**
 * Source comparison for one event: per outlet what it carried (entities, quotes, framing markers),
 * who reported first, what only one outlet has and which core entities an outlet left out, and how
 * much the coverage rests on agency copy (credits, and sentences several outlets carry word for word).
 */
import type { Article } from '../article.js';
import { foldWord } from '../link/reuse-tokens.js';
import { findFramingMarkers, type FramingLexicon, type FramingMarker } from './framing-markers.js';

export interface OutletCoverage {
  readonly outlet: string;
  readonly articleIds: readonly string[];
  /** Earliest publication of its articles, null when none is dated. */
  readonly firstPublished: string | null;
  /** Agencies and sources its articles credit. */
  readonly credits: readonly string[];
  /** Canonical entities it names that no other outlet of the event names. */
  readonly uniqueEntities: readonly string[];
  /** Core entities of the event it does not name. */
  readonly leftOut: readonly string[];
  /** Speakers it quotes, with how many quotes. */
  readonly quotes: readonly { readonly speaker: string; readonly count: number }[];
  readonly framing: readonly (FramingMarker & { readonly articleId: string })[];
  /** Quoted or reported claims with a speaker, and those without one (with offsets): attribution, shown not judged. */
  readonly attributedClaims: number;
  readonly unattributedClaims: readonly { readonly articleId: string; readonly start: number; readonly end: number }[];
}

export interface AgencyDependence {
  readonly agency: string;
  /** Outlets whose articles credit the agency. */
  readonly outlets: readonly string[];
  readonly ofOutlets: number;
  /** "2 of 3 outlets credit dpa". */
  readonly text: string;
}

export interface SourceComparison {
  readonly outlets: readonly OutletCoverage[];
  readonly firstReported: { readonly outlet: string; readonly articleId: string; readonly published: string } | null;
  readonly agencyDependence: readonly AgencyDependence[];
  /** Outlets that share at least one long sentence word for word with another outlet. */
  readonly sharedTextOutlets: readonly string[];
  /** Speaker → outlets quoting them. */
  readonly quoteUsage: readonly { readonly speaker: string; readonly outlets: readonly string[] }[];
}

const UNKNOWN_OUTLET = '(unknown outlet)';
const SENTENCE = /[^.!?\n]+[.!?]+/g;
/** A shared sentence this long (words) is copy, not coincidence. */
const COPY_SENTENCE_WORDS = 12;

export function compareSources(articles: readonly Article[], coreEntities: readonly string[], lexicon: FramingLexicon): SourceComparison {
  const byOutlet = new Map<string, Article[]>();
  for (const a of articles) byOutlet.set(a.outlet ?? UNKNOWN_OUTLET, [...(byOutlet.get(a.outlet ?? UNKNOWN_OUTLET) ?? []), a]);
  const entitiesOf = (list: readonly Article[]) => new Set(list.flatMap((a) => (a.entities ?? []).map((e) => e.canonical).filter((c): c is string => c !== null)));
  const outletEntities = new Map([...byOutlet].map(([o, list]) => [o, entitiesOf(list)]));
  const outletsNaming = new Map<string, number>();
  for (const set of outletEntities.values()) for (const key of set) outletsNaming.set(key, (outletsNaming.get(key) ?? 0) + 1);

  const outlets: OutletCoverage[] = [...byOutlet].sort(([a], [b]) => a.localeCompare(b)).map(([outlet, list]) => {
    const own = outletEntities.get(outlet)!;
    const speakers = new Map<string, number>();
    for (const q of list.flatMap((a) => a.quotes ?? [])) if (q.speaker) speakers.set(q.speaker, (speakers.get(q.speaker) ?? 0) + 1);
    const earliest = earliestPublished(list);
    return {
      outlet,
      articleIds: list.map((a) => a.id),
      firstPublished: earliest?.published ?? null,
      credits: [...new Set(list.flatMap((a) => a.credits.map((c) => c.name)))].sort(),
      uniqueEntities: byOutlet.size > 1 ? [...own].filter((k) => outletsNaming.get(k) === 1).sort() : [],
      leftOut: coreEntities.filter((k) => !own.has(k)),
      quotes: [...speakers].map(([speaker, count]) => ({ speaker, count })).sort((a, b) => b.count - a.count || a.speaker.localeCompare(b.speaker)),
      framing: list.flatMap((a) => findFramingMarkers(a.text, lexicon).map((m) => ({ ...m, articleId: a.id }))),
      attributedClaims: list.reduce((n, a) => n + (a.quotes ?? []).filter((q) => q.speaker !== null).length, 0),
      unattributedClaims: list.flatMap((a) => (a.quotes ?? []).filter((q) => q.speaker === null).map((q) => ({ articleId: a.id, start: q.start, end: q.end }))),
    };
  });

  const first = earliestPublished(articles);
  const agencies = new Map<string, Set<string>>();
  for (const a of articles) for (const c of a.credits) if (c.kind === 'agency') agencies.set(c.name, (agencies.get(c.name) ?? new Set()).add(a.outlet ?? UNKNOWN_OUTLET));
  const quoteOutlets = new Map<string, Set<string>>();
  for (const a of articles) for (const q of a.quotes ?? []) if (q.speaker) quoteOutlets.set(q.speaker, (quoteOutlets.get(q.speaker) ?? new Set()).add(a.outlet ?? UNKNOWN_OUTLET));
  return {
    outlets,
    firstReported: first ? { outlet: first.outlet ?? UNKNOWN_OUTLET, articleId: first.id, published: first.published! } : null,
    agencyDependence: [...agencies]
      .map(([agency, set]) => ({ agency, outlets: [...set].sort(), ofOutlets: byOutlet.size, text: `${set.size} of ${byOutlet.size} outlets credit ${agency}` }))
      .sort((a, b) => b.outlets.length - a.outlets.length || a.agency.localeCompare(b.agency)),
    sharedTextOutlets: outletsSharingText(articles),
    quoteUsage: [...quoteOutlets].map(([speaker, set]) => ({ speaker, outlets: [...set].sort() })).sort((a, b) => b.outlets.length - a.outlets.length || a.speaker.localeCompare(b.speaker)),
  };
}

function outletsSharingText(articles: readonly Article[]): string[] {
  const outletsOfSentence = new Map<string, Set<string>>();
  for (const a of articles) {
    for (const [sentence] of a.text.matchAll(SENTENCE)) {
      const words = sentence.match(/[\p{L}\p{Nd}]+/gu) ?? [];
      if (words.length < COPY_SENTENCE_WORDS) continue;
      const key = words.map(foldWord).join(' ');
      outletsOfSentence.set(key, (outletsOfSentence.get(key) ?? new Set()).add(a.outlet ?? UNKNOWN_OUTLET));
    }
  }
  const sharing = new Set<string>();
  for (const set of outletsOfSentence.values()) if (set.size > 1) for (const o of set) sharing.add(o);
  return [...sharing].sort();
}

/** ISO dates with at least a day ("2025-03-13", "2025-03-13T08:00:00+01:00"); "2025-03" only names a month. */
const DAY_PRECISE = /^\d{4}-\d{2}-\d{2}/;

/**
 * The earliest published article. Only day-precise dates can be first ("2025-03" sorts before
 * "2025-03-13" as text but may be later); instants are compared as instants, whatever their offset.
 * Month- or year-only dates count only when no article has a day.
 */
function earliestPublished(list: readonly Article[]): Article | undefined {
  const dated = list.filter((a) => a.published !== null);
  const precise = dated.filter((a) => DAY_PRECISE.test(a.published!));
  const instant = (a: Article) => Date.parse(a.published!.length === 10 ? `${a.published}T00:00:00Z` : a.published!);
  if (precise.length > 0) return precise.reduce((best, a) => (instant(a) < instant(best) ? a : best));
  return dated.sort((a, b) => a.published!.localeCompare(b.published!))[0];
}
