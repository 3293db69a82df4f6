/**
 * WARC files (ISO 28500, versions 0.18–1.1): one RawDocument per response (or resource) record that
 * holds an HTML page, with the target URI as its URL and the WARC-Record-ID as its record id.
 * Requests, metadata, images and error pages are skipped without a word: they are not articles.
 */
import { gunzipSync } from 'node:zlib';
import type { RawDocument } from '../article.js';
import { failedDocument, makeDocument, type InputSource } from './input-source.js';
import { charsetFromContentType } from './input-format.js';

const CRLF_CRLF = Buffer.from('\r\n\r\n');
const LF_LF = Buffer.from('\n\n');
const WARC_VERSION = Buffer.from('WARC/');
const HTML_CONTENT_TYPE = /^\s*(?:text\/html|application\/xhtml\+xml)\b/i;
const HTTP_STATUS_LINE = /^HTTP\/\d(?:\.\d)?\s+(\d{3})/;

export interface WarcReadOptions {
  /** The bytes end where a gzip stream broke off: a cut-off last record is expected, and already reported. */
  readonly streamTruncated: boolean;
}

interface WarcRecordHeader {
  readonly fields: ReadonlyMap<string, string>;
  readonly blockLength: number;
}

/** A record whose header is read and whose block is still arriving. */
interface OpenRecord {
  readonly header: WarcRecordHeader;
  readonly where: string;
  /** Block bytes still to come. */
  remaining: number;
  /** Block bytes kept: all of them, or only the first HTTP_HEAD_BYTES of a record over the size cap. */
  readonly parts: Buffer[];
  kept: number;
  readonly oversized: boolean;
}

/**
 * A WARC header longer than this is no header: real ones run 300–1,000 bytes. Without a bound, a
 * file that is not a WARC would be buffered whole while we wait for a blank line.
 */
const MAX_HEADER_BYTES = 64 * 1024;
/** Of a record over the size cap, this much is kept to see whether it was an HTML page worth naming. */
const HTTP_HEAD_BYTES = 8 * 1024;

/** A WARC held in memory (stdin, a URL, an unpacked .warc.gz under the cap). */
export function readWarc(bytes: Uint8Array, source: InputSource, options: WarcReadOptions): RawDocument[] {
  const reader = new WarcRecordReader(source, Number.POSITIVE_INFINITY);
  const documents = reader.push(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  return options.streamTruncated ? documents : [...documents, ...reader.end()];
}

/**
 * A WARC file read as a stream, so a 1 GB crawl never sits in memory: only one record at a time
 * does, and a record over `maxRecordBytes` is skipped (named when it was an HTML page).
 */
export async function* readWarcStream(chunks: AsyncIterable<Uint8Array>, source: InputSource, maxRecordBytes: number): AsyncGenerator<RawDocument> {
  const reader = new WarcRecordReader(source, maxRecordBytes);
  try {
    for await (const chunk of chunks) yield* reader.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const done = `${reader.recordsRead} record(s) before it were read`;
    yield code === 'Z_BUF_ERROR'
      ? failedDocument(source, {}, 'truncated-gzip', `gzip stream ends early (truncated file?); the ${done}`)
      : failedDocument(source, {}, 'unreadable', `${(error as Error).message}; the ${done}`);
    return;
  }
  yield* reader.end();
}

/** Splits WARC bytes, pushed in chunks of any size, into records and turns each into a document or nothing. */
class WarcRecordReader {
  private pending: Buffer = Buffer.alloc(0);
  private open: OpenRecord | null = null;
  private stopped = false;
  private bytesSeen = 0;
  /** Records whose block was complete. */
  recordsRead = 0;

  constructor(
    private readonly source: InputSource,
    private readonly maxRecordBytes: number,
  ) {}

  push(chunk: Buffer): RawDocument[] {
    this.bytesSeen += chunk.length;
    if (this.stopped) return [];
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    const documents: RawDocument[] = [];
    while (!this.stopped) {
      if (this.open) {
        const record = this.open;
        const take = Math.min(record.remaining, this.pending.length);
        const keep = record.oversized ? Math.min(take, HTTP_HEAD_BYTES - record.kept) : take;
        if (keep > 0) {
          record.parts.push(this.pending.subarray(0, keep));
          record.kept += keep;
        }
        record.remaining -= take;
        this.pending = this.pending.subarray(take);
        if (record.remaining > 0) break;
        this.open = null;
        this.recordsRead += 1;
        const document = this.closeRecord(record);
        if (document) documents.push(document);
        continue;
      }
      this.pending = this.pending.subarray(countLineBreaks(this.pending));
      if (this.pending.length === 0) break;
      const opened = this.openRecord();
      if (opened === 'need-more') break;
      if (opened !== 'opened') {
        this.stopped = true;
        const where = `record ${this.recordsRead + 1}`;
        documents.push(failedDocument(this.source, { where }, 'bad-warc', `${opened.problem}; the rest of the file is skipped`));
      }
    }
    return documents;
  }

  /** The stream ended: a record still open, or a header begun, was cut off. */
  end(): RawDocument[] {
    if (this.bytesSeen === 0) return [failedDocument(this.source, {}, 'empty', 'empty input (0 bytes); nothing to read')];
    if (this.stopped || (this.open === null && this.pending.length === 0)) return [];
    const where = this.open?.where ?? `record ${this.recordsRead + 1}`;
    const missing = this.open ? `with ${this.open.remaining} bytes of this record missing` : 'inside this record\'s header';
    return [failedDocument(this.source, { where }, 'truncated-warc', `file ends ${missing} (truncated?); ${this.recordsRead} record(s) before it were read`)];
  }

  /** Reads the header at the start of `pending`, or says why none is there. */
  private openRecord(): 'opened' | 'need-more' | { problem: string } {
    const buffer = this.pending;
    if (buffer.length < WARC_VERSION.length) return 'need-more';
    if (!buffer.subarray(0, WARC_VERSION.length).equals(WARC_VERSION)) {
      return { problem: `no "WARC/" version line where record ${this.recordsRead + 1} should start` };
    }
    const { end, separatorLength } = findBlankLine(buffer, 0);
    if (end < 0) return buffer.length > MAX_HEADER_BYTES ? { problem: `record header runs past ${MAX_HEADER_BYTES} bytes` } : 'need-more';
    const fields = new Map<string, string>();
    for (const line of buffer.toString('latin1', 0, end).split(/\r?\n/).slice(1)) {
      const colon = line.indexOf(':');
      if (colon > 0) fields.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
    }
    const length = Number(fields.get('content-length'));
    if (!Number.isInteger(length) || length < 0) return { problem: 'record without a valid Content-Length' };
    this.pending = buffer.subarray(end + separatorLength);
    this.open = {
      header: { fields, blockLength: length },
      where: `record ${this.recordsRead + 1}`,
      remaining: length,
      parts: [],
      kept: 0,
      oversized: length > this.maxRecordBytes,
    };
    return 'opened';
  }

  private closeRecord(record: OpenRecord): RawDocument | null {
    const block = Buffer.concat(record.parts);
    const document = documentFromRecord(record.header, block, this.source, record.where);
    if (!record.oversized || document === null) return document;
    // only the head was kept: an HTML page over the cap is named, anything else was never an article
    return failedDocument(this.source, { where: record.where, record: document.origin.record, url: document.origin.url }, 'too-large', `record of ${record.header.blockLength} bytes is over the ${this.maxRecordBytes}-byte limit (--max-bytes); skipped`);
  }
}

function documentFromRecord(header: WarcRecordHeader, block: Buffer, source: InputSource, where: string): RawDocument | null {
  const type = header.fields.get('warc-type');
  const place = {
    where,
    record: stripAngles(header.fields.get('warc-record-id')) ?? where,
    url: stripAngles(header.fields.get('warc-target-uri')) ?? null,
  };
  if (type === 'resource') {
    const contentType = header.fields.get('content-type') ?? '';
    if (!HTML_CONTENT_TYPE.test(contentType)) return null;
    return makeDocument(source, place, 'html', block, charsetHint(contentType));
  }
  if (type !== 'response') return null;
  const http = readHttpMessage(block);
  if (http === null || http.status < 200 || http.status > 299) return null;
  const contentType = http.headers.get('content-type') ?? '';
  if (!HTML_CONTENT_TYPE.test(contentType)) return null;
  let body = http.body;
  if (/chunked/i.test(http.headers.get('transfer-encoding') ?? '')) body = dechunk(body) ?? body;
  if (/gzip/i.test(http.headers.get('content-encoding') ?? '')) {
    try {
      body = gunzipSync(body);
    } catch (error) {
      return failedDocument(source, place, 'bad-gzip', `HTTP body says gzip but does not unpack (${(error as Error).message}); skipped`);
    }
  }
  return makeDocument(source, place, 'html', body, charsetHint(contentType));
}

function readHttpMessage(block: Buffer): { status: number; headers: Map<string, string>; body: Buffer } | null {
  const { end, separatorLength } = findBlankLine(block, 0);
  if (end < 0) return null;
  const lines = block.toString('latin1', 0, end).split(/\r?\n/);
  const status = HTTP_STATUS_LINE.exec(lines[0] ?? '');
  if (!status) return null;
  const headers = new Map<string, string>();
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { status: Number(status[1]), headers, body: block.subarray(end + separatorLength) };
}

/** Chunked transfer coding undone; null when the body is not chunked after all (many crawlers store it dechunked). */
function dechunk(body: Buffer): Buffer | null {
  const parts: Buffer[] = [];
  let offset = 0;
  while (offset < body.length) {
    const lineEnd = body.indexOf('\r\n', offset);
    if (lineEnd < 0) return null;
    const size = parseInt(body.toString('latin1', offset, lineEnd).split(';')[0]!.trim(), 16);
    if (!Number.isInteger(size) || size < 0) return null;
    if (size === 0) return Buffer.concat(parts);
    const start = lineEnd + 2;
    if (start + size > body.length) return null;
    parts.push(body.subarray(start, start + size));
    offset = start + size + 2;
  }
  return null;
}

function findBlankLine(buffer: Buffer, from: number): { end: number; separatorLength: number } {
  const crlf = buffer.indexOf(CRLF_CRLF, from);
  const lf = buffer.indexOf(LF_LF, from);
  if (lf >= 0 && (crlf < 0 || lf < crlf)) return { end: lf, separatorLength: LF_LF.length };
  return { end: crlf, separatorLength: CRLF_CRLF.length };
}

function countLineBreaks(buffer: Buffer): number {
  let count = 0;
  while (count < buffer.length && (buffer[count] === 0x0d || buffer[count] === 0x0a)) count += 1;
  return count;
}

/** WARC 1.0 wrote `<urn:uuid:…>` and, in some tools, `<http://…>`; the id is what is inside. */
function stripAngles(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  return value.replace(/^<(.*)>$/, '$1');
}

function charsetHint(contentType: string): { charset?: string } {
  const charset = charsetFromContentType(contentType);
  return charset ? { charset } : {};
}
