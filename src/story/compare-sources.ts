/**
 * Source comparison for one event: per outlet what it carried (entities, quotes, framing markers),
 * who reported first, what only one outlet has and which core entities an outlet left out, and how
 * much the coverage rests on agency copy (credits, and sentences several outlets carry word for word).
 */
import type { Article } from '../article.js';
import { foldWord } from '../link/reuse-tokens.js';
import { hashToken } from '../link/shingles.js';
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

interface Dated {
  readonly articleId: string;
  readonly published: string;
}

/** What one outlet's articles of an event carried, as far as they have been tallied. */
interface OutletTally {
  articleIds: string[];
  /** Earliest day-precise publication, and the earliest coarser one (month or year), as earliestOf picks them. */
  firstDay: Dated | null;
  firstCoarse: Dated | null;
  credits: string[];
  entities: string[];
  speakers: Record<string, number>;
  framing: (FramingMarker & { readonly articleId: string })[];
  attributedClaims: number;
  unattributedClaims: { readonly articleId: string; readonly start: number; readonly end: number }[];
}

/**
 * Everything a comparison is made from, tallied article by article (JSON, kept with the event): an
 * event that gains members adds theirs to it, and two merged events add their tallies, instead of
 * reading every member again. Tallying articles one batch at a time, in order, gives the comparison
 * of all of them at once.
 */
export interface SourceTally {
  outlets: Record<string, OutletTally>;
  firstDay: Dated | null;
  firstCoarse: Dated | null;
  /** Agency → outlets crediting it. */
  agencies: Record<string, string[]>;
  /** Speaker → outlets quoting them. */
  quoteOutlets: Record<string, string[]>;
  /** Hash of each long sentence (folded words) → outlets carrying it word for word. */
  copySentences: Record<string, string[]>;
}

export function compareSources(articles: readonly Article[], coreEntities: readonly string[], lexicon: FramingLexicon): SourceComparison {
  return comparisonOf(tallySources(emptySourceTally(), articles, lexicon), coreEntities);
}

export function emptySourceTally(): SourceTally {
  return { outlets: {}, firstDay: null, firstCoarse: null, agencies: {}, quoteOutlets: {}, copySentences: {} };
}

/** Adds articles to a tally (changed in place and returned). */
export function tallySources(tally: SourceTally, articles: readonly Article[], lexicon: FramingLexicon): SourceTally {
  for (const a of articles) {
    const outlet = a.outlet ?? UNKNOWN_OUTLET;
    const dated = a.published === null ? null : { articleId: a.id, published: a.published };
    const speakers: Record<string, number> = {};
    for (const q of a.quotes ?? []) if (q.speaker) speakers[q.speaker] = (speakers[q.speaker] ?? 0) + 1;
    addOutletTally(tally, outlet, {
      articleIds: [a.id],
      firstDay: dated !== null && DAY_PRECISE.test(dated.published) ? dated : null,
      firstCoarse: dated !== null && !DAY_PRECISE.test(dated.published) ? dated : null,
      credits: a.credits.map((c) => c.name),
      entities: (a.entities ?? []).map((e) => e.canonical).filter((c): c is string => c !== null),
      speakers,
      framing: findFramingMarkers(a.text, lexicon).map((m) => ({ ...m, articleId: a.id })),
      attributedClaims: (a.quotes ?? []).filter((q) => q.speaker !== null).length,
      unattributedClaims: (a.quotes ?? []).filter((q) => q.speaker === null).map((q) => ({ articleId: a.id, start: q.start, end: q.end })),
    });
    for (const c of a.credits) if (c.kind === 'agency') addOutlets(tally.agencies, c.name, [outlet]);
    for (const q of a.quotes ?? []) if (q.speaker) addOutlets(tally.quoteOutlets, q.speaker, [outlet]);
    for (const [sentence] of a.text.matchAll(SENTENCE)) {
      const words = sentence.match(/[\p{L}\p{Nd}]+/gu) ?? [];
      if (words.length >= COPY_SENTENCE_WORDS) addOutlets(tally.copySentences, sentenceHash(words.map(foldWord).join(' ')), [outlet]);
    }
  }
  return tally;
}

/** Adds the tally of other articles (those of a merged event) to `tally`, as if they had been tallied after it. */
export function mergeSourceTallies(tally: SourceTally, other: SourceTally): SourceTally {
  for (const [outlet, o] of Object.entries(other.outlets)) addOutletTally(tally, outlet, o);
  for (const [agency, outlets] of Object.entries(other.agencies)) addOutlets(tally.agencies, agency, outlets);
  for (const [speaker, outlets] of Object.entries(other.quoteOutlets)) addOutlets(tally.quoteOutlets, speaker, outlets);
  for (const [hash, outlets] of Object.entries(other.copySentences)) addOutlets(tally.copySentences, hash, outlets);
  return tally;
}

export function comparisonOf(tally: SourceTally, coreEntities: readonly string[]): SourceComparison {
  const byOutlet = Object.entries(tally.outlets);
  const outletsNaming = new Map<string, number>();
  for (const [, o] of byOutlet) for (const key of o.entities) outletsNaming.set(key, (outletsNaming.get(key) ?? 0) + 1);
  const outlets: OutletCoverage[] = byOutlet.sort(([a], [b]) => a.localeCompare(b)).map(([outlet, o]) => {
    const own = new Set(o.entities);
    return {
      outlet,
      articleIds: o.articleIds,
      firstPublished: (o.firstDay ?? o.firstCoarse)?.published ?? null,
      credits: [...o.credits].sort(),
      uniqueEntities: byOutlet.length > 1 ? o.entities.filter((k) => outletsNaming.get(k) === 1).sort() : [],
      leftOut: coreEntities.filter((k) => !own.has(k)),
      quotes: Object.entries(o.speakers).map(([speaker, count]) => ({ speaker, count })).sort((a, b) => b.count - a.count || a.speaker.localeCompare(b.speaker)),
      framing: o.framing,
      attributedClaims: o.attributedClaims,
      unattributedClaims: o.unattributedClaims,
    };
  });
  const first = tally.firstDay ?? tally.firstCoarse;
  const outletOf = new Map(byOutlet.flatMap(([outlet, o]) => o.articleIds.map((id) => [id, outlet] as const)));
  const sharing = new Set(Object.values(tally.copySentences).filter((list) => list.length > 1).flat());
  return {
    outlets,
    firstReported: first ? { outlet: outletOf.get(first.articleId)!, articleId: first.articleId, published: first.published } : null,
    agencyDependence: Object.entries(tally.agencies)
      .map(([agency, list]) => ({ agency, outlets: [...list].sort(), ofOutlets: byOutlet.length, text: `${list.length} of ${byOutlet.length} outlets credit ${agency}` }))
      .sort((a, b) => b.outlets.length - a.outlets.length || a.agency.localeCompare(b.agency)),
    sharedTextOutlets: [...sharing].sort(),
    quoteUsage: Object.entries(tally.quoteOutlets).map(([speaker, list]) => ({ speaker, outlets: [...list].sort() })).sort((a, b) => b.outlets.length - a.outlets.length || a.speaker.localeCompare(b.speaker)),
  };
}

function addOutletTally(tally: SourceTally, outlet: string, added: OutletTally): void {
  const o = tally.outlets[outlet];
  tally.firstDay = earliestOf(tally.firstDay, added.firstDay);
  tally.firstCoarse = earliestOf(tally.firstCoarse, added.firstCoarse);
  if (o === undefined) {
    // Copied, so pushing to it later leaves the tally it came from as it was.
    tally.outlets[outlet] = {
      ...added,
      articleIds: [...added.articleIds],
      credits: [...new Set(added.credits)],
      entities: [...new Set(added.entities)],
      speakers: { ...added.speakers },
      framing: [...added.framing],
      unattributedClaims: [...added.unattributedClaims],
    };
    return;
  }
  o.articleIds.push(...added.articleIds);
  o.firstDay = earliestOf(o.firstDay, added.firstDay);
  o.firstCoarse = earliestOf(o.firstCoarse, added.firstCoarse);
  o.credits = [...new Set([...o.credits, ...added.credits])];
  o.entities = [...new Set([...o.entities, ...added.entities])];
  for (const [speaker, n] of Object.entries(added.speakers)) o.speakers[speaker] = (o.speakers[speaker] ?? 0) + n;
  o.framing.push(...added.framing);
  o.attributedClaims += added.attributedClaims;
  o.unattributedClaims.push(...added.unattributedClaims);
}

function addOutlets(outletsOf: Record<string, string[]>, key: string, outlets: readonly string[]): void {
  const list = outletsOf[key];
  if (list === undefined) outletsOf[key] = [...outlets];
  else for (const o of outlets) if (!list.includes(o)) list.push(o);
}

/** A sentence's key is kept as 64 bits (FNV-1a from two starting points): an event keeps thousands, and a collision takes about 2^32. */
function sentenceHash(key: string): string {
  return `${hashToken(key).toString(36)}.${hashToken(`\u0001${key}`).toString(36)}`;
}

/** ISO dates with at least a day ("2025-03-13", "2025-03-13T08:00:00+01:00"); "2025-03" only names a month. */
const DAY_PRECISE = /^\d{4}-\d{2}-\d{2}/;

/**
 * The earlier of two publications; the one tallied first on a tie. Day-precise dates are compared as
 * instants, whatever their offset; coarser ones ("2025-03") as text, and count only when no article
 * has a day ("2025-03" sorts before "2025-03-13" as text but may be later).
 */
function earliestOf(kept: Dated | null, added: Dated | null): Dated | null {
  if (kept === null || added === null) return kept ?? added;
  if (!DAY_PRECISE.test(kept.published)) return added.published < kept.published ? added : kept;
  const instant = (d: Dated) => Date.parse(d.published.length === 10 ? `${d.published}T00:00:00Z` : d.published);
  return instant(added) < instant(kept) ? added : kept;
}
