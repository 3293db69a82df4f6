import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateArticles, type GeneratedArticle } from '../../bench/generate-corpus.mjs';

const bodyOf = (a: GeneratedArticle) => a.text.split('\n\n').slice(2);
// body paragraphs hold three or more sentences; the credit and outlet lines after them hold none
const paragraphsOf = (a: GeneratedArticle) => bodyOf(a).filter((p) => p.includes('. '));

test('the same seed gives the same corpus and another seed a different one', () => {
  const first = [...generateArticles({ count: 50, seed: 7 })].map((a) => a.text);
  const again = [...generateArticles({ count: 50, seed: 7 })].map((a) => a.text);
  const other = [...generateArticles({ count: 50, seed: 8 })].map((a) => a.text);
  assert.deepEqual(again, first);
  assert.notDeepEqual(other, first);
});

test('articles are about 4 KB of German-like text', () => {
  const articles = [...generateArticles({ count: 200, seed: 1 })];
  assert.equal(articles.length, 200);
  const meanBytes = articles.reduce((sum, a) => sum + Buffer.byteLength(a.text), 0) / articles.length;
  assert.ok(meanBytes > 3000 && meanBytes < 5000, `mean ${meanBytes} bytes`);
  assert.match(articles[0]!.text, /[äöüß]/);
});

test('planted copies reuse their source the way their kind says', () => {
  const articles = [...generateArticles({ count: 1500, seed: 3, copyRate: 0.3 })];
  const byName = new Map(articles.map((a) => [a.name, a]));
  const kinds = new Set<string>();
  for (const copy of articles.filter((a) => a.copyOf !== null)) {
    const source = byName.get(copy.copyOf!)!;
    assert.ok(source.copyOf === null, 'copies are made from originals');
    assert.equal(copy.story, source.story);
    const from = paragraphsOf(source);
    const to = paragraphsOf(copy);
    kinds.add(copy.copyKind!);
    if (copy.copyKind === 'verbatim') assert.deepEqual(to, from);
    if (copy.copyKind === 'shortened') assert.deepEqual(to, from.slice(0, to.length));
    if (copy.copyKind === 'reordered') assert.deepEqual([...to].sort(), [...from].sort());
    if (copy.copyKind === 'edited') {
      assert.equal(to.length, from.length);
      assert.ok(to.some((p, i) => p !== from[i]) && to.some((p, i) => p === from[i]));
    }
  }
  assert.deepEqual([...kinds].sort(), ['edited', 'reordered', 'shortened', 'verbatim']);
});

test('independent articles share few sentences, so planted copies stand out', () => {
  const originals = [...generateArticles({ count: 400, seed: 5, copyRate: 0 })];
  const sentencesOf = (a: GeneratedArticle) => new Set(bodyOf(a).join(' ').split(/(?<=\.)\s+/));
  const [a, b] = [sentencesOf(originals[0]!), sentencesOf(originals[1]!)];
  const shared = [...a].filter((s) => b.has(s)).length;
  assert.ok(shared / a.size < 0.2, `${shared} of ${a.size} sentences shared`);
});

test('without translationRate no article carries a translated statement', () => {
  const articles = [...generateArticles({ count: 300, seed: 2 })];
  assert.ok(articles.every((a) => a.translations.length === 0));
});

test('a translated statement is rendered in two or three originals, each in other words', () => {
  const articles = [...generateArticles({ count: 3000, seed: 4, translationRate: 0.05 })];
  const carriers = new Map<number, GeneratedArticle[]>();
  for (const a of articles.filter((x) => x.copyOf === null)) {
    for (const t of a.translations) carriers.set(t.statement, [...(carriers.get(t.statement) ?? []), a]);
  }
  const rendered = [...carriers.values()].filter((group) => group.length >= 2);
  assert.ok(rendered.length >= 20, `${rendered.length} statements rendered twice or more`);
  assert.ok([...carriers.values()].every((group) => group.length <= 3));
  const wordsOf = (a: GeneratedArticle) => new Set(a.text.toLowerCase().split(/[^\p{L}\p{Nd}]+/u));
  let differentWording = 0;
  for (const [first, second] of rendered.map((group) => [group[0]!, group[1]!] as const)) {
    // each rendering stands in its own paragraph; the two share the statement's English source
    assert.equal(first.translations[0]!.english, second.translations[0]!.english);
    const paragraphsOf = (a: GeneratedArticle) => new Set(a.text.split('\n\n'));
    const onlyInFirst = [...paragraphsOf(first)].filter((p) => !paragraphsOf(second).has(p));
    assert.ok(onlyInFirst.length > 0);
    const [x, y] = [wordsOf(first), wordsOf(second)];
    if ([...x].some((w) => !y.has(w))) differentWording++;
  }
  assert.equal(differentWording, rendered.length);
});
