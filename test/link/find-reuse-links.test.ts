import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pairTermWeight, prepareArticle } from '../../src/link/find-reuse-links.js';
import { loadReuseContext } from '../../src/link/reuse-index.js';

const context = loadReuseContext();
const prepare = (id: string, text: string) => prepareArticle({ id: id as never, text }, context);

test('a term both articles repeat throughout weighs less in their comparison; a term said once keeps its weight', () => {
  const a = prepare(
    'a',
    'Saalheim streitet über das Hallenbad. Der Rat von Saalheim tagt am Montag. Das Hallenbad in Saalheim ist marode. Die Kämmerin nennt 4200 Euro.',
  );
  const b = prepare(
    'b',
    'In Saalheim wird das Hallenbad geschlossen. Saalheim spart damit Geld. Das Hallenbad von Saalheim schließt im Mai. Die Kämmerin nennt 4200 Euro.',
  );
  const weight = pairTermWeight(a, b, () => 6);
  assert.equal(weight('saalheim'), 2, 'in 3 sentences of a and 4 of b: divided by 3');
  assert.equal(weight('hallenbad'), 6, 'in 2 sentences of a: a subject named twice is not yet the whole story');
  assert.equal(weight('4200'), 6);
});
