import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makePostingsTable } from '../../src/link/postings-table.js';

test('finds every posting of a key after the table has grown many times', () => {
  const table = makePostingsTable(1000, 16);
  for (let key = 0; key < 50_000; key++) table.add(Math.imul(key, 2654435761) >>> 0, key % 97, key);
  for (const key of [0, 1, 12_345, 49_999]) {
    const seen: Array<[number, number]> = [];
    table.forEachPosting(Math.imul(key, 2654435761) >>> 0, (article, position) => seen.push([article, position]));
    assert.deepEqual(seen, [[key % 97, key]]);
  }
  assert.equal(table.articleCount(7), 0);
  assert.equal(table.postingCount, 50_000);
});

test('counts articles past the posting cap but stores no more postings', () => {
  const table = makePostingsTable(3);
  for (let article = 0; article < 10; article++) table.add(42, article, 0);
  let stored = 0;
  table.forEachPosting(42, () => stored++);
  assert.equal(table.articleCount(42), 10);
  assert.equal(stored, 3);
});

test('reads at most the given number of postings of a key, newest first', () => {
  const table = makePostingsTable(100);
  for (let article = 0; article < 10; article++) table.add(7, article, article * 2);
  const read: number[] = [];
  table.forEachPosting(7, (article) => read.push(article), 3);
  assert.deepEqual(read, [9, 8, 7]);
  assert.equal(table.articleCount(7), 10);
});
