/**
 * Bytes → NFC text. The evidence is weighed in the order a browser weighs it: byte-order mark, a
 * charset declared outside the bytes (HTTP Content-Type, XML declaration), a <meta> charset in the
 * first 2 KB, then the bytes themselves: valid UTF-8, else Windows-1252 (what older German sites
 * really send). Binary input is refused with a reason.
 */
import iconv from 'iconv-lite';
import type { RawDocument } from '../article.js';
import { diagnostic, type Diagnostic } from '../diagnostic.js';

export interface DecodedContent {
  /** null when the content could not be read as text (a fatal message says why). */
  readonly text: string | null;
  /** WHATWG name of the encoding used ("utf-8", "windows-1252"), null when the content was already text. */
  readonly charset: string | null;
  readonly messages: readonly Diagnostic[];
}

export interface DecodeHints {
  /** Charset stated outside the bytes: HTTP Content-Type or a feed's XML declaration. */
  readonly declaredCharset?: string | undefined;
  /** Look for <meta charset> / http-equiv in the first bytes (HTML only). */
  readonly html?: boolean;
}

/** The HTML spec's prescan reads 1024 bytes; pages with long <head> comments put <meta> later, so we read 2 KB. */
const META_PRESCAN_BYTES = 2048;
/** Enough bytes to judge whether an input is binary without reading a 50 MB file twice. */
const BINARY_SNIFF_BYTES = 8192;
/**
 * Share of control bytes (other than tab, newline, carriage return, form feed, escape) above which an
 * input is binary. Text with a stray \x0b or \x1a stays well under 1%; JPEG, PDF or ZIP bytes run
 * around 10–20% even without a NUL in the sniffed window.
 */
const BINARY_CONTROL_RATIO = 0.05;

const META_CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i;
const XML_DECLARED_ENCODING = /^<\?xml[^>]*\sencoding\s*=\s*["']([\w.:-]+)["']/;
/**
 * UTF-8 read as Windows-1252 and saved again: "GrÃ¶ÃŸe" for "Größe", "â€ž" for „. Each alternative is
 * the 1252 reading of one UTF-8 lead byte (C3 = Ã, C2 = Â, E2 80 = â€) followed by a continuation byte.
 */
const MOJIBAKE_SEQUENCE = /Ã[\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]|â€[\u0080-\u00bf\u0152-\u203a\u20ac\u2122]|Â[\u00a0-\u00bf]/g;
/**
 * C1 control characters (U+0080–U+009F) never belong in news text; where they occur, a Windows-1252
 * byte was copied into Unicode as its code point (U+0093 for “). Read them as 1252, as ftfy does.
 */
const C1_CONTROL = /[\u0080-\u009f]/g;
/** Two mojibake sequences are needed before we repair: one "Ã©" can be a real name. */
const MIN_MOJIBAKE_SEQUENCES = 2;

/** Decodes what ingest/ read: bytes are decoded, strings (JSONL, feed items) only normalised. */
export function decodeContent(raw: RawDocument): DecodedContent {
  if (typeof raw.content === 'string') return finish(raw.content, null, []);
  return decodeBytes(raw.content, { declaredCharset: raw.hints.charset, html: raw.format === 'html' });
}

export function decodeBytes(bytes: Uint8Array, hints: DecodeHints = {}): DecodedContent {
  const bom = findByteOrderMark(bytes);
  if (bom) return finish(new TextDecoder(bom.charset).decode(bytes.subarray(bom.length)), bom.charset, []);
  if (looksBinary(bytes)) {
    return {
      text: null,
      charset: null,
      messages: [diagnostic('fatal', 'clean', 'binary-content', 'binary data (NUL or control bytes), not text; skipped')],
    };
  }
  const messages: Diagnostic[] = [];
  const declared = hints.declaredCharset ?? (hints.html ? findMetaCharset(bytes) : findXmlDeclaredCharset(bytes));
  if (declared) {
    const charset = knownCharset(declared);
    if (charset === null) {
      messages.push(diagnostic('warning', 'clean', 'unknown-charset', `declared charset "${declared}" is unknown; guessing from the bytes`));
    } else {
      return decodeDeclared(bytes, charset, messages);
    }
  }
  return decodeUndeclared(bytes, messages);
}

/** True when the bytes are no text in any encoding we read: a NUL, or many control bytes, near the start. */
export function looksBinary(bytes: Uint8Array): boolean {
  if (findByteOrderMark(bytes)?.charset.startsWith('utf-16')) return false;
  const window = bytes.subarray(0, BINARY_SNIFF_BYTES);
  let control = 0;
  for (const byte of window) {
    if (byte === 0) return true;
    // \t \n \f \r and ESC (ISO-2022 escapes) occur in text
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d && byte !== 0x1b) control += 1;
  }
  return window.length > 0 && control / window.length > BINARY_CONTROL_RATIO;
}

function decodeDeclared(bytes: Uint8Array, charset: string, messages: Diagnostic[]): DecodedContent {
  const utf8 = readUtf8(bytes);
  if (charset === 'utf-8') {
    if (utf8.valid || utf8.multiByteSequences > 0) return finish(utf8.text, 'utf-8', messages);
    // declared UTF-8 but not one valid multi-byte sequence: a Windows-1252 file with a copied-in <meta>
    messages.push(diagnostic('warning', 'clean', 'charset-mismatch', 'declared UTF-8 but the bytes are Windows-1252; read as Windows-1252'));
    return finish(decodeAs(bytes, 'windows-1252'), 'windows-1252', messages);
  }
  // A single-byte charset declared over valid UTF-8 with umlauts: the page was converted and the
  // <meta> was not. Random Windows-1252 text is almost never valid multi-byte UTF-8.
  if (isSingleByteLatin(charset) && utf8.valid && utf8.multiByteSequences > 0) {
    messages.push(diagnostic('info', 'clean', 'charset-mismatch', `declared ${charset} but the bytes are valid UTF-8; read as UTF-8`));
    return finish(utf8.text, 'utf-8', messages);
  }
  return finish(decodeAs(bytes, charset), charset, messages);
}

function decodeUndeclared(bytes: Uint8Array, messages: Diagnostic[]): DecodedContent {
  const utf8 = readUtf8(bytes);
  // Mostly UTF-8 with a stray bad byte (a truncated paste) is still UTF-8: keep the good umlauts.
  if (utf8.valid || utf8.multiByteSequences > utf8.invalidSequences) {
    if (!utf8.valid) {
      messages.push(diagnostic('warning', 'clean', 'invalid-utf8', `${utf8.invalidSequences} invalid UTF-8 sequence(s) replaced with �`));
    }
    return repairMojibake(utf8.text, 'utf-8', messages);
  }
  messages.push(diagnostic('info', 'clean', 'encoding-guessed', 'no charset declared and not UTF-8; read as Windows-1252'));
  return finish(decodeAs(bytes, 'windows-1252'), 'windows-1252', messages);
}

/** "GrÃ¶ÃŸe" → "Größe" when the whole text round-trips through Windows-1252 back to valid UTF-8. */
function repairMojibake(text: string, charset: string, messages: Diagnostic[]): DecodedContent {
  const found = text.match(MOJIBAKE_SEQUENCE)?.length ?? 0;
  if (found < MIN_MOJIBAKE_SEQUENCES) return finish(text, charset, messages);
  const bytes = encodeWindows1252(text);
  if (bytes === null) return finish(text, charset, messages);
  const repaired = readUtf8(bytes);
  if (!repaired.valid) return finish(text, charset, messages);
  messages.push(diagnostic('warning', 'clean', 'mojibake-repaired', `${found} UTF-8 sequences had been read as Windows-1252 ("Ã¶" for "ö"); repaired`));
  return finish(repaired.text, charset, messages);
}

/** Windows-1252 bytes for text, or null when a character has no 1252 byte (then it was not mojibake). */
function encodeWindows1252(text: string): Uint8Array | null {
  const table = windows1252Table();
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const byte = table.get(text.charCodeAt(i));
    if (byte === undefined) return null;
    bytes[i] = byte;
  }
  return bytes;
}

function windows1252Table(): Map<number, number> {
  const table = new Map<number, number>();
  for (let byte = 0; byte < 256; byte++) {
    const char = decodeAs(Uint8Array.of(byte), 'windows-1252');
    // the five bytes 1252 leaves undefined (81 8D 8F 90 9D) round-trip as C1 controls, as in WHATWG
    table.set(char === '\ufffd' ? byte : char.charCodeAt(0), byte);
  }
  return table;
}

interface Utf8Reading {
  readonly text: string;
  readonly valid: boolean;
  readonly multiByteSequences: number;
  readonly invalidSequences: number;
}

function readUtf8(bytes: Uint8Array): Utf8Reading {
  const text = new TextDecoder('utf-8').decode(bytes);
  let multiByteSequences = 0;
  let invalidSequences = 0;
  for (const char of text) {
    if (char === '\ufffd') invalidSequences += 1;
    else if (char.codePointAt(0)! > 0x7f) multiByteSequences += 1;
  }
  // a real U+FFFD in valid UTF-8 is EF BF BD; count only replacements the decoder made
  if (invalidSequences > 0) {
    const honest = countReplacementCharBytes(bytes);
    invalidSequences -= honest;
    multiByteSequences += honest;
  }
  return { text, valid: invalidSequences === 0, multiByteSequences, invalidSequences };
}

function countReplacementCharBytes(bytes: Uint8Array): number {
  let count = 0;
  for (let i = 0; i + 2 < bytes.length; i++) {
    if (bytes[i] === 0xef && bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd) count += 1;
  }
  return count;
}

function findByteOrderMark(bytes: Uint8Array): { charset: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { charset: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { charset: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { charset: 'utf-16be', length: 2 };
  return null;
}

function findMetaCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, META_PRESCAN_BYTES));
  return META_CHARSET.exec(head)?.[1];
}

/** Charset in an XML declaration: `<?xml version="1.0" encoding="ISO-8859-1"?>`. */
export function findXmlDeclaredCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, 200));
  return XML_DECLARED_ENCODING.exec(head.trimStart())?.[1];
}

/** WHATWG name for a label ("latin1" → "windows-1252"), or null when TextDecoder does not know it. */
function knownCharset(label: string): string | null {
  try {
    return new TextDecoder(label.trim().toLowerCase()).encoding;
  } catch {
    return null; // RangeError: not an encoding label; the caller says so
  }
}

function isSingleByteLatin(charset: string): boolean {
  return charset === 'windows-1252' || charset.startsWith('iso-8859-') || charset.startsWith('windows-125');
}

/**
 * Node 20's TextDecoder reads "windows-1252" (and so every Latin-1 label) as ISO-8859-1, turning
 * „ “ – € into C1 control characters; iconv-lite has the real 1252 table.
 */
function decodeAs(bytes: Uint8Array, charset: string): string {
  return charset === 'windows-1252' ? iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), charset) : new TextDecoder(charset).decode(bytes);
}

function finish(text: string, charset: string | null, messages: readonly Diagnostic[]): DecodedContent {
  const repaired = text.replace(C1_CONTROL, (char) => decodeAs(Uint8Array.of(char.charCodeAt(0)), 'windows-1252').replace('\ufffd', char));
  return { text: repaired.normalize('NFC'), charset, messages };
}
