/**
 * Word-level differences between two passages, for the reader's side-by-side view: the longest
 * common subsequence of their words (compared without surrounding punctuation and case), then every
 * word of the first that is not in it is deleted and every word of the second is inserted.
 * src/link aligns passages by shingles (where a copy starts and ends), not word by word, so this is its own.
 */

export type DiffKind = 'same' | 'deleted' | 'inserted';

/** A run of text with the whitespace after it, so the pieces of one side joined give that side back. */
export interface DiffPiece {
  readonly kind: DiffKind;
  readonly text: string;
}

export interface WordDiff {
  /** The first passage cut into pieces: 'same' or 'deleted'. */
  readonly before: readonly DiffPiece[];
  /** The second passage cut into pieces: 'same' or 'inserted'. */
  readonly after: readonly DiffPiece[];
}

/**
 * Largest LCS table (words × words) computed: a reused passage is rarely over a few hundred words; a
 * longer middle after trimming the common start and end is shown as replaced whole rather than freezing the page.
 */
export const MAX_DIFF_CELLS = 1_000_000;

const WORD_WITH_SPACE = /\s*\S+\s*/gu;
const EDGE_PUNCTUATION = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;

export function diffWords(before: string, after: string): WordDiff {
  const a = before.match(WORD_WITH_SPACE) ?? [];
  const b = after.match(WORD_WITH_SPACE) ?? [];
  const keyA = a.map(comparable);
  const keyB = b.map(comparable);
  let head = 0;
  while (head < a.length && head < b.length && keyA[head] === keyB[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && keyA[a.length - 1 - tail] === keyB[b.length - 1 - tail]) tail++;
  const middle = commonSubsequence(keyA.slice(head, a.length - tail), keyB.slice(head, b.length - tail));
  const sameA = new Set(middle.map(([i]) => i + head));
  const sameB = new Set(middle.map(([, j]) => j + head));
  const inA = (i: number) => i < head || i >= a.length - tail || sameA.has(i);
  const inB = (j: number) => j < head || j >= b.length - tail || sameB.has(j);
  return { before: piecesOf(a, inA, 'deleted'), after: piecesOf(b, inB, 'inserted') };
}

/** A word as compared: "Brela," and "brela" are the same word; a word of punctuation only stays as it is. */
function comparable(word: string): string {
  const bare = word.trim().replace(EDGE_PUNCTUATION, '');
  return (bare === '' ? word.trim() : bare).toLowerCase();
}

/** Index pairs of one longest common subsequence; none when the table would be over MAX_DIFF_CELLS. */
function commonSubsequence(a: readonly string[], b: readonly string[]): [number, number][] {
  if (a.length === 0 || b.length === 0 || a.length * b.length > MAX_DIFF_CELLS) return [];
  const width = b.length + 1;
  // lengths[i * width + j]: LCS length of a[i..] and b[j..]
  const lengths = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lengths[i * width + j] = a[i] === b[j] ? lengths[(i + 1) * width + j + 1]! + 1 : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
    }
  }
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) pairs.push([i++, j++]);
    else if (lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!) i++;
    else j++;
  }
  return pairs;
}

/** Consecutive words of one kind joined into one piece. */
function piecesOf(words: readonly string[], kept: (index: number) => boolean, changed: DiffKind): DiffPiece[] {
  const pieces: { kind: DiffKind; text: string }[] = [];
  words.forEach((word, index) => {
    const kind = kept(index) ? 'same' : changed;
    const last = pieces.at(-1);
    if (last !== undefined && last.kind === kind) last.text += word;
    else pieces.push({ kind, text: word });
  });
  return pieces;
}
