/**
 * What kind of input a batch of bytes is. The file extension and HTTP Content-Type say what to
 * expect; strong signatures in the first bytes (gzip magic, "WARC/", <rss>, <!doctype html>) win
 * when the name lies, as it does for a saved page called "artikel.net" or a feed served as text/html.
 */

export type InputFormat = 'gzip' | 'warc' | 'feed-xml' | 'feed-json' | 'jsonl' | 'html' | 'text';

/** Feeds and pages declare themselves near the top; 2 KB covers long XML prologues and stylesheets. */
const SNIFF_CHARS = 2048;

const GZIP_MAGIC = [0x1f, 0x8b] as const;
const WARC_VERSION_LINE = /^WARC\/\d/;
const FEED_ROOT = /<(?:rss|feed|rdf:RDF)[\s>]/;
/** A page's first tag, after an optional XML declaration (XHTML) and comments. */
const HTML_START = /^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body)[\s>]/i;
/** Tags that make a page of text HTML even without <html>: a saved fragment. */
const HTML_FRAGMENT_TAG = /<(?:p|div|article|h[1-6]|br|meta|title)[\s>/]/i;
const JSON_FEED_VERSION = /"version"\s*:\s*"https:\/\/jsonfeed\.org\/version\//;

const FORMAT_BY_EXTENSION: Readonly<Record<string, InputFormat>> = {
  '.gz': 'gzip',
  '.warc': 'warc',
  '.xml': 'feed-xml',
  '.rss': 'feed-xml',
  '.atom': 'feed-xml',
  '.json': 'feed-json',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.txt': 'text',
};

/** Format a name (".html", ".warc.gz" → its last extension) or an HTTP Content-Type promises, if any. */
export function formatFromName(name: string, contentType?: string): InputFormat | null {
  if (contentType) {
    const type = contentType.split(';')[0]!.trim().toLowerCase();
    if (type === 'text/html' || type === 'application/xhtml+xml') return 'html';
    if (type.endsWith('rss+xml') || type.endsWith('atom+xml') || type.endsWith('/xml')) return 'feed-xml';
    if (type === 'application/feed+json' || type === 'application/json') return 'feed-json';
    if (type === 'application/x-ndjson' || type === 'application/jsonl') return 'jsonl';
    if (type === 'application/gzip' || type === 'application/x-gzip') return 'gzip';
    if (type === 'application/warc') return 'warc';
    if (type === 'text/plain') return 'text';
  }
  const match = /(\.[a-z0-9]+)$/i.exec(name.replace(/[?#].*$/, ''));
  return match ? (FORMAT_BY_EXTENSION[match[1]!.toLowerCase()] ?? null) : null;
}

/** The format of `bytes`: a signature in the content first, then what the name promised, else plain text. */
export function sniffInputFormat(bytes: Uint8Array, promised: InputFormat | null): InputFormat {
  if (bytes[0] === GZIP_MAGIC[0] && bytes[1] === GZIP_MAGIC[1]) return 'gzip';
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, SNIFF_CHARS)).replace(/^\ufeff/, '').trimStart();
  if (WARC_VERSION_LINE.test(head)) return 'warc';
  if (head.startsWith('<')) {
    if (FEED_ROOT.test(head) && !HTML_START.test(head)) return 'feed-xml';
    if (HTML_START.test(head)) return 'html';
  }
  if (head.startsWith('{')) {
    if (JSON_FEED_VERSION.test(head)) return 'feed-json';
    if (promised === 'feed-json' || promised === 'jsonl') return promised;
    if (promised === null) return 'jsonl'; // a .txt opening with "{" stays text
  }
  // a JSON array of records: only when the name says JSON, since "[Anzeige]" can open a text
  if (head.startsWith('[') && (promised === 'feed-json' || promised === 'jsonl')) return 'feed-json';
  // XML that is neither feed nor page: the feed reader names it ("not-a-feed") rather than storing markup as text
  if (promised === 'feed-xml' && head.startsWith('<') && !HTML_FRAGMENT_TAG.test(head)) return 'feed-xml';
  if (promised === 'gzip' || promised === 'warc' || promised === 'feed-json' || promised === 'jsonl' || promised === 'feed-xml') {
    // the name promised a container the bytes do not open with: read what is there
    return head.startsWith('<') && HTML_FRAGMENT_TAG.test(head) ? 'html' : 'text';
  }
  if (promised) return promised;
  return head.startsWith('<') && HTML_FRAGMENT_TAG.test(head) ? 'html' : 'text';
}

const CHARSET_PARAMETER = /;\s*charset\s*=\s*["']?([\w.:-]+)/i;

/** "text/html; charset=ISO-8859-1" → "ISO-8859-1". */
export function charsetFromContentType(contentType: string | undefined): string | undefined {
  return contentType ? CHARSET_PARAMETER.exec(contentType)?.[1] : undefined;
}
