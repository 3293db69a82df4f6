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
  readonly blockStart: number;
  readonly blockLength: number;
}

export function readWarc(bytes: Uint8Array, source: InputSource, options: WarcReadOptions): RawDocument[] {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const documents: RawDocument[] = [];
  let offset = 0;
  let recordNumber = 0;
  while (true) {
    offset = skipLineBreaks(buffer, offset);
    if (offset >= buffer.length) break;
    recordNumber += 1;
    const where = `record ${recordNumber}`;
    const header = readRecordHeader(buffer, offset);
    if (typeof header === 'string') {
      if (!options.streamTruncated) documents.push(failedDocument(source, { where }, 'bad-warc', `${header}; the rest of the file is skipped`));
      break;
    }
    const blockEnd = header.blockStart + header.blockLength;
    if (blockEnd > buffer.length) {
      if (!options.streamTruncated) {
        const missing = blockEnd - buffer.length;
        documents.push(failedDocument(source, { where }, 'truncated-warc', `file ends ${missing} bytes into this record (truncated?); ${recordNumber - 1} record(s) before it were read`));
      }
      break;
    }
    const document = documentFromRecord(header, buffer.subarray(header.blockStart, blockEnd), source, where);
    if (document) documents.push(document);
    offset = blockEnd;
  }
  return documents;
}

/** The record's named fields and where its block lies, or why no record starts at `offset`. */
function readRecordHeader(buffer: Buffer, offset: number): WarcRecordHeader | string {
  if (!buffer.subarray(offset, offset + WARC_VERSION.length).equals(WARC_VERSION)) {
    return `no "WARC/" version line at byte ${offset}`;
  }
  const { end, separatorLength } = findBlankLine(buffer, offset);
  if (end < 0) return 'record header never ends (no blank line)';
  const fields = new Map<string, string>();
  for (const line of buffer.toString('latin1', offset, end).split(/\r?\n/).slice(1)) {
    const colon = line.indexOf(':');
    if (colon > 0) fields.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const length = Number(fields.get('content-length'));
  if (!Number.isInteger(length) || length < 0) return 'record without a valid Content-Length';
  return { fields, blockStart: end + separatorLength, blockLength: length };
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

function skipLineBreaks(buffer: Buffer, offset: number): number {
  while (offset < buffer.length && (buffer[offset] === 0x0d || buffer[offset] === 0x0a)) offset += 1;
  return offset;
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
