/**
 * HTML page → Page: parse once (capped), read the date and metadata from the intact tree, then
 * the main text. Container hints (feed, JSONL, HTTP) are trusted over what the page says.
 */
import type { RawDocument } from '../../article.js';
import type { Diagnostic } from '../../diagnostic.js';
import type { Page } from '../../page.js';
import { DEFAULT_HTML_DATE_OPTIONS, findPublishedInHtml, type HtmlDateOptions } from '../../extract/published/html-date.js';
import { DEFAULT_HTML_PARSE_LIMITS, parseHtmlWithLimits, type HtmlParseLimits } from './parse-html.js';
import { readHtmlMetadata } from './html-metadata.js';
import { DEFAULT_MAIN_TEXT_OPTIONS, extractMainText, type MainTextOptions } from './main-text.js';

export interface HtmlPageOptions {
  readonly limits: HtmlParseLimits;
  readonly mainText: MainTextOptions;
  readonly published: HtmlDateOptions;
}

export const DEFAULT_HTML_PAGE_OPTIONS: HtmlPageOptions = {
  limits: DEFAULT_HTML_PARSE_LIMITS,
  mainText: DEFAULT_MAIN_TEXT_OPTIONS,
  published: DEFAULT_HTML_DATE_OPTIONS,
};

export function readHtmlPage(html: string, raw: RawDocument, options: HtmlPageOptions = DEFAULT_HTML_PAGE_OPTIONS): Page {
  const { document, messages: parseMessages } = parseHtmlWithLimits(html, options.limits);
  const metadata = readHtmlMetadata(document);
  const url = raw.origin.url ?? metadata.canonicalUrl;
  // The date reader looks at <time> in headers and comment blocks that text extraction leaves out.
  // A date the container states (feed pubDate, JSONL published) wins; extract/published normalises it.
  const published = raw.hints.published
    ? { value: raw.hints.published, evidence: 'input metadata' }
    : findPublishedInHtml(document, url, options.published);
  const title = raw.hints.title ?? metadata.title;
  const main = extractMainText(document, options.mainText, title);
  const messages: Diagnostic[] = [...parseMessages, ...metadata.messages];
  return {
    origin: { ...raw.origin, url },
    label: raw.label,
    format: 'html',
    title,
    text: main.paragraphs.join('\n\n'),
    published,
    siteName: raw.hints.outlet ?? metadata.siteName,
    byline: metadata.byline ?? main.byline,
    declaredLanguage: raw.hints.language ?? metadata.declaredLanguage,
    sideTexts: main.sideTexts,
    messages,
  };
}
