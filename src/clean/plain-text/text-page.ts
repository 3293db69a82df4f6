/** Plain text → Page. The seeds' format: the first line is the title, an optional " date …" header. */
import type { RawDocument } from '../../article.js';
import type { Page } from '../../page.js';

export function readTextPage(text: string, raw: RawDocument): Page {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const titleIndex = lines.findIndex((l) => l.trim() !== '');
  const title = raw.hints.title ?? (titleIndex >= 0 ? lines[titleIndex]!.trim() : null);
  const body = raw.hints.title ? lines : lines.slice(titleIndex + 1);
  return {
    origin: raw.origin,
    label: raw.label,
    format: 'text',
    title,
    text: body.join('\n').replace(/\n\s*\n+/g, '\n\n').trim(),
    published: raw.hints.published ? { value: raw.hints.published, evidence: 'input metadata' } : null,
    siteName: raw.hints.outlet ?? null,
    byline: null,
    declaredLanguage: raw.hints.language ?? null,
    sideTexts: [],
    messages: [],
  };
}
