/** `storytrace ingest PATH… [--urls-from FILE]`: read, clean, analyse, store, link and place inputs through the runner (src/run/). */
import { readFile } from 'node:fs/promises';
import type { RawDocument } from '../article.js';
import { buildPipeline } from '../pipeline.js';
import { failedDocument, fileSource } from '../ingest/input-source.js';
import { DEFAULT_READ_OPTIONS, readInputs } from '../ingest/read-inputs.js';
import { makePoliteFetcher } from '../monitor/polite-fetcher.js';
import { fetchUrlList, parseUrlList } from '../monitor/url-list.js';
import { openRunner } from '../run/runner.js';
import { politenessFrom, type PolitenessCliOptions } from './politeness-options.js';
import { exitCodeFor, makeReporter } from './report.js';
import { EXIT_CODES } from './exit-codes.js';
import { readOptionsFrom, type ReadCliOptions } from './read-options.js';
import { CommandError, databasePathOf, openStoreForWriting, runStoreCommand, type DatabaseOptions } from './store-option.js';

export interface IngestCommandOptions extends DatabaseOptions, ReadCliOptions, PolitenessCliOptions {
  /** A file listing URLs, one a line, fetched through the polite fetcher. */
  readonly urlsFrom?: string;
  readonly quiet?: boolean;
  readonly verbose?: boolean;
  /** Print the summary as one JSON object on stdout instead of a sentence. */
  readonly json?: boolean;
}

export function runIngestCommand(paths: string[], options: IngestCommandOptions): Promise<number> {
  return runStoreCommand(async () => {
    if (paths.length === 0 && options.urlsFrom === undefined) throw new CommandError('nothing to ingest: give files, directories, URLs or --urls-from FILE', EXIT_CODES.usage);
    const urlList = options.urlsFrom === undefined ? null : await readFile(options.urlsFrom, 'utf8');
    const pipeline = await buildPipeline();
    const store = openStoreForWriting(options);
    try {
      const reporter = makeReporter(options);
      const runner = await openRunner(store, pipeline);
      const totals = await runner.ingest(inputsOf(paths, urlList, options), reporter);
      reporter.finish('ingested');
      if (options.json) {
        const { inputs, articles, rejected, warnings } = reporter.report;
        process.stdout.write(`${JSON.stringify({ database: databasePathOf(options), inputs, articles, rejected, warnings, ...totals })}\n`);
      } else if (!options.quiet) {
        process.stdout.write(
          `stored ${totals.articlesAdded} new articles and ${totals.occurrencesAdded} new occurrences in ${databasePathOf(options)}; ${totals.linksAdded} reuse links; ${totals.events} events\n`,
        );
      }
      return exitCodeFor(reporter.report);
    } finally {
      await store.close();
    }
  });
}

/** The paths and URLs named on the command line, then the pages of the URL list (its unusable lines named first). */
async function* inputsOf(paths: readonly string[], urlListText: string | null, options: IngestCommandOptions): AsyncGenerator<RawDocument> {
  const read = { ...DEFAULT_READ_OPTIONS, ...readOptionsFrom(options) };
  yield* readInputs(paths, read);
  if (urlListText === null) return;
  const list = parseUrlList(urlListText);
  for (const { line, text } of list.rejected) {
    yield failedDocument(fileSource(options.urlsFrom!), { where: `line ${line}` }, 'not-a-url', `"${text}" is not an http(s) URL; skipped`);
  }
  const politeness = politenessFrom(options, read);
  yield* fetchUrlList(list.entries, makePoliteFetcher(politeness), {
    maxBytes: read.maxInputBytes,
    // enough requests queued to keep each slot busy while others wait out their host's pause
    window: politeness.maxConcurrent * 4,
    maxRetryWaitMs: 60_000,
  });
}
