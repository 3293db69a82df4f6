/**
 * The reuse step of ingest: links each newly stored article to the stored articles it shares
 * passages or statements with, judges who copied whom, and stores the links together with the
 * article's fingerprints. Opening the linker reads the stored fingerprints into the in-memory
 * reuse index, not the texts: a new article is aligned only with the stored candidates it shares
 * fingerprints or rare terms with (see bench/reuse-linker.bench.mjs).
 */
import type { Article, ArticleId } from '../article.js';
import { internalErrorReason } from '../diagnostic.js';
import type { PreparedArticle, ReuseArticle } from '../link/find-reuse-links.js';
import type { ReuseLink } from '../records.js';
import { judgeCopyDirection, type DirectionEvidence } from '../link/direction.js';
import { makeReuseIndex, type ArticleFingerprints, type ReuseIndex } from '../link/reuse-index.js';
import { allArticles } from '../store/all-articles.js';
import type { ReuseFingerprintRecord, ReuseLinkRecord } from '../store/reuse-links.js';
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
  /** Linking it threw (a storytrace bug): it stays unlinked, and the next run tries again. */
  readonly internal: boolean;
}

export interface ReuseLinkResult {
  readonly articlesLinked: number;
  readonly linksAdded: number;
  readonly skipped: readonly ReuseSkip[];
}

export interface ReuseLinker {
  /**
   * Links every article not yet linked: first those stored earlier but never linked (a run killed
   * after storing), then the given ones, and stores their links. Open the linker before or after
   * storing them: what decides is the store's record of linked articles, not what the index holds.
   */
  linkArticles(articles: readonly Article[]): Promise<ReuseLinkResult>;
  /** Articles in the index. */
  readonly articleCount: number;
}

/** Builds the linker from the stored fingerprints; articles linked before fingerprints were stored are indexed from their text once. */
export async function openReuseLinker(store: Store, options: ReuseLinkerOptions = DEFAULT_REUSE_LINKER_OPTIONS): Promise<ReuseLinker> {
  const index = makeReuseIndex();
  const indexed = new Set<ArticleId>();
  const linked = new Set(await store.reuse.linkedArticleIds());
  for await (const stored of store.reuse.reuseFingerprints(index.fingerprintScheme)) {
    if (!linked.has(stored.articleId) || indexed.has(stored.articleId)) continue;
    if (stored.shingles.length > 0 || stored.terms.length > 0) index.addFingerprints(stored.articleId, stored);
    indexed.add(stored.articleId);
  }
  if (indexed.size < linked.size) await indexFromTexts(store, { index, indexed, linked }, options);
  let pending: readonly ArticleId[] = await store.reuse.unlinkedArticleIds();
  return {
    async linkArticles(articles) {
      const earlier = pending;
      pending = [];
      return linkArticles(store, { index, indexed, linked }, earlier, articles, options);
    },
    get articleCount() {
      return index.articleCount;
    },
  };
}

/** Fingerprints stored per transaction when earlier articles are indexed from their texts. */
const FINGERPRINTS_PER_WRITE = 500;

/** Linked articles without stored fingerprints (of this scheme): computed from their texts, indexed and stored. */
async function indexFromTexts(store: Store, state: LinkerState, options: ReuseLinkerOptions): Promise<void> {
  const { index, indexed, linked } = state;
  let computed: ReuseFingerprintRecord[] = [];
  for await (const stored of allArticles(store)) {
    const article = reuseArticleOf(stored.article);
    if (!linked.has(article.id) || indexed.has(article.id)) continue;
    computed.push(fingerprintRecord(index, article, skipReason(article, options) === null ? index.prepare(article) : null));
    indexed.add(article.id);
    if (computed.length >= FINGERPRINTS_PER_WRITE) {
      await store.reuse.putReuseFingerprints(computed);
      computed = [];
    }
  }
  if (computed.length > 0) await store.reuse.putReuseFingerprints(computed);
}

/** Indexes a prepared article and returns its record; a skipped article (null) gets an empty one, so it is not computed again. */
function fingerprintRecord(index: ReuseIndex, article: ReuseArticle, prepared: PreparedArticle | null): ReuseFingerprintRecord {
  const fingerprints = prepared === null ? NO_FINGERPRINTS : index.fingerprintsOf(prepared);
  if (prepared !== null) index.addFingerprints(article.id, fingerprints);
  return { articleId: article.id, scheme: index.fingerprintScheme, ...fingerprints };
}

const NO_FINGERPRINTS: ArticleFingerprints = { shingles: new Uint32Array(0), terms: new Uint32Array(0), sentences: new Uint32Array(0) };

interface LinkerState {
  readonly index: ReuseIndex;
  /** Articles whose fingerprints are in the index (or known to be empty: skipped articles). */
  readonly indexed: Set<ArticleId>;
  /** Articles whose links are stored: a new article links only to these, so no pair is linked twice. */
  readonly linked: Set<ArticleId>;
}

async function linkArticles(
  store: Store,
  state: LinkerState,
  earlier: readonly ArticleId[],
  articles: readonly Article[],
  options: ReuseLinkerOptions,
): Promise<ReuseLinkResult> {
  const { index, indexed, linked } = state;
  const skipped: ReuseSkip[] = [];
  const links: ReuseLinkRecord[] = [];
  const done: ArticleId[] = [];
  const fingerprints: ReuseFingerprintRecord[] = [];
  // Articles of this batch are looked up here before they could be read back from the store.
  const batch = new Map<ArticleId, ReuseArticle>(articles.map((a) => [a.id, reuseArticleOf(a)]));
  const lookUp = async (id: ArticleId): Promise<ReuseArticle | undefined> => {
    const inBatch = batch.get(id);
    if (inBatch !== undefined) return inBatch;
    const stored = await store.getArticle(id);
    return stored === null ? undefined : reuseArticleOf(stored.article);
  };
  for (const id of new Set([...earlier, ...batch.keys()])) {
    if (linked.has(id)) continue;
    const article = await lookUp(id);
    if (article === undefined) continue;
    const reason = skipReason(article, options);
    if (reason !== null) {
      skipped.push({ articleId: id, reason, internal: false });
      if (!indexed.has(id)) fingerprints.push(fingerprintRecord(index, article, null));
      indexed.add(id);
      linked.add(id);
      done.push(id);
      continue;
    }
    let prepared: PreparedArticle;
    const found: ReuseLinkRecord[] = [];
    try {
      prepared = index.prepare(article);
      // The index asks for candidates synchronously; fetch the linked ones from the store first.
      const candidates = new Map<ArticleId, ReuseArticle>();
      for (const candidate of index.candidatesFor(prepared)) {
        if (!linked.has(candidate.articleId)) continue;
        const stored = await lookUp(candidate.articleId);
        if (stored !== undefined) candidates.set(candidate.articleId, stored);
      }
      for (const link of index.linksFor(prepared, (other) => candidates.get(other))) {
        found.push(withDirection(link, article, candidates.get(link.b.articleId)!));
      }
    } catch (error) {
      skipped.push({ articleId: id, reason: `${internalErrorReason(error)}; stored, not linked`, internal: true });
      continue;
    }
    links.push(...found);
    if (!indexed.has(id)) {
      fingerprints.push(fingerprintRecord(index, article, prepared));
      indexed.add(id);
    }
    linked.add(id);
    done.push(id);
  }
  const linksAdded = done.length === 0 ? 0 : await store.reuse.putReuseLinks(links, done, fingerprints);
  return { articlesLinked: done.length - skipped.length, linksAdded, skipped };
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
