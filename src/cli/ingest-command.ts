/**
 * `storytrace ingest PATH…`: read, clean and analyse inputs and keep the articles in the database.
 * `ingestDocuments` is the loop itself, shared with `watch` and `demo`.
 */
import type { RawDocument } from '../article.js';
import { buildPipeline, runPipelineReportingBugs, type Pipeline } from '../pipeline.js';
import { readFile } from 'node:fs/promises';
import { DEFAULT_READ_OPTIONS, readInputs } from '../ingest/read-inputs.js';
import { diagnostic } from '../diagnostic.js';
import { makePoliteFetcher } from '../monitor/polite-fetcher.js';
import { fetchUrlList, parseUrlList, type UrlList } from '../monitor/url-list.js';
import { politenessFrom, type PolitenessCliOptions } from './politeness-options.js';
import type { Store } from '../store/store.js';
import type { Article } from '../article.js';
import { loadFeatureTools } from '../story/update-stories.js';
import { openStoryPlacer } from '../story/story-placer.js';
import { openReuseLinker } from '../provenance/link-reuse.js';
import { exitCodeFor, makeReporter, type Reporter } from './report.js';
import { readOptionsFrom, type ReadCliOptions } from './read-options.js';
import { CommandError, databasePathOf, openStoreForWriting, runStoreCommand, type DatabaseOptions } from './store-option.js';

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

export interface IngestCommandOptions extends DatabaseOptions, ReadCliOptions, PolitenessCliOptions {
  /** A file listing URLs, one a line, fetched through the polite fetcher. */
  readonly urlsFrom?: string;
  readonly quiet?: boolean;
  readonly verbose?: boolean;
}

export function runIngestCommand(paths: string[], options: IngestCommandOptions): Promise<number> {
  return runStoreCommand(async () => {
    if (paths.length === 0 && options.urlsFrom === undefined) throw new CommandError('nothing to ingest: give files, directories, URLs or --urls-from FILE', 2);
    const urlList = options.urlsFrom === undefined ? null : parseUrlList(await readFile(options.urlsFrom, 'utf8'));
    const pipeline = await buildPipeline();
    const store = openStoreForWriting(options);
    try {
      const reporter = makeReporter(options);
      for (const { line, text } of urlList?.rejected ?? []) {
        reporter.documentDone(`${options.urlsFrom}, line ${line}`, 0, [diagnostic('fatal', 'ingest', 'not-a-url', `"${text}" is not an http(s) URL; skipped`)]);
      }
      const stored: Article[] = [];
      // Opened before the new articles are stored: it indexes what was there, then links the new ones.
      const linker = await openReuseLinker(store);
      // Opened before storing too: articles an earlier, killed run stored but never placed are placed first.
      const placer = await openStoryPlacer(store, loadFeatureTools());
      const batching = { ...DEFAULT_INGEST_BATCH, afterBatch: (batch: readonly Article[]) => stored.push(...batch) };
      const totals = await ingestDocuments(store, pipeline, inputsOf(paths, urlList, options), reporter, batching);
      // Reuse links first: clustering into stories may read them as a signal.
      const reuse = await linker.linkArticles(stored);
      if (!options.quiet) for (const skip of reuse.skipped) process.stderr.write(`reuse: ${skip.articleId}: ${skip.reason}\n`);
      // After storing: clustering reads the whole store, and a crash here loses no article.
      const events = await placer.placeArticles(stored);
      reporter.finish('ingested');
      if (!options.quiet) {
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

/** The paths and URLs named on the command line, then the pages of the URL list. */
async function* inputsOf(paths: readonly string[], urlList: UrlList | null, options: IngestCommandOptions): AsyncGenerator<RawDocument> {
  const read = { ...DEFAULT_READ_OPTIONS, ...readOptionsFrom(options) };
  yield* readInputs(paths, read);
  if (urlList === null) return;
  const politeness = politenessFrom(options, read);
  yield* fetchUrlList(urlList.entries, makePoliteFetcher(politeness), {
    maxBytes: read.maxInputBytes,
    // enough requests queued to keep each slot busy while others wait out their host's pause
    window: politeness.maxConcurrent * 4,
    maxRetryWaitMs: 60_000,
  });
}
