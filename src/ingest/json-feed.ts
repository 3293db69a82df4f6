/**
 * JSON inputs: a JSON Feed (jsonfeed.org, version 1 and 1.1) gives one document per item; a plain
 * news record or an array of them is read as JSON Lines records are.
 */
import type { DocumentHints, RawDocument } from '../article.js';
import { failedDocument, makeDocument, type InputSource } from './input-source.js';
import { documentFromNewsRecord } from './news-record.js';

type JsonObject = Record<string, unknown>;

export function readJsonInput(text: string, source: InputSource): RawDocument[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return [failedDocument(source, {}, 'invalid-json', `invalid JSON (${(error as Error).message}); skipped`)];
  }
  if (Array.isArray(value)) return value.map((record, index) => documentFromNewsRecord(record, source, `record ${index + 1}`));
  if (typeof value === 'object' && value !== null && Array.isArray((value as JsonObject).items)) {
    return readJsonFeed(value as JsonObject, source);
  }
  return [documentFromNewsRecord(value, source, 'record 1')];
}

function readJsonFeed(feed: JsonObject, source: InputSource): RawDocument[] {
  const feedLanguage = stringField(feed, 'language');
  return (feed.items as unknown[]).map((value, index) => {
    const where = `item ${index + 1}`;
    if (typeof value !== 'object' || value === null) {
      return failedDocument(source, { where }, 'not-a-record', 'JSON Feed item is not an object; skipped');
    }
    const item = value as JsonObject;
    const url = stringField(item, 'url') ?? stringField(item, 'external_url') ?? null;
    const record = stringField(item, 'id') ?? url ?? where;
    const hints: Record<string, string> = {};
    const title = stringField(item, 'title');
    if (title) hints.title = title;
    const published = stringField(item, 'date_published') ?? stringField(item, 'date_modified');
    if (published) hints.published = published;
    const language = stringField(item, 'language') ?? feedLanguage;
    if (language) hints.language = language;
    const place = { where, record, url };
    const html = stringField(item, 'content_html');
    if (html?.trim()) return makeDocument(source, place, 'html', html, hints as DocumentHints);
    const text = stringField(item, 'content_text') ?? stringField(item, 'summary');
    if (text?.trim()) return makeDocument(source, place, 'text', text, hints as DocumentHints);
    return makeDocument(source, place, 'text', '', hints as DocumentHints); // the clean stage names it: no text
  });
}

function stringField(object: JsonObject, name: string): string | undefined {
  const value = object[name];
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return undefined;
}
