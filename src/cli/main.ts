/** The `storytrace` command line: parses argv and hands each command to its module. */
import { Command, CommanderError, Option } from 'commander';
import { runProcessCommand } from './process-command.js';
import { runIngestCommand } from './ingest-command.js';
import { runExportCommand } from './export-command.js';
import { runSearchCommand } from './search-command.js';
import { runShowCommand } from './show-command.js';
import { runStatsCommand } from './stats-command.js';
import { runOutletsCommand, runProvenanceCommand, runStatementsCommand } from './provenance-command.js';
import { runStoriesCommand } from './stories-command.js';
import { runStoryCommand } from './story-command.js';
import { runSourcesEdit, runSourcesList, runSourcesShow } from './sources-command.js';
import { runDemoCommand } from './demo-command.js';
import { runServeCommand } from './serve-command.js';
import { DATABASE_OPTION_HELP } from './store-option.js';
import { addReadOptions } from './read-options.js';
import { DEFAULT_WATCH_INTERVAL, runWatchCommand } from './watch-command.js';
import { parseInterval } from './interval.js';
import { DEFAULT_FEED_INTERVAL, runFeedsAdd, runFeedsChange, runFeedsList, type FeedChange } from './feeds-command.js';
import { addPolitenessOptions } from './politeness-options.js';
import { addFilterOptions } from './filter-options.js';
import { EXIT_CODES, EXIT_CODES_HELP } from './exit-codes.js';
import { STORYTRACE_VERSION } from '../version.js';

export function buildProgram(): Command {
  const program = new Command('storytrace')
    .description('Turn scraped news articles into an understood story: who said what, who copied whom.')
    .version(STORYTRACE_VERSION)
    .addHelpText('after', `\n${EXIT_CODES_HELP}`)
    .showHelpAfterError()
    .exitOverride();

  addReadOptions(
    program
      .command('process')
      .description('Read, clean and analyse inputs without a database; print one JSON object per article (JSON Lines)')
      .argument('<paths...>', 'files, directories, "-" for stdin, or http(s) URLs'),
  )
    .option('-q, --quiet', 'no progress output')
    .option('-v, --verbose', 'also print informational notes')
    .action(async (paths: string[], opts) => {
      process.exitCode = await runProcessCommand(paths, opts);
    });

  addPolitenessOptions(addReadOptions(
    program
      .command('ingest')
      .description('Read, clean and analyse inputs and store the articles; running it again adds only what is new')
      .argument('[paths...]', 'files, directories, "-" for stdin, or http(s) URLs'),
  ))
    .option('--urls-from <file>', 'also fetch the URLs this file lists, one a line (politely: robots.txt, one request at a time per host)')
    .option('--db <file>', DATABASE_OPTION_HELP)
    .option('-q, --quiet', 'no progress output')
    .option('-v, --verbose', 'also print informational notes')
    .option('--json', 'print the summary as one JSON object on stdout')
    .action(async (paths: string[], opts) => {
      process.exitCode = await runIngestCommand(paths, opts);
    });

  addPolitenessOptions(addReadOptions(
    program
      .command('watch')
      .description('Monitor the sources in the database (storytrace feeds add), or the feed URLs given (added to them): store the page of each new item, until stopped (Ctrl-C, SIGTERM)')
      .argument('[feed-urls...]', 'http(s) URLs of feeds or sitemaps to add and watch (default: every source in the database)'),
  ))
    .addOption(
      new Option('--every <interval>', 'pause between polls of the URLs given: 30s, 10m, 1h')
        .argParser(parseInterval)
        .default(parseInterval(DEFAULT_WATCH_INTERVAL), DEFAULT_WATCH_INTERVAL),
    )
    .option('--db <file>', DATABASE_OPTION_HELP)
    .option('-q, --quiet', 'no progress output')
    .option('-v, --verbose', 'also print informational notes')
    .action(async (urls: string[], opts) => {
      process.exitCode = await runWatchCommand(urls, opts);
    });

  const feeds = program.command('feeds').description('The sources `watch` monitors: RSS/Atom/JSON feeds and (Google News) sitemaps, with their polling state');
  feeds
    .command('add <url>')
    .description('Monitor a feed or sitemap; `storytrace watch` polls it')
    .addOption(new Option('--every <interval>', 'pause between polls: 30s, 15m, 1h').argParser(parseInterval).default(parseInterval(DEFAULT_FEED_INTERVAL), DEFAULT_FEED_INTERVAL))
    .option('--outlet <name>', 'outlet of every article from it (default: what each page says)')
    .option('--sitemap', 'a sitemap or Google News sitemap (also recognised by its content)')
    .option('--db <file>', DATABASE_OPTION_HELP)
    .action(async (url: string, opts) => {
      process.exitCode = await runFeedsAdd(url, opts);
    });
  feeds
    .command('list')
    .description('Each source with its state: last poll, errors in a row, next poll, items seen and pending')
    .option('--json', 'print as JSON')
    .option('--db <file>', DATABASE_OPTION_HELP)
    .action(async (opts) => {
      process.exitCode = await runFeedsList(opts);
    });
  const feedChanges: Record<FeedChange, string> = {
    remove: 'Stop monitoring a source and forget its items (the articles stored from it stay)',
    pause: 'Stop polling a source for now; its pending items wait too',
    resume: 'Poll a paused source again',
  };
  for (const [change, description] of Object.entries(feedChanges) as [FeedChange, string][]) {
    feeds
      .command(`${change} <source>`)
      .description(`${description} (the id from "feeds list", or the URL)`)
      .option('--db <file>', DATABASE_OPTION_HELP)
      .action(async (source: string, opts) => {
        process.exitCode = await runFeedsChange(change, source, opts);
      });
  }

  addFilterOptions(program
    .command('export'))
    .description('Write every stored article, or those the filters match, as JSON ({articles, entities, quotes, reuse, stories}), JSON Lines or CSV, or the provenance graph as GEXF or GraphML')
    .requiredOption('--format <format>', 'json, jsonl, csv, gexf or graphml')
    .option('--out <file>', 'write to this file instead of stdout')
    .option('--db <file>', DATABASE_OPTION_HELP)
    .option('-q, --quiet', 'no summary line on stderr')
    .action(async (opts) => {
      process.exitCode = await runExportCommand(opts);
    });

  program
    .command('search')
    .description('Full-text search of the stored articles; German inflected forms match ("Erklärungen" finds "Erklärung")')
    .argument('<query...>', 'words that must all appear; "quoted words" in that order; word* as a prefix')
    .option('--limit <n>', 'most hits to show', '10')
    .option('--json', 'print the hits as JSON')
    .option('--db <file>', DATABASE_OPTION_HELP)
    .action(async (words: string[], opts) => {
      process.exitCode = await runSearchCommand(words, opts);
    });

  program
    .command('show')
    .description('Print one stored article and every place it was found')
    .argument('<id>', 'article id, or a unique prefix of at least 4 characters')
    .option('--json', 'print the export record as JSON')
    .option('--db <file>', DATABASE_OPTION_HELP)
    .action(async (id: string, opts) => {
      process.exitCode = await runShowCommand(id, opts);
    });

  program
    .command('provenance')
    .description('Which passages of one article are its own and which came from where (reuse links)')
    .argument('<id>', 'article id, or a unique prefix of at least 4 characters')
    .option('--json', 'print it as JSON')
    .option('--db <file>', DATABASE_OPTION_HELP)
    .action(async (id: string, opts) => {
      process.exitCode = await runProvenanceCommand(id, opts);
    });

  program
    .command('outlets')
    .description('How much of each outlet\'s text comes from which sources (reuse links and agency credits)')
    .option('--json', 'print it as JSON')
    .option('--db <file>', DATABASE_OPTION_HELP)
    .action(async (opts) => {
      process.exitCode = await runOutletsCommand(opts);
    });

  program
    .command('statements')
    .description('Quoted statements carried by two or more articles, verbatim or in other translations, earliest first')
    .option('--json', 'print them as JSON')
    .option('--db <file>', DATABASE_OPTION_HELP)
    .action(async (opts) => {
      process.exitCode = await runStatementsCommand(opts);
    });

  program
    .command('stats')
    .description('Count what the database holds: articles, occurrences, outlets, languages, dates')
    .option('--json', 'print the counts as JSON')
    .option('--db <file>', DATABASE_OPTION_HELP)
    .action(async (opts) => {
      process.exitCode = await runStatsCommand(opts);
    });

  program
    .command('stories')
    .description('List the events and storylines the clustering found: storylines first, then by size and recency')
    .option('--limit <n>', 'list only the first N')
    .option('--json', 'print them as JSON')
    .option('--recheck', "first weigh every event's links again with today's word weights and split events that fell apart")
    .option('--db <file>', DATABASE_OPTION_HELP)
    .action(async (opts) => {
      process.exitCode = await runStoriesCommand(opts);
    });

  program
    .command('story <id>')
    .description('Show one event or storyline: timeline, summary and the articles in it')
    .option('--json', 'print it as JSON')
    .option('--db <file>', DATABASE_OPTION_HELP)
    .action(async (id: string, opts) => {
      process.exitCode = await runStoryCommand(id, opts);
    });

  const sources = program.command('sources').description('The outlet registry: country, type and sanctions of outlets and agencies (your edits override the shipped list)');
  sources
    .command('list')
    .option('--json', 'print as JSON')
    .option('--db <file>', DATABASE_OPTION_HELP)
    .action(async (opts) => {
      process.exitCode = await runSourcesList(opts);
    });
  sources
    .command('show <name>')
    .option('--json', 'print as JSON')
    .option('--db <file>', DATABASE_OPTION_HELP)
    .action(async (name: string, opts) => {
      process.exitCode = await runSourcesShow(name, opts);
    });
  for (const mode of ['set', 'add'] as const) {
    sources
      .command(`${mode} <name>`)
      .description(mode === 'set' ? 'Change a listed outlet' : 'Add an outlet the registry does not list')
      .option('--domains <list>', 'web domains, |-separated')
      .option('--country <code>', 'ISO 3166-1 code of owner or seat (DE, AT, RU)')
      .option('--type <type>', 'news agency, public broadcaster, private broadcaster, newspaper, magazine, online news, state-controlled media, blog/aggregator')
      .option('--sanctions <text>', "sanctions, ';'-separated ('' clears)")
      .option('--db <file>', DATABASE_OPTION_HELP)
      .action(async (name: string, opts) => {
        process.exitCode = await runSourcesEdit(mode, name, opts);
      });
  }

  program
    .command('demo')
    .description('Ingest the bundled demo corpus into the database, summarise it and serve the web UI (what `npm start` runs)')
    .option('--corpus <dir>', 'ingest this folder instead of the bundled demo/corpus')
    .option('--db <file>', DATABASE_OPTION_HELP)
    .option('-q, --quiet', 'no progress output')
    .option('--no-serve', 'stop after ingesting instead of serving the web UI')
    .option('--port <n>', 'port for the web UI (default: 4173 or the next free one)')
    .option('--host <addr>', 'address to bind (default 127.0.0.1; any other needs --token)')
    .option('--token <token>', 'token every request must carry (default: $STORYTRACE_TOKEN)')
    .action(async (opts) => {
      process.exitCode = await runDemoCommand(opts);
    });

  program
    .command('serve')
    .description('Serve the web UI and HTTP API for a database at http://127.0.0.1:4173 until stopped (Ctrl-C)')
    .option('--db <file>', DATABASE_OPTION_HELP)
    .option('--port <n>', 'port (default: 4173 or the next free one; 0 picks any)')
    .option('--host <addr>', 'address to bind (default 127.0.0.1; any other needs --token)')
    .option('--token <token>', 'token every request must carry (default: $STORYTRACE_TOKEN)')
    .action(async (opts) => {
      process.exitCode = await runServeCommand(opts);
    });

  return program;
}

export async function main(argv: string[], program: Command = buildProgram()): Promise<void> {
  // `storytrace process … | head`: a closed pipe is the reader's choice, not an error
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version exit 0; every other commander error is bad usage
      process.exitCode = error.exitCode === 0 ? EXIT_CODES.done : EXIT_CODES.usage;
      return;
    }
    reportInternalError(error, argv.includes('--verbose') || argv.includes('-v'));
  }
}

/** A bug of ours: one line and exit code 70, the stack only when asked for (it helps a bug report, not the user). */
function reportInternalError(error: unknown, verbose: boolean): void {
  const message = error instanceof Error ? error.message : String(error);
  if (verbose && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  process.stderr.write(`storytrace: internal error: ${message}${verbose ? '' : ' (a storytrace bug; rerun with --verbose for the stack)'}\n`);
  process.exitCode = EXIT_CODES.internal;
}
