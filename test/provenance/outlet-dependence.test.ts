import { test } from 'node:test';
import assert from 'node:assert/strict';
import { outletDependenceOf, OWN_TEXT, type OutletArticle } from '../../src/provenance/outlet-dependence.js';
import type { ReuseLinkRecord } from '../../src/store/reuse-links.js';

const article = (id: string, outlet: string | null, textLength: number, agency?: string): OutletArticle => ({
  id,
  outlet,
  textLength,
  credits: agency === undefined ? [] : [{ name: agency, kind: 'agency' }],
});

function taken(id: string, taker: string, start: number, end: number, source: string, confidence = 0.9): ReuseLinkRecord {
  return {
    id,
    kind: 'quotation',
    a: { articleId: taker, start, end },
    b: { articleId: source, start: 0, end: end - start },
    score: 1,
    direction: { from: source, confidence, reasons: ['a attributes its text to Staatsfunk'] },
  };
}

test('outletDependenceOf: a blog that reposts a state broadcaster is mostly that broadcaster; a portal crediting dpa is mostly dpa', () => {
  const articles = [
    article('sf1', 'Staatsfunk', 1000),
    article('sf2', 'Staatsfunk', 1000),
    article('blog1', 'Heimatblog', 1000),
    article('blog2', 'Heimatblog', 1000),
    article('portal1', 'Stadtportal', 800, 'dpa'),
    article('portal2', 'Stadtportal', 200),
  ];
  const links = [taken('l1', 'blog1', 0, 900, 'sf1'), taken('l2', 'blog2', 100, 1000, 'sf2'), taken('l3', 'blog2', 500, 1000, 'sf1', 0.5)];
  const byOutlet = new Map(outletDependenceOf(articles, links).map((o) => [o.outlet, o]));
  assert.deepEqual(byOutlet.get('Heimatblog')?.sources, [
    { source: 'Staatsfunk', chars: 1800, share: 0.9 },
    { source: OWN_TEXT, chars: 200, share: 0.1 },
  ]);
  assert.deepEqual(byOutlet.get('Stadtportal')?.sources, [
    { source: 'dpa', chars: 800, share: 0.8 },
    { source: OWN_TEXT, chars: 200, share: 0.2 },
  ]);
  // The source's own text is reused elsewhere, but stays its own.
  assert.deepEqual(byOutlet.get('Staatsfunk')?.sources, [{ source: OWN_TEXT, chars: 2000, share: 1 }]);
});

/** 300 characters at the start of x and y, shared wire whose direction could not be told. */
function sharedWireOfUnknownDirection(score: number, reasons: string[]): ReuseLinkRecord {
  return {
    id: 'w',
    kind: 'shared-wire',
    a: { articleId: 'x', start: 0, end: 300 },
    b: { articleId: 'y', start: 0, end: 300 },
    score,
    direction: { from: null, confidence: 0, reasons },
  };
}

test('outletDependenceOf: shared text with no known direction counts for an agency both sides credit', () => {
  const articles = [article('x', 'Nordblatt', 500, 'AFP'), article('y', 'Südblatt', 500, 'AFP')];
  const link = sharedWireOfUnknownDirection(0.95, ['both credit AFP: likely rewrites of one agency text']);
  const nord = outletDependenceOf(articles, [link]).find((o) => o.outlet === 'Nordblatt')!;
  assert.deepEqual(nord.sources, [{ source: 'AFP', chars: 500, share: 1 }]);
});

test("outletDependenceOf: with no known direction, an agency's service (dpa-AFX) and the agency (dpa) count as one credit, each side naming its own", () => {
  const articles = [article('x', 'Börsenblick', 500, 'dpa-AFX'), article('y', 'Südblatt', 500, 'dpa')];
  const link = sharedWireOfUnknownDirection(0.6, []);
  const sources = (outlet: string) => outletDependenceOf(articles, [link]).find((o) => o.outlet === outlet)!.sources;
  assert.deepEqual(sources('Börsenblick'), [{ source: 'dpa-AFX', chars: 500, share: 1 }]);
  assert.deepEqual(sources('Südblatt'), [{ source: 'dpa', chars: 500, share: 1 }]);
});
