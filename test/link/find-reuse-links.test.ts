import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pairTermWeight, prepareArticle, DEFAULT_PAIR_OPTIONS } from '../../src/link/find-reuse-links.js';
import { loadReuseContext, makeReuseIndex } from '../../src/link/reuse-index.js';
import { inventedParagraph, readCase } from './fixtures.js';

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

/** Links b (the newer article) to a through a fresh index that has seen a, as the linker would. */
function linkNewer(a: { id: string; text: string; credits?: { name: string; kind: 'agency' | 'outlet' }[] }, b: typeof a) {
  const index = makeReuseIndex();
  const older = index.prepare(a as never);
  index.add(older);
  return index.linkPair(index.prepare(b as never), older);
}

test('one statement retold in another article, its names and numbers kept, is linked on its own', () => {
  const a = readCase('statement-translated-once', 'a.txt');
  const b = readCase('statement-translated-once', 'b.txt');
  const links = linkNewer({ id: 'a', text: a }, { id: 'b', text: b });
  assert.equal(links.length, 1);
  assert.equal(links[0]!.kind, 'paraphrase');
  assert.match(b.slice(links[0]!.a.start, links[0]!.a.end), /^Auch eine Reederei .*Oskar Lindahl\.$/);
  assert.match(a.slice(links[0]!.b.start, links[0]!.b.end), /^Firmenchef Oskar Lindahl sagte .*Tarnholm\.“$/);
});

test('a two-sentence teaser run as the lede of another text is linked; one shared sentence or an edited teaser is not', () => {
  const teaser = 'Mit dem neuen Fährvertrag hat Velmark gezeigt, dass es zu Zugeständnissen bereit ist. Bürgermeister Ivo Brandt sprach von einem fairen Ausgleich.';
  assert.ok(teaser.length < DEFAULT_PAIR_OPTIONS.passage.minPassageChars);
  const original = `${teaser}\n\nDer Vertrag läuft zehn Jahre und regelt die Preise für Pendler. Die Reederei muss im Winter zwei Fahrten mehr anbieten.`;
  const lede = (opening: string) => `${opening} Kritiker im Nachbarort halten den Vertrag dennoch für zu teuer.\n\nDie Opposition will ihn im Rat noch einmal prüfen lassen.`;
  const links = linkNewer({ id: 'original', text: original }, { id: 'lede', text: lede(teaser) });
  assert.equal(links.length, 1);
  assert.equal(lede(teaser).slice(links[0]!.a.start, links[0]!.a.end), teaser);
  assert.equal(original.slice(links[0]!.b.start, links[0]!.b.end), teaser);
  assert.notEqual(links[0]!.kind, 'paraphrase');

  const firstSentence = teaser.slice(0, teaser.indexOf('.') + 1);
  assert.deepEqual(linkNewer({ id: 'original', text: original }, { id: 'lede', text: lede(`${firstSentence} Der Bürgermeister schwieg dazu.`) }), []);
  const edited = teaser.replace('einem fairen', 'einem gerechten');
  assert.deepEqual(linkNewer({ id: 'original', text: original }, { id: 'lede', text: lede(edited) }), []);
});

test('sentences retold from one agency text are shared wire when both credit it, an agency service counting as its agency', () => {
  const a = readCase('paraphrase-other-words', 'a.txt');
  const b = readCase('paraphrase-other-words', 'b.txt');
  const kinds = (creditsA: string[], creditsB: string[]) =>
    new Set(
      linkNewer(
        { id: 'a', text: a, credits: creditsA.map((name) => ({ name, kind: 'agency' as const })) },
        { id: 'b', text: b, credits: creditsB.map((name) => ({ name, kind: 'agency' as const })) },
      ).map((l) => l.kind),
    );
  assert.deepEqual(kinds(['dpa-AFX'], ['dpa', 'AFP']), new Set(['shared-wire']));
  assert.deepEqual(kinds(['Reuters'], ['dpa']), new Set(['paraphrase']));
  assert.deepEqual(kinds([], []), new Set(['paraphrase']));
});

test('a 1 MB article, an article that is one sentence repeated thousands of times, and empty texts link with bounded output', () => {
  const big = Array.from({ length: 5000 }, (_, i) => inventedParagraph(i)).join('\n\n');
  assert.ok(big.length > 1_000_000);
  const quoting = `Ein Portal übernahm den Absatz: ${inventedParagraph(2345)} Weitere Stimmen fehlen.`;
  const fromBig = linkNewer({ id: 'big', text: big }, { id: 'quoting', text: quoting });
  assert.equal(fromBig.length, 1);
  assert.equal(big.slice(fromBig[0]!.b.start, fromBig[0]!.b.end), inventedParagraph(2345));

  const sentence = 'Die Lage an der Grenze zwischen Velmark und Tarnholm bleibt nach Angaben der Behörden weiterhin sehr angespannt. ';
  const repeated = sentence.repeat(8000);
  const once = `Am Morgen meldete die Polizei keine Zwischenfälle. ${sentence}Am Abend soll der Krisenstab erneut tagen.`;
  assert.ok(linkNewer({ id: 'repeated', text: repeated }, { id: 'once', text: once }).length <= 1);
  assert.deepEqual(linkNewer({ id: 'repeated', text: repeated }, { id: 'again', text: sentence.repeat(6000) }), []);
  assert.deepEqual(linkNewer({ id: 'big', text: big }, { id: 'repeated', text: repeated }), []);

  assert.deepEqual(linkNewer({ id: 'empty', text: '' }, { id: 'quoting', text: quoting }), []);
  assert.deepEqual(linkNewer({ id: 'quoting', text: quoting }, { id: 'blank', text: ' \n\n ' }), []);
});
