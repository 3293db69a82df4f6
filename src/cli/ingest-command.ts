/** `storytrace ingest PATH…`: read, clean, analyse, store, link and place inputs through the runner (src/run/). */
import { buildPipeline } from '../pipeline.js';
import { readInputs } from '../ingest/read-inputs.js';
import { openRunner } from '../run/runner.js';
import { exitCodeFor, makeReporter } from './report.js';
import { readOptionsFrom, type ReadCliOptions } from './read-options.js';
import { databasePathOf, openStoreForWriting, runStoreCommand, type DatabaseOptions } from './store-option.js';

export interface IngestCommandOptions extends DatabaseOptions, ReadCliOptions {
  readonly quiet?: boolean;
  readonly verbose?: boolean;
}

export function runIngestCommand(paths: string[], options: IngestCommandOptions): Promise<number> {
  return runStoreCommand(async () => {
    const pipeline = await buildPipeline();
    const store = openStoreForWriting(options);
    try {
      const reporter = makeReporter(options);
      const runner = await openRunner(store, pipeline);
      const totals = await runner.ingest(readInputs(paths, readOptionsFrom(options)), reporter);
      reporter.finish('ingested');
      if (!options.quiet) {
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
