/**
 * `storytrace stories`: the events and storylines in the database, one line each: storylines first,
 * then the largest and latest events (the order the web UI lists them in); `--limit N` the first N.
 * Stored articles no event holds yet (an ingest killed before placing them) are placed first.
 */
import { loadFeatureTools } from '../story/update-stories.js';
import { openStoryPlacer } from '../story/story-placer.js';
import { recheckAllEvents } from '../story/recheck-events.js';
import { writeLine } from './output.js';
import { CommandError, openExistingStore, runStoreCommand, type DatabaseOptions } from './store-option.js';
import { EXIT_CODES } from './exit-codes.js';
import type { Store } from '../store/store.js';
import type { StoryRecord } from '../store/stories.js';

export interface StoriesCommandOptions extends DatabaseOptions {
  readonly json?: boolean;
  /** Weigh every event's links again with today's word weights first (splits events that fell apart). */
  readonly recheck?: boolean;
  /** Most stories to list (all when absent). */
  readonly limit?: string;
}

/** Stories read per query while listing. */
const LIST_PAGE = 200;

export function runStoriesCommand(options: StoriesCommandOptions): Promise<number> {
  return runStoreCommand(async () => {
    const limit = options.limit === undefined ? Number.POSITIVE_INFINITY : Number(options.limit);
    if (options.limit !== undefined && (!Number.isInteger(limit) || limit < 1)) {
      throw new CommandError(`--limit must be a whole number above 0, not "${options.limit}"`, EXIT_CODES.usage);
    }
    const store = openExistingStore(options);
    try {
      const tools = loadFeatureTools();
      const placer = await openStoryPlacer(store, tools);
      if (placer.unplacedCount > 0) {
        const unplaced = placer.unplacedCount;
        await placer.placeArticles([]);
        process.stderr.write(`stories: placed ${unplaced} stored article(s) that no event held yet (an earlier ingest stopped before placing them)\n`);
      }
      if (options.recheck) {
        const result = await recheckAllEvents(store, tools);
        process.stderr.write(`stories: re-checked ${result.eventsChecked} event(s) with today's word weights; ${result.eventsAdded} part(s) split off\n`);
      }
      const stories = await storiesInListOrder(store, limit);
      if (options.json) {
        await writeLine(JSON.stringify(stories, null, 2));
        return 0;
      }
      const lines = stories.map((s) => {
        const dates = s.dateStart === s.dateEnd ? (s.dateStart ?? 'undated') : `${s.dateStart ?? '?'} – ${s.dateEnd ?? '?'}`;
        return `${s.id}  ${s.kind.padEnd(9)}  ${dates.padEnd(23)}  ${String(s.articleIds.length).padStart(4)} articles  ${s.title ?? '(untitled)'}`;
      });
      await writeLine(lines.length > 0 ? lines.join('\n') : 'no stories yet: run storytrace ingest');
      return 0;
    } finally {
      await store.close();
    }
  });
}

/** Whole story records (evidence too, for --json) in the store's list order, at most `limit` of them. */
async function storiesInListOrder(store: Store, limit: number): Promise<StoryRecord[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.browse.listStories(undefined, cursor === undefined ? { limit: LIST_PAGE } : { limit: LIST_PAGE, cursor });
    ids.push(...page.items.map((s) => s.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined && ids.length < limit);
  const wanted = ids.slice(0, limit);
  const byId = new Map((await store.stories.storiesById(wanted)).map((s) => [s.id, s]));
  return wanted.map((id) => byId.get(id)).filter((s): s is StoryRecord => s !== undefined);
}
