/**
 * One batch of bytes (a file, stdin, an HTTP body) → its RawDocuments: gunzips it, refuses empty
 * and binary input, and hands containers (JSON Lines, JSON, feeds, WARC) to their readers.
 */
import type { RawDocument } from '../article.js';
import { decodeBytes, looksBinary } from '../clean/encoding.js';
import { failedDocument, makeDocument, type InputSource } from './input-source.js';
import { charsetFromContentType, formatFromName, sniffInputFormat, type InputFormat } from './input-format.js';
import { gunzipInput } from './gzip.js';
import { readJsonLines } from './jsonl.js';
import { readJsonInput } from './json-feed.js';
import { readXmlFeed } from './feed.js';
import { readWarc } from './warc.js';

export interface UnpackOptions {
  /** Largest input, and largest unpacked gzip content, read (bytes). */
  readonly maxInputBytes: number;
}

export function unpackInput(bytes: Uint8Array, source: InputSource, options: UnpackOptions): RawDocument[] {
  const name = source.path ?? source.url ?? '';
  return unpackBytes(bytes, source, options, formatFromName(name, source.contentType), name, false);
}

function unpackBytes(
  bytes: Uint8Array,
  source: InputSource,
  options: UnpackOptions,
  promised: InputFormat | null,
  name: string,
  insideGzip: boolean,
): RawDocument[] {
  if (isBlank(bytes)) {
    return [failedDocument(source, {}, 'empty', bytes.length === 0 ? 'empty input (0 bytes); nothing to read' : 'only whitespace; nothing to read')];
  }
  const format = sniffInputFormat(bytes, promised);
  if (format === 'gzip') {
    if (insideGzip) return [failedDocument(source, {}, 'bad-gzip', 'gzip inside gzip; not unpacked further')];
    const unpacked = gunzipInput(bytes, options.maxInputBytes);
    if (!unpacked.ok) return [failedDocument(source, {}, unpacked.rule, unpacked.reason)];
    const innerName = name.replace(/\.gz$/i, '');
    if (!unpacked.truncated) return unpackBytes(unpacked.bytes, source, options, formatFromName(innerName), innerName, true);
    return unpackTruncated(unpacked.bytes, source, formatFromName(innerName));
  }
  if (looksBinary(bytes)) {
    return [failedDocument(source, {}, 'binary-content', 'binary data (NUL or control bytes), not text; skipped')];
  }
  return readFormat(format, bytes, source, false);
}

/** A gzip stream that broke off: containers keep their complete records; a single page is refused, not stored cut short. */
function unpackTruncated(bytes: Uint8Array, source: InputSource, promised: InputFormat | null): RawDocument[] {
  const format = sniffInputFormat(bytes, promised);
  if (format === 'html' || format === 'text' || format === 'gzip') {
    return [failedDocument(source, {}, 'truncated-gzip', `gzip stream ends early (truncated file?) after ${bytes.length} bytes; the cut-off page is not read`)];
  }
  const documents = readFormat(format, format === 'jsonl' ? cutAtLastLineBreak(bytes) : bytes, source, true);
  const read = documents.length;
  const note = failedDocument(source, {}, 'truncated-gzip', `gzip stream ends early (truncated file?); the ${read} document(s) before the break were read`);
  return [note, ...documents];
}

function readFormat(format: Exclude<InputFormat, 'gzip'>, bytes: Uint8Array, source: InputSource, streamTruncated: boolean): RawDocument[] {
  const charset = charsetFromContentType(source.contentType);
  const hints = charset ? { charset } : {};
  switch (format) {
    case 'warc':
      return readWarc(bytes, source, { streamTruncated });
    case 'html':
    case 'text':
      return [makeDocument(source, {}, format, bytes, hints)];
    case 'jsonl':
    case 'feed-json':
    case 'feed-xml': {
      const decoded = decodeBytes(bytes, { declaredCharset: charset });
      if (decoded.text === null) return [makeDocument(source, {}, 'text', '', hints, decoded.messages)];
      const documents = readContainer(format, decoded.text, source);
      // how the container was decoded ("read as Windows-1252") rides on its first document
      const [first, ...rest] = documents;
      if (first === undefined || decoded.messages.length === 0) return documents;
      return [{ ...first, messages: [...decoded.messages, ...first.messages] }, ...rest];
    }
  }
}

function readContainer(format: 'jsonl' | 'feed-json' | 'feed-xml', text: string, source: InputSource): RawDocument[] {
  if (format === 'jsonl') return readJsonLines(text, source);
  if (format === 'feed-json') return readJsonInput(text, source);
  return readXmlFeed(text, source);
}

function isBlank(bytes: Uint8Array): boolean {
  for (const byte of bytes) {
    if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) return false;
  }
  return true;
}

function cutAtLastLineBreak(bytes: Uint8Array): Uint8Array {
  const last = bytes.lastIndexOf(0x0a);
  return last < 0 ? bytes.subarray(0, 0) : bytes.subarray(0, last + 1);
}
