/**
 * `storytrace demo` (what `npm start` runs): ingest the bundled demo corpus into the database and
 * print what it holds, with commands to try next.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildPipeline } from '../pipeline.js';
import { readInputs } from '../ingest/read-inputs.js';
import type { Store } from '../store/store.js';
import { openRunner } from '../run/runner.js';
import { exitCodeFor, makeReporter } from './report.js';
import { formatStats } from './stats-command.js';
import { writeLine } from './output.js';
import { serveUntilStopped, type ServeCommandOptions } from './serve-command.js';
import {
  CommandError,
  DEFAULT_DATABASE_PATH,
  databasePathOf,
  openStoreForWriting,
  runStoreCommand,
  type DatabaseOptions,
} from './store-option.js';
import { EXIT_CODES } from './exit-codes.js';

/** demo/corpus/ at the package root: two levels up from both src/cli/ and dist/cli/. */
export const DEMO_CORPUS_PATH = fileURLToPath(new URL('../../demo/corpus/', import.meta.url));

export interface DemoCommandOptions extends DatabaseOptions, Omit<ServeCommandOptions, 'db'> {
  /** Another folder to ingest instead of the bundled corpus. */
  readonly corpus?: string;
  readonly quiet?: boolean;
  /** Serve the web UI after ingesting (the CLI's default; `--no-serve` for scripts). */
  readonly serve?: boolean;
}

/** Titles shown as a taste of the corpus. */
const SAMPLE_TITLES = 5;
/** Shortest word offered as an example search: shorter ones are mostly function words. */
const MIN_EXAMPLE_WORD_CHARS = 6;

export function runDemoCommand(options: DemoCommandOptions): Promise<number> {
  return runStoreCommand(async () => {
    const corpus = options.corpus ?? DEMO_CORPUS_PATH;
    if (!existsSync(corpus)) throw new CommandError(`no demo corpus at ${corpus}; give another folder with --corpus DIR`, EXIT_CODES.usage);
    const pipeline = await buildPipeline();
    const store = openStoreForWriting(options);
    try {
      const reporter = makeReporter({ quiet: options.quiet ?? false });
      // As `ingest` does (stored, then reuse links and stories), so the web UI has reused passages and events to show.
      const runner = await openRunner(store, pipeline);
      const totals = await runner.ingest(readInputs([corpus]), reporter);
      reporter.finish('ingested');
      const dbPath = databasePathOf(options);
      await writeLine(`\nstorytrace demo: ${totals.articlesAdded} new articles from ${corpus}\n`);
      await writeLine(formatStats(dbPath, await store.stats()));
      await writeLine(await formatTryNext(store, dbPath));
      if (options.serve === true) await serveUntilStopped(store, options);
      return exitCodeFor(reporter.report);
    } finally {
      await store.close();
    }
  });
}

async function formatTryNext(store: Store, dbPath: string): Promise<string> {
  const { articles } = await store.listArticles({ limit: SAMPLE_TITLES });
  const lines = ['', 'a few articles:'];
  for (const { article } of articles) lines.push(`  ${article.id}  ${article.title ?? '(untitled)'}`);
  const first = articles[0]?.article;
  const example = first?.title
    ?.split(/[^\p{L}]+/u)
    .filter((w) => w.length >= MIN_EXAMPLE_WORD_CHARS)
    .sort((a, b) => b.length - a.length)[0];
  const db = dbPath === DEFAULT_DATABASE_PATH ? '' : ` --db ${dbPath}`;
  const commands: [string, string][] = [];
  if (example) commands.push([`storytrace search ${example}${db}`, 'full-text search; inflected forms match']);
  if (first) commands.push([`storytrace show ${first.id.slice(0, 8)}${db}`, 'one article and every place it was found']);
  commands.push([`storytrace export --format json${db} > story.json`, 'everything, as the JSON contract']);
  commands.push([`storytrace stats${db}`, 'these counts again']);
  const width = Math.max(...commands.map(([command]) => command.length));
  lines.push('', 'try next:', ...commands.map(([command, what]) => `  ${command.padEnd(width)}   # ${what}`));
  return lines.join('\n');
}
