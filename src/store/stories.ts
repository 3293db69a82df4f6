/**
 * The stories side of the Store: events and storylines (src/story/) with the evidence for every
 * membership and the merges the online clustering made, and the user's outlet registry edits.
 * The export, CLI and web API read these.
 */
import type { ArticleId } from '../article.js';
import type { OutletColumns } from '../story/outlets/outlet-registry.js';

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
  readonly evidence: unknown;
}

export interface StoryChangeRow {
  readonly kind: string;
  readonly into: string;
  readonly from: string;
  readonly reason: string;
  readonly at?: string;
}

export interface StoryTables {
  /** Replaces all events and storylines, upserts memberships and appends changes, in one transaction. */
  replaceStories(stories: readonly StoryRecord[], members: readonly StoryMemberRow[], changes: readonly StoryChangeRow[]): Promise<void>;
  listStoryMembers(): Promise<readonly StoryMemberRow[]>;
  /** Ordered by start date. */
  listStories(kind?: StoryRecord['kind']): Promise<readonly StoryRecord[]>;
  getStory(id: string): Promise<StoryRecord | null>;
  listStoryChanges(): Promise<readonly StoryChangeRow[]>;
  /** The user's outlet registry rows (`storytrace sources set|add`), which override the shipped ones. */
  listOutletOverrides(): Promise<readonly OutletColumns[]>;
  putOutletOverride(row: OutletColumns): Promise<void>;
}
