/**
 * Gunzips an input under a size cap, keeping what a truncated stream still held: a WARC cut off by a
 * full disk loses its last record, not all of them.
 */
import { constants, gunzipSync } from 'node:zlib';

export type GunzipResult =
  | { readonly ok: true; readonly bytes: Uint8Array; readonly truncated: boolean }
  | { readonly ok: false; readonly reason: string; readonly rule: 'too-large' | 'bad-gzip' };

export function gunzipInput(bytes: Uint8Array, maxBytes: number): GunzipResult {
  try {
    return { ok: true, bytes: gunzipSync(bytes, { maxOutputLength: maxBytes }), truncated: false };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ERR_BUFFER_TOO_LARGE') {
      return { ok: false, rule: 'too-large', reason: `gzip content unpacks to more than the ${maxBytes}-byte limit; skipped` };
    }
    // Z_SYNC_FLUSH hands back everything decodable before the point where the stream broke off
    let partial: Uint8Array;
    try {
      partial = gunzipSync(bytes, { maxOutputLength: maxBytes, finishFlush: constants.Z_SYNC_FLUSH });
    } catch (partialError) {
      return { ok: false, rule: 'bad-gzip', reason: `not a readable gzip stream (${(partialError as Error).message}); skipped` };
    }
    if (partial.length === 0) {
      return { ok: false, rule: 'bad-gzip', reason: `gzip stream is broken before any content (${(error as Error).message}); skipped` };
    }
    return { ok: true, bytes: partial, truncated: true };
  }
}
