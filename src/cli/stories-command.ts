/**
 * `storytrace stories`: the events and storylines in the database, one line each, by start date.
 * Stored articles no event holds yet (an ingest killed before placing them) are placed first.
 */
import { loadFeatureTools } from '../story/update-stories.js';
import { openStoryPlacer } from '../story/story-placer.js';
import { recheckAllEvents } from '../story/recheck-events.js';
import { writeLine } from './output.js';
import { openExistingStore, runStoreCommand, type DatabaseOptions } from './store-option.js';

export interface StoriesCommandOptions extends DatabaseOptions {
  readonly json?: boolean;
  /** Weigh every event's links again with today's word weights first (splits events that fell apart). */
  readonly recheck?: boolean;
}

export function runStoriesCommand(options: StoriesCommandOptions): Promise<number> {
  return runStoreCommand(async () => {
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
      const stories = await store.stories.listStories();
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
