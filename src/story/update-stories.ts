/**
 * Keeps the store's events and storylines current after an ingest: restores the memberships decided
 * before, places the new articles, and rewrites the event and storyline records with their evidence.
 */
import type { Article } from '../article.js';
import type { Store } from '../store/store.js';
import type { EventCoreRow, StoryRecord, StoryMemberRow } from '../store/stories.js';
import { allArticles } from '../store/all-articles.js';
import type { LinkSide } from '../records.js';
import { loadFunctionWordsDe } from '../link/content-terms.js';
import { stemGerman } from '../text/stem.de.js';
import { countedKeysOf, featuresFromStored, storedFeaturesOf, storyFeaturesOf, loadFunctionWordsEn, loadGermanOfEnglish, type FeatureTools, type StoredFeatures, type StoryFeatures } from './story-features.js';
import { makeEventClusterer, topCandidates, DEFAULT_CLUSTER_OPTIONS, type Bridge, type ClusterSeed, type EventCluster, type EventClusterer, type Membership, type MatchEvidence, type PassageLookup, type RestoredMember, type SharedPassage } from './cluster-events.js';
import { DEFAULT_SIMILARITY_OPTIONS, emptyCorpusCounts, idfOf, type CorpusCounts, type FeatureNorms } from './pair-similarity.js';
import { termCarriers } from './summarise-event.js';
import { digestEvent, planEventDigest, type EventDigest, type StoredEventDigest } from './event-digest.js';
import { linkStorylines, storylineEntitiesOf, type EventCore, type Storyline } from './link-storylines.js';
import { comparisonOf, type SourceComparison } from './compare-sources.js';
import { loadFramingLexicon, type FramingLexicon } from './framing-markers.js';

/** Everything story building reads from data files, loaded once. */
export interface StoryTools extends FeatureTools {
  readonly framing: FramingLexicon;
}

export function loadFeatureTools(): StoryTools {
  const stem = rememberStems(stemGerman);
  return { stemGerman: stem, functionWordsDe: loadFunctionWordsDe(), functionWordsEn: loadFunctionWordsEn(), germanOfEnglish: loadGermanOfEnglish(stem), framing: loadFramingLexicon() };
}

/** News vocabulary repeats: remembering stems halves the feature time. Forgets all at the cap, so memory stays bounded. */
const STEMS_REMEMBERED = 200_000;

function rememberStems(stem: (word: string) => string): (word: string) => string {
  const known = new Map<string, string>();
  return (word) => {
    let result = known.get(word);
    if (result === undefined) {
      if (known.size >= STEMS_REMEMBERED) known.clear();
      result = stem(word);
      known.set(word, result);
    }
    return result;
  };
}

export function makeDefaultClusterer(seed?: ClusterSeed): EventClusterer {
  return makeEventClusterer({ ...DEFAULT_CLUSTER_OPTIONS, similarity: DEFAULT_SIMILARITY_OPTIONS }, seed);
}

export interface StoryUpdateOptions {
  /** Events whose links are weighed again for splits although no new article joined them (`storytrace stories --recheck`). */
  readonly recheckEvents?: readonly string[];
}

/**
 * Untouched events re-checked for splits per update: the events of the new articles' candidates,
 * found through the articles' rarest keys, whose weights the update shifted most. Bounded (two events
 * of at most 40 members), so the cost of adding an article does not grow with the store; and 20
 * members per new article, as one article shifts the weights little: adding a single article
 * re-checks one or two events of 20 members in all (they were more than half the members it weighed).
 */
const RECHECKED_CANDIDATE_EVENTS = 2;
const MAX_RECHECKED_MEMBERS = 40;
const RECHECKED_MEMBERS_PER_ARTICLE = 20;

/**
 * Places `added` (fresh from the pipeline, with their text dates) and rewrites the stories that
 * changed. Reads only what the new articles touch: the document frequencies of their keys, the
 * postings of their rarest keys, their candidates' events and the storylines around those events.
 * Returns the number of events stored.
 */
export async function updateStories(store: Store, added: readonly Article[], tools: StoryTools, options: StoryUpdateOptions = {}): Promise<number> {
  if (await store.stories.storyIndexMissing()) await rebuildStoryIndex(store, tools);
  const placedBefore = new Set((await store.stories.storyMembersOf({ articleIds: added.map((a) => a.id), withFeatures: false, withEvidence: false })).map((m) => m.articleId));
  const freshArticles = [...new Map(added.filter((a) => !placedBefore.has(a.id)).map((a) => [a.id, a])).values()];
  const asked = options.recheckEvents ?? [];
  if (freshArticles.length === 0 && asked.length === 0) return store.stories.countStories('event');
  const fresh = freshArticles.map((a) => storyFeaturesOf(a, tools));

  const counts = emptyCorpusCounts();
  addStoredCounts(counts, await store.stories.storyCounts(['', ...new Set(fresh.flatMap(countedKeysOf))]));
  const postings = new Map<string, string[]>();
  const clusterer = makeDefaultClusterer({ counts, postings });
  const lookupKeys = clusterer.countBatch(fresh);
  for (const [key, ids] of await store.stories.storyPostings(lookupKeys, DEFAULT_CLUSTER_OPTIONS.maxPostings)) postings.set(key, [...ids]);
  const passages = await passagesOf(store, freshArticles.map((a) => a.id));

  // The stored candidates each article would score (with features) and the other members of their
  // events (their event and day only: a merge moves them, a newcomer must fit every member's day);
  // the features and evidence of the events checked for splits and rewritten are read after.
  const candidates = new Set<string>();
  for (const f of fresh) {
    for (const id of topCandidates(clusterer.lookupKeysOf(f), (key) => postings.get(key), DEFAULT_CLUSTER_OPTIONS)) candidates.add(id);
    for (const id of passages.linkedTo(f.articleId).keys()) candidates.add(id);
  }
  const candidateRows = await store.stories.storyMembersOf({ articleIds: [...candidates] });
  const eventRows = await store.stories.storyMembersOf({ eventIds: [...new Set(candidateRows.map((m) => m.eventId))], withFeatures: false, withEvidence: false });
  // Scoring a candidate weighs only the keys it shares with a new article, which are counted already.
  clusterer.restore([...candidateRows, ...eventRows, ...(await store.stories.storyMembersOf({ eventIds: asked, withFeatures: false }))].map(restoredMemberOf));
  clusterer.addArticles(fresh, passages);
  const touched = new Set([...fresh.map((f) => clusterer.membershipOf(f.articleId)!.eventId), ...clusterer.changes.map((c) => c.into)]);
  const sizeOf = new Map(clusterer.events().map((e) => [e.id, e.articleIds.length]));
  const candidateEvents = new Set([...candidates].map((id) => clusterer.membershipOf(id)?.eventId).filter((id): id is string => id !== undefined && !touched.has(id)));
  const checked = new Set([...touched, ...asked, ...recheckedCandidateEvents(candidateEvents, sizeOf, fresh.length)]);
  const checkedMembers = clusterer.events().filter((e) => checked.has(e.id)).flatMap((e) => e.articleIds);
  clusterer.restore((await store.stories.storyMembersOf({ articleIds: checkedMembers.filter((id) => !clusterer.featuresOf(id)) })).map(restoredMemberOf));
  // Splits, core entities and summaries weigh any key of the checked events' members.
  const counted = new Set(fresh.flatMap(countedKeysOf));
  const uncounted = [...new Set(checkedMembers.flatMap((id) => countedKeysOf(clusterer.featuresOf(id)!)))].filter((k) => !counted.has(k));
  if (uncounted.length > 0) addStoredCounts(counts, await store.stories.storyCounts(uncounted));
  clusterer.splitApart(checked);

  const removed = new Set(clusterer.changes.filter((c) => c.kind === 'merge').map((c) => c.from));
  const changed = new Set([...touched, ...clusterer.changes.flatMap((c) => [c.into, c.from])]);
  const liveEvents = clusterer.events().filter((e) => changed.has(e.id));
  for (const e of liveEvents) removed.delete(e.id);
  // Each changed event is built from the stored digests of the events it grew from and the articles
  // of its new members; other members are read only where no digest covers them (a split, an old store).
  const storedDigests = [...(await store.stories.eventDigests([...changed, ...removed])).values()] as StoredEventDigest[];
  const digestStartingAt = new Map(storedDigests.map((d) => [d.articleIds[0]!, d]));
  const plans = liveEvents.map((e) => planEventDigest(e.articleIds, e.articleIds.flatMap((id) => digestStartingAt.get(id) ?? [])));
  const centrals = liveEvents.map((e) => centralArticleOf(e.articleIds, clusterer));
  const articles = new Map(freshArticles.map((a) => [a.id, a]));
  const unread = [...new Set([...plans.flatMap((p) => p.uncovered), ...centrals])].filter((id) => !articles.has(id));
  for (const stored of await store.getArticles(unread)) articles.set(stored.article.id, stored.article);
  const built = liveEvents.map((e, i) => eventOf(e, clusterer, digestEvent(plans[i]!, (id) => articles.get(id), tools.framing), articles.get(centrals[i]!)?.title ?? null));
  const eventRecords = built.map((b) => b.record);
  const lines = await relinkStorylines(store, eventRecords, [...removed]);
  // Rows are written for the new articles and for members a merge or split moved, not for every member of a changed event.
  const storedRows = new Map([...candidateRows, ...eventRows].map((m) => [m.articleId, m]));
  const moved = (id: string) => {
    const before = storedRows.get(id);
    const now = clusterer.membershipOf(id)!;
    return before === undefined || before.eventId !== now.eventId || before.matchedId !== now.matched;
  };
  const freshIds = new Set(fresh.map((f) => f.articleId));
  const memberIds = new Set([...freshIds, ...liveEvents.flatMap((e) => e.articleIds).filter(moved)]);
  await store.stories.applyStoryUpdate({
    counts: countIncrements(fresh),
    postings: clusterer.takeNewPostings(),
    postingsCap: DEFAULT_CLUSTER_OPTIONS.maxPostings,
    members: [...memberIds].map((id) => memberRowOf(id, clusterer, freshIds.has(id))),
    stories: [...eventRecords.map((e) => ({ ...e, storylineId: lines.storylineOf.get(e.id) ?? null })), ...lines.records],
    eventCores: new Map(eventRecords.map((e) => [e.id, e.evidence.storylineEntities])),
    removed: [...removed, ...lines.removed],
    storylineOf: new Map([...lines.storylineOf].filter(([id]) => !changed.has(id))),
    changes: clusterer.changes,
    digests: new Map(built.map((b) => [b.record.id, b.digest])),
  });
  return store.stories.countStories('event');
}

/** The first candidate events (most shifted first) that fit the update's budget of re-checked members. */
export function recheckedCandidateEvents(eventIds: Iterable<string>, sizeOf: ReadonlyMap<string, number>, articlesAdded: number): string[] {
  let budget = Math.min(RECHECKED_CANDIDATE_EVENTS * MAX_RECHECKED_MEMBERS, RECHECKED_MEMBERS_PER_ARTICLE * articlesAdded);
  const rechecked: string[] = [];
  for (const id of eventIds) {
    const size = sizeOf.get(id)!;
    if (size > MAX_RECHECKED_MEMBERS || size > budget) continue;
    rechecked.push(id);
    budget -= size;
    if (rechecked.length === RECHECKED_CANDIDATE_EVENTS) break;
  }
  return rechecked;
}

/**
 * Builds the story index from the stored articles once (a database whose stories were made before
 * the index existed): memberships stay as they were decided, and every story is written again.
 */
async function rebuildStoryIndex(store: Store, tools: StoryTools): Promise<void> {
  const previous = new Map((await store.stories.listStoryMembers()).map((m) => [m.articleId, m]));
  const clusterer = makeDefaultClusterer();
  const articles = new Map<string, Article>();
  const restored: RestoredMember[] = [];
  for await (const stored of allArticles(store)) {
    const member = previous.get(stored.article.id);
    if (member === undefined) continue;
    articles.set(stored.article.id, stored.article);
    // Text dates are not stored with articles: the event day comes from the membership row.
    const features = { ...storyFeaturesOf(stored.article, tools), eventDay: member.eventDay };
    restored.push({ features, membership: membershipOf(member), eventDay: member.eventDay });
  }
  clusterer.restore(restored);
  const built = eventsOf(clusterer, articles, tools.framing);
  const events = built.map((b) => b.record);
  const lines = storylinesOf(events);
  const counts = new Map<string, number>([['', restored.length]]);
  for (const r of restored) for (const key of countedKeysOf(r.features!)) counts.set(key, (counts.get(key) ?? 0) + 1);
  await store.stories.applyStoryUpdate({
    replaceAll: true,
    counts,
    postings: clusterer.takeNewPostings(),
    postingsCap: DEFAULT_CLUSTER_OPTIONS.maxPostings,
    members: restored.map((r) => memberRowOf(r.membership.articleId, clusterer, true)),
    stories: [...events.map((e) => ({ ...e, storylineId: lines.storylineOf.get(e.id) ?? null })), ...lines.records],
    eventCores: new Map(events.map((e) => [e.id, e.evidence.storylineEntities])),
    removed: [],
    storylineOf: new Map(),
    changes: [],
    digests: new Map(built.map((b) => [b.record.id, b.digest])),
  });
}

/** The membership as stored: the match's evidence, with the bridges of a merge beside it. */
function memberRowOf(articleId: string, clusterer: EventClusterer, withFeatures: boolean): StoryMemberRow {
  const m = clusterer.membershipOf(articleId)!;
  const f = clusterer.featuresOf(articleId)!;
  return {
    articleId,
    eventId: m.eventId,
    eventDay: f.eventDay,
    matchedId: m.matched,
    evidence: m.bridges.length === 0 ? m.evidence : { ...m.evidence, bridges: m.bridges },
    ...(withFeatures ? { features: { ...storedFeaturesOf(f), norms: clusterer.normsOf(articleId) } } : {}),
  };
}

function membershipOf(row: StoryMemberRow): Membership {
  const { bridges = [], ...evidence } = (row.evidence ?? {}) as MatchEvidence & { bridges?: Bridge[] };
  return { articleId: row.articleId, eventId: row.eventId, matched: row.matchedId, evidence: row.evidence === null || row.evidence === undefined ? null : evidence, bridges };
}

function restoredMemberOf(row: StoryMemberRow): RestoredMember {
  const membership = membershipOf(row);
  if (row.evidence === undefined) return { membership, eventDay: row.eventDay, features: null, withoutEvidence: true };
  if (row.features === undefined || row.features === null) return { membership, eventDay: row.eventDay, features: null };
  const { norms, ...stored } = row.features as StoredFeatures & { norms: FeatureNorms };
  return { membership, eventDay: row.eventDay, features: featuresFromStored(row.articleId, stored), norms };
}

function countIncrements(fresh: readonly StoryFeatures[]): Map<string, number> {
  const counts = new Map<string, number>([['', fresh.length]]);
  for (const f of fresh) for (const key of countedKeysOf(f)) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

/** Stored document frequencies ("e KEY", "t TERM", "n WORD", "# NUMBER", '' articles) into the clusterer's counts. */
function addStoredCounts(counts: CorpusCounts, stored: ReadonlyMap<string, number>): void {
  const maps: Record<string, Map<string, number>> = { e: counts.entityDf, t: counts.termDf, n: counts.nameWordDf, '#': counts.numberDf };
  for (const [key, df] of stored) {
    if (key === '') counts.articles = df;
    else maps[key.slice(0, key.indexOf(' '))]?.set(key.slice(key.indexOf(' ') + 1), df);
  }
}

/**
 * Passages the reuse linker stored for these articles. Paraphrase links are left out: two reports of
 * different days may paraphrase the same background; verbatim copies and quotations are one text.
 */
async function passagesOf(store: Store, articleIds: readonly string[]): Promise<PassageLookup> {
  const linked = new Map<string, Map<string, SharedPassage[]>>();
  const add = (from: LinkSide, to: LinkSide, passage: Pick<SharedPassage, 'linkId' | 'kind'>) => {
    const row = linked.get(from.articleId) ?? new Map<string, SharedPassage[]>();
    row.set(to.articleId, [...(row.get(to.articleId) ?? []), { ...passage, article: { start: from.start, end: from.end }, matched: { start: to.start, end: to.end } }]);
    linked.set(from.articleId, row);
  };
  for (const link of await store.reuse.reuseLinksFor(articleIds)) {
    if (link.kind === 'paraphrase' || link.a.articleId === link.b.articleId) continue;
    add(link.a, link.b, { linkId: link.id, kind: link.kind });
    add(link.b, link.a, { linkId: link.id, kind: link.kind });
  }
  return { linkedTo: (id) => linked.get(id) ?? new Map() };
}

export interface CoreEntity {
  readonly key: string;
  readonly name: string;
  readonly articles: number;
}

/** An event record; its storyline is set once storylines are linked. */
/** Why one article is in its event: the member it matched, what they share, and the matches that merged other events in through it. */
export interface MemberEvidence {
  readonly articleId: string;
  readonly matched: string | null;
  readonly eventDay: string | null;
  readonly shared: MatchEvidence | null;
  readonly bridges: readonly Bridge[];
}

export type EventRecord = StoryRecord & {
  readonly kind: 'event';
  readonly evidence: {
    readonly coreEntities: readonly CoreEntity[];
    /** What links it into storylines (storylineEntitiesOf): wider than its core. */
    readonly storylineEntities: readonly string[];
    readonly comparison: SourceComparison;
    readonly members: readonly MemberEvidence[];
  };
};

/**
 * An event's record, and its digest as stored (the summary's candidates pruned past their cap).
 * `centralTitle` is the headline of the member most others joined through (centralArticleOf).
 */
function eventOf(event: EventCluster, clusterer: EventClusterer, digest: EventDigest, centralTitle: string | null): { record: EventRecord; digest: StoredEventDigest } {
  const features = event.articleIds.map((id) => clusterer.featuresOf(id)).filter((f): f is StoryFeatures => f !== undefined);
  const known = features.map((f) => f.eventDay).filter((d): d is string => d !== null).sort();
  // Days when any member gives one: a month-only member ("2025-03") would otherwise open every range.
  const precise = known.filter((d) => d.length === 10);
  const days = precise.length > 0 ? precise : known;
  const coreEntities = coreEntitiesOf(features, clusterer);
  const carriers = termCarriers(features);
  const record: EventRecord = {
    id: event.id,
    kind: 'event',
    storylineId: null,
    articleIds: event.articleIds,
    title: cleanHeadline(centralTitle ?? digest.firstTitle),
    dateStart: days[0] ?? null,
    dateEnd: days.at(-1) ?? null,
    summary: digest.summaryPool.summary(carriers, clusterer.counts),
    evidence: {
      coreEntities,
      storylineEntities: storylineEntitiesOf(coreEntities.map((c) => c.key), features.map((f) => f.entities)),
      comparison: comparisonOf(digest.sources, coreEntities.map((c) => c.key)),
      members: event.articleIds.map((id) => {
        const m = clusterer.membershipOf(id)!;
        return { articleId: id, matched: m.matched, eventDay: clusterer.featuresOf(id)?.eventDay ?? null, shared: m.evidence, bridges: m.bridges };
      }),
    },
  };
  const { articleIds, firstTitle, sources, summaryPool } = digest;
  return { record, digest: { articleIds, firstTitle, sources, summaryPool: summaryPool.kept(carriers, clusterer.counts) } };
}

/** Every event the clusterer holds, each digested from all its members' articles. */
function eventsOf(clusterer: EventClusterer, articles: ReadonlyMap<string, Article>, framing: FramingLexicon): { record: EventRecord; digest: StoredEventDigest }[] {
  return clusterer.events().map((e) => {
    const digest = digestEvent(planEventDigest(e.articleIds, []), (id) => articles.get(id), framing);
    return eventOf(e, clusterer, digest, articles.get(centralArticleOf(e.articleIds, clusterer))?.title ?? null);
  });
}

/** Event and storyline records for everything the clusterer holds (a whole corpus in memory: tests, demo). */
export function storyRecordsOf(clusterer: EventClusterer, articles: ReadonlyMap<string, Article>, framing: FramingLexicon): StoryRecord[] {
  const events = eventsOf(clusterer, articles, framing).map((b) => b.record);
  const lines = storylinesOf(events);
  return [...events.map((e) => ({ ...e, storylineId: lines.storylineOf.get(e.id) ?? null })), ...lines.records];
}

interface LinkedStorylines {
  /** Storyline of each event linked. */
  readonly storylineOf: ReadonlyMap<string, string>;
  /** Records of storylines of two or more events. */
  readonly records: readonly StoryRecord[];
  /** Storylines that were stored and are no more. */
  readonly removed: readonly string[];
}

type TimelineEvent = Pick<StoryRecord, 'id' | 'title' | 'dateStart' | 'dateEnd' | 'articleIds'> & { readonly evidence: unknown };

/** Storylines over a closed set of events (every event that could link to one of them is in it). */
function storylinesOf(events: readonly (TimelineEvent & { readonly evidence: { readonly storylineEntities: readonly string[] } })[]): LinkedStorylines {
  const lines = linkStorylines(events.map((e) => ({ id: e.id, dateStart: e.dateStart, core: e.evidence.storylineEntities })));
  return storylinesOver(lines, new Map(events.map((e) => [e.id, e])), []);
}

/** Storyline records (for lines of two or more events) and each event's storyline. */
function storylinesOver(lines: readonly Storyline[], events: ReadonlyMap<string, TimelineEvent>, previousLines: readonly string[]): LinkedStorylines {
  const storylineOf = new Map<string, string>();
  const records: StoryRecord[] = [];
  for (const line of lines) {
    for (const id of line.eventIds) storylineOf.set(id, line.id);
    if (line.eventIds.length < 2) continue;
    const lineEvents = line.eventIds.map((id) => events.get(id)!);
    const starts = lineEvents.map((e) => e.dateStart).filter((d): d is string => d !== null).sort();
    records.push({
      id: line.id,
      kind: 'storyline',
      storylineId: null,
      // Named after its most covered event, not its first (an early lead-up rarely names the line).
      title: [...lineEvents].sort((x, y) => y.articleIds.length - x.articleIds.length)[0]!.title,
      dateStart: starts[0] ?? null,
      dateEnd: lineEvents.map((e) => e.dateEnd).filter((d): d is string => d !== null).sort().at(-1) ?? null,
      articleIds: lineEvents.flatMap((e) => e.articleIds),
      summary: timelineOf(lineEvents),
      evidence: { events: line.eventIds, sharedEntities: line.shared },
    });
  }
  const kept = new Set(records.map((r) => r.id));
  return { storylineOf, records, removed: previousLines.filter((id) => !kept.has(id)) };
}

/**
 * Storylines around the changed events: every stored event sharing a specific core entity with one
 * of them, and every event of the storylines those (and the changed and removed events) were in, are
 * linked again; storylines elsewhere cannot have changed.
 */
async function relinkStorylines(store: Store, changed: readonly EventRecord[], removed: readonly string[]): Promise<LinkedStorylines> {
  const changedIds = new Set(changed.map((e) => e.id));
  const gone = new Set(removed);
  const lineIds = (rows: readonly EventCoreRow[]) => [...new Set(rows.map((r) => r.storylineId).filter((id): id is string => id !== null))];
  const before = await store.stories.eventCores({ eventIds: [...changedIds, ...removed] });
  const specific = [...new Set(changed.flatMap((e) => e.evidence.storylineEntities))];
  const partners = await store.stories.eventCores({ entityKeys: specific, storylineIds: lineIds(before) });
  const around = await store.stories.eventCores({ storylineIds: lineIds(partners) });
  const stored = new Map([...partners, ...around].filter((e) => !changedIds.has(e.eventId) && !gone.has(e.eventId)).map((e) => [e.eventId, e]));
  const cores: EventCore[] = [
    ...changed.map((e) => ({ id: e.id, dateStart: e.dateStart, core: e.evidence.storylineEntities })),
    ...[...stored.values()].map((e) => ({ id: e.eventId, dateStart: e.dateStart, core: e.core })),
  ];
  const lines = linkStorylines(cores);
  // Records are read only for the stored events a storyline of two or more will list.
  const listed = lines.filter((l) => l.eventIds.length > 1).flatMap((l) => l.eventIds).filter((id) => stored.has(id));
  const events = new Map<string, TimelineEvent>(changed.map((e) => [e.id, e]));
  for (const s of await store.stories.storiesById(listed)) events.set(s.id, s);
  const linked = storylinesOver(lines, events, lineIds([...before, ...stored.values()]));
  // Unchanged events whose storyline stayed the same need no write.
  const storylineOf = new Map([...linked.storylineOf].filter(([id, line]) => changedIds.has(id) || stored.get(id)?.storylineId !== line));
  return { ...linked, storylineOf };
}

export interface TimelineEntry {
  readonly eventId: string;
  readonly title: string | null;
  readonly dateStart: string | null;
  readonly dateEnd: string | null;
  /** Articles per outlet in this event: coverage over time, per outlet, read down the timeline. */
  readonly outlets: Readonly<Record<string, number>>;
}

/** A storyline's summary: its events in date order, each with how many articles every outlet gave it (from its source comparison). */
function timelineOf(events: readonly TimelineEvent[]): TimelineEntry[] {
  return events.map((e) => {
    const comparison = (e.evidence as { comparison?: SourceComparison }).comparison;
    const outlets = Object.fromEntries((comparison?.outlets ?? []).map((o) => [o.outlet, o.articleIds.length]));
    return { eventId: e.id, title: e.title, dateStart: e.dateStart, dateEnd: e.dateEnd, outlets };
  });
}

/** The member most others joined through: its headline names the event best. */
function centralArticleOf(ids: readonly string[], clusterer: EventClusterer): string {
  const joinedThrough = new Map<string, number>(ids.map((id) => [id, 0]));
  for (const id of ids) {
    const matched = clusterer.membershipOf(id)?.matched;
    if (matched && joinedThrough.has(matched)) joinedThrough.set(matched, joinedThrough.get(matched)! + 1);
  }
  return [...joinedThrough].sort((a, b) => b[1] - a[1] || ids.indexOf(a[0]) - ids.indexOf(b[0]))[0]![0];
}

/** Entities a majority of members carry, most salient and telling first: what the event is about. */
function coreEntitiesOf(features: readonly StoryFeatures[], clusterer: EventClusterer): CoreEntity[] {
  const carried = new Map<string, number>();
  const mentions = new Map<string, number>();
  for (const f of features) {
    for (const [key, count] of f.entities) {
      carried.set(key, (carried.get(key) ?? 0) + 1);
      mentions.set(key, (mentions.get(key) ?? 0) + count);
    }
  }
  const needed = Math.max(1, Math.ceil(features.length / 2));
  // Salience (how often the members name it) times rarity: the protagonists, not the passing mentions.
  return [...carried]
    .filter(([, n]) => n >= needed)
    .map(([key, n]) => ({ key, n, weight: n * (1 + Math.log(mentions.get(key)!)) * idfOf(clusterer.counts.entityDf.get(key), clusterer.counts.articles) }))
    .sort((a, b) => b.weight - a.weight || (a.key < b.key ? -1 : 1))
    .slice(0, 8)
    .map(({ key, n }) => ({ key, name: features.find((f) => f.entityNames.has(key))?.entityNames.get(key) ?? key, articles: n }));
}

const HEADLINE_FURNITURE = /\s*[|–—-]\s*[^|–—-]{2,40}$/;

/** A headline without the outlet suffix a page title carries ("… | ZDFheute"). */
function cleanHeadline(title: string | null): string | null {
  if (title === null) return null;
  const cleaned = title.replace(HEADLINE_FURNITURE, '').trim();
  return cleaned.length >= 12 ? cleaned : title.trim();
}
