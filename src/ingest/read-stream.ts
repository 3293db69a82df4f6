/** Reads a whole byte stream (stdin) under a size cap, so `cat huge.log | storytrace process -` stops early with a reason. */

/** The bytes, or null once they pass maxBytes (the rest is not read). */
export async function readCappedStream(stream: AsyncIterable<Uint8Array | string>, maxBytes: number): Promise<Uint8Array | null> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    total += bytes.length;
    if (total > maxBytes) return null;
    chunks.push(bytes);
  }
  return Buffer.concat(chunks);
}
