/**
 * A list of URLs to ingest (`ingest --urls-from FILE`), fetched through the polite fetcher: hosts in
 * parallel, each politely, the list taken host by host in turn so that a file sorted by site does
 * not queue every request behind one host. Documents come in the order their pages arrive.
 */
import type { RawDocument } from '../article.js';
import { failedDocument, type InputSource } from '../ingest/input-source.js';
import { sourceOfFetched } from '../ingest/read-inputs.js';
import { unpackInput } from '../ingest/unpack-input.js';
import type { PoliteFetcher } from './polite-fetcher.js';

export interface UrlListEntry {
  readonly url: string;
  /** 1-based line in the list, for messages. */
  readonly line: number;
}

export interface UrlList {
  readonly entries: readonly UrlListEntry[];
  /** Lines that are neither blank, a # comment nor an http(s) URL. */
  readonly rejected: readonly { readonly line: number; readonly text: string }[];
}

const HTTP_URL = /^https?:\/\/\S+$/i;

/** One URL a line; blank lines and lines starting with # are skipped; a URL listed twice is read once. */
export function parseUrlList(text: string): UrlList {
  const entries: UrlListEntry[] = [];
  const rejected: { line: number; text: string }[] = [];
  const seen = new Set<string>();
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    if (!HTTP_URL.test(line)) rejected.push({ line: index + 1, text: line });
    else if (!seen.has(line)) {
      seen.add(line);
      entries.push({ url: line, line: index + 1 });
    }
  });
  return { entries, rejected };
}

export interface UrlListOptions {
  readonly maxBytes: number;
  /** Fetches started ahead of the documents handed on: enough to keep every host busy. */
  readonly window: number;
  /** A passing failure (429, 503, timeout) is tried once more when the host may be asked again within this (ms). */
  readonly maxRetryWaitMs: number;
  readonly signal?: AbortSignal;
}

export async function* fetchUrlList(entries: readonly UrlListEntry[], fetcher: PoliteFetcher, options: UrlListOptions): AsyncGenerator<RawDocument> {
  const queue = takeHostsInTurn(entries);
  const running = new Map<number, Promise<{ key: number; documents: RawDocument[] }>>();
  let next = 0;
  const start = () => {
    const key = next++;
    const entry = queue[key]!;
    running.set(key, readEntry(entry, fetcher, options).then((documents) => ({ key, documents })));
  };
  while (next < queue.length && running.size < options.window) start();
  while (running.size > 0) {
    const { key, documents } = await Promise.race(running.values());
    running.delete(key);
    if (next < queue.length) start();
    yield* documents;
  }
}

async function readEntry(entry: UrlListEntry, fetcher: PoliteFetcher, options: UrlListOptions): Promise<RawDocument[]> {
  const requested: InputSource = { label: entry.url, path: null, url: entry.url };
  const request = options.signal ? { signal: options.signal } : {};
  let fetched = await fetcher.fetch(entry.url, request);
  if (!fetched.ok && fetched.transient && (fetched.retryAt ?? 0) - Date.now() <= options.maxRetryWaitMs) fetched = await fetcher.fetch(entry.url, request);
  if (!fetched.ok) return [failedDocument(requested, {}, fetched.rule, fetched.reason)];
  return unpackInput(fetched.bytes, sourceOfFetched(requested, fetched), { maxInputBytes: options.maxBytes });
}

/** The first URL of each host, then the second of each, and so on. */
function takeHostsInTurn(entries: readonly UrlListEntry[]): UrlListEntry[] {
  const byHost = new Map<string, UrlListEntry[]>();
  for (const entry of entries) {
    const host = URL.canParse(entry.url) ? new URL(entry.url).host : entry.url;
    const list = byHost.get(host);
    if (list) list.push(entry);
    else byHost.set(host, [entry]);
  }
  const lists = [...byHost.values()];
  const turns: UrlListEntry[] = [];
  for (let round = 0; turns.length < entries.length; round++) {
    for (const list of lists) if (round < list.length) turns.push(list[round]!);
  }
  return turns;
}
