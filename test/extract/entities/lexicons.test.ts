import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadLexicons } from '../../../src/extract/entities/lexicons.js';

test('loadLexicons reads the packages once, then gives the same lists from its cache file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'storytrace-lexicons-'));
  try {
    const cache = join(dir, 'lexicons.txt');
    const fromPackages = loadLexicons(cache);
    assert.ok(existsSync(cache));
    const fromCache = loadLexicons(cache);
    for (const list of ['nounForms', 'personNameParts', 'companyNames', 'townNames'] as const) {
      assert.ok(fromPackages[list].size > 1000, `${list} has ${fromPackages[list].size} words`);
      assert.deepEqual([...fromCache[list]], [...fromPackages[list]], list);
      assert.ok(!fromPackages[list].has(''), `${list} holds an empty word`);
    }
    assert.ok(fromPackages.nounForms.has('Regierungen'));
    assert.ok(fromPackages.townNames.has('Füssen'));
    assert.ok(![...fromPackages.townNames].some((name) => name.includes(' ')), 'several-word town names are left out');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
