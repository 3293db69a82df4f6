/**
 * Online event clustering: each new article joins the event of the member it matches best or starts
 * an event; an article that binds two events strongly merges them (recorded with the reason). Work per
 * article is bounded: candidates come from postings of its rarest entities and terms, not all pairs.
 */
import type { ArticleId } from '../article.js';
import { countArticle, dayBeforeBound, dayGap, daysConflict, emptyCorpusCounts, idfOf, scorePair, type CorpusCounts, type NormCache, type PairEvidence, type SimilarityOptions } from './pair-similarity.js';
import type { StoryFeatures } from './story-features.js';

export interface ClusterOptions {
  readonly similarity: SimilarityOptions;
  /** Keys of an article looked up in the postings (its rarest entities, terms and names). */
  readonly lookupKeys: number;
  /** A key carried by more articles than this is too common to find candidates by. */
  readonly maxPostings: number;
  /** Keys of an article put in the postings (more than are looked up, so later articles find it by theirs). */
  readonly indexKeys: number;
  /** Candidates scored per article (those sharing most looked-up keys). */
  readonly maxCandidates: number;
  /**
   * Terms an article keeps once placed (most telling first): later articles compare with these only,
   * which bounds memory per article; the article itself was placed with all its terms.
   */
  readonly termsKept: number;
  /** Score with a member of a second event above which the two events merge. */
  readonly mergeScore: number;
}

/** Why an article is in its event: the member it matched and what they share. */
export interface Membership {
  readonly articleId: ArticleId;
  readonly eventId: string;
  /** The member it matched best, or null for the article that started the event. */
  readonly matched: ArticleId | null;
  readonly evidence: PairEvidence | null;
}

export interface EventChange {
  readonly kind: 'merge';
  /** The event that lives on and the one folded into it. */
  readonly into: string;
  readonly from: string;
  readonly reason: string;
}

export interface EventCluster {
  readonly id: string;
  readonly articleIds: ArticleId[];
}

/** Reuse passages between articles (src/link/, stored at ingest): the strongest same-event signal. */
export interface PassageLookup {
  /** Articles sharing at least one passage with this one, with how many passages. */
  linkedTo(articleId: ArticleId): ReadonlyMap<ArticleId, number>;
}

const NO_PASSAGES: PassageLookup = { linkedTo: () => new Map() };

export interface EventClusterer {
  /** Counts the articles' words and entities first (so a batch weighs its own terms), then places each in order. */
  addArticles(batch: readonly StoryFeatures[], passages?: PassageLookup): Membership[];
  /** Restores memberships decided earlier (from the store) without re-deciding them; counts all before indexing any. */
  restore(restored: readonly { readonly features: StoryFeatures; readonly membership: Membership }[]): void;
  events(): readonly EventCluster[];
  membershipOf(articleId: ArticleId): Membership | undefined;
  featuresOf(articleId: ArticleId): StoryFeatures | undefined;
  readonly counts: CorpusCounts;
  readonly changes: EventChange[];
}

export function makeEventClusterer(options: ClusterOptions): EventClusterer {
  const counts = emptyCorpusCounts();
  const features = new Map<ArticleId, StoryFeatures>();
  const memberships = new Map<ArticleId, Membership>();
  const members = new Map<string, ArticleId[]>();
  const postings = new Map<string, ArticleId[]>();
  const changes: EventChange[] = [];
  /** Distinct event days of each event's members: a newcomer must fit all, not just the member it matched. */
  const eventDays = new Map<string, Set<string>>();
  const norms: NormCache = new WeakMap();

  /** The article's rarest keys; for lookup only those another article shares too (a key only it has finds nothing). */
  const rareKeysOf = (f: StoryFeatures, limit: number, minDf: number): string[] => {
    const keyed: [string, number][] = [];
    const consider = (prefix: string, keys: Iterable<string>, df: Map<string, number>) => {
      for (const key of keys) {
        const n = df.get(key) ?? 0;
        if (n >= minDf) keyed.push([`${prefix} ${key}`, n]);
      }
    };
    consider('e', f.entities.keys(), counts.entityDf);
    consider('t', f.terms.keys(), counts.termDf);
    consider('n', f.nameWords.keys(), counts.nameWordDf);
    // Shared keys first, rarest first; keys only this article has so far fill the slots left.
    const rank = (df: number) => (df < 2 ? Number.MAX_SAFE_INTEGER : df);
    keyed.sort((a, b) => rank(a[1]) - rank(b[1]) || (a[0] < b[0] ? -1 : 1));
    return keyed.slice(0, limit).map(([k]) => k);
  };
  // One string per distinct term across all kept articles, not one copy per article.
  const termStrings = new Map<string, string>();
  const internTerm = (term: string): string => {
    const known = termStrings.get(term);
    if (known !== undefined) return known;
    termStrings.set(term, term);
    return term;
  };
  const keepTellingTerms = (f: StoryFeatures): StoryFeatures => {
    const weighted = [...f.terms].map(([term, n]): [string, number, number] => [term, n, (1 + Math.log(n)) * idfOf(counts.termDf.get(term), counts.articles)]);
    weighted.sort((a, b) => b[2] - a[2] || (a[0] < b[0] ? -1 : 1));
    return { ...f, terms: new Map(weighted.slice(0, options.termsKept).map(([term, n]) => [internTerm(term), n])) };
  };
  const lookupKeysOf = (f: StoryFeatures) => rareKeysOf(f, options.lookupKeys, 2);

  const index = (f: StoryFeatures) => {
    // Keys no other article has yet are indexed too: the article that shares them may come later.
    for (const key of rareKeysOf(f, options.indexKeys, 1)) {
      const list = postings.get(key) ?? [];
      if (list.length < options.maxPostings) list.push(f.articleId);
      postings.set(key, list);
    }
  };

  const candidatesOf = (f: StoryFeatures): ArticleId[] => {
    const hits = new Map<ArticleId, number>();
    for (const key of lookupKeysOf(f)) {
      const list = postings.get(key);
      if (!list || list.length >= options.maxPostings) continue;
      for (const id of list) hits.set(id, (hits.get(id) ?? 0) + 1);
    }
    return [...hits].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, options.maxCandidates).map(([id]) => id);
  };

  const join = (membership: Membership) => {
    memberships.set(membership.articleId, membership);
    const list = members.get(membership.eventId) ?? [];
    list.push(membership.articleId);
    members.set(membership.eventId, list);
    const day = features.get(membership.articleId)?.eventDay;
    if (day) eventDays.set(membership.eventId, (eventDays.get(membership.eventId) ?? new Set()).add(day));
  };
  const fitsEventDays = (f: StoryFeatures, eventId: string) => {
    const days = [...(eventDays.get(eventId) ?? [])];
    if (f.eventDay === null) return days.every((day) => !dayBeforeBound(day, f.notBefore, options.similarity));
    return days.every((day) => dayGap(day, f.eventDay!) <= options.similarity.maxEventDayGap);
  };

  const merge = (into: string, from: string, reason: string) => {
    for (const id of members.get(from) ?? []) {
      const m = memberships.get(id)!;
      join({ ...m, eventId: into });
    }
    members.delete(from);
    changes.push({ kind: 'merge', into, from, reason });
  };

  const place = (f: StoryFeatures, passages: PassageLookup): Membership => {
    // Best match per event, so an article bound to two events can merge them.
    const bestPerEvent = new Map<string, { id: ArticleId; evidence: PairEvidence }>();
    const linked = passages.linkedTo(f.articleId);
    const candidates = [...new Set([...[...linked.keys()].filter((id) => features.has(id)).sort(), ...candidatesOf(f)])];
    for (const candidateId of candidates) {
      const other = features.get(candidateId)!;
      if (daysConflict(f, other, options.similarity)) continue;
      const evidence = scorePair(f, other, counts, options.similarity, linked.get(candidateId) ?? 0, norms);
      if (evidence.score < options.similarity.joinScore) continue;
      const eventId = memberships.get(candidateId)!.eventId;
      if (!fitsEventDays(f, eventId)) continue;
      const best = bestPerEvent.get(eventId);
      if (!best || evidence.score > best.evidence.score) bestPerEvent.set(eventId, { id: candidateId, evidence });
    }
    const ranked = [...bestPerEvent].sort((a, b) => b[1].evidence.score - a[1].evidence.score || (a[0] < b[0] ? -1 : 1));
    if (ranked.length === 0) return { articleId: f.articleId, eventId: `event:${f.articleId.slice(0, 16)}`, matched: null, evidence: null };
    const [eventId, best] = ranked[0]!;
    for (const [otherEvent, match] of ranked.slice(1)) {
      if (match.evidence.score < options.mergeScore || !members.has(otherEvent)) continue;
      if ([...(eventDays.get(otherEvent) ?? [])].some((day) => !fitsEventDays({ ...f, eventDay: day }, eventId))) continue;
      merge(eventId, otherEvent, `article ${f.articleId.slice(0, 12)} matches ${best.id.slice(0, 12)} and ${match.id.slice(0, 12)} (score ${match.evidence.score.toFixed(2)}; shares ${match.evidence.entities.slice(0, 3).join(', ') || match.evidence.terms.slice(0, 3).join(', ')})`);
    }
    return { articleId: f.articleId, eventId, matched: best.id, evidence: best.evidence };
  };

  return {
    counts,
    changes,
    addArticles(batch, passages = NO_PASSAGES) {
      const fresh = batch.filter((f) => !features.has(f.articleId));
      for (const f of fresh) countArticle(counts, f);
      const placed: Membership[] = [];
      for (const f of fresh) {
        const membership = place(f, passages);
        features.set(f.articleId, keepTellingTerms(f));
        join(membership);
        index(f);
        placed.push(membership);
      }
      // A merge may have moved earlier members of this batch: report where each ended.
      return placed.map((m) => memberships.get(m.articleId)!);
    },
    restore(restored) {
      const fresh = restored.filter((r) => !features.has(r.features.articleId));
      for (const r of fresh) countArticle(counts, r.features);
      for (const { features: f, membership } of fresh) {
        features.set(f.articleId, keepTellingTerms(f));
        join(membership);
        index(f);
      }
    },
    events: () => [...members].map(([id, articleIds]) => ({ id, articleIds })),
    membershipOf: (id) => memberships.get(id),
    featuresOf: (id) => features.get(id),
  };
}

export const DEFAULT_CLUSTER_OPTIONS: Omit<ClusterOptions, 'similarity'> = {
  lookupKeys: 20,
  indexKeys: 60,
  maxPostings: 400,
  maxCandidates: 50,
  mergeScore: 0.5,
  termsKept: 120,
};
