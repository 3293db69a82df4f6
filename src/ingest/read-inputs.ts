/**
 * Turns what the user named (files, directories, "-", URLs) into RawDocuments, one per article-sized
 * input: a file, a JSON Lines record, a feed item, a WARC response. Unreadable inputs become a
 * RawDocument carrying a fatal message, so the runner reports them in order and goes on.
 */
import { createReadStream } from 'node:fs';
import { open, readdir, readFile, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { RawDocument } from '../article.js';
import { failedDocument, fileSource, type InputSource } from './input-source.js';
import { unpackInput } from './unpack-input.js';
import { fetchUrl } from './fetch-url.js';
import { readCappedStream } from './read-stream.js';
import { readWarcStream } from './warc.js';

export interface ReadOptions {
  /**
   * Inputs larger than this are refused (bytes): files, stdin, URL bodies, unpacked gzip, and each
   * record of a streamed WARC. 50 MB holds any real page or feed; a 1 GB log is not news.
   */
  readonly maxInputBytes: number;
  /** Time limit for each URL, redirects and body included (ms). */
  readonly timeoutMs: number;
  /** Redirects followed per URL; 5 is more than any news site needs (http → https → www → article). */
  readonly maxRedirects: number;
  /** Fetch URLs on loopback, private and link-local addresses (off: a feed must not reach into the user's network). */
  readonly allowPrivate: boolean;
  /** What "-" reads. */
  readonly stdin: AsyncIterable<Uint8Array | string>;
}

export const DEFAULT_READ_OPTIONS: ReadOptions = {
  maxInputBytes: 50 * 1024 * 1024,
  timeoutMs: 30_000,
  maxRedirects: 5,
  allowPrivate: false,
  stdin: process.stdin,
};

const URL_SPEC = /^https?:\/\//i;
/** Crawls run to gigabytes: these are streamed record by record, the size cap applying to each record. */
const WARC_FILE = /\.warc(?:\.gz)?$/i;
const GZIP_MAGIC = Buffer.from([0x1f, 0x8b]);

export async function* readInputs(specs: readonly string[], options: Partial<ReadOptions> = {}): AsyncGenerator<RawDocument> {
  const opts = { ...DEFAULT_READ_OPTIONS, ...options };
  for (const spec of specs) {
    if (spec === '-') yield* await readStdin(opts);
    else if (URL_SPEC.test(spec)) yield* await readUrl(spec, opts);
    else yield* readPath(spec, opts, new Set());
  }
}

/** Documents behind one URL: a page, or each item of a feed. */
export async function readUrl(url: string, opts: ReadOptions): Promise<RawDocument[]> {
  const fetched = await fetchUrl(url, {
    timeoutMs: opts.timeoutMs,
    maxBytes: opts.maxInputBytes,
    maxRedirects: opts.maxRedirects,
    allowPrivate: opts.allowPrivate,
  });
  const requested: InputSource = { label: url, path: null, url };
  if (!fetched.ok) return [failedDocument(requested, {}, fetched.rule, fetched.reason)];
  return unpackInput(fetched.bytes, sourceOfFetched(requested, fetched), opts);
}

/** The source a fetched body is read as: the URL it ended at (after redirects), with the server's Content-Type. */
export function sourceOfFetched(requested: InputSource, fetched: { readonly url: string; readonly contentType: string | undefined }): InputSource {
  return fetched.contentType === undefined ? { ...requested, url: fetched.url } : { ...requested, url: fetched.url, contentType: fetched.contentType };
}

async function readStdin(opts: ReadOptions): Promise<RawDocument[]> {
  const source: InputSource = { label: 'stdin', path: null, url: null };
  const bytes = await readCappedStream(opts.stdin, opts.maxInputBytes);
  if (bytes === null) return [failedDocument(source, {}, 'too-large', `more than the ${opts.maxInputBytes}-byte limit on stdin; skipped`)];
  return unpackInput(bytes, source, opts);
}

/** `visited` holds the real paths of directories on the way down, so a symlink loop ends. */
async function* readPath(path: string, opts: ReadOptions, visited: Set<string>): AsyncGenerator<RawDocument> {
  const source = fileSource(path);
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch (error) {
    yield failedDocument(source, {}, 'not-found', `cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    return;
  }
  if (info.isDirectory()) {
    const real = await realpath(path);
    if (visited.has(real)) return;
    const entries = (await readdir(path)).filter((name) => !name.startsWith('.')).sort();
    for (const name of entries) yield* readPath(join(path, name), opts, new Set([...visited, real]));
    return;
  }
  if (!info.isFile()) {
    yield failedDocument(source, {}, 'not-a-file', 'not a regular file (a device, socket or pipe); skipped');
    return;
  }
  if (WARC_FILE.test(path)) {
    yield* readWarcFile(path, source, opts);
    return;
  }
  if (info.size > opts.maxInputBytes) {
    yield failedDocument(source, {}, 'too-large', `${info.size} bytes is over the ${opts.maxInputBytes}-byte limit (--max-bytes); skipped`);
    return;
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    yield failedDocument(source, {}, 'unreadable', `cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    return;
  }
  yield* unpackInput(bytes, source, opts);
}

async function* readWarcFile(path: string, source: InputSource, opts: ReadOptions): AsyncGenerator<RawDocument> {
  let gzipped: boolean;
  try {
    gzipped = await startsWith(path, GZIP_MAGIC);
  } catch (error) {
    yield failedDocument(source, {}, 'unreadable', `cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    return;
  }
  const file = createReadStream(path);
  // pipeline destroys the gunzip stream with any error of either stream, so it surfaces in readWarcStream's loop
  const chunks = gzipped ? pipeline(file, createGunzip(), () => {}) : file;
  yield* readWarcStream(chunks, source, opts.maxInputBytes);
}

async function startsWith(path: string, prefix: Buffer): Promise<boolean> {
  const handle = await open(path);
  try {
    const head = Buffer.alloc(prefix.length);
    const { bytesRead } = await handle.read(head, 0, prefix.length, 0);
    return bytesRead === prefix.length && head.equals(prefix);
  } finally {
    await handle.close();
  }
}
