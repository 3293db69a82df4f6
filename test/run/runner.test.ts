import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Article, RawDocument } from '../../src/article.js';
import type { Pipeline } from '../../src/pipeline.js';
import { openRunner, type StepSkip } from '../../src/run/runner.js';
import { exitCodeFor, makeReporter } from '../../src/cli/report.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { Store } from '../../src/store/store.js';
import { makeArticle } from '../store/store-contract.js';

function rawDocument(label: string, text: string): RawDocument {
  return { origin: { path: label, url: null, record: null, segment: null }, format: 'text', content: text, hints: {}, label, messages: [] };
}

/** A pipeline that makes one article per document from its text, and throws on documents labelled "bug". */
const fakePipeline: Pipeline = {
  run(raw) {
    if (raw.label.startsWith('bug')) throw new TypeError('cannot read properties of undefined');
    return { articles: [makeArticle({ text: String(raw.content), origin: raw.origin, entities: [], quotes: [], dates: [] })], messages: [] };
  },
};

const REPORTS = ['a', 'b', 'c', 'd', 'e'].map((name) => rawDocument(`${name}.txt`, `Meldung ${name}: Der Rat von Kellingen tagte am Montag über die Sanierung des Hallenbads ${name}.`));

/** The object with some of its members replaced (the SQLite store is a class: its methods stay bound to it). */
function withMembers<T extends object>(object: T, replaced: Partial<T>): T {
  return new Proxy(object, {
    get: (target, key) => (key in replaced ? replaced[key as keyof T] : Reflect.get(target, key, target)),
  });
}

/** Records the transactions the runner opens, to check how it batches. */
function countingPuts(store: Store): { store: Store; batches: Article[][] } {
  const batches: Article[][] = [];
  return { batches, store: withMembers(store, { putArticles: (articles) => {
        batches.push([...articles]);
        return store.putArticles(articles);
      }, }) };
}

/** Captures stderr while `run` runs. */
async function stderrOf(run: () => Promise<unknown>): Promise<string> {
  const write = process.stderr.write;
  const lines: string[] = [];
  process.stderr.write = ((chunk: string) => {
    lines.push(String(chunk));
    return true;
  }) as typeof process.stderr.write;
  try {
    await run();
  } finally {
    process.stderr.write = write;
  }
  return lines.join('');
}

test('the runner stores articles in batches, then links and places every one of them', async () => {
  const store = openSqliteStore(':memory:');
  const counted = countingPuts(store);
  const runner = await openRunner(counted.store, fakePipeline, { batchArticles: 2, batchMaxMs: 60_000, roundArticles: 100 });
  const totals = await runner.ingest(REPORTS, makeReporter({ quiet: true }));
  assert.deepEqual(counted.batches.map((b) => b.length), [2, 2, 1]);
  assert.equal(totals.articlesAdded, 5);
  assert.equal(totals.occurrencesAdded, 5);
  assert.equal((await store.stats()).articles, 5);
  assert.deepEqual(await store.reuse.unlinkedArticleIds(), []);
  assert.deepEqual(await store.stories.unplacedArticleIds(), []);
  assert.equal(totals.events, await store.stories.countStories('event'));
  await store.close();
});

test('the runner cuts link-and-place rounds by article count, whatever the time between documents', async () => {
  const store = openSqliteStore(':memory:');
  const rounds: number[] = [];
  const runner = await openRunner(
    withMembers(store, { reuse: withMembers(store.reuse, { putReuseLinks: (links, linked, fingerprints) => {
            rounds.push(linked?.length ?? 0);
            return store.reuse.putReuseLinks(links, linked, fingerprints);
          }, }) }),
    fakePipeline,
    // Every document is stored on its own (the time limit is always over), yet linked in rounds of two.
    { batchArticles: 100, batchMaxMs: 0, roundArticles: 2 },
  );
  await runner.ingest(REPORTS);
  assert.deepEqual(rounds, [2, 2, 1]);
  await store.close();
});

test('the runner rejects a document whose pipeline run throws, names it, and stores the rest', async () => {
  const store = openSqliteStore(':memory:');
  const reporter = makeReporter({ quiet: true });
  const runner = await openRunner(store, fakePipeline);
  const docs = [rawDocument('ok.txt', 'Der Rat tagte.'), rawDocument('bug.txt', 'x'), rawDocument('ok2.txt', 'Die Stadt feierte.')];
  const stderr = await stderrOf(() => runner.ingest(docs, reporter));
  assert.equal(reporter.report.rejected, 1);
  assert.equal((await store.stats()).articles, 2);
  assert.match(stderr, /bug\.txt: pipeline\/internal-error: cannot read properties of undefined \(a storytrace bug/);
  await store.close();
});

test('an article the story update throws on is named and left unplaced; the others of its round are placed', async () => {
  const store = openSqliteStore(':memory:');
  const poison = makeArticle({ text: String(REPORTS[2]!.content), origin: REPORTS[2]!.origin }).id;
  // The update breaks whenever it would place the poisoned article: nothing of that update is stored.
  const stories = withMembers(store.stories, {
    applyStoryUpdate: (update) => (update.members.some((m) => m.articleId === poison) ? Promise.reject(new RangeError('bad event day')) : store.stories.applyStoryUpdate(update)),
  });
  const skips: StepSkip[] = [];
  const runner = await openRunner(withMembers(store, { stories }), fakePipeline);
  const totals = await runner.ingest(REPORTS, { stepSkipped: (skip) => skips.push(skip) });
  assert.equal(totals.articlesAdded, 5);
  assert.deepEqual(skips.map((s) => [s.step, s.input, s.internal]), [['stories', 'c.txt', true]]);
  assert.match(skips[0]!.reason, /bad event day \(a storytrace bug.*not placed/);
  assert.deepEqual(await store.stories.unplacedArticleIds(), [poison]);
  assert.deepEqual(await store.reuse.unlinkedArticleIds(), []);
  await store.close();
});

test('a failed step makes the command exit 1 and is printed even when quiet', async () => {
  const reporter = makeReporter({ quiet: true });
  const stderr = await stderrOf(async () => {
    reporter.stepSkipped({ step: 'reuse', articleId: 'aaaa', input: 'big.txt', reason: 'text of 300000 characters is longer than 200000', internal: false });
    reporter.stepSkipped({ step: 'stories', articleId: 'bbbb', input: 'odd.txt', reason: 'x (a storytrace bug)', internal: true });
  });
  assert.equal(stderr, 'stories: odd.txt (bbbb): x (a storytrace bug)\n');
  assert.equal(exitCodeFor(reporter.report), 1);
});

test('an article the reuse linker throws on is named and left unlinked; the rest of the run goes on', async () => {
  const store = openSqliteStore(':memory:');
  const wire = 'Der Kreistag von Kellingen hat am Montag mit knapper Mehrheit beschlossen, das marode Hallenbad an der Talstraße für rund zwölf Millionen Euro zu sanieren. Die Arbeiten sollen im Frühjahr beginnen und zwei Jahre dauern, teilte die Verwaltung mit.';
  const docs = [rawDocument('first.txt', wire), rawDocument('copy.txt', `${wire} Die Opposition kritisierte die Kosten.`), rawDocument('other.txt', 'Die Feuerwehr übte am Samstag.')];
  const first = makeArticle({ text: wire }).id;
  // Reading the first article back as a candidate breaks: the copy, which would link to it, cannot be linked.
  const broken = withMembers(store, { getArticle: (id) => (id === first ? Promise.reject(new Error('disk I/O error')) : store.getArticle(id)) });
  const skips: StepSkip[] = [];
  const runner = await openRunner(broken, fakePipeline, { roundArticles: 1 });
  const totals = await runner.ingest(docs, { stepSkipped: (skip) => skips.push(skip) });
  assert.equal(totals.articlesAdded, 3);
  assert.deepEqual(skips.map((s) => [s.step, s.input, s.internal]), [['reuse', 'copy.txt', true]]);
  assert.match(skips[0]!.reason, /disk I\/O error \(a storytrace bug.*not linked/);
  assert.deepEqual(await store.reuse.unlinkedArticleIds(), [makeArticle({ text: String(docs[1]!.content) }).id]);
  assert.deepEqual(await store.stories.unplacedArticleIds(), []);
  await store.close();
});
