/**
 * Sitemaps (sitemaps.org) and Google News sitemaps: one RawDocument per <url> with no text of its
 * own (the monitor fetches its page), <loc> as URL and record, and what a news sitemap states as
 * hints: title, publication date, language, publication name. A sitemap index lists child sitemaps.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { DocumentHints, RawDocument } from '../article.js';
import { failedDocument, makeDocument, type InputSource } from './input-source.js';

export interface ChildSitemap {
  readonly url: string;
  /** As the index states it (W3C datetime), when it does. */
  readonly lastmod: string | null;
}

export interface SitemapReading {
  /** One per listed page, or one failed document saying why nothing could be read. */
  readonly documents: readonly RawDocument[];
  /** The sitemaps a sitemap index points to (empty for a urlset). */
  readonly children: readonly ChildSitemap[];
}

type XmlNode = Record<string, unknown>;

export function readSitemap(xml: string, source: InputSource): SitemapReading {
  const validation = XMLValidator.validate(xml);
  if (validation !== true) {
    const { line, msg } = validation.err;
    return { documents: [failedDocument(source, { where: `line ${line}` }, 'invalid-xml', `sitemap is not well-formed XML: ${msg.replace(/\.$/, '')}; nothing read`)], children: [] };
  }
  const root = new XMLParser({
    // news:title and n:title alike: publishers choose their own prefix for the news namespace
    removeNSPrefix: true,
    parseTagValue: false,
    isArray: (name) => name === 'url' || name === 'sitemap',
  }).parse(xml) as XmlNode;
  const index = root.sitemapindex as XmlNode | undefined;
  if (index) {
    const children = ((index.sitemap ?? []) as XmlNode[])
      .map((entry) => ({ url: textOf(entry.loc)?.trim() ?? '', lastmod: textOf(entry.lastmod)?.trim() ?? null }))
      .filter((child) => /^https?:\/\//i.test(child.url));
    return { documents: [], children };
  }
  const urlset = root.urlset as XmlNode | undefined;
  if (!urlset) {
    return { documents: [failedDocument(source, {}, 'not-a-sitemap', 'XML without <urlset> or <sitemapindex>; nothing to read')], children: [] };
  }
  const documents = ((urlset.url ?? []) as XmlNode[]).flatMap((entry, index) => {
    const url = textOf(entry.loc)?.trim();
    if (!url || !/^https?:\/\//i.test(url)) return [];
    return [makeDocument(source, { where: `url ${index + 1}`, record: url, url }, 'text', '', newsHints(entry.news as XmlNode | undefined))];
  });
  return { documents, children: [] };
}

/** <news:news>: title, publication_date, publication/name and publication/language. */
function newsHints(news: XmlNode | undefined): DocumentHints {
  if (!news) return {};
  const publication = (news.publication ?? {}) as XmlNode;
  const hints: { -readonly [K in keyof DocumentHints]: DocumentHints[K] } = {};
  const title = textOf(news.title)?.trim();
  if (title) hints.title = title;
  const published = textOf(news.publication_date)?.trim();
  if (published) hints.published = published;
  const outlet = textOf(publication.name)?.trim();
  if (outlet) hints.outlet = outlet;
  const language = textOf(publication.language)?.trim();
  if (language) hints.language = language;
  return hints;
}

function textOf(node: unknown): string | undefined {
  if (typeof node === 'string') return node;
  if (typeof node === 'number') return String(node);
  if (typeof node === 'object' && node !== null && !Array.isArray(node)) return textOf((node as XmlNode)['#text']);
  return undefined;
}
