import { test } from 'node:test';
import assert from 'node:assert/strict';
import { articleProvenanceOf, mergeSpans } from '../../src/provenance/article-provenance.js';
import type { ReuseLinkRecord } from '../../src/store/reuse-links.js';

function link(id: string, a: [string, number, number], b: [string, number, number], from: string | null, confidence = 0.7): ReuseLinkRecord {
  return {
    id,
    kind: 'near-verbatim',
    a: { articleId: a[0], start: a[1], end: a[2] },
    b: { articleId: b[0], start: b[1], end: b[2] },
    score: 0.9,
    direction: { from, confidence, reasons: from === null ? [] : ['published earlier'] },
  };
}

test('articleProvenanceOf: text taken from others and shared text count as reused; text others took from it stays its own', () => {
  const links = [
    link('1', ['blog', 0, 100], ['portal', 10, 110], 'portal'),
    link('2', ['blog', 50, 150], ['agency', 0, 100], 'agency', 0.9),
    link('3', ['reader', 0, 80], ['blog', 300, 380], 'blog'),
    link('4', ['blog', 200, 250], ['other', 0, 50], null),
  ];
  const p = articleProvenanceOf('blog', 400, links);
  assert.deepEqual(p.passages.map((x) => [x.start, x.role, x.otherArticleId]), [
    [0, 'taken-from', 'portal'],
    [50, 'taken-from', 'agency'],
    [200, 'shared', 'other'],
    [300, 'taken-by', 'reader'],
  ]);
  assert.equal(p.reusedShare, (150 + 50) / 400);
  assert.deepEqual(p.ownSpans, [{ start: 150, end: 200 }, { start: 250, end: 400 }]);
  assert.equal(p.likelySource?.articleId, 'portal'); // both cover 100 characters: the first found wins the tie
});

test('articleProvenanceOf: the source covering the most text is the likely one; no taken passage, no source', () => {
  const links = [link('1', ['blog', 0, 40], ['portal', 0, 40], 'portal'), link('2', ['blog', 100, 300], ['agency', 0, 200], 'agency', 0.9)];
  assert.deepEqual(articleProvenanceOf('blog', 300, links).likelySource, { articleId: 'agency', chars: 200, confidence: 0.9, reasons: ['published earlier'] });
  assert.equal(articleProvenanceOf('portal', 40, links).likelySource, null);
  assert.equal(articleProvenanceOf('portal', 40, links).reusedShare, 0);
  assert.equal(articleProvenanceOf('empty', 0, []).reusedShare, 0);
});

test('mergeSpans joins overlapping and touching spans', () => {
  assert.deepEqual(mergeSpans([{ start: 5, end: 10 }, { start: 0, end: 3 }, { start: 10, end: 12 }, { start: 11, end: 11 }]), [
    { start: 0, end: 3 },
    { start: 5, end: 12 },
  ]);
});
