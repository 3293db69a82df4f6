import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diffWords, MAX_DIFF_CELLS, type DiffPiece } from '../../web/src/word-diff.js';

const joined = (pieces: readonly DiffPiece[]) => pieces.map((p) => p.text).join('');
const changed = (pieces: readonly DiffPiece[]) => pieces.filter((p) => p.kind !== 'same').map((p) => p.text.trim());

test('word diff: an edited copy marks the dropped words deleted and the new ones inserted; each side joins back to its text', () => {
  const source = 'Die Außenminister unterzeichneten das Papier am Freitag in der Hafenstadt Brela.';
  const copy = 'Die beiden Außenminister unterzeichneten das Abkommen am Freitag in Brela.';
  const diff = diffWords(source, copy);
  assert.equal(joined(diff.before), source);
  assert.equal(joined(diff.after), copy);
  assert.deepEqual(changed(diff.before), ['Papier', 'der Hafenstadt']);
  assert.deepEqual(changed(diff.after), ['beiden', 'Abkommen']);
  assert.ok(diff.before.every((p) => p.kind !== 'inserted') && diff.after.every((p) => p.kind !== 'deleted'));
});

test('word diff: case and punctuation next to a word do not count as a change; identical passages have none', () => {
  const diff = diffWords('Brela, am Freitag: Einigung', 'brela am Freitag Einigung.');
  assert.deepEqual(changed(diff.before), []);
  assert.deepEqual(changed(diff.after), []);
  assert.deepEqual(diffWords('Gleicher Text.', 'Gleicher Text.').after, [{ kind: 'same', text: 'Gleicher Text.' }]);
});

test('word diff: a middle too long to compare word by word is shown replaced whole, the common start and end kept', () => {
  const words = Math.ceil(Math.sqrt(MAX_DIFF_CELLS)) + 10;
  const middleA = Array.from({ length: words }, (_, i) => `a${i}`).join(' ');
  const middleB = Array.from({ length: words }, (_, i) => `b${i}`).join(' ');
  const diff = diffWords(`Anfang gleich ${middleA} Ende gleich`, `Anfang gleich ${middleB} Ende gleich`);
  assert.deepEqual(diff.before.map((p) => p.kind), ['same', 'deleted', 'same']);
  assert.deepEqual(diff.after.map((p) => p.kind), ['same', 'inserted', 'same']);
  assert.equal(diff.before[1]!.text.trim(), middleA);
});
