/**
 * What the story and outlet pages read beyond the stored records: the reuse links among one story's
 * articles, the statements its articles share, and one outlet's sources. Each reads only the articles
 * concerned (not the whole store, as `storytrace outlets` and `statements` do).
 */
import type { ArticleId } from '../article.js';
import type { Store } from '../store/store.js';
import type { ReuseLinkRecord } from '../store/reuse-links.js';
import { findStatements, type Statement, type TermTools } from '../provenance/statements.js';
import { outletDependenceOf, type OutletDependence } from '../provenance/outlet-dependence.js';

export interface StoryCoverage {
  /** Articles per publication day, in date order; days without articles are left out. */
  readonly days: readonly { readonly day: string; readonly articles: number }[];
  /** Articles with no publication day (undated, or dated to the month or year only). */
  readonly undated: number;
  /** Distinct outlets of its articles; articles without one count as one more, as the source comparison groups them. */
  readonly outlets: number;
}

/** How many of the story's articles came out on each day (its coverage over time), and from how many outlets. */
export async function storyCoverage(store: Store, articleIds: readonly ArticleId[]): Promise<StoryCoverage> {
  const perDay = new Map<string, number>();
  let undated = 0;
  const outlets = new Set<string | null>();
  for (const { published, outlet } of await store.browse.listArticlesById(articleIds)) {
    outlets.add(outlet);
    const day = published !== null && published.length >= 10 ? published.slice(0, 10) : null;
    if (day === null) undated += 1;
    else perDay.set(day, (perDay.get(day) ?? 0) + 1);
  }
  return { days: [...perDay].sort(([a], [b]) => a.localeCompare(b)).map(([day, articles]) => ({ day, articles })), undated, outlets: outlets.size };
}

/** Links with both passages inside the story: who copied whom among its articles. */
export async function storyReuseLinks(store: Store, articleIds: readonly ArticleId[]): Promise<readonly ReuseLinkRecord[]> {
  const members = new Set(articleIds);
  const links = await store.reuse.reuseLinksFor(articleIds);
  return links.filter((l) => l.a.articleId !== l.b.articleId && members.has(l.a.articleId) && members.has(l.b.articleId));
}

/** Quoted statements two or more of the story's articles carry, with every occurrence. */
export async function storyStatements(store: Store, articleIds: readonly ArticleId[], tools: TermTools): Promise<Statement[]> {
  return findStatements(await store.browse.listArticleQuotes(articleIds), await storyReuseLinks(store, articleIds), tools);
}

/** How much of one outlet's text comes from which sources; null when no stored article has that outlet. */
export async function outletSources(store: Store, outlet: string): Promise<OutletDependence | null> {
  const ids = await store.browse.listOutletArticleIds(outlet);
  if (ids.length === 0) return null;
  const links = await store.reuse.reuseLinksFor(ids);
  // The other side of each link is read too: its outlet names the source, its credits a shared agency.
  // Only this outlet's entry is kept, so the others' texts are left unread (their length counts for theirs alone).
  const own = new Set(ids);
  const others = [...new Set(links.flatMap((l) => [l.a.articleId, l.b.articleId]))].filter((id) => !own.has(id));
  const articles = [
    ...(await store.browse.listArticleSizes(ids)),
    ...(await store.browse.listArticlesById(others)).map(({ id, outlet: theirs, credits }) => ({ id, outlet: theirs, credits, textLength: 0 })),
  ];
  return outletDependenceOf(articles, links).find((d) => d.outlet === outlet) ?? null;
}
