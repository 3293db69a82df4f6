import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeGexfExport, writeGraphmlExport } from '../../src/export/provenance-graph.js';
import type { StoredArticle } from '../../src/store/store.js';
import type { ReuseLinkRecord } from '../../src/store/reuse-links.js';
import { makeArticle } from '../store/store-contract.js';

const source = makeArticle({ text: 'Die Gemeinde Wendhausen baut eine neue Brücke.', title: 'Brücke & Straße <neu>', outlet: 'Talbote' });
const copy = makeArticle({ text: 'Weiter berichtet der Talbote: Die Gemeinde Wendhausen baut eine neue Brücke.', outlet: 'Heimatblog' });
const orphan = makeArticle({ text: 'Ohne Verlag.' });
const link: ReuseLinkRecord = {
  id: 'l1',
  kind: 'quotation',
  a: { articleId: copy.id, start: 30, end: 77 },
  b: { articleId: source.id, start: 0, end: 47 },
  score: 1,
  direction: { from: source.id, confidence: 0.9, reasons: ['a attributes its text to Talbote'] },
};

async function* stored(): AsyncGenerator<StoredArticle> {
  for (const article of [source, copy, orphan]) yield { article, occurrences: [] };
}

async function written(write: typeof writeGexfExport, links: readonly ReuseLinkRecord[]): Promise<{ text: string; count: number }> {
  let text = '';
  const count = await write(stored(), {
    write: (t) => {
      text += t;
    },
  }, [], links);
  return { text, count };
}

test('GEXF: article and outlet nodes, a reuse edge from the source to the taker, publishes edges, escaped labels', async () => {
  const { text, count } = await written(writeGexfExport, [link]);
  assert.equal(count, 3);
  assert.equal(text.match(/<node /g)?.length, 5);
  assert.match(text, new RegExp(`<edge id="l1" source="${source.id}" target="${copy.id}" type="directed" weight="1">`));
  assert.match(text, /source="outlet:Heimatblog" target="[0-9a-f]+"/);
  assert.match(text, /label="Brücke &amp; Straße &lt;neu&gt;"/);
  assert.ok(text.indexOf('</nodes>') < text.indexOf('<edges>'));
});

test('GraphML: an unknown direction is an undirected edge between the two sides', async () => {
  const unknown = { ...link, direction: { from: null, confidence: 0, reasons: [] } };
  const { text } = await written(writeGraphmlExport, [unknown]);
  assert.match(text, new RegExp(`<edge id="l1" source="${copy.id}" target="${source.id}" directed="false">`));
  assert.equal(text.match(/<edge /g)?.length, 3);
  assert.ok(text.trimEnd().endsWith('</graphml>'));
});
