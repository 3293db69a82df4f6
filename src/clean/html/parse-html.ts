/** Parses untrusted HTML into a DOM tree (htmlparser2/domhandler) that metadata and main-text extraction share. */
import { parseDocument } from 'htmlparser2';
import type { Document, ParentNode } from 'domhandler';
import { diagnostic, type Diagnostic } from '../../diagnostic.js';

export type HtmlDocument = Document;

/** Caps that keep a hostile or broken page from exhausting memory or the stack; the page is never rendered. */
export interface HtmlParseLimits {
  /**
   * Characters of HTML parsed; the rest is cut with a warning. News pages are 50 KB–2 MB; 8 M chars
   * leaves room for inlined scripts and images while keeping one page's tree under ~200 MB.
   */
  readonly maxHtmlChars: number;
  /**
   * Element nesting kept; deeper children are dropped with a warning. Real pages nest 20–40 deep;
   * thousands of unclosed <div>s would otherwise turn every recursive walk into a stack overflow.
   */
  readonly maxDepth: number;
}

export const DEFAULT_HTML_PARSE_LIMITS: HtmlParseLimits = { maxHtmlChars: 8_000_000, maxDepth: 256 };

export interface ParsedHtml {
  readonly document: HtmlDocument;
  /** Warnings about what the caps cut off. */
  readonly messages: readonly Diagnostic[];
}

/** Parses with the caps applied, saying what was cut. */
export function parseHtmlWithLimits(html: string, limits: HtmlParseLimits = DEFAULT_HTML_PARSE_LIMITS): ParsedHtml {
  const messages: Diagnostic[] = [];
  let source = html;
  if (html.length > limits.maxHtmlChars) {
    source = html.slice(0, limits.maxHtmlChars);
    messages.push(
      diagnostic('warning', 'clean', 'html-truncated',
        `HTML is ${html.length} characters; only the first ${limits.maxHtmlChars} were read`),
    );
  }
  const document = parseDocument(source, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  const cut = cutDeepNesting(document, limits.maxDepth);
  if (cut > 0) {
    messages.push(
      diagnostic('warning', 'clean', 'html-too-deep',
        `HTML nests deeper than ${limits.maxDepth} elements (unclosed tags?); ${cut} deeper subtrees were dropped`),
    );
  }
  return { document, messages };
}

/** Parses with the default caps; for callers that only need the tree. */
export function parseHtml(html: string): HtmlDocument {
  return parseHtmlWithLimits(html).document;
}

/** Drops the children of nodes at `maxDepth`, walking iteratively (the tree may be deeper than the stack). Returns how many subtrees were cut. */
function cutDeepNesting(document: Document, maxDepth: number): number {
  let cut = 0;
  const stack: Array<{ node: ParentNode; depth: number }> = [{ node: document, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    for (const child of node.children) {
      if (!('children' in child) || child.children.length === 0) continue;
      if (depth + 1 >= maxDepth) {
        child.children = [];
        cut++;
      } else {
        stack.push({ node: child, depth: depth + 1 });
      }
    }
  }
  return cut;
}
