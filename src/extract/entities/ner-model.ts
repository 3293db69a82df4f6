/**
 * The entity tagger's model: BIO tags, hashed feature weights and tag-transition weights of an
 * averaged structured perceptron, the Viterbi search that decodes them, and the JSON file
 * format (ner.de.json) that scripts/train-ner.ts writes and the tagger reads.
 */
import { readFileSync } from 'node:fs';
import { NER_FEATURE_VERSION, NER_HASH_BITS, type SentenceFeatures } from './ner-features.js';

/** Tag 0 is outside; then B/I pairs per type, GermEval's outer classes (its *deriv and *part count as outside). */
export const NER_TAGS = ['O', 'B-PER', 'I-PER', 'B-LOC', 'I-LOC', 'B-ORG', 'I-ORG', 'B-OTH', 'I-OTH'] as const;
export type NerTag = (typeof NER_TAGS)[number];
/** Typed 9, not number: scoreWords unrolls its loop over the nine tags, so changing them must not compile silently. */
export const TAG_COUNT: 9 = NER_TAGS.length;
/** Row TAG_COUNT of the transition table scores the first tag of a sentence. */
export const START_ROW = TAG_COUNT;

export interface NerModelHeader {
  readonly about: string;
  readonly trainingData: string;
  readonly licence: string;
  readonly trainedAt: string;
  readonly rebuild: string;
  readonly featureVersion: number;
  readonly hashBits: number;
  readonly epochs: number;
  /**
   * Subtracted from the outside tag's score of every word. The perceptron is cautious with names
   * it never saw (precision 0.71, recall 0.55 cross-validated); this trades a little precision for
   * recall, chosen by cross-validation on the training set (scripts/train-ner.ts --folds).
   */
  readonly outsidePenalty: number;
}

/** What the file holds: weights quantised to int16 (scale per file) for the buckets that survived pruning. */
interface NerModelFile {
  readonly header: NerModelHeader;
  readonly tags: readonly string[];
  readonly weightScale: number;
  /** (TAG_COUNT + 1) × TAG_COUNT numbers, row = previous tag (last row: sentence start). */
  readonly transitions: readonly number[];
  /** Base64 of a Uint32Array: the kept buckets, ascending. */
  readonly buckets: string;
  /** Base64 of an Int16Array: TAG_COUNT weights per kept bucket, times weightScale. */
  readonly weights: string;
}

export interface NerModel {
  readonly header: NerModelHeader;
  /** Adds the weights of each word's features (and the outside penalty): emissions[i * TAG_COUNT + tag]. */
  scoreWords(features: SentenceFeatures, emissions: Float32Array): void;
  readonly transitions: Float32Array;
}

const DEFAULT_MODEL_URL = new URL('./ner.de.json', import.meta.url);

export function loadNerModel(url: URL = DEFAULT_MODEL_URL): NerModel {
  const file = JSON.parse(readFileSync(url, 'utf8')) as NerModelFile;
  if (file.header.featureVersion !== NER_FEATURE_VERSION || file.header.hashBits !== NER_HASH_BITS) {
    // our bug, not bad input: the shipped model must be retrained when the features change
    throw new Error(
      `${url.pathname} was trained on features v${file.header.featureVersion}/${file.header.hashBits} bits, ` +
        `the code computes v${NER_FEATURE_VERSION}/${NER_HASH_BITS}; rebuild it with \`${file.header.rebuild}\``,
    );
  }
  if (file.tags.join() !== NER_TAGS.join()) throw new Error(`${url.pathname} has tags ${file.tags.join()}, expected ${NER_TAGS.join()}`);
  const buckets = new Uint32Array(fromBase64(file.buckets));
  const quantised = new Int16Array(fromBase64(file.weights));
  const weights = new Float32Array(quantised.length);
  for (let k = 0; k < quantised.length; k++) weights[k] = quantised[k]! / file.weightScale;
  const rows = new BucketRows(buckets);
  return {
    header: file.header,
    transitions: Float32Array.from(file.transitions),
    scoreWords(features, emissions) {
      const n = features.offsets.length - 1;
      const penalty = file.header.outsidePenalty;
      // one accumulator per tag, written once per word: the tagger's hottest loop (nine tags, fixed)
      for (let i = 0; i < n; i++) {
        let o = -penalty, bPer = 0, iPer = 0, bLoc = 0, iLoc = 0, bOrg = 0, iOrg = 0, bOth = 0, iOth = 0;
        for (let f = features.offsets[i]!; f < features.offsets[i + 1]!; f++) {
          const row = rows.rowOf(features.buckets[f]!);
          if (row < 0) continue;
          const base = row * TAG_COUNT;
          o += weights[base]!;
          bPer += weights[base + 1]!;
          iPer += weights[base + 2]!;
          bLoc += weights[base + 3]!;
          iLoc += weights[base + 4]!;
          bOrg += weights[base + 5]!;
          iOrg += weights[base + 6]!;
          bOth += weights[base + 7]!;
          iOth += weights[base + 8]!;
        }
        const at = i * TAG_COUNT;
        emissions[at] = emissions[at]! + o;
        emissions[at + 1] = emissions[at + 1]! + bPer;
        emissions[at + 2] = emissions[at + 2]! + iPer;
        emissions[at + 3] = emissions[at + 3]! + bLoc;
        emissions[at + 4] = emissions[at + 4]! + iLoc;
        emissions[at + 5] = emissions[at + 5]! + bOrg;
        emissions[at + 6] = emissions[at + 6]! + iOrg;
        emissions[at + 7] = emissions[at + 7]! + bOth;
        emissions[at + 8] = emissions[at + 8]! + iOth;
      }
    },
  };
}

/**
 * Bucket → weight row, by open addressing at load factor ≤ 0.5: with ~70 k rows the table is
 * 1 MB and stays in cache, where a direct 2^21 table (8 MB) missed it on most features.
 */
class BucketRows {
  private readonly slots: Int32Array; // pairs (bucket, row); bucket -1 marks an empty slot
  private readonly shift: number;
  private readonly mask: number;

  constructor(buckets: Uint32Array) {
    const slotBits = Math.max(4, Math.ceil(Math.log2(buckets.length * 2)));
    this.shift = 32 - slotBits;
    this.mask = (1 << slotBits) - 1;
    this.slots = new Int32Array(2 << slotBits).fill(-1);
    buckets.forEach((bucket, row) => {
      let slot = this.firstSlot(bucket);
      while (this.slots[2 * slot] !== -1) slot = (slot + 1) & this.mask;
      this.slots[2 * slot] = bucket;
      this.slots[2 * slot + 1] = row;
    });
  }

  /** The row of `bucket`, or -1 when the model has no weights for it. */
  rowOf(bucket: number): number {
    let slot = this.firstSlot(bucket);
    for (;;) {
      const key = this.slots[2 * slot]!;
      if (key === bucket) return this.slots[2 * slot + 1]!;
      if (key === -1) return -1;
      slot = (slot + 1) & this.mask;
    }
  }

  private firstSlot(bucket: number): number {
    return Math.imul(bucket, 0x9e3779b1) >>> this.shift;
  }
}

/** Serialises trained (averaged) dense weights, keeping buckets whose largest |weight| reaches minWeight. */
export function encodeNerModel(
  header: NerModelHeader,
  denseWeights: Float32Array,
  transitions: Float32Array,
  minWeight: number,
): string {
  const kept: number[] = [];
  let maxAbs = 0;
  for (let bucket = 0; bucket < 1 << NER_HASH_BITS; bucket++) {
    let largest = 0;
    for (let t = 0; t < TAG_COUNT; t++) largest = Math.max(largest, Math.abs(denseWeights[bucket * TAG_COUNT + t]!));
    if (largest >= minWeight) {
      kept.push(bucket);
      maxAbs = Math.max(maxAbs, largest);
    }
  }
  const weightScale = Math.floor(32767 / Math.max(maxAbs, 1e-6));
  const quantised = new Int16Array(kept.length * TAG_COUNT);
  kept.forEach((bucket, row) => {
    for (let t = 0; t < TAG_COUNT; t++) quantised[row * TAG_COUNT + t] = Math.round(denseWeights[bucket * TAG_COUNT + t]! * weightScale);
  });
  const file: NerModelFile = {
    header,
    tags: NER_TAGS,
    weightScale,
    transitions: Array.from(transitions, (w) => Math.round(w * 1000) / 1000),
    buckets: Buffer.from(Uint32Array.from(kept).buffer).toString('base64'),
    weights: Buffer.from(quantised.buffer).toString('base64'),
  };
  return JSON.stringify(file, null, 1);
}

/**
 * Best BIO tag sequence under emission and transition scores. "I-X" may only follow "B-X" or
 * "I-X": the search never proposes a broken span, so every entity has a clean start.
 */
export function decodeBestTags(emissions: Float32Array, n: number, transitions: Float32Array): Uint8Array {
  const tags = new Uint8Array(n);
  if (n === 0) return tags;
  const score = new Float32Array(n * TAG_COUNT);
  const back = new Uint8Array(n * TAG_COUNT);
  for (let t = 0; t < TAG_COUNT; t++) {
    score[t] = allowed(START_ROW, t) ? transitions[START_ROW * TAG_COUNT + t]! + emissions[t]! : -Infinity;
  }
  for (let i = 1; i < n; i++) {
    for (let t = 0; t < TAG_COUNT; t++) {
      let best = -Infinity;
      let bestPrev = 0;
      for (let p = 0; p < TAG_COUNT; p++) {
        if (!allowed(p, t)) continue;
        const s = score[(i - 1) * TAG_COUNT + p]! + transitions[p * TAG_COUNT + t]!;
        if (s > best) {
          best = s;
          bestPrev = p;
        }
      }
      score[i * TAG_COUNT + t] = best + emissions[i * TAG_COUNT + t]!;
      back[i * TAG_COUNT + t] = bestPrev;
    }
  }
  let last = 0;
  for (let t = 1; t < TAG_COUNT; t++) if (score[(n - 1) * TAG_COUNT + t]! > score[(n - 1) * TAG_COUNT + last]!) last = t;
  for (let i = n - 1; i >= 0; i--) {
    tags[i] = last;
    last = back[i * TAG_COUNT + last]!;
  }
  return tags;
}

/** Inside tags are the even indices from 2; each must continue its own type's B or I. */
function allowed(previous: number, tag: number): boolean {
  if (tag === 0 || tag % 2 === 1) return true;
  return previous === tag || previous === tag - 1;
}

function fromBase64(text: string): ArrayBuffer {
  const bytes = Buffer.from(text, 'base64');
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
}
