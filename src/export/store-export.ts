/**
 * An export of what a store holds, whole or narrowed by the search filters (query, dates, outlet,
 * language, entity, story): the articles streamed in first-seen order, with the stories that hold any
 * of them and the reuse links between them. The CLI's `export` and the API's `/api/export` both write it.
 */
import type { ArticleId } from '../article.js';
import type { ArticleFilter } from '../store/browse.js';
import { allArticles } from '../store/all-articles.js';
import type { Store, StoredArticle } from '../store/store.js';
import { EXPORT_FORMATS, type ExportFormat } from './export-formats.js';
import type { TextSink } from './text-sink.js';

/** Ids read per page and articles per read: big enough to amortise the round trip, small enough to keep memory flat. */
const PAGE_SIZE = 500;

/** Writes the export; returns how many articles it holds. */
export async function writeStoreExport(store: Store, format: ExportFormat, filter: ArticleFilter, sink: TextSink): Promise<number> {
  const stories = await store.stories.listStories();
  const reuse = await store.reuse.listReuseLinks();
  if (!isNarrowed(filter)) return EXPORT_FORMATS[format](allArticles(store), sink, stories, reuse);
  // The ids first (small even for a large store), so the stories and links among them are known before the articles stream.
  const ids = await matchingIds(store, filter);
  const chosen = new Set(ids);
  return EXPORT_FORMATS[format](
    articlesByIds(store, ids),
    sink,
    stories.filter((story) => story.articleIds.some((id) => chosen.has(id))),
    reuse.filter((link) => chosen.has(link.a.articleId) && chosen.has(link.b.articleId)),
  );
}

/** Whether any filter is set (a blank query counts as none). */
export function isNarrowed(filter: ArticleFilter): boolean {
  return Object.entries(filter).some(([key, value]) => value !== undefined && !(key === 'query' && String(value).trim() === ''));
}

async function matchingIds(store: Store, filter: ArticleFilter): Promise<ArticleId[]> {
  const ids: ArticleId[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.browse.filterArticleIds(filter, cursor === undefined ? { limit: PAGE_SIZE } : { limit: PAGE_SIZE, cursor });
    ids.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return ids;
}

async function* articlesByIds(store: Store, ids: readonly ArticleId[]): AsyncGenerator<StoredArticle> {
  for (let i = 0; i < ids.length; i += PAGE_SIZE) {
    const chunk = ids.slice(i, i + PAGE_SIZE);
    const byId = new Map((await store.getArticles(chunk)).map((stored) => [stored.article.id, stored]));
    for (const id of chunk) {
      const stored = byId.get(id);
      if (stored !== undefined) yield stored;
    }
  }
}
