/**
 * `storytrace watch [FEED_URL…]`: monitors the sources in the database (`storytrace feeds add`), or
 * the URLs given, which are added to them; stores the page of each new item as it appears, links
 * and places it, until SIGINT or SIGTERM. Items under way stay pending and are settled next time.
 */
import { buildPipeline } from '../pipeline.js';
import { DEFAULT_READ_OPTIONS } from '../ingest/read-inputs.js';
import { DEFAULT_MONITOR_SETTINGS, runMonitor, type MonitorEvent } from '../monitor/monitor.js';
import { makePoliteFetcher } from '../monitor/polite-fetcher.js';
import { openRunner } from '../run/runner.js';
import type { Store } from '../store/store.js';
import { formatDiagnostic } from '../diagnostic.js';
import { formatInterval } from './interval.js';
import { politenessFrom, type PolitenessCliOptions } from './politeness-options.js';
import { exitCodeFor, makeReporter } from './report.js';
import { readOptionsFrom, type ReadCliOptions } from './read-options.js';
import { CommandError, openStoreForWriting, runStoreCommand, type DatabaseOptions } from './store-option.js';
import { EXIT_CODES } from './exit-codes.js';

export interface WatchCommandOptions extends DatabaseOptions, ReadCliOptions, PolitenessCliOptions {
  /** Pause between polls of the URLs given (ms), parsed by parseInterval. */
  readonly every: number;
  readonly quiet?: boolean;
  readonly verbose?: boolean;
}

export const DEFAULT_WATCH_INTERVAL = '10m';

const URL_SPEC = /^https?:\/\//i;

export function runWatchCommand(urls: string[], options: WatchCommandOptions): Promise<number> {
  return runStoreCommand(async () => {
    const notUrls = urls.filter((url) => !URL_SPEC.test(url));
    if (notUrls.length > 0) throw new CommandError(`watch polls http(s) feed URLs; not a URL: ${notUrls.join(', ')}`, EXIT_CODES.usage);
    const store = openStoreForWriting(options);
    const stopping = new AbortController();
    const stop = () => stopping.abort();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    try {
      const feedIds = urls.length > 0 ? await sourcesFor(store, urls, options) : undefined;
      if (feedIds === undefined && (await store.feeds.listFeeds()).length === 0) {
        throw new CommandError('no sources to watch: add them with "storytrace feeds add URL", or give feed URLs', 2);
      }
      const pipeline = await buildPipeline();
      const reporter = makeReporter(options);
      const read = { ...DEFAULT_READ_OPTIONS, ...readOptionsFrom(options) };
      const say = (line: string) => {
        if (!options.quiet) process.stderr.write(`watch: ${line}\n`);
      };
      // Opened once: each batch is linked against everything stored before it, then placed in events.
      const runner = await openRunner(store, pipeline);
      await runMonitor({
        store,
        runner,
        fetcher: makePoliteFetcher(politenessFrom(options, read)),
        signal: stopping.signal,
        ...(feedIds ? { feedIds } : {}),
        settings: { ...DEFAULT_MONITOR_SETTINGS, maxBytes: read.maxInputBytes },
        observer: reporter,
        onEvent: (event) => say(describeEvent(event)),
      });
      reporter.finish('watched');
      return exitCodeFor(reporter.report);
    } finally {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      await store.close();
    }
  });
}

/** The ids of the sources with these URLs, adding those not monitored yet. */
async function sourcesFor(store: Store, urls: readonly string[], options: WatchCommandOptions): Promise<number[]> {
  const ids: number[] = [];
  for (const url of urls) {
    const known = await store.feeds.getFeedByUrl(url);
    const feed = known ?? (await store.feeds.addFeed({ url, kind: 'feed', outlet: null, everyMs: options.every }, new Date().toISOString()));
    if (feed === null) throw new CommandError(`${url} could not be added`, 1);
    if (known === null && !options.quiet) process.stderr.write(`watch: added source ${feed.id}: ${url} (every ${formatInterval(options.every)})\n`);
    ids.push(feed.id);
  }
  return ids;
}

function describeEvent(event: MonitorEvent): string {
  if (event.type === 'stored') {
    const extras = [
      event.fromFeedText > 0 ? `${event.fromFeedText} from feed text` : '',
      event.failed > 0 ? `${event.failed} failed` : '',
      event.retrying > 0 ? `${event.retrying} to retry` : '',
    ].filter((x) => x !== '');
    return `stored ${event.articlesAdded} new article(s) from ${event.items} item(s)${extras.length > 0 ? ` (${extras.join(', ')})` : ''}, ${event.linksAdded} reuse link(s), ${event.events} event(s) in all`;
  }
  const { feed } = event;
  if (event.error !== null) {
    const lines = event.messages.map((m) => formatDiagnostic(feed.url, m));
    return `polled ${feed.url}: failed, polled again later\n${lines.join('\n')}`;
  }
  const notes = event.messages.map((m) => `\n${formatDiagnostic(feed.url, m)}`).join('');
  return `polled ${feed.url}: ${event.notModified ? 'not modified' : `${event.newItems} new item(s)`}${notes}`;
}
