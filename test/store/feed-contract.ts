/** The feed side of the Store contract (FeedTables): monitored sources, their polls and their items. */
import assert from 'node:assert/strict';
import type { Store } from '../../src/store/store.js';
import type { FeedItemDocument, NewFeedItem } from '../../src/store/feeds.js';
import { makeArticle } from './store-contract.js';

export type ContractTest = (title: string, body: (store: Store) => Promise<void>) => void;

const T0 = '2025-03-14T08:00:00.000Z';
const T1 = '2025-03-14T08:15:00.000Z';
const T2 = '2025-03-14T08:30:00.000Z';

function item(key: string, url: string | null, text = ''): NewFeedItem {
  const document: FeedItemDocument = { url, feedUrl: 'https://x.example/rss', record: key, label: `feed, ${key}`, format: 'html', content: text, hints: { title: key } };
  return { key, document };
}

export function feedContractCases(contractTest: ContractTest): void {
  contractTest('feeds: a source is added once per URL, due at once, and listed with its state', async (store) => {
    const feed = await store.feeds.addFeed({ url: 'https://kreisbote.example/rss', kind: 'feed', outlet: 'Kreisbote', everyMs: 900_000 }, T0);
    assert.ok(feed);
    assert.equal(await store.feeds.addFeed({ url: 'https://kreisbote.example/rss', kind: 'feed', outlet: null, everyMs: 60_000 }, T1), null);
    assert.deepEqual({ ...feed, id: 0 }, {
      id: 0, url: 'https://kreisbote.example/rss', kind: 'feed', outlet: 'Kreisbote', everyMs: 900_000, paused: false, addedAt: T0,
      lastPollAt: null, lastSuccessAt: null, validators: {}, errorsInRow: 0, lastError: null, nextPollAt: T0, itemCount: 0, pendingCount: 0,
    });
    assert.deepEqual((await store.feeds.dueFeeds(T0)).map((f) => f.id), [feed.id]);
    assert.equal((await store.feeds.getFeedByUrl('https://kreisbote.example/rss'))?.id, feed.id);
  });

  contractTest('feeds: a poll keeps only the items not seen before, with the validators; a failed poll counts and keeps them', async (store) => {
    const feed = (await store.feeds.addFeed({ url: 'https://kreisbote.example/rss', kind: 'feed', outlet: null, everyMs: 900_000 }, T0))!;
    const first = await store.feeds.recordPoll({
      feedId: feed.id, at: T0, nextPollAt: T1, error: null, validators: { etag: '"v1"' }, itemsDueAt: T0,
      items: [item('a', 'https://kreisbote.example/a'), item('b', 'https://kreisbote.example/b')],
    });
    assert.equal(first, 2);
    const second = await store.feeds.recordPoll({
      feedId: feed.id, at: T1, nextPollAt: T2, error: null, validators: { etag: '"v2"', lastModified: 'Fri, 14 Mar 2025 08:10:00 GMT' }, itemsDueAt: T1,
      items: [item('c', 'https://kreisbote.example/c'), item('a', 'https://kreisbote.example/a')],
    });
    assert.equal(second, 1);
    let state = (await store.feeds.getFeed(feed.id))!;
    assert.deepEqual([state.itemCount, state.pendingCount, state.lastPollAt, state.nextPollAt], [3, 3, T1, T2]);
    assert.deepEqual(state.validators, { etag: '"v2"', lastModified: 'Fri, 14 Mar 2025 08:10:00 GMT' });
    assert.deepEqual(await store.feeds.dueFeeds(T1), [], 'not due before its next poll');
    await store.feeds.recordPoll({ feedId: feed.id, at: T2, nextPollAt: T2, error: 'HTTP 503', itemsDueAt: T2, items: [] });
    state = (await store.feeds.getFeed(feed.id))!;
    assert.deepEqual([state.errorsInRow, state.lastError, state.lastSuccessAt], [1, 'HTTP 503', T1]);
    assert.deepEqual(state.validators.etag, '"v2"', 'a failed poll keeps the validators');
  });

  contractTest('feeds: pending items come first seen first, a few per host, hosts to skip left out; finished items never come again', async (store) => {
    const feed = (await store.feeds.addFeed({ url: 'https://x.example/rss', kind: 'feed', outlet: null, everyMs: 60_000 }, T0))!;
    await store.feeds.recordPoll({
      feedId: feed.id, at: T0, nextPollAt: T1, error: null, itemsDueAt: T0,
      items: [item('a1', 'https://a.example/1'), item('a2', 'https://a.example/2'), item('b1', 'https://b.example:8080/1'), item('n1', null, 'Nur im Feed.'), item('a3', 'https://a.example/3')],
    });
    const keys = async (query: Partial<Parameters<Store['feeds']['pendingItems']>[0]> = {}) =>
      (await store.feeds.pendingItems({ dueBy: T0, limit: 10, perHost: 1, ...query })).map((i) => i.key);
    assert.deepEqual(await keys(), ['a1', 'b1', 'n1']);
    assert.deepEqual(await keys({ perHost: 2 }), ['a1', 'a2', 'b1', 'n1']);
    assert.deepEqual(await keys({ skipHosts: ['a.example'] }), ['b1', 'n1']);
    const [first] = await store.feeds.pendingItems({ dueBy: T0, limit: 1, perHost: 1 });
    assert.deepEqual({ ...first!, seq: 0, feedId: 0 }, { seq: 0, feedId: 0, key: 'a1', host: 'a.example', attempts: 0, document: item('a1', 'https://a.example/1').document });
    const pending = await store.feeds.pendingItems({ dueBy: T0, limit: 10, perHost: 5 });
    const seqOf = (key: string) => pending.find((i) => i.key === key)!.seq;
    await store.feeds.finishItems([
      { seq: seqOf('a1'), state: 'done', articleIds: ['abc'], at: T1 },
      { seq: seqOf('b1'), state: 'failed', reason: 'HTTP 404', at: T1 },
      { seq: seqOf('a2'), state: 'pending', reason: 'HTTP 503', nextAttemptAt: T2 },
    ]);
    assert.deepEqual(await keys({ dueBy: T1, perHost: 5 }), ['n1', 'a3']);
    assert.deepEqual(await keys({ dueBy: T2, perHost: 5 }), ['a2', 'n1', 'a3']);
    assert.equal((await store.feeds.pendingItems({ dueBy: T2, limit: 10, perHost: 5 }))[0]!.attempts, 1);
    assert.equal(await store.feeds.nextItemDue(), T0);
    // a later poll listing a finished item does not bring it back
    assert.equal(await store.feeds.recordPoll({ feedId: feed.id, at: T1, nextPollAt: T2, error: null, itemsDueAt: T1, items: [item('a1', 'https://a.example/1')] }), 0);
    assert.equal((await store.feeds.getFeed(feed.id))!.pendingCount, 3);
  });

  contractTest('feeds: a paused source is not due and its items wait; a removed one forgets its items', async (store) => {
    const feed = (await store.feeds.addFeed({ url: 'https://x.example/rss', kind: 'feed', outlet: null, everyMs: 60_000 }, T0))!;
    await store.feeds.recordPoll({ feedId: feed.id, at: T0, nextPollAt: T0, error: null, itemsDueAt: T0, items: [item('a', 'https://a.example/1')] });
    assert.equal(await store.feeds.setFeedPaused(feed.id, true), true);
    assert.deepEqual(await store.feeds.dueFeeds(T1), []);
    assert.deepEqual(await store.feeds.pendingItems({ dueBy: T1, limit: 10, perHost: 1 }), []);
    assert.equal(await store.feeds.nextItemDue(), null);
    await store.feeds.setFeedPaused(feed.id, false);
    assert.equal((await store.feeds.pendingItems({ dueBy: T1, limit: 10, perHost: 1, feedIds: [feed.id + 1] })).length, 0, 'other feeds only');
    assert.equal((await store.feeds.pendingItems({ dueBy: T1, limit: 10, perHost: 1, feedIds: [feed.id] })).length, 1);
    assert.equal(await store.feeds.removeFeed(feed.id), true);
    assert.equal(await store.feeds.removeFeed(feed.id), false);
    assert.deepEqual(await store.feeds.listFeeds(), []);
    assert.deepEqual(await store.feeds.pendingItems({ dueBy: T1, limit: 10, perHost: 1 }), []);
  });

  contractTest('feeds: stored articles are found by any URL they were found at', async (store) => {
    const page = makeArticle({ text: 'Die Brücke an der Kreisstraße bleibt bis Freitag gesperrt.', origin: { path: null, url: 'https://kreisbote.example/bruecke', record: 'k-1', segment: null } });
    await store.putArticles([page, { ...page, origin: { ...page.origin, url: 'https://kreisbote.example/b?id=7' } }]);
    const found = await store.feeds.articleIdsAtUrls(['https://kreisbote.example/b?id=7', 'https://kreisbote.example/bruecke', 'https://anders.example/']);
    assert.deepEqual(Object.fromEntries(found), { 'https://kreisbote.example/b?id=7': [page.id], 'https://kreisbote.example/bruecke': [page.id] });
  });
}
