/**
 * The stories side of the Store: events and storylines (src/story/) with the evidence for every
 * membership and the merges the online clustering made, and the user's outlet registry edits.
 * The export, CLI and web API read these.
 */
import type { ArticleId } from '../article.js';
import type { OutletColumns } from '../records.js';

/** The export's `stories` record; `evidence` and `summary` shapes are set by src/story/. */
export interface StoryRecord {
  readonly id: string;
  readonly kind: 'event' | 'storyline';
  /** For an event: the storyline it belongs to. */
  readonly storylineId: string | null;
  readonly title: string | null;
  readonly dateStart: string | null;
  readonly dateEnd: string | null;
  readonly articleIds: readonly ArticleId[];
  readonly summary: unknown;
  readonly evidence: unknown;
}

/** Why one article is in its event. */
export interface StoryMemberRow {
  readonly articleId: ArticleId;
  readonly eventId: string;
  /** The day of the happening the article reports (from its text dates), kept for later clustering. */
  readonly eventDay: string | null;
  /** The member it matched when it joined; null for the article that started the event. */
  readonly matchedId: ArticleId | null;
  /** Undefined when not read (storyMembersOf withEvidence false). */
  readonly evidence: unknown;
  /** What the clusterer kept of the article (shape set by src/story/); read back only by storyMembersOf. */
  readonly features?: unknown;
}

export interface StoryChangeRow {
  readonly kind: string;
  readonly into: string;
  readonly from: string;
  readonly reason: string;
  readonly at?: string;
}

/** One story update, written in one transaction: the index grows and only the changed stories are rewritten. */
export interface StoryUpdate {
  /** Clears the index and every story first (a rebuild); otherwise the update adds to what is stored. */
  readonly replaceAll?: boolean;
  /** Additions to document frequencies by key; the key '' counts articles. */
  readonly counts: ReadonlyMap<string, number>;
  /** New (key, article) postings; a key keeps at most `postingsCap` articles. Every key is counted (`counts`, now or before). */
  readonly postings: readonly (readonly [string, ArticleId])[];
  readonly postingsCap: number;
  /** Memberships to insert or update, each with its features. */
  readonly members: readonly StoryMemberRow[];
  /** Event and storyline records to write whole. */
  readonly stories: readonly StoryRecord[];
  /** Core entity keys of each event written, for finding the events a storyline may link. */
  readonly eventCores: ReadonlyMap<string, readonly string[]>;
  /** Events merged away or split off to nothing, and storylines that no longer exist. */
  readonly removed: readonly string[];
  /** The storyline of events whose record is otherwise unchanged. */
  readonly storylineOf: ReadonlyMap<string, string>;
  readonly changes: readonly StoryChangeRow[];
  /** Digest of each event written (shape set by src/story/event-digest.ts); a removed event's goes with it. */
  readonly digests: ReadonlyMap<string, unknown>;
}

/** An event as storyline linking sees it. */
export interface EventCoreRow {
  readonly eventId: string;
  readonly storylineId: string | null;
  readonly dateStart: string | null;
  readonly core: readonly string[];
}

export interface StoryTables {
  /** Document frequencies of these keys (unknown keys absent); '' is the number of articles counted. */
  storyCounts(keys: readonly string[]): Promise<ReadonlyMap<string, number>>;
  /** Stored postings of these keys, leaving out keys that hold `cap` articles (too common to find candidates by). */
  storyPostings(keys: readonly string[], cap: number): Promise<ReadonlyMap<string, readonly ArticleId[]>>;
  /** Memberships of these articles and of every member of these events; with their evidence and features unless told not to. */
  storyMembersOf(query: { readonly articleIds?: readonly ArticleId[]; readonly eventIds?: readonly string[]; readonly withFeatures?: boolean; readonly withEvidence?: boolean }): Promise<readonly StoryMemberRow[]>;
  /** Events with any of these core entities, in any of these storylines, or with these ids, with their cores. */
  eventCores(query: { readonly entityKeys?: readonly string[]; readonly storylineIds?: readonly string[]; readonly eventIds?: readonly string[] }): Promise<readonly EventCoreRow[]>;
  storiesById(ids: readonly string[]): Promise<readonly StoryRecord[]>;
  /** The stored digests of these events (absent for events stored without one). */
  eventDigests(eventIds: readonly string[]): Promise<ReadonlyMap<string, unknown>>;
  countStories(kind: StoryRecord['kind']): Promise<number>;
  /** Whether the story index must be built from the stored articles (memberships exist but no counts). */
  storyIndexMissing(): Promise<boolean>;
  applyStoryUpdate(update: StoryUpdate): Promise<void>;
  /** Replaces all events and storylines (their digests dropped), upserts memberships and appends changes, in one transaction (the story index is left as it is). */
  replaceStories(stories: readonly StoryRecord[], members: readonly StoryMemberRow[], changes: readonly StoryChangeRow[]): Promise<void>;
  listStoryMembers(): Promise<readonly StoryMemberRow[]>;
  /** Ordered by start date. */
  listStories(kind?: StoryRecord['kind']): Promise<readonly StoryRecord[]>;
  getStory(id: string): Promise<StoryRecord | null>;
  listStoryChanges(): Promise<readonly StoryChangeRow[]>;
  /** Merges and splits into or out of any of these events or storylines, oldest first. */
  storyChangesOf(storyIds: readonly string[]): Promise<readonly StoryChangeRow[]>;
  /** Stored articles no event holds (an ingest killed after storing them, before placing them), first stored first. */
  unplacedArticleIds(): Promise<readonly ArticleId[]>;
  /** The user's outlet registry rows (`storytrace sources set|add`), which override the shipped ones. */
  listOutletOverrides(): Promise<readonly OutletColumns[]>;
  putOutletOverride(row: OutletColumns): Promise<void>;
}
