/**
 * The one sequence every run follows, for `ingest`, `watch`, `demo` and the API's ingest jobs:
 * read → pipeline → store → link reuse → place in stories. The context (pipeline, store, reuse
 * linker, story placer) is built once when the runner is opened; each call to `ingest` takes the
 * next documents through it. A step that throws on one input is a storytrace bug: that input is
 * named with the reason, and the run goes on with the rest; nothing already stored is lost.
 */
import type { Article, ArticleId, RawDocument } from '../article.js';
import type { Pipeline, PipelineResult } from '../pipeline.js';
import { diagnostic, internalErrorReason } from '../diagnostic.js';
import type { Store } from '../store/store.js';
import { openReuseLinker, type ReuseLinker } from '../provenance/link-reuse.js';
import { loadFeatureTools } from '../story/update-stories.js';
import { openStoryPlacer, type StoryPlacer } from '../story/story-placer.js';

export interface RunnerOptions {
  /** Articles written per transaction: fewer commits is faster; a kill loses at most one batch, redone on re-run. */
  readonly batchArticles: number;
  /** Commit a batch at least this often (ms), so slow inputs (URLs, feeds) are stored as they arrive. */
  readonly batchMaxMs: number;
  /**
   * Articles linked and placed in stories together, cut by count alone so the stories do not depend on
   * timing; what is stored but not yet linked and placed when a run is killed is taken up by the next.
   */
  readonly roundArticles: number;
}

export const DEFAULT_RUNNER_OPTIONS: RunnerOptions = { batchArticles: 200, batchMaxMs: 2000, roundArticles: 200 };

/** An article stored but left out of reuse linking or of the stories, and why. */
export interface StepSkip {
  readonly step: 'reuse' | 'stories';
  readonly articleId: ArticleId;
  /** Where the article was found, for the person holding the file. */
  readonly input: string;
  readonly reason: string;
  /** The step threw (a storytrace bug), as opposed to an article it does not take (no text, too long). */
  readonly internal: boolean;
}

/** What the caller hears while a run goes on (progress bars, an API job's record). */
export interface RunObserver {
  /** One input document through the pipeline: its articles (about to be stored) and its messages. */
  documentDone?(raw: RawDocument, result: PipelineResult): void;
  stepSkipped?(skip: StepSkip): void;
}

export interface RunTotals {
  articlesAdded: number;
  occurrencesAdded: number;
  linksAdded: number;
  /** Events in the store after the last placement. */
  events: number;
}

export interface Runner {
  /** Takes these documents through the whole sequence, in their order; resolves once all are stored, linked and placed. */
  ingest(documents: AsyncIterable<RawDocument> | Iterable<RawDocument>, observer?: RunObserver): Promise<RunTotals>;
}

export interface RunContext {
  readonly store: Store;
  readonly pipeline: Pipeline;
  readonly linker: ReuseLinker;
  readonly placer: StoryPlacer;
}

/**
 * Opens the linker and the placer on the store as it is, before anything new is stored: articles an
 * earlier, killed run stored but never linked or placed are taken up with the first round.
 */
export async function openRunner(store: Store, pipeline: Pipeline, options: Partial<RunnerOptions> = {}): Promise<Runner> {
  const context: RunContext = {
    store,
    pipeline,
    linker: await openReuseLinker(store),
    placer: await openStoryPlacer(store, loadFeatureTools()),
  };
  const settings = { ...DEFAULT_RUNNER_OPTIONS, ...options };
  return Object.freeze<Runner>({ ingest: (documents, observer = {}) => runDocuments(context, documents, observer, settings) });
}

async function runDocuments(
  context: RunContext,
  documents: AsyncIterable<RawDocument> | Iterable<RawDocument>,
  observer: RunObserver,
  options: RunnerOptions,
): Promise<RunTotals> {
  const totals: RunTotals = { articlesAdded: 0, occurrencesAdded: 0, linksAdded: 0, events: 0 };
  // Stored, not yet linked and placed; and not yet stored.
  let round: Article[] = [];
  let pending: Article[] = [];
  let batchStarted = Date.now();
  const store = async () => {
    if (pending.length > 0) {
      const put = await context.store.putArticles(pending);
      totals.articlesAdded += put.articlesAdded;
      totals.occurrencesAdded += put.occurrencesAdded;
      round.push(...pending);
    }
    pending = [];
    batchStarted = Date.now();
  };
  const linkAndPlace = async () => {
    await store();
    await linkAndPlaceRound(context, round, observer, totals);
    round = [];
  };
  for await (const raw of documents) {
    const result = runPipelineReportingBugs(context.pipeline, raw);
    pending.push(...result.articles);
    observer.documentDone?.(raw, result);
    // A document's articles always share a batch, so a killed run never keeps half a page.
    if (round.length + pending.length >= options.roundArticles) await linkAndPlace();
    else if (pending.length >= options.batchArticles || Date.now() - batchStarted >= options.batchMaxMs) await store();
  }
  // Always once, even with nothing new: it takes up what an earlier run left unlinked or unplaced.
  await linkAndPlace();
  return totals;
}

/** Reuse links first: placing in stories reads them as a signal. */
async function linkAndPlaceRound(context: RunContext, round: readonly Article[], observer: RunObserver, totals: RunTotals): Promise<void> {
  const inputs = new Map(round.map((a) => [a.id, inputOf(a)]));
  const reuse = await context.linker.linkArticles(round);
  totals.linksAdded += reuse.linksAdded;
  for (const skip of reuse.skipped) {
    observer.stepSkipped?.({ step: 'reuse', input: inputs.get(skip.articleId) ?? skip.articleId, ...skip });
  }
  try {
    totals.events = await context.placer.placeArticles(round);
  } catch {
    // One article broke the update, and nothing of it was stored: place the others one at a time
    // and name the article that fails alone; it stays unplaced for the next run or `storytrace stories`.
    for (const article of round) {
      try {
        totals.events = await context.placer.placeArticles([article]);
      } catch (error) {
        observer.stepSkipped?.({
          step: 'stories',
          articleId: article.id,
          input: inputs.get(article.id)!,
          reason: `${internalErrorReason(error)}; stored, not placed in a story`,
          internal: true,
        });
      }
    }
  }
}

/**
 * A stage that throws has a bug, but one odd page should not end a long ingest: the page is rejected
 * with the error as its reason (exit code 1), and everything else still goes in.
 */
function runPipelineReportingBugs(pipeline: Pipeline, raw: RawDocument): PipelineResult {
  try {
    return pipeline.run(raw);
  } catch (error) {
    return { articles: [], messages: [...raw.messages, diagnostic('fatal', 'pipeline', 'internal-error', internalErrorReason(error))] };
  }
}

/** "feeds/dpa.xml, record 14" or the URL: where the person holding the files finds the article. */
function inputOf(article: Article): string {
  const { path, url, record, segment } = article.origin;
  const place = path ?? url ?? article.id;
  return [place, record === null ? null : `record ${record}`, segment === null ? null : `segment ${segment}`].filter((p) => p !== null).join(', ');
}
