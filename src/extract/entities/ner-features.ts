/**
 * Features of each word of a sentence for the entity tagger, as hashed bucket numbers (no
 * feature strings are built, no regex runs per word). German capitalises every noun, so case
 * alone says little: the features lean on the words around, affixes, word shape and the
 * name lists. Training (scripts/train-ner.ts) and tagging share this one function, and
 * NER_FEATURE_VERSION names its output: a model trained on another version is refused.
 */
import { GAZETTEER_FLAG_NAMES, type Gazetteers } from './gazetteers.js';

/** Bump whenever a template changes; the model file records the version it was trained with. */
export const NER_FEATURE_VERSION = 1;
/** 2^21 buckets: the ~0.5 M distinct features of the training set rarely share one. */
export const NER_HASH_BITS = 21;
const BUCKET_MASK = (1 << NER_HASH_BITS) - 1;

/** Features of all words of one sentence: word i owns buckets[offsets[i] .. offsets[i + 1]). */
export interface SentenceFeatures {
  readonly offsets: Int32Array;
  readonly buckets: Uint32Array;
}

/** Template ids: the first thing hashed, so "word=Bank" and "next=Bank" land apart. */
const enum Template {
  Bias = 1, Word, Lower, Shape, ShortShape, Prefix, Suffix, SentenceStart, Length,
  PrevLower, PrevPrevLower, NextLower, NextNextLower, PrevAndWord, WordAndNext, PrevShape, NextShape,
  ShapeTrigram, LastHyphenPart, FirstHyphenPart, Gazetteer, PrevGazetteer, NextGazetteer,
  GazetteerAndShape, PrevSuffix, NextSuffix, PrevPrevAndPrev, NextAndNextNext, InsideQuotes, AllCapsAndLength,
}

const SENTENCE_EDGE = '<s>';
const QUOTE_OPENERS: ReadonlySet<string> = new Set(['„', '"', '»', '«', '“', '‚']);
const MAX_AFFIX_CHARS = 5;
const NEVER = () => false;

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
  const gazetteerFlags = gazetteers.flagWords(words);
  const offsets = new Int32Array(n + 1);
  const out: number[] = [];
  const lowerAt = (i: number) => (i >= 0 && i < n ? lower[i]! : SENTENCE_EDGE);
  const shapeAt = (i: number) => (i >= 0 && i < n ? shapes[i]! : SENTENCE_EDGE);
  let insideQuotes = false;

  for (let i = 0; i < n; i++) {
    offsets[i] = out.length;
    const word = words[i]!;
    const low = lower[i]!;
    const shape = shapes[i]!;
    out.push(hash(Template.Bias, ''));
    if (!hidesWord(i)) {
      out.push(hash(Template.Word, word));
      out.push(hash(Template.Lower, low));
      out.push(hash2(Template.PrevAndWord, lowerAt(i - 1), low));
      out.push(hash2(Template.WordAndNext, low, lowerAt(i + 1)));
    }
    out.push(hash(Template.Shape, shape));
    out.push(hash(Template.ShortShape, shortShape(shape)));
    for (let k = 1; k <= MAX_AFFIX_CHARS && k < low.length; k++) {
      out.push(hash(Template.Prefix, low.slice(0, k)));
      out.push(hash(Template.Suffix, low.slice(-k)));
    }
    out.push(hash(Template.Length, String(Math.min(word.length, 12))));
    if (i === 0) out.push(hash(Template.SentenceStart, shape));
    out.push(hash(Template.PrevLower, lowerAt(i - 1)));
    out.push(hash(Template.PrevPrevLower, lowerAt(i - 2)));
    out.push(hash(Template.NextLower, lowerAt(i + 1)));
    out.push(hash(Template.NextNextLower, lowerAt(i + 2)));
    out.push(hash2(Template.PrevPrevAndPrev, lowerAt(i - 2), lowerAt(i - 1)));
    out.push(hash2(Template.NextAndNextNext, lowerAt(i + 1), lowerAt(i + 2)));
    out.push(hash(Template.PrevShape, shapeAt(i - 1)));
    out.push(hash(Template.NextShape, shapeAt(i + 1)));
    out.push(hash2(Template.ShapeTrigram, shortShape(shapeAt(i - 1)) + shortShape(shape), shortShape(shapeAt(i + 1))));
    out.push(hash(Template.PrevSuffix, suffixOf(lowerAt(i - 1))));
    out.push(hash(Template.NextSuffix, suffixOf(lowerAt(i + 1))));
    if (shape.startsWith('XX')) out.push(hash(Template.AllCapsAndLength, String(Math.min(word.length, 6))));
    const hyphen = word.indexOf('-');
    if (hyphen > 0 && hyphen < word.length - 1) {
      out.push(hash(Template.LastHyphenPart, low.slice(low.lastIndexOf('-') + 1)));
      out.push(hash(Template.FirstHyphenPart, word.slice(0, hyphen)));
    }
    pushFlagFeatures(out, Template.Gazetteer, gazetteerFlags[i]!, shortShape(shape));
    if (i > 0) pushFlagFeatures(out, Template.PrevGazetteer, gazetteerFlags[i - 1]!, null);
    if (i + 1 < n) pushFlagFeatures(out, Template.NextGazetteer, gazetteerFlags[i + 1]!, null);
    if (insideQuotes) out.push(hash(Template.InsideQuotes, ''));
    if (QUOTE_OPENERS.has(word)) insideQuotes = !insideQuotes;
  }
  offsets[n] = out.length;
  return { offsets, buckets: Uint32Array.from(out) };
}

function pushFlagFeatures(out: number[], template: Template, flags: number, shape: string | null): void {
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
  for (const char of word) {
    const lowerChar = char.toLowerCase();
    const upperChar = char.toUpperCase();
    const cls =
      char >= '0' && char <= '9' ? 'd'
      : lowerChar !== upperChar ? (char === upperChar ? 'X' : 'x')
      : char;
    run = cls === last ? run + 1 : 1;
    last = cls;
    if (run <= 2) shape += cls;
  }
  return shape;
}

/** Shape with every run cut to one: "Xxx" → "Xx", "XX-Xxx" → "X-Xx". */
function shortShape(shape: string): string {
  let out = '';
  for (const c of shape) if (out[out.length - 1] !== c) out += c;
  return out;
}

function suffixOf(lowerWord: string): string {
  return lowerWord.length > 3 ? lowerWord.slice(-3) : lowerWord;
}

/** FNV-1a over the template id and the value's UTF-16 units, folded into the bucket range. */
function hash(template: Template, value: string): number {
  let h = (0x811c9dc5 ^ template) >>> 0;
  h = Math.imul(h, 0x01000193);
  for (let i = 0; i < value.length; i++) {
    h ^= value.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h ^ (h >>> NER_HASH_BITS)) & BUCKET_MASK;
}

function hash2(template: Template, first: string, second: string): number {
  return hash(template, first + '\u0001' + second);
}
