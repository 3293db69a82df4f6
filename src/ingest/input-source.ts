/**
 * Where a batch of bytes came from (a file, stdin, a URL), and the two ways a reader hands a
 * document on: a RawDocument to read, or one that carries only the fatal reason it could not be read.
 */
import type { DocumentHints, RawDocument } from '../article.js';
import { diagnostic, type Diagnostic } from '../diagnostic.js';

export interface InputSource {
  /** The input as the user named it: a path, a URL, or "stdin". Starts every message line. */
  readonly label: string;
  /** File path (null for stdin and URLs). */
  readonly path: string | null;
  /** URL the bytes were fetched from, after redirects (null for files). */
  readonly url: string | null;
  /** HTTP Content-Type, when the bytes came over HTTP. */
  readonly contentType?: string;
}

/** A document of a container: one record, item or response inside `source`. */
export interface DocumentPlace {
  /** "line 7", "item 3", "record 2": appended to the source label. */
  readonly where?: string;
  /** Origin.record: the container's own id for it (JSONL id, feed guid, WARC-Record-ID). */
  readonly record?: string | null;
  /** Overrides the source URL (a feed item's link, a WARC target URI). */
  readonly url?: string | null;
}

export function labelFor(source: InputSource, place: DocumentPlace = {}): string {
  return place.where ? `${source.label}, ${place.where}` : source.label;
}

export function makeDocument(
  source: InputSource,
  place: DocumentPlace,
  format: RawDocument['format'],
  content: Uint8Array | string,
  hints: DocumentHints,
  messages: readonly Diagnostic[] = [],
): RawDocument {
  return {
    origin: { path: source.path, url: place.url ?? source.url, record: place.record ?? null, segment: null },
    format,
    content,
    hints,
    label: labelFor(source, place),
    messages,
  };
}

/** An input that could not be read: the runner prints its one fatal line and goes on. */
export function failedDocument(source: InputSource, place: DocumentPlace, rule: string, reason: string): RawDocument {
  return makeDocument(source, place, 'text', '', {}, [diagnostic('fatal', 'ingest', rule, reason)]);
}

export function fileSource(path: string): InputSource {
  return { label: path, path, url: null };
}
