/**
 * An inverted index from 32-bit keys (shingle fingerprints, stem hashes) to the articles holding
 * them, in typed arrays: open addressing for the keys, linked postings for the articles. At 100,000
 * articles this holds tens of millions of postings in a few hundred MB, where a Map of arrays
 * would need gigabytes. Each key also counts the articles it occurs in (its document frequency),
 * and stops storing postings past `maxPostingsPerKey`: such keys are too common to tell articles apart.
 */

export interface PostingsTable {
  /** Records that article `articleIndex` holds `key` at `position`; call once per key and article. */
  add(key: number, articleIndex: number, position: number): void;
  /** How many articles hold `key` (counted even after its postings stopped being stored). */
  articleCount(key: number): number;
  /** Calls `visit` for each stored posting of `key`, newest first, for at most `limit` of them. */
  forEachPosting(key: number, visit: (articleIndex: number, position: number) => void, limit?: number): void;
  readonly postingCount: number;
}

const EMPTY = -1;
/** A used key whose postings were never stored (its first occurrence came past the cap). */
const NO_POSTINGS = -2;
/** Keep the key table at most half full so probe runs stay short. */
const MAX_LOAD = 0.5;

export function makePostingsTable(maxPostingsPerKey: number, initialKeys = 1 << 16): PostingsTable {
  let capacity = 1 << Math.ceil(Math.log2(Math.max(16, initialKeys / MAX_LOAD)));
  let keys = new Uint32Array(capacity);
  let heads = new Int32Array(capacity).fill(EMPTY); // a used key's slot holds its newest posting or NO_POSTINGS
  let counts = new Uint32Array(capacity);
  let keyCount = 0;

  let postingArticles = new Int32Array(1 << 16);
  let postingPositions = new Int32Array(1 << 16);
  let postingNext = new Int32Array(1 << 16);
  let postingCount = 0;

  /** Keys are taken modulo 2³², as the key table stores them. */
  function slotOf(anyKey: number): number {
    const key = anyKey >>> 0;
    let slot = (Math.imul(key, 0x9e3779b1) >>> 0) & (capacity - 1);
    while (heads[slot] !== EMPTY && keys[slot] !== key) slot = (slot + 1) & (capacity - 1);
    return slot;
  }

  function growKeys(): void {
    const oldKeys = keys;
    const oldHeads = heads;
    const oldCounts = counts;
    capacity *= 2;
    keys = new Uint32Array(capacity);
    heads = new Int32Array(capacity).fill(EMPTY);
    counts = new Uint32Array(capacity);
    for (let i = 0; i < oldKeys.length; i++) {
      if (oldHeads[i] === EMPTY) continue;
      const slot = slotOf(oldKeys[i]!);
      keys[slot] = oldKeys[i]!;
      heads[slot] = oldHeads[i]!;
      counts[slot] = oldCounts[i]!;
    }
  }

  function growPostings(): void {
    const size = postingArticles.length * 2;
    const grow = (old: Int32Array) => {
      const next = new Int32Array(size);
      next.set(old);
      return next;
    };
    postingArticles = grow(postingArticles);
    postingPositions = grow(postingPositions);
    postingNext = grow(postingNext);
  }

  return {
    add(key, articleIndex, position) {
      let slot = slotOf(key);
      if (heads[slot] === EMPTY) {
        if ((keyCount + 1) / capacity > MAX_LOAD) {
          growKeys();
          slot = slotOf(key);
        }
        keys[slot] = key >>> 0;
        heads[slot] = NO_POSTINGS;
        keyCount++;
      }
      counts[slot]!++;
      if (counts[slot]! > maxPostingsPerKey) return;
      if (postingCount === postingArticles.length) growPostings();
      postingArticles[postingCount] = articleIndex;
      postingPositions[postingCount] = position;
      postingNext[postingCount] = heads[slot]!;
      heads[slot] = postingCount++;
    },
    articleCount(key) {
      const slot = slotOf(key);
      return heads[slot] === EMPTY ? 0 : counts[slot]!;
    },
    forEachPosting(key, visit, limit = Infinity) {
      const slot = slotOf(key);
      if (heads[slot] === EMPTY) return;
      let left = limit;
      for (let p = heads[slot]!; p >= 0 && left > 0; p = postingNext[p]!, left--) visit(postingArticles[p]!, postingPositions[p]!);
    },
    get postingCount() {
      return postingCount;
    },
  };
}
