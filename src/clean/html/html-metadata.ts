/**
 * Reads what a page says about itself: title, site name, byline, declared language and canonical
 * URL, from <meta>, JSON-LD, <link> and a few elements, each field by a documented order of trust.
 */
import type { Element, AnyNode } from 'domhandler';
import { diagnostic, type Diagnostic } from '../../diagnostic.js';
import type { HtmlDocument } from './parse-html.js';
import { HTML_PATTERNS } from './html-patterns.js';

export interface HtmlMetadata {
  readonly title: string | null;
  readonly siteName: string | null;
  readonly byline: string | null;
  /** ISO 639 primary subtag, lower case ("de" from "de-DE" or og:locale "de_DE"). */
  readonly declaredLanguage: string | null;
  /** Absolute http(s) URL from <link rel=canonical> or og:url. */
  readonly canonicalUrl: string | null;
  readonly messages: readonly Diagnostic[];
}

/** JSON-LD @types that describe the page's own article (not a breadcrumb or the publisher). */
const ARTICLE_LD_TYPE = /Article$|^BlogPosting$|^Report$|^WebPage$|^LiveBlogPosting$|^SocialMediaPosting$/;
/** "de", "de-DE", "de_AT", "deu": a language tag we can reduce to its primary subtag. */
const LANGUAGE_TAG = /^([a-z]{2,3})(?:[-_][a-z0-9]+)*$/i;
const HTTP_URL = /^https?:\/\//i;
/** A site name in a title suffix is short: "Titel | Süddeutsche Zeitung", not the second half of a headline. */
const MAX_SITE_NAME_WORDS = 5;

/** Elements the metadata readers look at, gathered in one walk over the tree. */
interface MetadataSources {
  readonly meta: Map<string, string>;
  readonly jsonLd: string[];
  readonly links: Element[];
  readonly htmlLang: string | null;
  readonly titleText: string | null;
  readonly h1Text: string | null;
}

export function readHtmlMetadata(document: HtmlDocument): HtmlMetadata {
  const sources = gatherSources(document);
  const messages: Diagnostic[] = [];
  const ld = readJsonLd(sources.jsonLd, messages);
  const meta = (key: string) => cleanValue(sources.meta.get(key));

  const titleSuffix = splitTitleSuffix(sources.titleText);
  const siteName =
    meta('og:site_name') ?? ld.publisher ?? meta('application-name') ?? meta('apple-mobile-web-app-title') ??
    titleSuffix?.site ?? null;

  // og:title and JSON-LD headline are the article's own words; <title> carries the site name.
  const titleCandidates = [meta('og:title'), ld.headline, meta('twitter:title'), sources.h1Text, titleSuffix?.title ?? cleanValue(sources.titleText ?? undefined)];
  const firstTitle = titleCandidates.find((t): t is string => t !== null && t !== undefined) ?? null;
  const title = firstTitle === null ? null : stripSiteSuffix(firstTitle, siteName);

  const byline = ld.author ?? bylineFromMeta(meta('author')) ?? bylineFromMeta(meta('article:author')) ??
    bylineFromMeta(meta('dc.creator')) ?? relAuthor(sources.links);

  return {
    title,
    siteName,
    byline,
    declaredLanguage: primaryLanguage(sources.htmlLang) ?? primaryLanguage(meta('og:locale')) ??
      primaryLanguage(meta('content-language')) ?? primaryLanguage(meta('language')) ?? primaryLanguage(meta('dc.language')),
    canonicalUrl: canonical(sources.links) ?? httpUrl(meta('og:url')),
    messages,
  };
}

function gatherSources(document: HtmlDocument): MetadataSources {
  const meta = new Map<string, string>();
  const jsonLd: string[] = [];
  const links: Element[] = [];
  let htmlLang: string | null = null;
  let titleText: string | null = null;
  let h1Text: string | null = null;
  const stack: AnyNode[] = [...document.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') continue;
    const el = node as Element;
    switch (el.name) {
      case 'html':
        htmlLang ??= el.attribs.lang ?? el.attribs['xml:lang'] ?? null;
        break;
      case 'meta': {
        const key = (el.attribs.property ?? el.attribs.name ?? el.attribs.itemprop ?? el.attribs['http-equiv'])?.toLowerCase();
        const content = el.attribs.content;
        if (key && content && !meta.has(key)) meta.set(key, content);
        break;
      }
      case 'script':
        if (el.attribs.type?.toLowerCase().includes('ld+json')) jsonLd.push(textOf(el));
        continue;
      case 'style':
        continue;
      case 'link':
      case 'a':
        if (el.attribs.rel) links.push(el);
        break;
      case 'title':
        titleText ??= foldSpaces(textOf(el));
        continue;
      case 'h1':
        h1Text ??= foldSpaces(textOf(el)) || null;
        continue;
    }
    for (let i = el.children.length - 1; i >= 0; i--) stack.push(el.children[i]!);
  }
  return { meta, jsonLd, links, htmlLang, titleText, h1Text };
}

interface LinkedDataFields {
  headline: string | null;
  author: string | null;
  publisher: string | null;
}

/** JSON-LD article fields; a block that is not JSON gets an info note (sites often ship broken ones) and is skipped. */
function readJsonLd(blocks: readonly string[], messages: Diagnostic[]): LinkedDataFields {
  const fields: LinkedDataFields = { headline: null, author: null, publisher: null };
  for (const block of blocks) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(block);
    } catch (error) {
      messages.push(diagnostic('info', 'clean', 'json-ld-invalid',
        `a JSON-LD block is not valid JSON (${(error as Error).message}); skipped`));
      continue;
    }
    for (const item of flattenLinkedData(parsed)) {
      const types = ([] as unknown[]).concat(item['@type'] ?? []).filter((t): t is string => typeof t === 'string');
      if (!types.some((t) => ARTICLE_LD_TYPE.test(t))) continue;
      fields.headline ??= cleanValue(typeof item.headline === 'string' ? item.headline : undefined);
      fields.author ??= namesOf(item.author);
      fields.publisher ??= namesOf(item.publisher);
    }
  }
  return fields;
}

type LinkedDataObject = Record<string, unknown>;

/** Real JSON-LD nests a list in a @graph at most; a hostile page may nest 100 000 arrays to overflow the stack. */
const MAX_LINKED_DATA_DEPTH = 8;

function flattenLinkedData(value: unknown, depth = 0): LinkedDataObject[] {
  if (depth > MAX_LINKED_DATA_DEPTH) return [];
  if (Array.isArray(value)) return value.flatMap((item) => flattenLinkedData(item, depth + 1));
  if (value === null || typeof value !== 'object') return [];
  const obj = value as LinkedDataObject;
  return [obj, ...flattenLinkedData(obj['@graph'], depth + 1)];
}

/** "Anna Beispiel", {name}, or a list of those → "Anna Beispiel, Max Muster". */
function namesOf(value: unknown): string | null {
  const names = ([] as unknown[]).concat(value ?? []).map((v) => {
    if (typeof v === 'string') return v;
    if (v !== null && typeof v === 'object' && typeof (v as LinkedDataObject).name === 'string') return (v as LinkedDataObject).name as string;
    return null;
  }).map((n) => cleanValue(n ?? undefined)).filter((n): n is string => n !== null && !HTTP_URL.test(n));
  return names.length > 0 ? [...new Set(names)].join(', ') : null;
}

function bylineFromMeta(value: string | null): string | null {
  return value !== null && !HTTP_URL.test(value) ? value : null;
}

function relAuthor(links: readonly Element[]): string | null {
  const author = links.find((el) => el.name === 'a' && /\bauthor\b/i.test(el.attribs.rel ?? ''));
  return author ? cleanValue(textOf(author)) : null;
}

function canonical(links: readonly Element[]): string | null {
  const link = links.find((el) => el.name === 'link' && /\bcanonical\b/i.test(el.attribs.rel ?? ''));
  return httpUrl(link?.attribs.href ?? null);
}

function httpUrl(value: string | null): string | null {
  return value !== null && HTTP_URL.test(value.trim()) ? value.trim() : null;
}

function primaryLanguage(tag: string | null | undefined): string | null {
  const match = tag ? LANGUAGE_TAG.exec(tag.trim()) : null;
  return match ? match[1]!.toLowerCase() : null;
}

/**
 * "Titel | Site" → {title, site}. The site is the last part after a separator when it is short
 * and the title part is longer; "Site: Titel" is left alone (a colon usually belongs to the headline).
 */
export function splitTitleSuffix(text: string | null): { title: string; site: string } | null {
  if (!text) return null;
  const parts = text.split(HTML_PATTERNS.titleSeparator);
  if (parts.length < 2) return null;
  const site = parts[parts.length - 1]!.trim();
  const separatorAt = text.lastIndexOf(site);
  const title = text.slice(0, separatorAt).replace(/[\s|–—•·»«:-]+$/, '').trim();
  if (site.length === 0 || title.length <= site.length) return null;
  if (site.split(/\s+/).length > MAX_SITE_NAME_WORDS) return null;
  if (/:\s*$/.test(text.slice(0, separatorAt).trimEnd())) return null;
  return { title, site };
}

/** Removes " | Site" (or " - Site") from a title when the suffix is the known site name. */
function stripSiteSuffix(title: string, siteName: string | null): string {
  const split = splitTitleSuffix(title);
  if (split === null || siteName === null) return title;
  const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  const site = norm(split.site);
  const known = norm(siteName);
  return site.length > 0 && (known.includes(site) || site.includes(known)) ? split.title : title;
}

function textOf(node: AnyNode): string {
  if (node.type === 'text') return node.data;
  if (!('children' in node)) return '';
  let text = '';
  for (const child of node.children) text += textOf(child);
  return text;
}

function foldSpaces(text: string): string {
  return text.replace(HTML_PATTERNS.invisibleChar, '').replace(HTML_PATTERNS.whitespaceRun, ' ').trim();
}

function cleanValue(value: string | undefined): string | null {
  if (value === undefined) return null;
  const folded = foldSpaces(value);
  return folded.length > 0 ? folded.normalize('NFC') : null;
}
