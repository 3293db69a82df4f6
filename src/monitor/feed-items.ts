/**
 * What one poll of a source lists: the body of a feed (RSS, Atom, JSON Feed) or a sitemap turned
 * into items, each with a key that stays the same from poll to poll, and the child sitemaps of a
 * sitemap index. A source that turns out to be a sitemap is read as one whatever it was added as.
 */
import { createHash } from 'node:crypto';
import type { RawDocument } from '../article.js';
import { decodeBytes } from '../clean/encoding.js';
import { hasFatal, type Diagnostic } from '../diagnostic.js';
import { gunzipInput } from '../ingest/gzip.js';
import { charsetFromContentType } from '../ingest/input-format.js';
import type { InputSource } from '../ingest/input-source.js';
import { readSitemap, type ChildSitemap } from '../ingest/sitemap.js';
import { unpackInput } from '../ingest/unpack-input.js';
import type { FeedItemDocument, NewFeedItem } from '../store/feeds.js';

export interface FeedListing {
  readonly items: readonly NewFeedItem[];
  readonly children: readonly ChildSitemap[];
  /** Problems with the source as a whole (not well-formed, not a feed); an error when nothing could be read. */
  readonly messages: readonly Diagnostic[];
}

/** A sitemap or sitemap index names itself in its root element. */
const SITEMAP_ROOT = /<(?:[\w-]+:)?(?:urlset|sitemapindex)[\s>]/;
const GZIP_MAGIC = [0x1f, 0x8b] as const;
const SNIFF_BYTES = 2048;

export interface ListingOptions {
  /** Largest body, and largest unpacked gzip, read (bytes). */
  readonly maxBytes: number;
  /** Outlet the user named for the source; wins over what the items say. */
  readonly outlet: string | null;
}

export function readFeedListing(bytes: Uint8Array, source: InputSource, options: ListingOptions): FeedListing {
  let body = bytes;
  if (body[0] === GZIP_MAGIC[0] && body[1] === GZIP_MAGIC[1]) {
    const unpacked = gunzipInput(body, options.maxBytes);
    if (!unpacked.ok) return failure(unpacked.rule, unpacked.reason);
    body = unpacked.bytes;
  }
  const head = new TextDecoder('utf-8').decode(body.subarray(0, SNIFF_BYTES));
  let documents: readonly RawDocument[];
  let children: readonly ChildSitemap[] = [];
  if (SITEMAP_ROOT.test(head)) {
    const decoded = decodeBytes(body, { declaredCharset: charsetFromContentType(source.contentType) });
    if (decoded.text === null) return { items: [], children: [], messages: decoded.messages };
    const sitemap = readSitemap(decoded.text, source);
    documents = sitemap.documents;
    children = sitemap.children;
  } else {
    documents = unpackInput(body, source, { maxInputBytes: options.maxBytes });
  }
  const messages = documents.flatMap((d) => (hasFatal(d.messages) ? d.messages : []));
  // Feed readers give every item a record (guid, id, link or place); a document without one is the page itself.
  const listed = documents.filter((d) => !hasFatal(d.messages) && d.origin.record !== null);
  if (listed.length === 0 && children.length === 0 && messages.length === 0 && documents.length > 0) {
    return failure('not-a-feed', `${source.label} is a page, not a feed or sitemap; add the URL of its RSS/Atom feed or sitemap`);
  }
  return { items: listed.map((d) => ({ key: itemKeyOf(d, source), document: itemDocumentOf(d, source, options.outlet) })), children, messages };
}

function failure(rule: string, reason: string): FeedListing {
  return { items: [], children: [], messages: [{ severity: 'fatal', stage: 'ingest', rule, reason }] };
}

/**
 * The guid (or Atom id, or JSON Feed id), else the link. A feed item with neither has only its place
 * in the feed as a record ("item 3"), which changes as items arrive: its title and text stand in.
 */
export function itemKeyOf(document: RawDocument, source: InputSource): string {
  const record = document.origin.record!;
  const positional = document.label === `${source.label}, ${record}`;
  if (!positional) return record;
  const link = itemLinkOf(document, source);
  if (link !== null) return link;
  const text = typeof document.content === 'string' ? document.content : '';
  return `text:${createHash('sha256').update(`${document.hints.title ?? ''}\n${text}`).digest('hex').slice(0, 24)}`;
}

/** The page an item links to; an item without a link carries the feed's own URL, which is no page of it. */
function itemLinkOf(document: RawDocument, source: InputSource): string | null {
  return document.origin.url !== null && document.origin.url !== source.url ? document.origin.url : null;
}

function itemDocumentOf(document: RawDocument, source: InputSource, outlet: string | null): FeedItemDocument {
  return {
    url: itemLinkOf(document, source),
    feedUrl: source.url ?? source.label,
    record: document.origin.record,
    label: document.label,
    format: document.format,
    // feed and sitemap readers hand their items on as text, never bytes
    content: typeof document.content === 'string' ? document.content : '',
    hints: outlet === null ? document.hints : { ...document.hints, outlet },
  };
}
