import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ATTRIBUTION_BEFORE_PASSAGE_DE, decideVerbatimKind, shareAgencyCredit } from '../../src/link/link-kind.js';
import type { Passage } from '../../src/link/align-passages.js';

test('the attribution pattern matches a reporting verb, a source and a colon right before the passage', () => {
  for (const before of ['Weiter berichtet RT DE: "', 'Die "Welt" schrieb dazu: „', 'Es heißt bei Reuters: ', 'so das Ministerium: ']) {
    assert.match(before, ATTRIBUTION_BEFORE_PASSAGE_DE, before);
  }
  for (const before of ['Die Regierung berichtet über neue Zahlen. ', 'Er sagte: ', 'Mehr zum Thema: ']) {
    assert.doesNotMatch(before, ATTRIBUTION_BEFORE_PASSAGE_DE, before);
  }
});

const passage = (fields: Partial<Passage>): Passage => ({
  a: { start: 0, end: 100 },
  b: { start: 0, end: 100 },
  aTokens: 15,
  bTokens: 15,
  matchedTokens: 15,
  ...fields,
});
const side = (text: string, tokenCount: number, credits: Array<{ name: string; kind: 'agency' | 'outlet' }> = []) => ({ text, tokenCount, credits });

test('an unedited passage over both whole texts is identical, a part of one is not', () => {
  assert.equal(decideVerbatimKind(passage({}), side('x', 15), side('y', 15)), 'identical');
  assert.equal(decideVerbatimKind(passage({}), side('x', 15), side('y', 60)), 'near-verbatim');
  assert.equal(decideVerbatimKind(passage({ matchedTokens: 13 }), side('x', 15), side('y', 15)), 'near-verbatim');
});

test('a passage after an attribution is a quotation; with a common agency credit it is shared wire', () => {
  const quoting = `Ein Blog schreibt: Weiter berichtet RT DE: "${'x'.repeat(100)}`;
  const quoted = passage({ a: { start: 44, end: 144 } });
  assert.equal(decideVerbatimKind(quoted, side(quoting, 60), side('y', 60)), 'quotation');
  const dpa = [{ name: 'dpa', kind: 'agency' as const }];
  assert.equal(decideVerbatimKind(passage({}), side('x', 60, dpa), side('y', 60, dpa)), 'shared-wire');
  assert.equal(shareAgencyCredit(dpa, [{ name: 'AFP', kind: 'agency' }]), false);
});
