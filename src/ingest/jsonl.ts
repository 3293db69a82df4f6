/** JSON Lines (.jsonl, .ndjson): one news record per line; a broken line is named and skipped, the rest go in. */
import type { RawDocument } from '../article.js';
import { failedDocument, type InputSource } from './input-source.js';
import { documentFromNewsRecord } from './news-record.js';

/** Longest piece of a broken line quoted back in its message. */
const QUOTED_LINE_CHARS = 40;

export function readJsonLines(text: string, source: InputSource): RawDocument[] {
  const documents: RawDocument[] = [];
  const lines = text.split('\n');
  lines.forEach((rawLine, index) => {
    const line = rawLine.replace(/\r$/, '');
    if (line.trim() === '') return;
    const where = `line ${index + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      const quoted = line.length > QUOTED_LINE_CHARS ? `${line.slice(0, QUOTED_LINE_CHARS)}…` : line;
      documents.push(failedDocument(source, { where }, 'invalid-json', `invalid JSON (${(error as Error).message}): ${quoted}; line skipped`));
      return;
    }
    documents.push(documentFromNewsRecord(value, source, where));
  });
  return documents;
}
