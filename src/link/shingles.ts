/**
 * Word shingles and their fingerprints: 32-bit hashes of k consecutive normalised tokens, and the
 * winnowing selection (Schleimer, Wilkerson, Aiken 2003) that keeps a few of them per window so
 * the index stays small while any shared run of at least k + w − 1 tokens is still found.
 */

/** FNV-1a over UTF-16 code units: fast, in-house, good enough spread for word-sized keys. */
export function hashToken(token: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < token.length; i++) {
    hash ^= token.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * Order-free fingerprint of a sentence: one hash of its distinct content terms, sorted. A sentence
 * reordered, inflected otherwise or with other function words keeps it ("Der Rat vertagt die
 * Sanierung" and "Die Sanierung vertagte der Rat"), so a retold article finds its source sentence by sentence.
 */
export function hashTermSet(terms: readonly string[]): number {
  return hashToken([...new Set(terms)].sort().join(' '));
}

/** murmur3's finaliser: spreads the bits of a combined value so winnowing's minimum is unbiased. */
function mixBits(value: number): number {
  let h = value;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Hash of every run of `shingleTokens` tokens; entry i covers tokens i … i + k − 1.
 * Empty when the text has fewer tokens than one shingle.
 */
export function hashShingles(norms: readonly string[], shingleTokens: number): Uint32Array {
  const count = Math.max(0, norms.length - shingleTokens + 1);
  const tokenHashes = Uint32Array.from(norms, hashToken);
  const shingles = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    let h = 0x9747b28c;
    for (let t = 0; t < shingleTokens; t++) h = mixBits((h ^ tokenHashes[i + t]!) + t);
    shingles[i] = h;
  }
  return shingles;
}

export interface Fingerprint {
  readonly hash: number;
  /** Index of the shingle (= of its first token). */
  readonly position: number;
}

/**
 * Winnowing: in every window of `windowShingles` consecutive shingles keep the minimum hash
 * (the rightmost one on ties), each selected position once. Texts shorter than a window keep
 * their minimum, so a short brief still gets a fingerprint.
 */
export function winnowFingerprints(shingles: Uint32Array, windowShingles: number): Fingerprint[] {
  const selected: Fingerprint[] = [];
  const window = Math.min(windowShingles, shingles.length);
  let lastPosition = -1;
  for (let start = 0; start + window <= shingles.length && window > 0; start++) {
    let best = start;
    for (let i = start + 1; i < start + window; i++) if (shingles[i]! <= shingles[best]!) best = i;
    if (best !== lastPosition) {
      selected.push({ hash: shingles[best]!, position: best });
      lastPosition = best;
    }
  }
  return selected;
}
