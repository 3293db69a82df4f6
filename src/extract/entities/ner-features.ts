/**
 * Features of each word of a sentence for the entity tagger, as hashed bucket numbers (no
 * feature strings are built, no regex runs per word). German capitalises every noun, so case
 * alone says little: the features lean on the words around, affixes, word shape and the
 * name lists. Training (scripts/train-ner.ts) and tagging share this one function, and
 * NER_FEATURE_VERSION names its output: a model trained on another version is refused.
 */
import { GAZETTEER_FLAG_NAMES, type Gazetteers } from './gazetteers.js';

/** Bump whenever a template changes; the model file records the version it was trained with. */
export const NER_FEATURE_VERSION = 2;
/** 2^21 buckets: the ~0.5 M distinct features of the training set rarely share one. */
export const NER_HASH_BITS = 21;
const BUCKET_MASK = (1 << NER_HASH_BITS) - 1;

/** Features of all words of one sentence: word i owns buckets[offsets[i] .. offsets[i + 1]). */
export interface SentenceFeatures {
  readonly offsets: Int32Array;
  readonly buckets: Uint32Array;
}

/** Template ids: the first thing hashed, so "word=Bank" and "next=Bank" land apart. */
enum Template {
  Bias = 1, Word, Lower, Shape, ShortShape, Prefix, Suffix, SentenceStart, Length,
  PrevLower, PrevPrevLower, NextLower, NextNextLower, PrevAndWord, WordAndNext, PrevShape, NextShape,
  ShapeTrigram, LastHyphenPart, FirstHyphenPart, Gazetteer, PrevGazetteer, NextGazetteer,
  GazetteerAndShape, PrevSuffix, NextSuffix, PrevPrevAndPrev, NextAndNextNext, InsideQuotes, AllCapsAndLength,
}

const SENTENCE_EDGE = '<s>';
const QUOTE_OPENERS: ReadonlySet<string> = new Set(['„', '"', '»', '«', '“', '‚']);
const MAX_AFFIX_CHARS = 5;
const NEVER = () => false;
/** About what a word gets (~50); the buffer grows past it when a word has many name-list flags. */
const EXPECTED_FEATURES_PER_WORD = 56;
const SEPARATOR = '\u0001';
const LENGTH_NAMES: readonly string[] = Array.from({ length: 13 }, (_, k) => String(k));

/**
 * `hidesWord(i)` (training only) leaves out the features that name word i itself, so the model
 * learns to find names it never saw from their context and form, as it must at run time.
 */
export function extractSentenceFeatures(
  words: readonly string[],
  gazetteers: Gazetteers,
  hidesWord: (wordIndex: number) => boolean = NEVER,
): SentenceFeatures {
  const n = words.length;
  const lower = words.map((w) => w.toLowerCase());
  const shapes = words.map(wordShape);
  const shortShapes = shapes.map(shortShape);
  const gazetteerFlags = gazetteers.flagWords(words);
  const offsets = new Int32Array(n + 1);
  const out = new BucketList(n * EXPECTED_FEATURES_PER_WORD);
  const lowerAt = (i: number) => (i >= 0 && i < n ? lower[i]! : SENTENCE_EDGE);
  const shapeAt = (i: number) => (i >= 0 && i < n ? shapes[i]! : SENTENCE_EDGE);
  const shortShapeAt = (i: number) => (i >= 0 && i < n ? shortShapes[i]! : SENTENCE_EDGE);
  let insideQuotes = false;

  for (let i = 0; i < n; i++) {
    offsets[i] = out.length;
    const word = words[i]!;
    const low = lower[i]!;
    const shape = shapes[i]!;
    const short = shortShapes[i]!;
    out.push(hash(Template.Bias, ''));
    if (!hidesWord(i)) {
      out.push(hash(Template.Word, word));
      out.push(hash(Template.Lower, low));
      out.push(hash2(Template.PrevAndWord, lowerAt(i - 1), low));
      out.push(hash2(Template.WordAndNext, low, lowerAt(i + 1)));
    }
    out.push(hash(Template.Shape, shape));
    out.push(hash(Template.ShortShape, short));
    for (let k = 1; k <= MAX_AFFIX_CHARS && k < low.length; k++) {
      out.push(toBucket(mix(startHash(Template.Prefix), low, 0, k)));
      out.push(toBucket(mix(startHash(Template.Suffix), low, low.length - k, low.length)));
    }
    out.push(hash(Template.Length, LENGTH_NAMES[Math.min(word.length, 12)]!));
    if (i === 0) out.push(hash(Template.SentenceStart, shape));
    out.push(hash(Template.PrevLower, lowerAt(i - 1)));
    out.push(hash(Template.PrevPrevLower, lowerAt(i - 2)));
    out.push(hash(Template.NextLower, lowerAt(i + 1)));
    out.push(hash(Template.NextNextLower, lowerAt(i + 2)));
    out.push(hash2(Template.PrevPrevAndPrev, lowerAt(i - 2), lowerAt(i - 1)));
    out.push(hash2(Template.NextAndNextNext, lowerAt(i + 1), lowerAt(i + 2)));
    out.push(hash(Template.PrevShape, shapeAt(i - 1)));
    out.push(hash(Template.NextShape, shapeAt(i + 1)));
    const previousShort = shortShapeAt(i - 1);
    out.push(toBucket(mix(mix(mix(mix(startHash(Template.ShapeTrigram), previousShort, 0, previousShort.length), short, 0, short.length), SEPARATOR, 0, 1), shortShapeAt(i + 1), 0, shortShapeAt(i + 1).length)));
    const previousLower = lowerAt(i - 1);
    const nextLower = lowerAt(i + 1);
    out.push(toBucket(mix(startHash(Template.PrevSuffix), previousLower, suffixStart(previousLower), previousLower.length)));
    out.push(toBucket(mix(startHash(Template.NextSuffix), nextLower, suffixStart(nextLower), nextLower.length)));
    if (shape.startsWith('XX')) out.push(hash(Template.AllCapsAndLength, LENGTH_NAMES[Math.min(word.length, 6)]!));
    const hyphen = word.indexOf('-');
    if (hyphen > 0 && hyphen < word.length - 1) {
      out.push(toBucket(mix(startHash(Template.LastHyphenPart), low, low.lastIndexOf('-') + 1, low.length)));
      out.push(toBucket(mix(startHash(Template.FirstHyphenPart), word, 0, hyphen)));
    }
    pushFlagFeatures(out, Template.Gazetteer, gazetteerFlags[i]!, short);
    if (i > 0) pushFlagFeatures(out, Template.PrevGazetteer, gazetteerFlags[i - 1]!, null);
    if (i + 1 < n) pushFlagFeatures(out, Template.NextGazetteer, gazetteerFlags[i + 1]!, null);
    if (insideQuotes) out.push(hash(Template.InsideQuotes, ''));
    if (QUOTE_OPENERS.has(word)) insideQuotes = !insideQuotes;
  }
  offsets[n] = out.length;
  return { offsets, buckets: out.toArray() };
}

/** A growable Uint32Array: a plain number[] would be copied once more at the end. */
class BucketList {
  private items: Uint32Array;
  length = 0;
  constructor(capacity: number) {
    this.items = new Uint32Array(Math.max(capacity, 16));
  }
  push(bucket: number): void {
    if (this.length === this.items.length) {
      const grown = new Uint32Array(this.items.length * 2);
      grown.set(this.items);
      this.items = grown;
    }
    this.items[this.length++] = bucket;
  }
  toArray(): Uint32Array {
    return this.items.subarray(0, this.length);
  }
}

function pushFlagFeatures(out: BucketList, template: Template, flags: number, shape: string | null): void {
  for (let bit = 0; flags >>> bit !== 0; bit++) {
    if ((flags >>> bit) & 1) {
      const name = GAZETTEER_FLAG_NAMES[bit]!;
      out.push(hash(template, name));
      if (shape !== null) out.push(hash2(Template.GazetteerAndShape, name, shape));
    }
  }
}

/**
 * "Osterweiterung" → "Xxxxxxxxxxxxxx" would be noise, so runs are capped at two:
 * "Xxx"; "NATO-Osterweiterung" → "XX-Xxx"; "2.000" → "dd.dd"; "4." → "d.".
 */
export function wordShape(word: string): string {
  let shape = '';
  let last = '';
  let run = 0;
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    let cls: string;
    if (code >= 0x30 && code <= 0x39) cls = 'd';
    else if (code >= 0x41 && code <= 0x5a) cls = 'X';
    else if (code >= 0x61 && code <= 0x7a) cls = 'x';
    else if (code >= 0xd800 && code <= 0xdfff) {
      // a surrogate pair (an emoji) is one character of its own class
      cls = word.slice(i, i + 2);
      i++;
    } else cls = classOf(word[i]!);
    run = cls === last ? run + 1 : 1;
    last = cls;
    if (run <= 2) shape += cls;
  }
  return shape;
}

/** Letters beyond ASCII ("Ä", "ß"): upper, lower, or themselves when caseless. */
function classOf(char: string): string {
  const lowerChar = char.toLowerCase();
  const upperChar = char.toUpperCase();
  return lowerChar === upperChar ? char : char === upperChar ? 'X' : 'x';
}

/** Shape with every run cut to one: "Xxx" → "Xx", "XX-Xxx" → "X-Xx". */
function shortShape(shape: string): string {
  let out = '';
  for (const c of shape) if (out[out.length - 1] !== c) out += c;
  return out;
}

/** Where a neighbour's three-letter suffix starts (the whole word when shorter). */
function suffixStart(lowerWord: string): number {
  return lowerWord.length > 3 ? lowerWord.length - 3 : 0;
}

/**
 * FNV-1a over the template id and then the value's UTF-16 units, folded into the bucket range.
 * Built up in pieces (startHash, mix, toBucket) so affixes and pairs hash without new strings.
 */
function startHash(template: Template): number {
  return Math.imul((0x811c9dc5 ^ template) >>> 0, 0x01000193);
}

function mix(h: number, value: string, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    h ^= value.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h;
}

function toBucket(h: number): number {
  return (h ^ (h >>> NER_HASH_BITS)) & BUCKET_MASK;
}

function hash(template: Template, value: string): number {
  return toBucket(mix(startHash(template), value, 0, value.length));
}

/** The pair hashes as "first\u0001second" would. */
function hash2(template: Template, first: string, second: string): number {
  return toBucket(mix(mix(mix(startHash(template), first, 0, first.length), SEPARATOR, 0, 1), second, 0, second.length));
}
