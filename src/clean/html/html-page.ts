/** HTML page → Page: metadata, then main text. */
import type { RawDocument } from '../../article.js';
import type { Page } from '../../page.js';

export function readHtmlPage(html: string, raw: RawDocument): Page {
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(html)?.[1]?.trim() ?? raw.hints.title ?? null;
  const text = html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, '')
    .replace(/<\/(p|div|h\d|li)>/gi, '\n\n')
    .replace(/<[^>]+>/g, '')
    .replace(/[ \t]+/g, ' ')
    .replace(/\n\s*\n+/g, '\n\n')
    .trim();
  return {
    origin: raw.origin,
    label: raw.label,
    format: 'html',
    title,
    text,
    published: null,
    siteName: raw.hints.outlet ?? null,
    byline: null,
    declaredLanguage: raw.hints.language ?? null,
    sideTexts: [],
    messages: [],
  };
}
