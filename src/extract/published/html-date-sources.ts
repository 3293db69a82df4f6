/**
 * Gathers, in one walk over a parsed page, everything that may state its publication date:
 * JSON-LD blocks, <meta> tags, itemprop values, <time> elements, date-classed elements and the
 * visible text in reading order, leaving out comment threads and related-article lists.
 */
import type { AnyNode, Element } from 'domhandler';
import { existsOne } from 'domutils';
import type { HtmlDocument } from '../../clean/html/parse-html.js';

/** A date-bearing value in reading order, with what held it ("itemprop datepublished", "element .byline"). */
export interface SourcedValue {
  readonly value: string;
  readonly what: string;
}

export interface HtmlDateSources {
  readonly jsonLd: readonly string[];
  /** Other inline scripts, where single-page apps keep the article's JSON ("published_at": "…"). */
  readonly scripts: readonly string[];
  /** Meta tags by lower-cased name/property/itemprop/http-equiv, first value kept. */
  readonly meta: ReadonlyMap<string, string>;
  /** itemprop=datePublished/dateCreated/dateModified on elements (content, datetime or text). */
  readonly itemprops: readonly SourcedValue[];
  /** <time> elements: their datetime attribute (or text), flagged when marked as the publication. */
  readonly times: readonly (SourcedValue & { readonly marked: boolean })[];
  /** Short texts of elements whose class or id says they hold a date ("entry-date", "datum", "byline"). */
  readonly dateElements: readonly SourcedValue[];
  /** Visible text in reading order, blocks separated by newlines. */
  readonly text: string;
  /** Where the article's headline starts in `text`, or null when the page has none. */
  readonly headlineOffset: number | null;
  readonly canonicalUrl: string | null;
  readonly htmlLang: string | null;
}

/** Class/id words of regions whose dates belong to other texts. */
const FOREIGN_REGION_WORDS: readonly string[] = [
  // comment threads
  'comments?', 'kommentare?', 'respond', 'replies', 'reply',
  // other articles: related, recommended, most read
  'related', 'verwandt', 'recommend\\w*', 'empfehlung\\w*', 'teaser-?list', 'more-?(?:news|articles|stories)',
  'mehr-zum-thema', 'weitere\\w*', 'similar', 'popular', 'trending', 'meistgelesen\\w*',
  // page chrome
  'sidebar', 'nav\\w*', 'newsletter', 'breadcrumbs?', 'site-?footer', 'cookie\\w*',
  // embedded social posts carry their own dates
  'instagram-media', 'twitter-tweet', 'tiktok-embed', 'embedded-post',
];
const FOREIGN_REGION = new RegExp(`(?:^|[\\s_-])(?:${FOREIGN_REGION_WORDS.join('|')})(?:$|[\\s_-])`, 'i');

/** Class of a blog post's title element ("entry-title", "post-title"). */
const HEADLINE_CLASS = /(?:entry|post|article)-?title/i;

/** Elements never read: their text is code, navigation or chrome. */
const SKIPPED_TAGS: ReadonlySet<string> = new Set(['style', 'noscript', 'nav', 'select', 'option', 'button', 'svg', 'iframe', 'form', 'template']);

/** Blocks that end a line of visible text. */
const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'p', 'div', 'br', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'footer', 'section', 'article',
  'tr', 'td', 'th', 'table', 'dd', 'dt', 'time', 'span', 'small', 'figcaption', 'blockquote', 'address', 'main',
]);

/** Class or id naming an element that holds the article's date or its byline. */
const DATE_ELEMENT = /date|datum|time|zeit|publi|posted|byline|dateline|meta|stand|info|autor|author/i;

/** Dated text in a date element is short; a long one is a paragraph that merely has such a class. */
const MAX_DATE_ELEMENT_CHARS = 200;

function attr(el: Element, name: string): string | undefined {
  const v = el.attribs[name];
  return v === undefined ? undefined : v.trim();
}

function classAndId(el: Element): string {
  return `${el.attribs.class ?? ''} ${el.attribs.id ?? ''}`;
}

/**
 * Visible text of an element, read only up to `maxChars` (nested date-classed wrappers would
 * otherwise make the walk quadratic on large pages); longer text comes back cut.
 */
function textOf(node: AnyNode, maxChars = MAX_DATE_ELEMENT_CHARS + 1): string {
  const parts: string[] = [];
  let length = 0;
  const stack: AnyNode[] = [node];
  while (stack.length > 0 && length < maxChars) {
    const n = stack.pop()!;
    if (n.type === 'text') {
      const folded = n.data.replace(/\s+/g, ' ');
      parts.push(folded);
      length += folded.length;
    } else if (n.type === 'tag' && !SKIPPED_TAGS.has((n as Element).name)) {
      const el = n as Element;
      // A block starts with a space, so "<p>a</p><p>b</p>" reads " a b", not "ab".
      if (BLOCK_TAGS.has(el.name)) parts.push(' ');
      for (let i = el.children.length - 1; i >= 0; i--) stack.push(el.children[i]!);
    }
  }
  return parts.join('').slice(0, maxChars);
}

export function gatherHtmlDateSources(doc: HtmlDocument): HtmlDateSources {
  const jsonLd: string[] = [];
  const scripts: string[] = [];
  const meta = new Map<string, string>();
  const itemprops: SourcedValue[] = [];
  const times: (SourcedValue & { marked: boolean })[] = [];
  const dateElements: SourcedValue[] = [];
  const textParts: string[] = [];
  let textLength = 0;
  let canonicalUrl: string | null = null;
  let headlineOffset: number | null = null;
  let htmlLang: string | null = null;

  // Whitespace is folded as it is added, so offsets into `text` measure visible characters.
  let lastChar = '\n';
  const pushText = (s: string) => {
    const folded =
      s === '\n' ? (lastChar === '\n' ? '' : s) : s.replace(/[\s\u00a0]+/g, ' ').replace(lastChar === '\n' || lastChar === ' ' ? /^ / : /^$/, '');
    if (folded === '') return;
    textParts.push(folded);
    textLength += folded.length;
    lastChar = folded[folded.length - 1]!;
  };


  const visit = (node: AnyNode, foreign: boolean): void => {
    if (node.type === 'text') {
      if (!foreign) pushText(node.data);
      return;
    }
    if (node.type === 'script') {
      const el = node as Element;
      (/ld\+json/i.test(attr(el, 'type') ?? '') ? jsonLd : scripts).push(textOf0(el));
      return;
    }
    if (node.type !== 'tag' && node.type !== 'root') return;
    const el = node as Element;
    if (node.type === 'tag') {
      const name = el.name;
      if (name === 'html') htmlLang = attr(el, 'lang') ?? attr(el, 'xml:lang') ?? null;
      if (name === 'meta') {
        const key = (attr(el, 'property') ?? attr(el, 'name') ?? attr(el, 'itemprop') ?? attr(el, 'http-equiv'))?.toLowerCase();
        const content = attr(el, 'content') ?? attr(el, 'datetime');
        if (key && content && !meta.has(key)) meta.set(key, content);
      }
      if (name === 'link' && canonicalUrl === null && (attr(el, 'rel') ?? '').toLowerCase() === 'canonical') {
        canonicalUrl = attr(el, 'href') ?? null;
      }
      if (SKIPPED_TAGS.has(name)) return;
      const region = classAndId(el);
      // A wrapper that holds the headline is the article's, whatever its class says ("mainwrap sidebar");
      // the check runs only for the few elements whose class names a foreign region.
      const inForeign = foreign || (FOREIGN_REGION.test(region) && !existsOne(isHeadline, el.children));
      const itemprop = attr(el, 'itemprop')?.toLowerCase();
      if (!inForeign && name !== 'meta' && (itemprop === 'datepublished' || itemprop === 'datecreated' || itemprop === 'datemodified')) {
        const value = attr(el, 'content') ?? attr(el, 'datetime') ?? textOf(el).trim();
        if (value) itemprops.push({ value, what: `itemprop ${itemprop}` });
      }
      if (!inForeign && name === 'time') {
        const value = attr(el, 'datetime') ?? textOf(el).trim();
        const marked = 'pubdate' in el.attribs || /publi|entry-date|post-date|created/i.test(region) || itemprop === 'datepublished';
        if (value) times.push({ value, what: 'time datetime', marked });
      }
      if (!inForeign && name === 'abbr' && /published/i.test(region) && attr(el, 'title')) {
        times.push({ value: attr(el, 'title')!, what: 'abbr.published title', marked: true });
      }
      if (!inForeign && name !== 'body' && name !== 'html' && DATE_ELEMENT.test(region)) {
        const text = textOf(el).replace(/\s+/g, ' ').trim();
        if (text.length > 0 && text.length <= MAX_DATE_ELEMENT_CHARS) {
          dateElements.push({ value: text, what: `element .${region.trim().split(/\s+/)[0]}` });
        }
      }
      if (headlineOffset === null && !inForeign && isHeadline(el)) headlineOffset = textLength;
      const block = BLOCK_TAGS.has(name);
      if (block && !inForeign) pushText('\n');
      for (const child of el.children) visit(child, inForeign);
      if (block && !inForeign) pushText('\n');
      return;
    }
    for (const child of el.children) visit(child, foreign);
  };
  visit(doc, false);

  return {
    jsonLd,
    scripts,
    meta,
    itemprops,
    times,
    dateElements,
    text: textParts.join(''),
    headlineOffset,
    canonicalUrl,
    htmlLang,
  };
}

/** The article's own headline: <h1>, or a blog's post title in an <h2>/<h3>. */
function isHeadline(el: Element): boolean {
  return el.name === 'h1' || attr(el, 'itemprop') === 'headline' || (/^h[23]$/.test(el.name) && HEADLINE_CLASS.test(classAndId(el)));
}

/** Raw text of a script element (its single text child). */
function textOf0(el: Element): string {
  return el.children.map((c) => (c.type === 'text' ? c.data : '')).join('');
}
