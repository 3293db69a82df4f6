/**
 * `storytrace watch FEED_URL… --every 10m`: polls feeds and stores each new item as it appears,
 * until SIGINT or SIGTERM; the round under way is abandoned and everything stored so far stays.
 */
import { InvalidArgumentError } from 'commander';
import { buildPipeline } from '../pipeline.js';
import { DEFAULT_READ_OPTIONS } from '../ingest/read-inputs.js';
import { watchFeeds } from '../ingest/watch-feeds.js';
import { openRunner } from '../run/runner.js';
import { exitCodeFor, makeReporter } from './report.js';
import { readOptionsFrom, type ReadCliOptions } from './read-options.js';
import { CommandError, openStoreForWriting, runStoreCommand, type DatabaseOptions } from './store-option.js';

export interface WatchCommandOptions extends DatabaseOptions, ReadCliOptions {
  /** Pause between polls (ms), parsed by parseInterval. */
  readonly every: number;
  readonly quiet?: boolean;
  readonly verbose?: boolean;
}

export const DEFAULT_WATCH_INTERVAL = '10m';

const INTERVAL = /^(\d+(?:\.\d+)?)\s*(s|m|h)?$/i;
const INTERVAL_UNIT_MS: Readonly<Record<string, number>> = { s: 1000, m: 60_000, h: 3_600_000 };
/** Polling faster than this is no longer watching a news feed but load on someone's server. */
const MIN_INTERVAL_MS = 1000;
const URL_SPEC = /^https?:\/\//i;

/** "10m" → 600000; a bare number is seconds. */
export function parseInterval(text: string): number {
  const match = INTERVAL.exec(text.trim());
  if (!match) throw new InvalidArgumentError(`"${text}" is not an interval; give 30s, 10m or 1h`);
  const ms = Number(match[1]) * INTERVAL_UNIT_MS[(match[2] ?? 's').toLowerCase()]!;
  if (ms < MIN_INTERVAL_MS) throw new InvalidArgumentError(`"${text}" is shorter than 1s`);
  return ms;
}

export function runWatchCommand(urls: string[], options: WatchCommandOptions): Promise<number> {
  return runStoreCommand(async () => {
    const notUrls = urls.filter((url) => !URL_SPEC.test(url));
    if (notUrls.length > 0) throw new CommandError(`watch polls http(s) feed URLs; not a URL: ${notUrls.join(', ')}`, 2);
    const pipeline = await buildPipeline();
    const store = openStoreForWriting(options);
    const stopping = new AbortController();
    const stop = () => stopping.abort();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    try {
      const reporter = makeReporter(options);
      const read = { ...DEFAULT_READ_OPTIONS, ...readOptionsFrom(options) };
      // Opened once: each round's articles are linked against everything stored before them, then placed in events.
      const runner = await openRunner(store, pipeline);
      for await (const { round, documents } of watchFeeds(urls, { everyMs: options.every, read, signal: stopping.signal })) {
        const totals = await runner.ingest(documents, reporter);
        if (!options.quiet) {
          process.stderr.write(
            `watch: round ${round}: ${documents.length} new item(s), ${totals.articlesAdded} new article(s) stored, ${totals.linksAdded} reuse link(s), ${totals.events} event(s) in all; next poll in ${options.every / 1000} s\n`,
          );
        }
      }
      reporter.finish('watched');
      return exitCodeFor(reporter.report);
    } finally {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      await store.close();
    }
  });
}
