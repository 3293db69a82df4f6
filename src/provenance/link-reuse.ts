/**
 * The reuse step of ingest: links each newly stored article to the stored articles it shares
 * passages or statements with, judges who copied whom, and stores the links. The reuse index lives
 * in memory for one run and is rebuilt from the store when the linker starts (see bench/reuse-ingest).
 */
import type { Article, ArticleId } from '../article.js';
import type { ReuseArticle, ReuseLink } from '../link/find-reuse-links.js';
import { judgeCopyDirection, type DirectionEvidence } from '../link/direction.js';
import { makeReuseIndex, type ReuseIndex } from '../link/reuse-index.js';
import { allArticles } from '../store/all-articles.js';
import type { ReuseLinkRecord } from '../store/reuse-links.js';
import type { Store } from '../store/store.js';

export interface ReuseLinkerOptions {
  /**
   * Longer texts are not linked: a 1 MB "article" is a dump, not a report, and preparing it for
   * every candidate would dominate a run. 200,000 characters is about forty printed pages.
   */
  readonly maxTextChars: number;
}

export const DEFAULT_REUSE_LINKER_OPTIONS: ReuseLinkerOptions = { maxTextChars: 200_000 };

/** An article the linker left out, and why, for the ingest report. */
export interface ReuseSkip {
  readonly articleId: ArticleId;
  readonly reason: string;
}

export interface ReuseLinkResult {
  readonly articlesLinked: number;
  readonly linksAdded: number;
  readonly skipped: readonly ReuseSkip[];
}

export interface ReuseLinker {
  /** Links the articles not yet indexed (already stored ones are skipped silently) and stores their links. */
  linkArticles(articles: readonly Article[]): Promise<ReuseLinkResult>;
  /** Articles in the index. */
  readonly articleCount: number;
}

/** Builds the linker, indexing every stored article (first seen first) so new ones are linked against them. */
export async function openReuseLinker(store: Store, options: ReuseLinkerOptions = DEFAULT_REUSE_LINKER_OPTIONS): Promise<ReuseLinker> {
  const index = makeReuseIndex();
  const indexed = new Set<ArticleId>();
  for await (const stored of allArticles(store)) {
    const article = reuseArticleOf(stored.article);
    if (skipReason(article, options) !== null) continue;
    index.add(index.prepare(article));
    indexed.add(article.id);
  }
  return {
    linkArticles: (articles) => linkArticles(store, index, indexed, articles, options),
    get articleCount() {
      return index.articleCount;
    },
  };
}

async function linkArticles(
  store: Store,
  index: ReuseIndex,
  indexed: Set<ArticleId>,
  articles: readonly Article[],
  options: ReuseLinkerOptions,
): Promise<ReuseLinkResult> {
  const skipped: ReuseSkip[] = [];
  const links: ReuseLinkRecord[] = [];
  let articlesLinked = 0;
  // Articles of this batch are looked up here before they could be read back from the store.
  const batch = new Map<ArticleId, ReuseArticle>(articles.map((a) => [a.id, reuseArticleOf(a)]));
  for (const article of batch.values()) {
    if (indexed.has(article.id)) continue;
    const reason = skipReason(article, options);
    if (reason !== null) {
      skipped.push({ articleId: article.id, reason });
      continue;
    }
    const prepared = index.prepare(article);
    // The index asks for candidates synchronously; fetch them from the store first.
    const candidates = new Map<ArticleId, ReuseArticle>();
    for (const candidate of index.candidatesFor(prepared)) {
      const inBatch = batch.get(candidate.articleId);
      const stored = inBatch === undefined ? await store.getArticle(candidate.articleId) : null;
      const found = inBatch ?? (stored === null ? undefined : reuseArticleOf(stored.article));
      if (found !== undefined) candidates.set(candidate.articleId, found);
    }
    for (const link of index.linksFor(prepared, (id) => candidates.get(id))) {
      links.push(withDirection(link, article, candidates.get(link.b.articleId)!));
    }
    index.add(prepared);
    indexed.add(article.id);
    articlesLinked += 1;
  }
  const linksAdded = links.length === 0 ? 0 : await store.reuse.putReuseLinks(links);
  return { articlesLinked, linksAdded, skipped };
}

function skipReason(article: ReuseArticle, options: ReuseLinkerOptions): string | null {
  if (article.text.trim() === '') return 'no text to compare: reuse linking skipped';
  if (article.text.length > options.maxTextChars) {
    return `text of ${article.text.length} characters is longer than ${options.maxTextChars}: reuse linking skipped`;
  }
  return null;
}

/** The index links the new article as side a with a candidate as side b. */
function withDirection(link: ReuseLink, a: ReuseArticle, b: ReuseArticle): ReuseLinkRecord {
  const judged = judgeCopyDirection(evidenceOf(a), evidenceOf(b));
  const from = judged.source === 'a' ? a.id : judged.source === 'b' ? b.id : null;
  return { ...link, direction: { from, confidence: judged.confidence, reasons: [judged.reason] } };
}

function evidenceOf(article: ReuseArticle): DirectionEvidence {
  return { text: article.text, published: article.published ?? null, outlet: article.outlet ?? null, credits: article.credits ?? [] };
}

export function reuseArticleOf(article: Article): ReuseArticle {
  return { id: article.id, text: article.text, published: article.published, outlet: article.outlet, credits: article.credits };
}
