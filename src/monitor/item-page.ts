/**
 * The page a feed item links to: fetched through the polite fetcher, read as the page it is (the
 * item's title, date, language and outlet as hints), with every URL it answers to (the item's link,
 * each redirect, where it ended, its canonical URL), so each can be recorded as an occurrence.
 */
import type { Article, RawDocument } from '../article.js';
import { hasFatal } from '../diagnostic.js';
import { parseHtmlWithLimits } from '../clean/html/parse-html.js';
import { readHtmlMetadata } from '../clean/html/html-metadata.js';
import { sourceOfFetched } from '../ingest/read-inputs.js';
import { unpackInput } from '../ingest/unpack-input.js';
import type { FeedItemDocument } from '../store/feeds.js';
import type { PoliteFetcher } from './polite-fetcher.js';

export type ItemPage =
  | { readonly kind: 'page'; readonly document: RawDocument; readonly urls: readonly string[] }
  | { readonly kind: 'failed'; readonly rule: string; readonly reason: string; readonly transient: boolean; readonly retryAt?: number }
  | { readonly kind: 'stopped' };

/** A page names its canonical URL in <head>; this much of it is parsed to find it. */
const HEAD_SEARCH_BYTES = 256 * 1024;

export async function fetchItemPage(item: FeedItemDocument & { url: string }, fetcher: PoliteFetcher, options: { signal: AbortSignal; maxBytes: number }): Promise<ItemPage> {
  const fetched = await fetcher.fetch(item.url, { signal: options.signal });
  if (!fetched.ok) {
    if (fetched.rule === 'stopped') return { kind: 'stopped' };
    return { kind: 'failed', rule: fetched.rule, reason: fetched.reason, transient: fetched.transient, ...(fetched.retryAt === undefined ? {} : { retryAt: fetched.retryAt }) };
  }
  const source = sourceOfFetched({ label: fetched.url, path: null, url: fetched.url }, fetched);
  const documents = unpackInput(fetched.bytes, source, { maxInputBytes: options.maxBytes });
  const [page] = documents;
  if (page === undefined || hasFatal(page.messages)) {
    const reason = page?.messages.find((m) => m.severity === 'fatal')?.reason ?? 'nothing to read';
    return { kind: 'failed', rule: page?.messages.find((m) => m.severity === 'fatal')?.rule ?? 'empty', reason, transient: false };
  }
  // a link to another feed or a JSON record is not the article's page
  if (documents.length > 1 || page.origin.record !== null) {
    return { kind: 'failed', rule: 'not-a-page', reason: `${fetched.url} is a feed or data file, not the article's page`, transient: false };
  }
  const canonical = page.format === 'html' && page.content instanceof Uint8Array ? findCanonicalUrl(page.content) : null;
  const urls = [...new Set([item.url, ...fetched.redirectedFrom, fetched.url, ...(canonical ? [canonical] : [])])];
  return {
    kind: 'page',
    // The feed's title, date and language are the publisher's own statements about the page: hints.
    document: { ...page, origin: { ...page.origin, record: item.record }, hints: { ...item.hints, ...page.hints } },
    urls,
  };
}

/** <link rel=canonical> or og:url of a page, read from its head only. */
export function findCanonicalUrl(html: Uint8Array): string | null {
  const text = new TextDecoder('utf-8').decode(html.subarray(0, HEAD_SEARCH_BYTES));
  const headEnd = text.search(/<\/head\s*>|<body[\s>]/i);
  const { document } = parseHtmlWithLimits(headEnd < 0 ? text : text.slice(0, headEnd));
  return readHtmlMetadata(document).canonicalUrl;
}

/** Each article once more for every other URL it was found at: the store keeps each as an occurrence. */
export function atEveryUrl(articles: readonly Article[], urls: readonly string[]): Article[] {
  return articles.flatMap((article) => [article, ...urls.filter((url) => url !== article.origin.url).map((url) => ({ ...article, origin: { ...article.origin, url } }))]);
}
