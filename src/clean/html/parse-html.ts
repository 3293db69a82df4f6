/** Parses untrusted HTML into a DOM tree (htmlparser2/domhandler) that metadata and main-text extraction share. */
import { parseDocument } from 'htmlparser2';
import type { Document } from 'domhandler';

export type HtmlDocument = Document;

export function parseHtml(html: string): HtmlDocument {
  return parseDocument(html, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
}
