/**
 * Online event clustering: each new article joins the event of the member it matches best or starts
 * an event; an article that binds two events strongly merges them (recorded with the reason). Work per
 * article is bounded: candidates come from postings of its rarest entities and terms, not all pairs.
 */
import type { ArticleId, Span } from '../article.js';
import type { ReuseKind } from '../records.js';
import { countArticle, dayBeforeBound, dayGap, daysConflict, emptyCorpusCounts, featureNorms, idfOf, rememberNorms, scorePair, type CorpusCounts, type FeatureNorms, type NormCache, type PairEvidence, type SimilarityOptions } from './pair-similarity.js';
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
  /**
   * A changed event splits where the links holding its members together (each member's match, and the
   * matches that merged it) now score below this, with today's word weights. Lower than the join score,
   * so an event does not flicker apart on a small change of weights.
   */
  readonly splitScore: number;
}

/** A reuse passage between an article and the member it matched, named so a user can check it. */
export interface SharedPassage {
  /** The stored reuse link (the export's `reuse` record with this id). */
  readonly linkId: string;
  readonly kind: ReuseKind;
  /** Offsets into the text of the article whose evidence this is. */
  readonly article: Span;
  /** Offsets into the text of the member it matched. */
  readonly matched: Span;
}

/** What two articles share, with the reuse passages that link them (`passages` counts them). */
export type MatchEvidence = PairEvidence & {
  /** Absent from evidence stored before passages were named. */
  readonly passageLinks?: readonly SharedPassage[];
};

/** Why an article is in its event: the member it matched and what they share. */
export interface Membership {
  readonly articleId: ArticleId;
  readonly eventId: string;
  /** The member it matched best, or null for the article that started the event (or a part split off). */
  readonly matched: ArticleId | null;
  readonly evidence: MatchEvidence | null;
  /** Members of other events it matched as strongly, whose events were merged into this one through it. */
  readonly bridges: readonly Bridge[];
}

export interface Bridge {
  readonly matched: ArticleId;
  readonly evidence: MatchEvidence;
}

export interface EventChange {
  readonly kind: 'merge' | 'split';
  /** merge: the event that lives on; split: the new event that takes the members that left. */
  readonly into: string;
  /** merge: the event folded into the other; split: the event they left. */
  readonly from: string;
  readonly reason: string;
}

/** A membership decided earlier, with the features and norms the clusterer kept for the article. */
export interface RestoredMember {
  readonly membership: Membership;
  readonly eventDay: string | null;
  /**
   * Null for a member that only has to move with its event (a seeded clusterer reads features only for
   * the candidates it scores and the events it rewrites); given again later, they are added.
   */
  readonly features: StoryFeatures | null;
  /** Norms taken when it was placed; computed now when absent. */
  readonly norms?: FeatureNorms;
  /**
   * Its evidence and bridges were not read (a member of a candidate's event: only its event and day
   * matter for placing). Restored again with them, they are filled in, keeping the event the
   * clusterer has put it in since; its event is not checked for splits before.
   */
  readonly withoutEvidence?: boolean;
}

export interface EventCluster {
  readonly id: string;
  readonly articleIds: ArticleId[];
}

/** Reuse passages between articles (src/link/, stored at ingest): the strongest same-event signal. */
export interface PassageLookup {
  /** Articles sharing at least one passage with this one, with those passages (`article` is this one's span). */
  linkedTo(articleId: ArticleId): ReadonlyMap<ArticleId, readonly SharedPassage[]>;
}

const NO_PASSAGES: PassageLookup = { linkedTo: () => new Map() };

/**
 * What a clusterer starts from when the store keeps the corpus: the document frequencies of the keys
 * that matter now and the stored postings of the keys looked up. Articles restored into it are then
 * already counted and indexed.
 */
export interface ClusterSeed {
  readonly counts: CorpusCounts;
  /** Filled by the caller once it knows the keys (countBatch); the clusterer adds its new postings here too. */
  readonly postings: Map<string, ArticleId[]>;
}

export interface EventClusterer {
  /**
   * Counts the articles' words and entities (once; a batch weighs its own terms) and returns the keys
   * their candidates will be looked up by: what a store must seed postings for.
   */
  countBatch(batch: readonly StoryFeatures[]): string[];
  /** Counts what is not counted yet, then places each article in order; checks changed events for splits. */
  addArticles(batch: readonly StoryFeatures[], passages?: PassageLookup): Membership[];
  /**
   * Restores memberships decided earlier without re-deciding them (and features and evidence not restored before).
   * Unseeded, it counts all before indexing any; seeded, the seed already holds their counts and postings.
   */
  restore(restored: readonly RestoredMember[]): void;
  /**
   * Splits events whose members no longer hang together (see splitScore), recording each split.
   * An event is checked only when the clusterer holds the features of all its members.
   */
  splitApart(eventIds: Iterable<string>): void;
  /** The keys of an article looked up in the postings, most telling first (after its batch is counted). */
  lookupKeysOf(f: StoryFeatures): string[];
  events(): readonly EventCluster[];
  membershipOf(articleId: ArticleId): Membership | undefined;
  featuresOf(articleId: ArticleId): StoryFeatures | undefined;
  normsOf(articleId: ArticleId): FeatureNorms | undefined;
  /** Postings added since the last call (key, article), for a store to keep; clears the list. */
  takeNewPostings(): [string, ArticleId][];
  readonly counts: CorpusCounts;
  readonly changes: EventChange[];
}

/** The candidates sharing most keys with an article: full postings lists find nothing (too common). */
export function topCandidates(keys: readonly string[], postingsOf: (key: string) => readonly ArticleId[] | undefined, options: Pick<ClusterOptions, 'maxPostings' | 'maxCandidates'>): ArticleId[] {
  const hits = new Map<ArticleId, number>();
  for (const key of keys) {
    const list = postingsOf(key);
    if (!list || list.length >= options.maxPostings) continue;
    for (const id of list) hits.set(id, (hits.get(id) ?? 0) + 1);
  }
  // Thousands of hits, few distinct counts (at most one per key): taken count by count, only the
  // last count needed is sorted by id, instead of sorting every hit.
  const byCount: ArticleId[][] = [];
  for (const [id, n] of hits) (byCount[n] ??= []).push(id);
  const top: ArticleId[] = [];
  for (let n = byCount.length - 1; n > 0 && top.length < options.maxCandidates; n -= 1) {
    const ids = byCount[n];
    if (ids === undefined) continue;
    top.push(...ids.sort().slice(0, options.maxCandidates - top.length));
  }
  return top;
}

export function makeEventClusterer(options: ClusterOptions, seed?: ClusterSeed): EventClusterer {
  const counts = seed?.counts ?? emptyCorpusCounts();
  const features = new Map<ArticleId, StoryFeatures>();
  const keptNorms = new Map<ArticleId, FeatureNorms>();
  const counted = new Set<ArticleId>();
  const memberships = new Map<ArticleId, Membership>();
  const members = new Map<string, ArticleId[]>();
  const postings = seed?.postings ?? new Map<string, ArticleId[]>();
  let newPostings: [string, ArticleId][] = [];
  const changes: EventChange[] = [];
  /** Distinct event days of each event's members: a newcomer must fit all, not just the member it matched. */
  const eventDays = new Map<string, Set<string>>();
  const memberDays = new Map<ArticleId, string | null>();
  const evidenceUnread = new Set<ArticleId>();
  const normCache: NormCache = new WeakMap();

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
      if (list.length < options.maxPostings) {
        list.push(f.articleId);
        newPostings.push([key, f.articleId]);
      }
      postings.set(key, list);
    }
  };

  // A seeded clusterer holds only part of the corpus: a posting may name an article it was not given.
  const candidatesOf = (f: StoryFeatures): ArticleId[] => topCandidates(lookupKeysOf(f), (key) => postings.get(key), options).filter((id) => features.has(id));

  const join = (membership: Membership) => {
    memberships.set(membership.articleId, membership);
    const list = members.get(membership.eventId) ?? [];
    list.push(membership.articleId);
    members.set(membership.eventId, list);
    const day = memberDays.get(membership.articleId);
    if (day) eventDays.set(membership.eventId, (eventDays.get(membership.eventId) ?? new Set()).add(day));
  };
  const keep = (f: StoryFeatures, kept: StoryFeatures, norms?: FeatureNorms) => {
    features.set(f.articleId, kept);
    if (norms) rememberNorms(kept, norms, normCache);
    keptNorms.set(f.articleId, norms ?? featureNorms(kept, counts, options.similarity, normCache));
  };
  const count = (f: StoryFeatures) => {
    if (counted.has(f.articleId)) return;
    counted.add(f.articleId);
    countArticle(counts, f);
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
    eventDays.delete(from);
    changes.push({ kind: 'merge', into, from, reason });
  };

  const place = (f: StoryFeatures, passages: PassageLookup): Membership => {
    // Best match per event, so an article bound to two events can merge them.
    const bestPerEvent = new Map<string, { id: ArticleId; evidence: MatchEvidence }>();
    const linked = passages.linkedTo(f.articleId);
    const candidates = [...new Set([...[...linked.keys()].filter((id) => features.has(id)).sort(), ...candidatesOf(f)])];
    for (const candidateId of candidates) {
      const other = features.get(candidateId)!;
      if (daysConflict(f, other, options.similarity)) continue;
      const passageLinks = linked.get(candidateId) ?? [];
      const evidence: MatchEvidence = { ...scorePair(f, other, counts, options.similarity, passageLinks.length, normCache), passageLinks };
      if (evidence.score < options.similarity.joinScore) continue;
      const eventId = memberships.get(candidateId)!.eventId;
      if (!fitsEventDays(f, eventId)) continue;
      const best = bestPerEvent.get(eventId);
      if (!best || evidence.score > best.evidence.score) bestPerEvent.set(eventId, { id: candidateId, evidence });
    }
    const ranked = [...bestPerEvent].sort((a, b) => b[1].evidence.score - a[1].evidence.score || (a[0] < b[0] ? -1 : 1));
    if (ranked.length === 0) return { articleId: f.articleId, eventId: `event:${f.articleId.slice(0, 16)}`, matched: null, evidence: null, bridges: [] };
    const [eventId, best] = ranked[0]!;
    const bridges: Bridge[] = [];
    for (const [otherEvent, match] of ranked.slice(1)) {
      // A lone article is one that came before the rest of its event (an early report): it moves over at the
      // score that would have let it join, where two grown events need the stronger merge score.
      const mergeAt = members.get(otherEvent)?.length === 1 ? options.similarity.joinScore : options.mergeScore;
      if (match.evidence.score < mergeAt || !members.has(otherEvent)) continue;
      if ([...(eventDays.get(otherEvent) ?? [])].some((day) => !fitsEventDays({ ...f, eventDay: day }, eventId))) continue;
      merge(eventId, otherEvent, `article ${f.articleId.slice(0, 12)} matches ${best.id.slice(0, 12)} and ${match.id.slice(0, 12)} (score ${match.evidence.score.toFixed(2)}; shares ${sharedSummary(match.evidence)})`);
      bridges.push({ matched: match.id, evidence: match.evidence });
    }
    return { articleId: f.articleId, eventId, matched: best.id, evidence: best.evidence, bridges };
  };

  /** Whether the link between two members still holds with today's weights (shared passages always do). */
  const linkHolds = (a: ArticleId, b: ArticleId, evidence: PairEvidence | null): { holds: boolean; score: number } => {
    const fa = features.get(a);
    const fb = features.get(b);
    if (!fa || !fb) return { holds: true, score: Number.NaN };
    const score = scorePair(fa, fb, counts, options.similarity, evidence?.passages ?? 0, normCache).score;
    return { holds: score >= options.splitScore, score };
  };

  /**
   * Splits an event whose members no longer hang together: the links that placed them (matches and
   * merge bridges) are weighed again; parts that no link holds, and whose members match no member of
   * the rest at the join score, leave as events of their own, each recorded as a split.
   */
  const splitIfApart = (eventId: string) => {
    const ids = members.get(eventId);
    if (!ids || ids.length < 2 || ids.some((id) => !features.has(id) || evidenceUnread.has(id))) return;
    const parent = new Map(ids.map((id) => [id, id]));
    const find = (id: ArticleId): ArticleId => {
      let root = id;
      while (parent.get(root) !== root) root = parent.get(root)!;
      parent.set(id, root);
      return root;
    };
    const union = (a: ArticleId, b: ArticleId) => parent.set(find(b), find(a));
    const broken: { from: ArticleId; to: ArticleId; score: number }[] = [];
    for (const id of ids) {
      const m = memberships.get(id)!;
      const links = [...(m.matched === null ? [] : [{ matched: m.matched, evidence: m.evidence }]), ...m.bridges];
      for (const link of links) {
        if (!parent.has(link.matched)) continue;
        const { holds, score } = linkHolds(id, link.matched, link.evidence);
        if (holds) union(id, link.matched);
        else broken.push({ from: id, to: link.matched, score });
      }
    }
    if (broken.length === 0) return;
    const parts = () => {
      const byRoot = new Map<ArticleId, ArticleId[]>();
      for (const id of ids) byRoot.set(find(id), [...(byRoot.get(find(id)) ?? []), id]);
      return [...byRoot.values()];
    };
    // A part rejoins when one of its members matches one of the rest as a newcomer would have to.
    for (const part of parts()) {
      if (part.length * (ids.length - part.length) > MAX_SPLIT_REJOIN_PAIRS) continue;
      const root = find(part[0]!);
      rejoin: for (const a of part) {
        for (const b of ids) {
          if (find(b) === root) continue;
          const fa = features.get(a)!;
          const fb = features.get(b)!;
          if (daysConflict(fa, fb, options.similarity)) continue;
          if (scorePair(fa, fb, counts, options.similarity, 0, normCache).score >= options.similarity.joinScore) {
            union(b, a);
            break rejoin;
          }
        }
      }
    }
    const split = parts();
    if (split.length < 2) return;
    // The largest part keeps the event (on a tie, the one with its earliest member).
    split.sort((a, b) => b.length - a.length || ids.indexOf(a[0]!) - ids.indexOf(b[0]!));
    const [stays, ...leaving] = split as [ArticleId[], ...ArticleId[][]];
    members.set(eventId, []);
    eventDays.delete(eventId);
    for (const id of stays) join(withinPart(memberships.get(id)!, eventId, stays));
    for (const part of leaving) {
      const newId = freshEventId(part[0]!);
      const inPart = new Set(part);
      for (const id of part) join(withinPart(memberships.get(id)!, newId, part));
      const cut = broken.find((b) => inPart.has(b.from) !== inPart.has(b.to))!;
      changes.push({
        kind: 'split',
        into: newId,
        from: eventId,
        reason: `${part.length} article${part.length === 1 ? '' : 's'} left: the link ${cut.from.slice(0, 12)}–${cut.to.slice(0, 12)} now scores ${cut.score.toFixed(2)} (< ${options.splitScore}) and no member matches the rest`,
      });
    }
  };
  /** The membership kept inside its part: a match or bridge to a member that left is dropped. */
  const withinPart = (m: Membership, eventId: string, part: readonly ArticleId[]): Membership => {
    const inPart = new Set(part);
    const matchStays = m.matched !== null && inPart.has(m.matched);
    return { ...m, eventId, matched: matchStays ? m.matched : null, evidence: matchStays ? m.evidence : null, bridges: m.bridges.filter((b) => inPart.has(b.matched)) };
  };
  const freshEventId = (articleId: ArticleId): string => {
    const base = `event:${articleId.slice(0, 16)}`;
    let id = base;
    for (let n = 2; members.has(id); n += 1) id = `${base}~${n}`;
    return id;
  };

  return {
    counts,
    changes,
    countBatch(batch) {
      for (const f of batch) if (!features.has(f.articleId)) count(f);
      return [...new Set(batch.flatMap((f) => lookupKeysOf(f)))];
    },
    addArticles(batch, passages = NO_PASSAGES) {
      const fresh = batch.filter((f) => !features.has(f.articleId));
      for (const f of fresh) count(f);
      const placed: Membership[] = [];
      for (const f of fresh) {
        const membership = place(f, passages);
        keep(f, keepTellingTerms(f));
        memberDays.set(f.articleId, f.eventDay);
        join(membership);
        index(f);
        placed.push(membership);
      }
      // A merge may have moved earlier members of this batch: report where each ended.
      return placed.map((m) => memberships.get(m.articleId)!);
    },
    restore(restored) {
      const withFeatures = restored.filter((r) => r.features !== null && !features.has(r.membership.articleId));
      if (seed === undefined) for (const r of withFeatures) count(r.features!);
      else for (const r of withFeatures) counted.add(r.membership.articleId);
      for (const { features: f, norms } of withFeatures) {
        keep(f!, seed === undefined ? keepTellingTerms(f!) : f!, norms);
        if (seed === undefined) index(f!);
      }
      for (const { membership, eventDay, withoutEvidence } of restored) {
        const known = memberships.get(membership.articleId);
        if (known !== undefined) {
          if (!withoutEvidence && evidenceUnread.delete(membership.articleId)) memberships.set(membership.articleId, { ...membership, eventId: known.eventId });
          continue;
        }
        if (withoutEvidence) evidenceUnread.add(membership.articleId);
        memberDays.set(membership.articleId, eventDay);
        join(membership);
      }
    },
    splitApart(eventIds) {
      for (const eventId of [...eventIds]) splitIfApart(eventId);
    },
    lookupKeysOf,
    events: () => [...members].map(([id, articleIds]) => ({ id, articleIds })),
    membershipOf: (id) => memberships.get(id),
    featuresOf: (id) => features.get(id),
    normsOf: (id) => keptNorms.get(id),
    takeNewPostings() {
      const taken = newPostings;
      newPostings = [];
      return taken;
    },
  };
}

/** Pairs weighed at most to see whether a part that lost its link still matches the rest (bounds the work on large events). */
const MAX_SPLIT_REJOIN_PAIRS = 5000;

function sharedSummary(evidence: PairEvidence): string {
  return evidence.entities.slice(0, 3).join(', ') || evidence.terms.slice(0, 3).join(', ');
}

export const DEFAULT_CLUSTER_OPTIONS: Omit<ClusterOptions, 'similarity'> = {
  lookupKeys: 20,
  indexKeys: 60,
  maxPostings: 400,
  maxCandidates: 50,
  mergeScore: 0.5,
  splitScore: 0.1,
  termsKept: 120,
};
