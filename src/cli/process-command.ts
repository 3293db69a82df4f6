/** `storytrace process PATH…`: run the pipeline without a database, one JSON object per article on stdout. */
import { buildPipeline } from '../pipeline.js';
import { readInputs } from '../ingest/read-inputs.js';
import { toArticleRecord } from '../export/article-record.js';
import { exitCodeFor, makeReporter } from './report.js';
import { writeLine } from './output.js';
import { readOptionsFrom, type ReadCliOptions } from './read-options.js';

export interface ProcessCommandOptions extends ReadCliOptions {
  readonly quiet?: boolean;
  readonly verbose?: boolean;
}

export async function runProcessCommand(paths: string[], options: ProcessCommandOptions): Promise<number> {
  const pipeline = await buildPipeline();
  const reporter = makeReporter(options);
  for await (const raw of readInputs(paths, readOptionsFrom(options))) {
    const result = pipeline.run(raw);
    for (const article of result.articles) await writeLine(JSON.stringify(toArticleRecord(article)));
    reporter.documentDone(raw, result);
  }
  reporter.finish('processed');
  return exitCodeFor(reporter.report);
}
