/**
 * Keeps the store's events and storylines current after an ingest: restores the memberships decided
 * before, places the new articles, and rewrites the event and storyline records with their evidence.
 */
import type { Article } from '../article.js';
import type { Store } from '../store/store.js';
import type { StoryRecord, StoryMemberRow } from '../store/stories.js';
import { allArticles } from '../store/all-articles.js';
import { loadFunctionWordsDe } from '../link/content-terms.js';
import { stemGerman } from '../text/stem.de.js';
import { storyFeaturesOf, loadFunctionWordsEn, type FeatureTools, type StoryFeatures } from './story-features.js';
import { makeEventClusterer, DEFAULT_CLUSTER_OPTIONS, type EventClusterer, type Membership, type PassageLookup } from './cluster-events.js';
import { DEFAULT_SIMILARITY_OPTIONS, idfOf } from './pair-similarity.js';
import { summariseEvent } from './summarise-event.js';
import { linkStorylines } from './link-storylines.js';
import { compareSources } from './compare-sources.js';
import { loadFramingLexicon, type FramingLexicon } from './framing-markers.js';

/** Everything story building reads from data files, loaded once. */
export interface StoryTools extends FeatureTools {
  readonly framing: FramingLexicon;
}

export function loadFeatureTools(): StoryTools {
  return { stemGerman: rememberStems(stemGerman), functionWordsDe: loadFunctionWordsDe(), functionWordsEn: loadFunctionWordsEn(), framing: loadFramingLexicon() };
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

export function makeDefaultClusterer(): EventClusterer {
  return makeEventClusterer({ ...DEFAULT_CLUSTER_OPTIONS, similarity: DEFAULT_SIMILARITY_OPTIONS });
}

/** Places `added` (fresh from the pipeline, with their text dates) and rewrites all stories. */
export async function updateStories(store: Store, added: readonly Article[], tools: StoryTools): Promise<number> {
  const clusterer = makeDefaultClusterer();
  const previous = new Map((await store.stories.listStoryMembers()).map((m) => [m.articleId, m]));
  const articles = new Map<string, Article>();
  const restored: Parameters<EventClusterer['restore']>[0][number][] = [];
  for await (const stored of allArticles(store)) {
    const article = stored.article;
    articles.set(article.id, article);
    const member = previous.get(article.id);
    if (member === undefined) continue;
    // Text dates are not stored with articles: the event day comes from the membership row.
    const features = { ...storyFeaturesOf(article, tools), eventDay: member.eventDay };
    restored.push({ features, membership: { articleId: article.id, eventId: member.eventId, matched: member.matchedId, evidence: member.evidence as Membership['evidence'] } });
  }
  clusterer.restore(restored);
  const fresh = added.filter((a) => !previous.has(a.id) && articles.has(a.id));
  const placed = clusterer.addArticles(fresh.map((a) => storyFeaturesOf(a, tools)), await passagesOf(store, fresh.map((a) => a.id)));
  const changedEvents = new Set(placed.map((m) => m.eventId));
  for (const change of clusterer.changes) changedEvents.add(change.into);
  const members: StoryMemberRow[] = [];
  for (const event of clusterer.events()) {
    if (!changedEvents.has(event.id)) continue;
    for (const id of event.articleIds) {
      const m = clusterer.membershipOf(id)!;
      members.push({ articleId: id, eventId: m.eventId, eventDay: clusterer.featuresOf(id)!.eventDay, matchedId: m.matched, evidence: m.evidence });
    }
  }
  const records = storyRecordsOf(clusterer, articles, tools.framing);
  await store.stories.replaceStories(records, members, clusterer.changes);
  return records.filter((r) => r.kind === 'event').length;
}

/**
 * Passages the reuse linker stored for these articles. Paraphrase links are left out: two reports of
 * different days may paraphrase the same background; verbatim copies and quotations are one text.
 */
async function passagesOf(store: Store, articleIds: readonly string[]): Promise<PassageLookup> {
  const linked = new Map<string, Map<string, number>>();
  const add = (from: string, to: string) => {
    const row = linked.get(from) ?? new Map<string, number>();
    row.set(to, (row.get(to) ?? 0) + 1);
    linked.set(from, row);
  };
  for (const link of await store.reuse.reuseLinksFor(articleIds)) {
    if (link.kind === 'paraphrase' || link.a.articleId === link.b.articleId) continue;
    add(link.a.articleId, link.b.articleId);
    add(link.b.articleId, link.a.articleId);
  }
  return { linkedTo: (id) => linked.get(id) ?? new Map() };
}

/** Event and storyline records for everything the clusterer holds. */
export function storyRecordsOf(clusterer: EventClusterer, articles: ReadonlyMap<string, Article>, framing: FramingLexicon): StoryRecord[] {
  const events = clusterer.events().map((event) => {
    const memberArticles = event.articleIds.map((id) => articles.get(id)).filter((a): a is Article => a !== undefined);
    const features = event.articleIds.map((id) => clusterer.featuresOf(id)).filter((f): f is StoryFeatures => f !== undefined);
    const known = features.map((f) => f.eventDay).filter((d): d is string => d !== null).sort();
    // Days when any member gives one: a month-only member ("2025-03") would otherwise open every range.
    const precise = known.filter((d) => d.length === 10);
    const days = precise.length > 0 ? precise : known;
    const central = centralArticleOf(event.articleIds, clusterer);
    const coreEntities = coreEntitiesOf(features, clusterer);
    return {
      id: event.id,
      articleIds: event.articleIds,
      title: cleanHeadline(articles.get(central)?.title ?? memberArticles.find((a) => a.title)?.title ?? null),
      dateStart: days[0] ?? null,
      dateEnd: days.at(-1) ?? null,
      summary: summariseEvent(memberArticles, clusterer.counts, (a) => clusterer.featuresOf(a.id)!),
      evidence: {
        coreEntities,
        comparison: compareSources(memberArticles, coreEntities.map((c) => c.key), framing),
        members: event.articleIds.map((id) => {
          const m = clusterer.membershipOf(id)!;
          return { articleId: id, matched: m.matched, eventDay: clusterer.featuresOf(id)?.eventDay ?? null, shared: m.evidence };
        }),
      },
    };
  });
  const storylines = linkStorylines(
    events.map((e) => ({ id: e.id, dateStart: e.dateStart, core: e.evidence.coreEntities.map((c) => c.key) })),
  );
  const records: StoryRecord[] = [];
  for (const line of storylines) {
    const lineEvents = line.eventIds.map((id) => events.find((e) => e.id === id)!);
    for (const e of lineEvents) records.push({ ...e, kind: 'event', storylineId: line.id });
    if (lineEvents.length < 2) continue;
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
      summary: timelineOf(lineEvents, articles),
      evidence: { events: line.eventIds, sharedEntities: line.shared },
    });
  }
  return records;
}

export interface TimelineEntry {
  readonly eventId: string;
  readonly title: string | null;
  readonly dateStart: string | null;
  readonly dateEnd: string | null;
  /** Articles per outlet in this event: coverage over time, per outlet, read down the timeline. */
  readonly outlets: Readonly<Record<string, number>>;
}

const UNKNOWN_OUTLET = '(unknown outlet)';

/** A storyline's summary: its events in date order, each with how many articles every outlet gave it. */
function timelineOf(
  events: readonly { id: string; title: string | null; dateStart: string | null; dateEnd: string | null; articleIds: readonly string[] }[],
  articles: ReadonlyMap<string, Article>,
): TimelineEntry[] {
  return events.map((e) => {
    const outlets: Record<string, number> = {};
    for (const id of e.articleIds) {
      const outlet = articles.get(id)?.outlet ?? UNKNOWN_OUTLET;
      outlets[outlet] = (outlets[outlet] ?? 0) + 1;
    }
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
function coreEntitiesOf(features: readonly StoryFeatures[], clusterer: EventClusterer): { key: string; name: string; articles: number }[] {
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
