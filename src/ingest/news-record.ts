/**
 * One news record as JSON Lines and JSON files carry it — `{id?, url?, title?, text?, html?,
 * published?, outlet?, language?}` — turned into a RawDocument with the fields as hints.
 */
import type { DocumentHints, RawDocument } from '../article.js';
import { failedDocument, makeDocument, type InputSource } from './input-source.js';

const HINT_FIELDS = ['title', 'published', 'outlet', 'language'] as const;

/** `where` names the record in messages ("line 7"); it is also its id when the record has none. */
export function documentFromNewsRecord(value: unknown, source: InputSource, where: string): RawDocument {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return failedDocument(source, { where }, 'not-a-record', `expected a JSON object {id?, url?, title?, text?, html?, …}, found ${describeJson(value)}; skipped`);
  }
  const record = value as Record<string, unknown>;
  const id = typeof record.id === 'string' || typeof record.id === 'number' ? String(record.id) : where;
  const url = typeof record.url === 'string' && record.url !== '' ? record.url : null;
  const place = { where, record: id, url };
  const html = typeof record.html === 'string' ? record.html : '';
  const text = typeof record.text === 'string' ? record.text : '';
  if (html.trim() === '' && text.trim() === '') {
    return failedDocument(source, place, 'empty-record', 'record has no "text" or "html" string; nothing to read');
  }
  const hints: Record<string, string> = {};
  for (const field of HINT_FIELDS) {
    const hint = record[field];
    if (typeof hint === 'string' && hint.trim() !== '') hints[field] = hint.trim();
  }
  // html wins when both are given: it still carries the structure (headings, captions) text has lost
  return html.trim() !== ''
    ? makeDocument(source, place, 'html', html, hints as DocumentHints)
    : makeDocument(source, place, 'text', text, hints as DocumentHints);
}

function describeJson(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}
