/**
 * Provenance read from a Store: what the CLI, export and web API call. The pure computations live
 * beside this file (article-provenance, outlet-dependence, statements).
 */
import type { ArticleId } from '../article.js';
import { allArticles } from '../store/all-articles.js';
import type { Store } from '../store/store.js';
import { articleProvenanceOf, type ArticleProvenance } from './article-provenance.js';
import { outletDependenceOf, type OutletArticle, type OutletDependence } from './outlet-dependence.js';
import { findStatements, type QuotingArticle, type Statement, type TermTools } from './statements.js';

/** An article's provenance, with the outlet of every article its passages link to; null when no such article. */
export async function readArticleProvenance(
  store: Store,
  id: ArticleId,
): Promise<(ArticleProvenance & { readonly outletOf: Readonly<Record<ArticleId, string | null>> }) | null> {
  const stored = await store.getArticle(id);
  if (stored === null) return null;
  const provenance = articleProvenanceOf(id, stored.article.text.length, await store.reuse.reuseLinksFor([id]));
  const others = [...new Set(provenance.passages.map((p) => p.otherArticleId))];
  const outletOf: Record<ArticleId, string | null> = Object.fromEntries(others.map((other) => [other, null]));
  for (const listed of await store.browse.listArticlesById(others)) outletOf[listed.id] = listed.outlet;
  return { ...provenance, outletOf };
}

/** Every outlet's sources; reads the whole store. */
export async function readOutletDependence(store: Store): Promise<OutletDependence[]> {
  const articles: OutletArticle[] = [];
  for await (const { article } of allArticles(store)) {
    articles.push({ id: article.id, textLength: article.text.length, outlet: article.outlet, credits: article.credits });
  }
  return outletDependenceOf(articles, await store.reuse.listReuseLinks());
}

/** Statements carried by two or more stored articles; reads every article's quotes. */
export async function readStatements(store: Store, tools: TermTools): Promise<Statement[]> {
  const articles: QuotingArticle[] = [];
  for await (const { article } of allArticles(store)) {
    if ((article.quotes ?? []).length > 0) {
      articles.push({ id: article.id, outlet: article.outlet, published: article.published, quotes: article.quotes ?? [] });
    }
  }
  return findStatements(articles, await store.reuse.listReuseLinks(), tools);
}
