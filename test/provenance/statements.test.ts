import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Quote } from '../../src/article.js';
import { loadReuseContext } from '../../src/link/reuse-index.js';
import { findStatements, type QuotingArticle } from '../../src/provenance/statements.js';

const tools = loadReuseContext();

function quoting(id: string, outlet: string, published: string | null, text: string, speaker: string | null, start = 10): QuotingArticle {
  const quote: Quote = { text, start, end: start + text.length, kind: 'direct', partial: false, cue: 'sagte', speaker, relayedBy: null, speakerStart: null, speakerEnd: null };
  return { id, outlet, published, quotes: [quote] };
}

test('findStatements: two translations of one statement by one speaker are one statement, earliest first', () => {
  const articles = [
    quoting('b', 'Talbote', '2024-06-02', 'Die Gemeinde wird die Brücke über die Salm bis zum Jahr 2026 vollständig erneuern', 'Bürgermeisterin Karla Weiden'),
    quoting('a', 'Kreisblatt', '2024-06-01', 'Wir werden die Salmbrücke bis 2026 vollständig erneuern, versprach die Gemeinde', 'Karla Weiden'),
    quoting('c', 'Landfunk', '2024-06-03', 'Der Haushalt für das kommende Jahr enthält keine neuen Schulden', 'Karla Weiden'),
  ];
  const statements = findStatements(articles, [], tools);
  assert.equal(statements.length, 1);
  assert.deepEqual(statements[0]!.occurrences.map((o) => o.articleId), ['a', 'b']);
  assert.deepEqual(statements[0]!.outlets, ['Kreisblatt', 'Talbote']);
  assert.match(statements[0]!.text, /Salmbrücke/);
});

test('findStatements: the same words from two named speakers are two statements, unless a reuse link ties them', () => {
  const text = 'Der Vertrag über die Wasserrechte an der Salm ist ein fairer Kompromiss für beide Gemeinden';
  const articles = [quoting('a', 'Kreisblatt', null, text, 'Karla Weiden'), quoting('b', 'Talbote', null, text, 'Otto Brenner')];
  assert.deepEqual(findStatements(articles, [], tools), []);
  const tie = {
    id: 'l',
    kind: 'near-verbatim' as const,
    a: { articleId: 'a', start: 0, end: 200 },
    b: { articleId: 'b', start: 0, end: 200 },
    score: 1,
    direction: { from: null, confidence: 0, reasons: [] },
  };
  // Same speaker key is still required: a link does not make two speakers one.
  assert.deepEqual(findStatements(articles, [tie], tools), []);
  const unnamed = [articles[0]!, quoting('b', 'Talbote', null, 'Ein fairer Kompromiss, sagte sie, der Vertrag über die Wasserrechte', null)];
  assert.equal(findStatements(unnamed, [tie], tools).length, 1);
});

test('findStatements: two quotes in one long copied passage stay two statements, each carried over', () => {
  const first = 'Die Gemeinde wird die Brücke über die Salm vollständig erneuern';
  const second = 'Der Haushalt für das kommende Jahr enthält keine neuen Schulden';
  const article = (id: string, offset: number): QuotingArticle => ({
    id,
    outlet: id,
    published: null,
    quotes: [
      { text: first, start: offset, end: offset + first.length, kind: 'direct', partial: false, cue: 'sagte', speaker: 'Karla Weiden', relayedBy: null, speakerStart: null, speakerEnd: null },
      { text: second, start: offset + 80, end: offset + 80 + second.length, kind: 'direct', partial: false, cue: 'sagte', speaker: 'Karla Weiden', relayedBy: null, speakerStart: null, speakerEnd: null },
    ],
  });
  const copied = {
    id: 'l',
    kind: 'near-verbatim' as const,
    a: { articleId: 'a', start: 0, end: 2000 },
    b: { articleId: 'b', start: 30, end: 2030 },
    score: 1,
    direction: { from: null, confidence: 0, reasons: [] },
  };
  const statements = findStatements([article('a', 100), article('b', 130)], [copied], tools);
  assert.deepEqual(statements.map((s) => s.occurrences.map((o) => `${o.articleId}:${o.start}`)).sort(), [['a:100', 'b:130'], ['a:180', 'b:210']]);
});

test('findStatements: a direct quote inside an indirect one is one occurrence of its article, in the inner words', () => {
  const direct = 'Wir werden die Salmbrücke bis 2026 vollständig erneuern';
  const indirect = `Weiden sagte, die Gemeinde habe versprochen: „${direct}“, und das gelte`;
  const outer = quoting('a', 'Kreisblatt', '2024-06-01', indirect, 'Karla Weiden', 10);
  const innerStart = 10 + indirect.indexOf(direct);
  const inner: Quote = { ...outer.quotes[0]!, text: direct, start: innerStart, end: innerStart + direct.length, kind: 'direct' };
  const articles = [
    { ...outer, quotes: [{ ...outer.quotes[0]!, kind: 'indirect' as const }, inner] },
    quoting('b', 'Talbote', '2024-06-02', 'Wir werden die Salmbrücke bis 2026 vollständig erneuern', 'Karla Weiden'),
  ];
  const [statement, ...rest] = findStatements(articles, [], tools);
  assert.deepEqual(rest, []);
  assert.deepEqual(statement!.occurrences.map((o) => [o.articleId, o.text]), [['a', direct], ['b', direct]]);
});
