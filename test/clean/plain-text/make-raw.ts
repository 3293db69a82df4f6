/** Builds a RawDocument by hand for the plain-text tests, as spaCy's tests build a Doc. */
import type { DocumentHints, RawDocument } from '../../../src/article.js';

export function makeRawText(content: string, hints: DocumentHints = {}): RawDocument {
  return {
    origin: { path: 'fixture.txt', url: null, record: null, segment: null },
    format: 'text',
    content,
    hints,
    label: 'fixture.txt',
    messages: [],
  };
}
