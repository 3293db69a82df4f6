/**
 * The stories step of a run (ingest, watch, an API job), opened once like the reuse linker: places
 * the new articles in events, and first every stored article no event holds yet (a run killed after
 * storing it and before placing it), so no stored article stays out of the stories for good.
 */
import type { Article, ArticleId } from '../article.js';
import { textDatesOf } from '../extract/dates/find-text-dates.js';
import type { Store } from '../store/store.js';
import { updateStories, type StoryTools } from './update-stories.js';

export interface StoryPlacer {
  /** Places what was left unplaced before (oldest first), then these; returns the number of events stored. */
  placeArticles(articles: readonly Article[]): Promise<number>;
  /** Stored articles found unplaced when the placer was opened and not placed since. */
  readonly unplacedCount: number;
}

/** Unplaced articles read and placed per story update, so a large backlog never sits in memory at once. */
const RECOVERED_PER_UPDATE = 200;

/** Open it before the run stores its new articles: what it finds unplaced then was left by an earlier run. */
export async function openStoryPlacer(store: Store, tools: StoryTools): Promise<StoryPlacer> {
  let pending: readonly ArticleId[] = await store.stories.unplacedArticleIds();
  return {
    async placeArticles(articles) {
      const given = new Set(articles.map((a) => a.id));
      const earlier = pending.filter((id) => !given.has(id));
      pending = [];
      for (let i = 0; i < earlier.length; i += RECOVERED_PER_UPDATE) {
        const chunk = earlier.slice(i, i + RECOVERED_PER_UPDATE);
        const stored = new Map((await store.getArticles(chunk)).map((s) => [s.article.id, s.article]));
        const inStoredOrder = chunk.map((id) => stored.get(id)).filter((a): a is Article => a !== undefined);
        await updateStories(store, inStoredOrder.map(withTextDates), tools);
      }
      return updateStories(store, articles, tools);
    },
    get unplacedCount() {
      return pending.length;
    },
  };
}

/**
 * Text dates are not stored with an article (the clusterer needs them for its event day): found again
 * from the stored text and publication date, as the pipeline found them.
 */
function withTextDates(article: Article): Article {
  return { ...article, ...textDatesOf(article.text, article.published) };
}
