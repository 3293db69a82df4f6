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
      assert.ok(fromPackages[list].length > 1000, `${list} has ${fromPackages[list].length} words`);
      assert.deepEqual(fromCache[list], fromPackages[list], list);
      assert.ok(!fromPackages[list].includes(''), `${list} holds an empty word`);
      assert.equal(new Set(fromPackages[list]).size, fromPackages[list].length, `${list} repeats a word`);
    }
    assert.ok(fromPackages.nounForms.includes('Regierungen'));
    assert.ok(fromPackages.townNames.includes('Füssen'));
    assert.ok(!fromPackages.townNames.some((name) => name.includes(' ')), 'several-word town names are left out');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
