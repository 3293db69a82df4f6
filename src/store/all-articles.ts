/** Reads every article of a store in first-seen order, a page at a time, so exports of any size stream. */
import type { Store, StoredArticle } from './store.js';

/** Articles per query: big enough to amortise the round trip, small enough to keep memory flat. */
const DEFAULT_PAGE_SIZE = 500;

export async function* allArticles(store: Store, pageSize = DEFAULT_PAGE_SIZE): AsyncGenerator<StoredArticle> {
  let cursor: string | undefined;
  do {
    const page = await store.listArticles(cursor === undefined ? { limit: pageSize } : { limit: pageSize, cursor });
    yield* page.articles;
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
}
