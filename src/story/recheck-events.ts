/**
 * `storytrace stories --recheck`: every stored event's links weighed again with today's word weights,
 * so an event no new article touched still splits when the words that held it together became
 * everyday words. Updates check only the events they touch and a few of their candidates' (see
 * updateStories); this is the full check, a batch of events at a time.
 */
import type { Store } from '../store/store.js';
import { updateStories, type StoryTools } from './update-stories.js';

/** Events re-checked per story update: bounds what is held in memory at once. */
const EVENTS_PER_UPDATE = 50;
const EVENT_IDS_PER_PAGE = 1000;

export interface RecheckResult {
  readonly eventsChecked: number;
  /** Events after the check minus before: one for each part that split off. */
  readonly eventsAdded: number;
}

export async function recheckAllEvents(store: Store, tools: StoryTools): Promise<RecheckResult> {
  const before = await store.stories.countStories('event');
  // Ids first: a split writes new events, which the paging would otherwise meet again.
  const eventIds: string[] = [];
  for (let cursor: string | undefined; ; ) {
    const page = await store.browse.listStories('event', cursor === undefined ? { limit: EVENT_IDS_PER_PAGE } : { limit: EVENT_IDS_PER_PAGE, cursor });
    eventIds.push(...page.items.map((s) => s.id));
    if (page.nextCursor === null) break;
    cursor = page.nextCursor;
  }
  let after = before;
  for (let i = 0; i < eventIds.length; i += EVENTS_PER_UPDATE) {
    after = await updateStories(store, [], tools, { recheckEvents: eventIds.slice(i, i + EVENTS_PER_UPDATE) });
  }
  return { eventsChecked: eventIds.length, eventsAdded: after - before };
}
