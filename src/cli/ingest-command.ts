/**
 * `storytrace ingest PATH…`: read, clean and analyse inputs and keep the articles in the database.
 * `ingestDocuments` is the loop itself, shared with `watch` and `demo`.
 */
import type { RawDocument } from '../article.js';
import { buildPipeline, type Pipeline, type PipelineResult } from '../pipeline.js';
import { diagnostic } from '../diagnostic.js';
import { readInputs } from '../ingest/read-inputs.js';
import type { Store } from '../store/store.js';
import type { Article } from '../article.js';
import { loadFeatureTools } from '../story/update-stories.js';
import { openStoryPlacer } from '../story/story-placer.js';
import { openReuseLinker } from '../provenance/link-reuse.js';
import { exitCodeFor, makeReporter, reportPhase, type Reporter } from './report.js';
import { readOptionsFrom, type ReadCliOptions } from './read-options.js';
import { databasePathOf, openStoreForWriting, runStoreCommand, type DatabaseOptions } from './store-option.js';

export interface IngestBatchOptions {
  /** Articles written per transaction: fewer commits is faster; a kill loses at most one batch, redone on re-run. */
  readonly batchArticles: number;
  /** Commit a batch at least this often (ms), so slow inputs (URLs, feeds) are stored as they arrive. */
  readonly batchMaxMs: number;
  /** Called with each batch once it is stored (the runner clusters the new articles into stories). */
  readonly afterBatch?: (articles: readonly Article[]) => void;
}

export const DEFAULT_INGEST_BATCH: IngestBatchOptions = { batchArticles: 200, batchMaxMs: 2000 };

export interface IngestTotals {
  articlesAdded: number;
  occurrencesAdded: number;
}

/**
 * Runs each document through the pipeline and stores its articles in batches, one transaction each.
 * A document's articles always land in the same batch, so a killed run never keeps half a page.
 */
export async function ingestDocuments(
  store: Store,
  pipeline: Pipeline,
  documents: AsyncIterable<RawDocument>,
  reporter: Reporter,
  options: IngestBatchOptions = DEFAULT_INGEST_BATCH,
): Promise<IngestTotals> {
  const totals: IngestTotals = { articlesAdded: 0, occurrencesAdded: 0 };
  let pending: Article[] = [];
  let batchStarted = Date.now();
  const flush = async () => {
    if (pending.length > 0) {
      const result = await store.putArticles(pending);
      totals.articlesAdded += result.articlesAdded;
      totals.occurrencesAdded += result.occurrencesAdded;
      options.afterBatch?.(pending);
    }
    pending = [];
    batchStarted = Date.now();
  };
  for await (const raw of documents) {
    const result = runPipelineReportingBugs(pipeline, raw);
    pending.push(...result.articles);
    reporter.documentDone(raw.label, result.articles.length, result.messages);
    if (pending.length >= options.batchArticles || Date.now() - batchStarted >= options.batchMaxMs) await flush();
  }
  await flush();
  return totals;
}

/**
 * A stage that throws has a bug, but one odd page should not end a long ingest: the page is rejected
 * with the error as its reason (exit code 1), and everything else still goes in.
 */
function runPipelineReportingBugs(pipeline: Pipeline, raw: RawDocument): PipelineResult {
  try {
    return pipeline.run(raw);
  } catch (error) {
    const reason = `${error instanceof Error ? error.message : String(error)} (a storytrace bug: please report it with this input)`;
    return { articles: [], messages: [...raw.messages, diagnostic('fatal', 'pipeline', 'internal-error', reason)] };
  }
}

export interface IngestCommandOptions extends DatabaseOptions, ReadCliOptions {
  readonly quiet?: boolean;
  readonly verbose?: boolean;
  /** Print the summary as one JSON object on stdout instead of a sentence. */
  readonly json?: boolean;
}

export function runIngestCommand(paths: string[], options: IngestCommandOptions): Promise<number> {
  return runStoreCommand(async () => {
    const pipeline = await buildPipeline();
    const store = openStoreForWriting(options);
    try {
      const reporter = makeReporter(options);
      const stored: Article[] = [];
      // Opened before the new articles are stored: it indexes what was there, then links the new ones.
      const linker = await openReuseLinker(store);
      // Opened before storing too: articles an earlier, killed run stored but never placed are placed first.
      const placer = await openStoryPlacer(store, loadFeatureTools());
      const batching = { ...DEFAULT_INGEST_BATCH, afterBatch: (batch: readonly Article[]) => stored.push(...batch) };
      const totals = await ingestDocuments(store, pipeline, readInputs(paths, readOptionsFrom(options)), reporter, batching);
      reporter.finish('read');
      // Reuse links first: clustering into stories may read them as a signal.
      const reuse = await reportPhase(`linking reuse for ${stored.length} articles`, options, () => linker.linkArticles(stored));
      if (!options.quiet) for (const skip of reuse.skipped) process.stderr.write(`reuse: ${skip.articleId}: ${skip.reason}\n`);
      // After storing: clustering reads the whole store, and a crash here loses no article.
      const events = await reportPhase(`placing ${stored.length} articles in stories`, options, () => placer.placeArticles(stored));
      if (options.json) {
        const { inputs, articles, rejected, warnings } = reporter.report;
        const summary = { database: databasePathOf(options), inputs, articles, rejected, warnings, ...totals, reuseLinksAdded: reuse.linksAdded, events };
        process.stdout.write(`${JSON.stringify(summary)}\n`);
      } else if (!options.quiet) {
        process.stdout.write(
          `stored ${totals.articlesAdded} new articles and ${totals.occurrencesAdded} new occurrences in ${databasePathOf(options)}; ${reuse.linksAdded} reuse links; ${events} events\n`,
        );
      }
      return exitCodeFor(reporter.report);
    } finally {
      await store.close();
    }
  });
}
