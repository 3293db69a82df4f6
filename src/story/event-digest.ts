/**
 * An event's digest: what its summary and source comparison are made from (the source tallies, the
 * summary's candidate sentences, the first headline), kept with the event so that a new member, or a
 * merged event, is added to it instead of every member being read and analysed again.
 */
import type { Article, ArticleId } from '../article.js';
import { emptySourceTally, mergeSourceTallies, tallySources, type SourceTally } from './compare-sources.js';
import type { FramingLexicon } from './framing-markers.js';
import { SummaryPool, type SummarySentence } from './summarise-event.js';

/** As stored (JSON). */
export interface StoredEventDigest {
  /** The members it was made from, in event order. */
  readonly articleIds: readonly ArticleId[];
  /** The headline of the first member that has one (the title when the central member has none). */
  readonly firstTitle: string | null;
  readonly sources: SourceTally;
  readonly summaryPool: readonly SummarySentence[];
}

/** In use: the summary's candidates as a pool that new sentences join. */
export interface EventDigest {
  readonly articleIds: readonly ArticleId[];
  readonly firstTitle: string | null;
  readonly sources: SourceTally;
  readonly summaryPool: SummaryPool;
}

export interface DigestPlan {
  readonly memberIds: readonly ArticleId[];
  /** Stored digests that cover only members (each whole, none overlapping another). */
  readonly used: readonly StoredEventDigest[];
  /** Members no used digest covers: their articles must be read. */
  readonly uncovered: readonly ArticleId[];
}

/**
 * Which stored digests an event can be built from (its own before the update and those of events
 * merged into it) and which members must be read. A digest covering an article the event no longer
 * holds (a split) is not used.
 */
export function planEventDigest(memberIds: readonly ArticleId[], stored: readonly StoredEventDigest[]): DigestPlan {
  const members = new Set(memberIds);
  const covered = new Set<ArticleId>();
  const used: StoredEventDigest[] = [];
  for (const digest of stored) {
    if (!digest.articleIds.every((id) => members.has(id) && !covered.has(id))) continue;
    used.push(digest);
    for (const id of digest.articleIds) covered.add(id);
  }
  return { memberIds, used, uncovered: memberIds.filter((id) => !covered.has(id)) };
}

/**
 * The event's digest, its members taken in event order: a used digest where its first member stands,
 * the article itself for an uncovered member. In that order the tallies and candidates come out as
 * if all members were read at once.
 */
export function digestEvent(plan: DigestPlan, articleOf: (id: ArticleId) => Article | undefined, framing: FramingLexicon): EventDigest {
  const digestAt = new Map(plan.used.map((d) => [d.articleIds[0]!, d]));
  const uncovered = new Set(plan.uncovered);
  const sources = emptySourceTally();
  const summaryPool = new SummaryPool();
  let firstTitle: string | null = null;
  let pending: Article[] = [];
  const addPending = () => {
    tallySources(sources, pending, framing);
    summaryPool.addArticles(pending);
    firstTitle ??= pending.find((a) => a.title)?.title ?? null;
    pending = [];
  };
  for (const id of plan.memberIds) {
    const digest = digestAt.get(id);
    if (digest !== undefined) {
      addPending();
      mergeSourceTallies(sources, digest.sources);
      summaryPool.addSentences(digest.summaryPool);
      firstTitle ??= digest.firstTitle;
      continue;
    }
    const article = uncovered.has(id) ? articleOf(id) : undefined;
    if (article !== undefined) pending.push(article);
  }
  addPending();
  return { articleIds: plan.memberIds, firstTitle, sources, summaryPool };
}
