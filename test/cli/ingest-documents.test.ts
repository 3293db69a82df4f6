import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { RawDocument } from '../../src/article.js';
import type { Pipeline } from '../../src/pipeline.js';
import { ingestDocuments } from '../../src/cli/ingest-command.js';
import { makeReporter } from '../../src/cli/report.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { Article } from '../../src/article.js';
import type { Store } from '../../src/store/store.js';
import { makeArticle } from '../store/store-contract.js';

function rawDocument(label: string, text: string): RawDocument {
  return { origin: { path: label, url: null, record: null, segment: null }, format: 'text', content: text, hints: {}, label, messages: [] };
}

/** A pipeline that makes one article per document from its text, and throws on documents labelled "bug". */
const fakePipeline: Pipeline = {
  run(raw) {
    if (raw.label.startsWith('bug')) throw new TypeError('cannot read properties of undefined');
    return { articles: [makeArticle({ text: String(raw.content), origin: raw.origin })], messages: [] };
  },
};

async function* documents(...docs: RawDocument[]): AsyncGenerator<RawDocument> {
  yield* docs;
}

/** Counts the transactions ingest opens, to check it batches. */
function countingPuts(store: Store): { store: Store; batches: Article[][] } {
  const batches: Article[][] = [];
  return {
    batches,
    store: { ...store, putArticles: (articles) => {
        batches.push([...articles]);
        return store.putArticles(articles);
      }, } as Store,
  };
}

test('ingestDocuments stores articles in batches and totals what was new', async () => {
  const store = openSqliteStore(':memory:');
  const counted = countingPuts(store);
  const docs = ['a', 'b', 'c', 'd', 'e'].map((name) => rawDocument(`${name}.txt`, `Meldung ${name}: Der Rat tagte am Montag.`));
  const totals = await ingestDocuments(counted.store, fakePipeline, documents(...docs), makeReporter({ quiet: true }), {
    batchArticles: 2,
    batchMaxMs: 60_000,
  });
  assert.deepEqual(totals, { articlesAdded: 5, occurrencesAdded: 5 });
  assert.deepEqual(counted.batches.map((b) => b.length), [2, 2, 1]);
  assert.equal((await store.stats()).articles, 5);
  await store.close();
});

test('ingestDocuments rejects a document whose pipeline run throws, and stores the rest', async () => {
  const store = openSqliteStore(':memory:');
  const reporter = makeReporter({ quiet: true });
  const stderrWrite = process.stderr.write;
  const lines: string[] = [];
  process.stderr.write = ((chunk: string) => {
    lines.push(String(chunk));
    return true;
  }) as typeof process.stderr.write;
  try {
    await ingestDocuments(
      store,
      fakePipeline,
      documents(rawDocument('ok.txt', 'Der Rat tagte.'), rawDocument('bug.txt', 'x'), rawDocument('ok2.txt', 'Die Stadt feierte.')),
      reporter,
    );
  } finally {
    process.stderr.write = stderrWrite;
  }
  assert.equal(reporter.report.rejected, 1);
  assert.equal((await store.stats()).articles, 2);
  assert.match(lines.join(''), /bug\.txt: pipeline\/internal-error: cannot read properties of undefined \(a storytrace bug/);
  await store.close();
});
