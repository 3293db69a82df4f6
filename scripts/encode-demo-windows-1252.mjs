// Rebuilds the demo corpus's Windows-1252 article from its UTF-8 source, so the demo holds real
// 1252 bytes (0x84 „, 0x93 “, 0x80 €, 0xE4 ä) that the encoding sniffer in clean/encoding.ts must catch.
// Usage: node scripts/encode-demo-windows-1252.mjs
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';

const SOURCE_DIR = 'demo/windows-1252-source';
const CORPUS_DIR = 'demo/corpus';

for (const name of readdirSync(SOURCE_DIR).filter((n) => n.endsWith('.txt'))) {
  const text = readFileSync(join(SOURCE_DIR, name), 'utf8');
  const bytes = iconv.encode(text, 'windows-1252');
  // iconv-lite writes "?" for characters 1252 lacks; a silent "?" would corrupt the demo text
  if (iconv.decode(bytes, 'windows-1252') !== text) {
    throw new Error(`${name}: holds characters Windows-1252 cannot encode`);
  }
  writeFileSync(join(CORPUS_DIR, name), bytes);
  console.log(`${join(CORPUS_DIR, name)}: ${bytes.length} bytes of Windows-1252`);
}
