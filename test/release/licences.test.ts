// Release hygiene: every data file under src/ says its licence in its header and is listed in NOTICE;
// package.json names the licences of what the package ships; every dependency is imported somewhere.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';

const root = new URL('../../', import.meta.url).pathname;
const DATA_FILE = /\.(tsv|txt|json)$/;
const LICENCE_WORD = /licen[cs]e/i;

function filesUnder(dir: string, keep: (path: string) => boolean): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path, keep);
    return keep(path) ? [path] : [];
  });
}

/** The header of a data file: a JSON file's `header` object or top-level text fields, else the comment lines it opens with. */
function headerOf(path: string): string {
  const text = readFileSync(path, 'utf8');
  if (path.endsWith('.json')) {
    // a `header` object, or the top-level text fields (`about`, `licence`) beside the data
    const json = JSON.parse(text) as Record<string, unknown>;
    return JSON.stringify(json.header ?? Object.fromEntries(Object.entries(json).filter(([, value]) => typeof value === 'string')));
  }
  const lines = text.split('\n');
  const firstData = lines.findIndex((line) => !line.startsWith('#'));
  return lines.slice(0, firstData === -1 ? lines.length : firstData).join('\n');
}

const dataFiles = filesUnder(join(root, 'src'), (path) => DATA_FILE.test(path)).map((path) => relative(root, path));

test('every data file under src/ has a licence line in its header', () => {
  assert.ok(dataFiles.length > 10, `found only ${dataFiles.length} data files`);
  const missing = dataFiles.filter((path) => !LICENCE_WORD.test(headerOf(join(root, path))));
  assert.deepEqual(missing, [], `data files without a licence line in their header: ${missing.join(', ')}`);
});

test('the licence check reads only the header, not a licence word further down', () => {
  const fixture = join(root, 'test/release/fixtures/licence-below-header.tsv');
  assert.equal(LICENCE_WORD.test(readFileSync(fixture, 'utf8')), true);
  assert.equal(LICENCE_WORD.test(headerOf(fixture)), false);
});

test('NOTICE names every data file under src/', () => {
  const notice = readFileSync(join(root, 'NOTICE'), 'utf8');
  const missing = dataFiles.filter((path) => !notice.includes(path));
  assert.deepEqual(missing, [], `data files NOTICE does not list: ${missing.join(', ')}`);
});

test('package.json names the licences of what the package ships, and LICENSE is the MIT text', () => {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { license: string };
  // the code is MIT; src/extract/entities/ner.de.json is trained on CC BY 4.0 data and shared under it
  assert.equal(pkg.license, 'MIT AND CC-BY-4.0');
  assert.match(readFileSync(join(root, 'LICENSE'), 'utf8'), /^MIT License/);
});

test('every dependency is imported by the code, and the README says why it is there', () => {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  const sources = filesUnder(join(root, 'src'), (path) => path.endsWith('.ts'))
    .map((path) => readFileSync(path, 'utf8'))
    .join('\n');
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  for (const name of Object.keys(pkg.dependencies)) {
    const quoted = new RegExp(`['"]${name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(/[^'"]*)?['"]`);
    assert.match(sources, quoted, `${name} is a dependency but nothing in src/ names it`);
    assert.ok(readme.includes(`\`${name}\``), `README does not say why ${name} is a dependency`);
  }
});
