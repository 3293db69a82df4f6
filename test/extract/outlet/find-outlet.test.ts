import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import assert from 'node:assert/strict';
import { findOutlet, splitTitleOutletSuffix } from '../../../src/extract/outlet/find-outlet.js';
import { loadOutletTable, parseOutletTable } from '../../../src/extract/outlet/outlet-table.js';
import type { Page, Segment } from '../../../src/page.js';

const outlets = loadOutletTable();

function makePage(fields: Partial<Page> & { url?: string | null }): Page {
  const { url = null, ...rest } = fields;
  return {
    origin: { path: null, url, record: null, segment: null },
    label: 'page',
    format: 'html',
    title: null,
    text: 'Ein Satz.',
    published: null,
    siteName: null,
    byline: null,
    declaredLanguage: null,
    sideTexts: [],
    messages: [],
    ...rest,
  };
}
const segment = (title: string | null, outlet: string | null = null): Segment => ({ title, text: 'Ein Satz.', published: null, outlet });

test('title-suffix-outlet: a known suffix names the outlet and leaves the title', () => {
  assert.deepEqual(findOutlet(makePage({}), segment('Pegel der Orla auf Rekordtief | ZDFheute'), outlets), {
    outlet: 'ZDF',
    title: 'Pegel der Orla auf Rekordtief',
    evidence: 'title suffix',
  });
  assert.equal(findOutlet(makePage({}), segment('Kreml: Gespräche beendet - n-tv.de'), outlets).outlet, 'n-tv');
  assert.equal(findOutlet(makePage({}), segment('Gespräche beendet — RT DE'), outlets).outlet, 'RT DE');
});

test('an unknown suffix and a hyphen inside a word stay part of the title', () => {
  assert.equal(splitTitleOutletSuffix('Putin - der Unberechenbare', outlets), null);
  assert.equal(splitTitleOutletSuffix('Ende der Nato-Osterweiterung gefordert', outlets), null);
  assert.deepEqual(findOutlet(makePage({}), segment('Putin - der Unberechenbare'), outlets), {
    outlet: null,
    title: 'Putin - der Unberechenbare',
    evidence: null,
  });
});

test('the domain names the outlet, subdomains included, www ignored', () => {
  assert.equal(findOutlet(makePage({ url: 'https://www.tagesschau.de/ausland/orla-101.html' }), segment('T'), outlets).outlet, 'tagesschau');
  assert.equal(findOutlet(makePage({ url: 'https://amp.n-tv.de/politik/x.html' }), segment('T'), outlets).outlet, 'n-tv');
  assert.equal(findOutlet(makePage({ url: 'https://de.rt.com/international/1234-x/' }), segment('T'), outlets).outlet, 'RT DE');
  assert.equal(findOutlet(makePage({ url: 'https://www.rt.com/news/1234-x/' }), segment('T'), outlets).outlet, 'RT');
  assert.equal(findOutlet(makePage({ url: 'https://orlatal-blog.example/x' }), segment('T'), outlets).outlet, null);
  assert.equal(findOutlet(makePage({ url: 'not a url' }), segment('T'), outlets).outlet, null);
});

test('the segment outlet comes first, then the declared site name, canonicalised when known', () => {
  const page = makePage({ siteName: 'zdfheute', url: 'https://www.n-tv.de/x' });
  assert.equal(findOutlet(page, segment('T', 'dpa-AFX'), outlets).outlet, 'dpa-AFX');
  assert.deepEqual(findOutlet(page, segment('T'), outlets), { outlet: 'ZDF', title: 'T', evidence: 'site name' });
  assert.equal(findOutlet(makePage({ siteName: 'Orlatal Online' }), segment('T'), outlets).outlet, 'Orlatal Online');
});

test('the suffix is stripped even when another clue names the outlet', () => {
  const found = findOutlet(makePage({ siteName: 'ZDFheute' }), segment('Pegel sinkt | ZDFheute'), outlets);
  assert.deepEqual(found, { outlet: 'ZDF', title: 'Pegel sinkt', evidence: 'site name' });
});

test('the table rejects a malformed row, naming it', () => {
  assert.throws(() => parseOutletTable('# h\nname\tdomains\ttitle_suffixes\nn-tv\tn-tv.de\n'), /row 1/);
});

test('outlets.tsv opens with a header saying what it holds, its source, licence and how it is rebuilt', () => {
  const header = readFileSync(new URL('../../../src/extract/outlet/outlets.tsv', import.meta.url), 'utf8').split('\n')[0]!;
  for (const word of ['#', 'Columns', 'Source', 'licence', 'script']) assert.ok(header.includes(word), word);
});

test('every outlet in the table is found by its name and by each of its domains', () => {
  for (const outlet of outlets.outlets) {
    assert.equal(outlets.findByName(outlet.name)?.name, outlet.name, outlet.name);
    for (const domain of outlet.domains) assert.equal(outlets.findByHost(`www.${domain}`)?.name, outlet.name, domain);
  }
});
