/** The options `watch` and `ingest --urls-from` share for fetching politely (--per-host-delay, --concurrency), parsed once here. */
import { InvalidArgumentError, type Command } from 'commander';
import { DEFAULT_POLITENESS, type PolitenessOptions } from '../monitor/polite-fetcher.js';
import type { ReadOptions } from '../ingest/read-inputs.js';
import { formatInterval, parseDuration } from './interval.js';

export interface PolitenessCliOptions {
  /** ms, already parsed. */
  readonly perHostDelay?: number;
  readonly concurrency?: number;
}

export function addPolitenessOptions(command: Command): Command {
  return command
    .option('--per-host-delay <duration>', `pause between two requests to one host: 2s, 500ms (default: ${formatInterval(DEFAULT_POLITENESS.perHostDelayMs)}; a robots.txt Crawl-delay can lengthen it)`, (text) => parseDuration(text, 0))
    .option('--concurrency <n>', `requests under way at once over all hosts (default: ${DEFAULT_POLITENESS.maxConcurrent}; one at a time per host)`, parseConcurrency);
}

export function politenessFrom(options: PolitenessCliOptions, read: Pick<ReadOptions, 'timeoutMs' | 'maxInputBytes' | 'maxRedirects' | 'allowPrivate'>): PolitenessOptions {
  return {
    ...DEFAULT_POLITENESS,
    ...(options.perHostDelay !== undefined ? { perHostDelayMs: options.perHostDelay } : {}),
    ...(options.concurrency !== undefined ? { maxConcurrent: options.concurrency } : {}),
    transport: { timeoutMs: read.timeoutMs, maxBytes: read.maxInputBytes, maxRedirects: read.maxRedirects, allowPrivate: read.allowPrivate },
  };
}

function parseConcurrency(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 256) throw new InvalidArgumentError(`"${text}" is not a number of requests from 1 to 256`);
  return n;
}
