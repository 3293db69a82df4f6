import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeReuseIndex, type ReuseIndex } from '../../src/link/reuse-index.js';
import type { ReuseArticle } from '../../src/link/find-reuse-links.js';
import type { ReuseLink } from '../../src/records.js';
import { inventedParagraph, readCase, readExpected } from './fixtures.js';

/** Adds articles one by one, linking each to what came before, as a caller would. */
function linkIncrementally(index: ReuseIndex, articles: ReuseArticle[]): ReuseLink[] {
  const byId = new Map(articles.map((a) => [a.id, a]));
  return articles.flatMap((article) => {
    const prepared = index.prepare(article);
    const links = index.linksFor(prepared, (id) => byId.get(id));
    index.add(prepared);
    return links;
  });
}

test('an identical copy is one identical link over both texts', () => {
  const text = readCase('near-verbatim-edited-reordered', 'a.txt').trimEnd();
  const links = linkIncrementally(makeReuseIndex(), [
    { id: 'original', text },
    { id: 'copy', text },
  ]);
  assert.equal(links.length, 1);
  assert.equal(links[0]!.kind, 'identical');
  assert.deepEqual([links[0]!.a.start, links[0]!.a.end], [0, text.length]);
  assert.equal(links[0]!.score, 1);
});

test('two rewrites of one agency text share its paragraph, as shared wire when both credit the agency', () => {
  const expected = readExpected<{ sharedParagraph: string; kindWithCommonCredit: string; kindWithoutCredits: string }>(
    'shared-wire-two-rewrites',
  );
  const a = readCase('shared-wire-two-rewrites', 'a.txt');
  const b = readCase('shared-wire-two-rewrites', 'b.txt');
  const dpa = [{ name: 'dpa', kind: 'agency' as const }];
  const credited = linkIncrementally(makeReuseIndex(), [
    { id: 'a', text: a, credits: dpa },
    { id: 'b', text: b, credits: dpa },
  ]);
  const verbatim = credited.filter((l) => l.kind !== 'paraphrase');
  assert.equal(verbatim.length, 1);
  assert.equal(verbatim[0]!.kind, expected.kindWithCommonCredit);
  const sideA = verbatim[0]!.a.articleId === 'a' ? verbatim[0]!.a : verbatim[0]!.b;
  assert.equal(a.slice(sideA.start, sideA.end), expected.sharedParagraph);

  const uncredited = linkIncrementally(makeReuseIndex(), [
    { id: 'a', text: a },
    { id: 'b', text: b },
  ]);
  assert.equal(uncredited.filter((l) => l.kind !== 'paraphrase')[0]?.kind, expected.kindWithoutCredits);
});

test('links a paraphrase in other words, sentence by sentence', () => {
  const links = linkIncrementally(makeReuseIndex(), [
    { id: 'a', text: readCase('paraphrase-other-words', 'a.txt') },
    { id: 'b', text: readCase('paraphrase-other-words', 'b.txt') },
  ]);
  assert.ok(links.length >= 3);
  assert.ok(links.every((l) => l.kind === 'paraphrase' && l.score > 0 && l.score <= 1));
});

test('no link between two reports on one event in different words', () => {
  const links = linkIncrementally(makeReuseIndex(), [
    { id: 'a', text: readCase('unrelated-same-topic', 'a.txt') },
    { id: 'b', text: readCase('unrelated-same-topic', 'b.txt') },
  ]);
  assert.deepEqual(links, []);
});

test('a sign-off that many unrelated articles share is learned as stock and links nothing', () => {
  const articles = [1, 2, 3, 4, 5, 6].map((n) => ({ id: `article-${n}`, text: readCase('stock-phrase-sign-off', `article-${n}.txt`) }));
  const { signOff } = readExpected<{ signOff: string }>('stock-phrase-sign-off');
  assert.ok(articles.every((a) => a.text.includes(signOff)));
  // spread over 3 or more articles makes a fingerprint stock in this small corpus
  const learning = makeReuseIndex({ stockMinArticles: 3, stockArticleShare: 0 });
  const links = linkIncrementally(learning, articles);
  // until three articles are indexed the spread is unknown and the first three link; after that nothing does
  assert.ok(links.length > 0);
  assert.ok(links.every((l) => l.a.articleId <= 'article-3' && l.b.articleId <= 'article-3'), JSON.stringify(links));
  // relinking once everything is indexed: the sign-off is stock now
  const [first, second] = articles.map((a) => learning.prepare(a));
  assert.deepEqual(learning.linkPair(first!, second!), []);

  // without learning from spread (floors it never reaches) the same sign-off would link every pair
  const naive = linkIncrementally(makeReuseIndex({ stockMinArticles: 1000, commonMinArticles: 1000 }), articles);
  assert.equal(naive.length, 15);
});

test('finds candidates among thousands of indexed articles without linking unrelated ones', () => {
  const index = makeReuseIndex();
  const filler = Array.from({ length: 3000 }, (_, i) => ({
    id: `filler-${i}`,
    text: `Meldung ${i}: Im Kreis ${i % 50} wurde die Straße ${i * 7} zwischen Ort ${i * 3} und Ort ${i * 11} für Bauarbeiten an Leitung ${i} gesperrt.`,
  }));
  const original = { id: 'original', text: readCase('shared-wire-two-rewrites', 'a.txt') };
  const rewrite = { id: 'rewrite', text: readCase('shared-wire-two-rewrites', 'b.txt') };
  const links = linkIncrementally(index, [...filler.slice(0, 1500), original, ...filler.slice(1500), rewrite]);
  assert.equal(index.articleCount, 3002);
  const reuseOfRewrite = links.filter((l) => l.a.articleId === 'rewrite' || l.b.articleId === 'rewrite');
  assert.ok(reuseOfRewrite.some((l) => l.kind === 'near-verbatim'));
  assert.ok(reuseOfRewrite.every((l) => [l.a.articleId, l.b.articleId].includes('original')));
  assert.ok(index.candidatesFor(index.prepare(rewrite)).length <= 12);
});

test('a 1 MB article and an empty one pass through with bounded output', () => {
  const paragraph = inventedParagraph;
  const big = Array.from({ length: 5000 }, (_, i) => paragraph(i)).join('\n\n');
  assert.ok(big.length > 1_000_000);
  const quoting = `Ein Portal übernahm den Absatz: ${paragraph(777)} Weitere Stimmen fehlen.`;
  const links = linkIncrementally(makeReuseIndex(), [
    { id: 'big', text: big },
    { id: 'empty', text: '' },
    { id: 'quoting', text: quoting },
  ]);
  assert.equal(links.length, 1);
  const side = links[0]!.a.articleId === 'big' ? links[0]!.a : links[0]!.b;
  assert.equal(big.slice(side.start, side.end), paragraph(777));
});

test('a retelling with every sentence reordered is found through its sentence fingerprints and linked sentence by sentence', () => {
  const original = { id: 'original', text: readCase('retold-sentences-reordered', 'a.txt') };
  const retold = { id: 'retold', text: readCase('retold-sentences-reordered', 'b.txt') };
  // a share above 1 turns off the rare-term candidates: only the sentence fingerprints can find it
  const index = makeReuseIndex({ minParaphraseCandidateShare: 2 });
  index.add(index.prepare(original));
  const candidates = index.candidatesFor(index.prepare(retold));
  assert.equal(candidates.length, 1);
  assert.equal(candidates[0]!.articleId, 'original');
  assert.ok(candidates[0]!.paraphrase && candidates[0]!.retold);
  assert.ok(candidates[0]!.sharedSentences >= 6, `shared sentences: ${candidates[0]!.sharedSentences}`);
  const links = index.linksFor(index.prepare(retold), (id) => (id === 'original' ? original : undefined));
  assert.ok(links.filter((l) => l.kind === 'paraphrase').length >= 6, JSON.stringify(links));

  const withoutSentences = makeReuseIndex({ minParaphraseCandidateShare: 2, minSharedSentences: 100 });
  withoutSentences.add(withoutSentences.prepare(original));
  assert.ok(withoutSentences.candidatesFor(withoutSentences.prepare(retold)).every((c) => !c.paraphrase));
});

test('a sentence in as many articles as a stock phrase is stock in any word order; a sentence of one article is not', () => {
  const index = makeReuseIndex({ stockMinArticles: 3, stockArticleShare: 0 });
  const signOff = 'Folgen Sie der Redaktion auf Telegram und abonnieren Sie den Newsletter.';
  for (const n of [1, 2, 3]) index.add(index.prepare({ id: `article-${n}`, text: `${inventedParagraph(n)} ${signOff}` }));
  const isStock = (text: string) => {
    const probe = index.prepare({ id: 'probe', text });
    return index.knowledge.isStockSentence(probe.sentences[0]!, probe);
  };
  assert.ok(isStock(signOff));
  assert.ok(isStock('Den Newsletter abonnieren und der Redaktion auf Telegram folgen!'));
  assert.ok(!isStock(inventedParagraph(1)));
  assert.ok(!isStock('Die Redaktion sitzt in Lindenau.'));
});

test('rejects options that cannot work, naming the option', () => {
  assert.throws(() => makeReuseIndex({ windowShingles: 0 }), /windowShingles/);
});
