import { test } from 'node:test';
import assert from 'node:assert/strict';
import { alignPassages, shingleText, DEFAULT_PASSAGE_OPTIONS } from '../../src/link/align-passages.js';
import { inventedParagraph, readCase, readExpected } from './fixtures.js';

const shingled = (text: string) => shingleText(text, DEFAULT_PASSAGE_OPTIONS.shingleTokens);

test('an identical copy is one passage over both whole texts', () => {
  const text = readCase('near-verbatim-edited-reordered', 'a.txt').trimEnd();
  const passages = alignPassages(shingled(text), shingled(text));
  assert.equal(passages.length, 1);
  assert.deepEqual(passages[0]!.a, { start: 0, end: text.length });
  assert.deepEqual(passages[0]!.b, { start: 0, end: text.length });
  assert.equal(passages[0]!.matchedTokens, passages[0]!.aTokens);
});

test('an edited copy with a moved paragraph gives several passages with exact offsets in both texts', () => {
  const a = readCase('near-verbatim-edited-reordered', 'a.txt');
  const b = readCase('near-verbatim-edited-reordered', 'b.txt');
  const expected = readExpected<{ withInB: string[]; withoutInA: string[]; minPassages: number }>('near-verbatim-edited-reordered');
  const passages = alignPassages(shingled(a), shingled(b));
  assert.ok(passages.length >= expected.minPassages, `${passages.length} passages`);
  const inB = passages.map((p) => b.slice(p.b.start, p.b.end));
  for (const phrase of expected.withInB) assert.ok(inB.some((s) => s.includes(phrase)), `not covered in b: ${phrase}`);
  for (const phrase of expected.withoutInA) assert.ok(passages.every((p) => !a.slice(p.a.start, p.a.end).includes(phrase)));
  for (const p of passages) {
    const sliceA = a.slice(p.a.start, p.a.end);
    const sliceB = b.slice(p.b.start, p.b.end);
    // each passage starts and ends on the same words in both texts
    assert.equal(sliceA.split(' ')[0], sliceB.split(' ')[0]);
    assert.equal(sliceA.split(' ').at(-1), sliceB.split(' ').at(-1));
  }
  // the edit ("mehrstündigen" → "langen") stays inside one passage rather than cutting it in two
  const edited = passages.find((p) => a.slice(p.a.start, p.a.end).includes('mehrstündigen'));
  assert.ok(edited !== undefined && b.slice(edited.b.start, edited.b.end).includes('langen'));
  assert.ok(edited.matchedTokens < edited.aTokens);
});

test('texts sharing no run of words give no passage', () => {
  const a = readCase('unrelated-same-topic', 'a.txt');
  const b = readCase('unrelated-same-topic', 'b.txt');
  assert.deepEqual(alignPassages(shingled(a), shingled(b)), []);
});

test('a short shared phrase is below the minimum passage length', () => {
  const a = 'Mehr zum Thema – Brand in Saalheim: Feuerwehr im Großeinsatz am Morgen.';
  const b = 'Mehr zum Thema – Brand in Saalheim: Polizei ermittelt wegen Brandstiftung.';
  assert.deepEqual(alignPassages(shingled(a), shingled(b)), []);
  assert.equal(alignPassages(shingled(a), shingled(b), { ...DEFAULT_PASSAGE_OPTIONS, minPassageChars: 10 }).length, 1);
});

test('two articles that are one sentence repeated give a bounded number of passages', () => {
  const sentence = 'Die Lage an der Grenze bleibt nach Angaben der Behörden weiterhin angespannt. ';
  const a = sentence.repeat(3000);
  const b = `Vorspann ohne Bezug. ${sentence.repeat(2000)}`;
  const passages = alignPassages(shingled(a), shingled(b));
  // repeated shingles are no seeds: no quadratic pairing of every copy with every copy
  assert.ok(passages.length <= 2, `${passages.length} passages`);
});

test('a 1 MB article against a copy of one of its paragraphs gives that paragraph once', () => {
  const paragraphs = Array.from({ length: 5000 }, (_, i) => inventedParagraph(i));
  const big = paragraphs.join('\n\n');
  assert.ok(big.length > 1_000_000);
  const needle = `Ein Blog zitiert: ${paragraphs[4321]} Dazu kein Kommentar.`;
  const passages = alignPassages(shingled(big), shingled(needle));
  assert.equal(passages.length, 1);
  assert.equal(big.slice(passages[0]!.a.start, passages[0]!.a.end), paragraphs[4321]);
});
