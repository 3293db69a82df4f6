/**
 * RSS 2.0, RSS 1.0 (RDF) and Atom feeds: one RawDocument per item, its full content (content:encoded,
 * Atom content) or else its description/summary as HTML, title/link/date/guid as hints. A feed that
 * is not well-formed XML gets one line saying where it breaks, and every item that still parses goes in.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { DocumentHints, RawDocument } from '../article.js';
import { failedDocument, makeDocument, type InputSource } from './input-source.js';

/** Item elements of the three feed dialects, for cutting a broken feed into items parsed one by one. */
const ITEM_ELEMENT = /<(item|entry)[\s>][\s\S]*?<\/\1\s*>/g;
const CDATA_SECTION = /<!\[CDATA\[([\s\S]*?)\]\]>/g;
const XML_ENTITY = /&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi;

type XmlNode = Record<string, unknown>;

function makeFeedParser(): XMLParser {
  return new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    htmlEntities: true,
    isArray: (name) => name === 'item' || name === 'entry' || name === 'link',
    // Atom content stays raw: type="xhtml" holds markup the parser would otherwise take apart
    stopNodes: ['*.entry.content', '*.entry.summary'],
  });
}

export function readXmlFeed(xml: string, source: InputSource): RawDocument[] {
  const parser = makeFeedParser();
  const validation = XMLValidator.validate(xml);
  if (validation === true) {
    const root = parser.parse(xml) as XmlNode;
    const feed = findFeedItems(root);
    if (feed === null) {
      return [failedDocument(source, {}, 'not-a-feed', 'XML without <rss>, <feed> or <rdf:RDF> items; nothing to read')];
    }
    return feed.items.map((item, index) => documentFromItem(item, index + 1, feed.language, source));
  }
  // Not well-formed: parse each item on its own so one bad ampersand costs one item, not the feed
  const { line, msg } = validation.err;
  const chunks = xml.match(ITEM_ELEMENT) ?? [];
  const documents: RawDocument[] = [];
  chunks.forEach((chunk, index) => {
    const item = parseItemChunk(parser, chunk);
    if (item !== null) documents.push(documentFromItem(item, index + 1, undefined, source));
  });
  const skipped = chunks.length - documents.length;
  const outcome = `read ${documents.length} item(s) anyway${skipped > 0 ? `, ${skipped} unreadable item(s) skipped` : ''}`;
  return [failedDocument(source, { where: `line ${line}` }, 'invalid-xml', `not well-formed XML: ${msg.replace(/\.$/, '')}; ${outcome}`), ...documents];
}

function parseItemChunk(parser: XMLParser, chunk: string): XmlNode | null {
  let parsed: XmlNode;
  try {
    parsed = parser.parse(`<chunk>${chunk}</chunk>`) as XmlNode;
  } catch {
    return null; // too broken to parse even alone; counted as skipped in the feed's message
  }
  const holder = parsed.chunk as XmlNode | undefined;
  const items = (holder?.item ?? holder?.entry) as XmlNode[] | undefined;
  return items?.[0] ?? null;
}

function findFeedItems(root: XmlNode): { items: XmlNode[]; language: string | undefined } | null {
  const rss = root.rss as XmlNode | undefined;
  if (rss) {
    const channel = (rss.channel ?? {}) as XmlNode;
    return { items: (channel.item ?? []) as XmlNode[], language: textOf(channel.language) };
  }
  const atom = root.feed as XmlNode | undefined;
  if (atom) return { items: (atom.entry ?? []) as XmlNode[], language: textOf(atom['@_xml:lang']) };
  const rdf = root['rdf:RDF'] as XmlNode | undefined;
  if (rdf) {
    const channel = (rdf.channel ?? {}) as XmlNode;
    return { items: (rdf.item ?? []) as XmlNode[], language: textOf(channel['dc:language']) };
  }
  return null;
}

function documentFromItem(item: XmlNode, number: number, feedLanguage: string | undefined, source: InputSource): RawDocument {
  const where = `item ${number}`;
  const url = itemLink(item);
  const record = textOf(item.guid) ?? textOf(item.id) ?? url ?? where;
  const hints: Record<string, string> = {};
  const title = textOf(item.title);
  if (title) hints.title = decodeXmlEntities(title);
  const published = textOf(item.pubDate) ?? textOf(item['dc:date']) ?? textOf(item.published) ?? textOf(item.updated);
  if (published) hints.published = published;
  const language = textOf(item['dc:language']) ?? textOf(item['@_xml:lang']) ?? feedLanguage;
  if (language) hints.language = language;

  const place = { where, record, url };
  const body = itemBody(item);
  // no body: an empty document, so the clean stage's one "no article text" line names the item
  if (body === null) return makeDocument(source, place, 'text', '', hints as DocumentHints);
  return makeDocument(source, place, body.format, body.content, hints as DocumentHints);
}

/** Full text first (content:encoded, Atom content), then the teaser (description, summary). */
function itemBody(item: XmlNode): { format: 'html' | 'text'; content: string } | null {
  const encoded = textOf(item['content:encoded']);
  if (encoded?.trim()) return { format: 'html', content: encoded };
  for (const name of ['content', 'summary'] as const) {
    const atom = item[name];
    const raw = textOf(atom);
    if (!raw?.trim()) continue;
    const type = typeof atom === 'object' && atom !== null ? textOf((atom as XmlNode)['@_type']) : undefined;
    if (type === 'xhtml') return { format: 'html', content: raw };
    const content = decodeXmlEntities(raw.replace(CDATA_SECTION, '$1'));
    return { format: type === 'text' ? 'text' : 'html', content };
  }
  const description = textOf(item.description);
  if (description?.trim()) return { format: 'html', content: description };
  return null;
}

/** RSS <link>text</link>; Atom <link rel="alternate" href>, the first link without rel otherwise. */
function itemLink(item: XmlNode): string | null {
  const links = (item.link ?? []) as unknown[];
  for (const link of links) {
    if (typeof link === 'string' && link.trim()) return link.trim();
    if (typeof link === 'object' && link !== null) {
      const node = link as XmlNode;
      const rel = textOf(node['@_rel']) ?? 'alternate';
      const href = textOf(node['@_href']) ?? textOf(node['#text']);
      if (rel === 'alternate' && href) return href.trim();
    }
  }
  const guid = item.guid;
  const permalink = typeof guid === 'object' && guid !== null ? textOf((guid as XmlNode)['@_isPermaLink']) !== 'false' : true;
  const guidText = textOf(guid);
  return permalink && guidText && /^https?:\/\//.test(guidText) ? guidText : null;
}

/** Text of an element the parser gave as a string, a number, or `{#text, @_attr}`. */
function textOf(node: unknown): string | undefined {
  if (typeof node === 'string') return node;
  if (typeof node === 'number') return String(node);
  if (Array.isArray(node)) return textOf(node[0]);
  if (typeof node === 'object' && node !== null) return textOf((node as XmlNode)['#text']);
  return undefined;
}

/** Escaped HTML inside stop nodes and Atom titles: `&lt;p&gt;` → `<p>`. */
function decodeXmlEntities(text: string): string {
  return text.replace(XML_ENTITY, (entity, name: string) => {
    const lower = name.toLowerCase();
    if (lower === 'lt') return '<';
    if (lower === 'gt') return '>';
    if (lower === 'amp') return '&';
    if (lower === 'quot') return '"';
    if (lower === 'apos') return "'";
    const code = lower.startsWith('#x') ? parseInt(lower.slice(2), 16) : parseInt(lower.slice(1), 10);
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
  });
}
