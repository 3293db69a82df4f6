import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openSqliteStore } from '../../../src/store/sqlite/sqlite-store.js';
import { OUTLET_TYPES, entryOf, findOutletEntry, loadShippedRegistry, mergeRegistry } from '../../../src/story/outlets/outlet-registry.js';

test('outlet-registry: every shipped row has a known type and a two-letter country; names are unique', () => {
  const shipped = loadShippedRegistry();
  assert.ok(shipped.length > 20);
  for (const e of shipped) {
    assert.ok(e.type !== null && (OUTLET_TYPES as readonly string[]).includes(e.type), e.name);
    assert.match(e.country ?? '', /^[A-Z]{2}$/, e.name);
  }
  assert.equal(new Set(shipped.map((e) => e.name.toLowerCase())).size, shipped.length);
});

test('outlet-registry: sanctioned outlets carry the decision with its date; lookup works by domain', () => {
  const shipped = loadShippedRegistry();
  const rt = findOutletEntry(shipped, 'de.rt.com');
  assert.equal(rt?.name, 'RT DE');
  assert.ok(rt?.sanctions.some((s) => /^EU \d{4}-\d{2}-\d{2}: /.test(s)));
});

test('outlet-registry: a user row stored in the database overrides the shipped row of the same name', async () => {
  const store = openSqliteStore(':memory:');
  try {
    await store.stories.putOutletOverride({ name: 'taz', domains: 'taz.de', country: 'DE', type: 'blog/aggregator', sanctions: '' });
    const user = (await store.stories.listOutletOverrides()).map((r) => entryOf(r, 'user'));
    const merged = mergeRegistry(loadShippedRegistry(), user);
    const taz = findOutletEntry(merged, 'TAZ');
    assert.equal(taz?.type, 'blog/aggregator');
    assert.equal(taz?.origin, 'user');
    assert.equal(merged.filter((e) => e.name.toLowerCase() === 'taz').length, 1);
  } finally {
    await store.close();
  }
});
