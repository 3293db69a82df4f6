/**
 * The five real seed pages in ../shared/seeds through clean and extract, asserting the facts the
 * project issue states about them. Only facts are written here (agency names, dates), never seed text.
 * Skips when the shared folder is absent (a fresh clone).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readTextPage } from '../../../src/clean/plain-text/text-page.js';
import { removeBoilerplate } from '../../../src/clean/plain-text/boilerplate.js';
import { splitCompoundPage } from '../../../src/clean/compound-page.js';
import { findCredits } from '../../../src/extract/credits/find-credits.js';
import { loadAgencyLexicon } from '../../../src/extract/credits/agency-lexicon.js';
import { findOutlet } from '../../../src/extract/outlet/find-outlet.js';
import { loadOutletTable } from '../../../src/extract/outlet/outlet-table.js';
import { resolvePublished } from '../../../src/extract/published/resolve-published.js';
import { makeRawText } from './make-raw.js';

const SEEDS = join(import.meta.dirname, '../../../../shared/seeds');
const skip = existsSync(SEEDS) ? false : `no seeds at ${SEEDS}`;
const agencies = loadAgencyLexicon();
const outlets = loadOutletTable();

function readSeed(prefix: string) {
  const file = readdirSync(SEEDS).find((name) => name.startsWith(prefix));
  assert.ok(file, `seed ${prefix} missing`);
  const input = readFileSync(join(SEEDS, file), 'utf8');
  const page = removeBoilerplate(readTextPage(input, makeRawText(input)));
  const articles = splitCompoundPage(page).map((segment) => ({
    ...findOutlet(page, segment, outlets),
    text: segment.text,
    published: resolvePublished(page, segment).published?.value ?? null,
    credits: findCredits(segment.text, page, agencies).map((c) => `${c.name}/${c.kind}`),
  }));
  return { page, articles };
}

test('seed 000: the dpa-AFX roundup and the RT DE article are separate articles with their own title, date and outlet', { skip }, () => {
  const { articles } = readSeed('000');
  assert.ok(articles.length >= 2, `${articles.length} segments`);
  const roundup = articles.find((a) => a.outlet === 'dpa-AFX');
  const rt = articles.find((a) => a.outlet === 'RT DE');
  assert.ok(roundup && rt, `outlets: ${articles.map((a) => a.outlet).join(', ')}`);
  assert.equal(roundup.published, '2022-02-04T14:24+01:00');
  assert.deepEqual(roundup.credits, ['dpa-AFX/agency']);
  assert.match(roundup.text, /^\p{Lu}+ \(dpa-AFX\) - /u);
  assert.ok(rt.published?.startsWith('2022-02-04'));
  assert.ok(roundup.title && rt.title && roundup.title !== rt.title);
  // The RT DE piece ends in its own sentence: the repeated headline, the blog counters and the glued links are gone.
  assert.match(rt.text, /[.!?"“]$/u);
  assert.ok(!/Ansichten|Kommentare|Mehr zum Thema|— RT DE/u.test(articles.map((a) => a.text).join('\n')));
});

test('seed 001: one article credited to dpa and AFP, dated by its date line, video box removed', { skip }, () => {
  const { articles, page } = readSeed('001');
  assert.equal(articles.length, 1);
  assert.deepEqual(articles[0]!.credits, ['dpa/agency', 'AFP/agency']);
  assert.equal(articles[0]!.published, '2022-02-04T12:01+01:00');
  assert.ok(!/\d:\d\d min/u.test(page.text));
  assert.ok(!page.title?.startsWith(':'));
});

test('seed 002: no title line, dated by its header, credited to the outlet RT DE', { skip }, () => {
  const { articles } = readSeed('002');
  assert.equal(articles.length, 1);
  assert.equal(articles[0]!.title, null);
  assert.equal(articles[0]!.published, '2022-02');
  assert.deepEqual(articles[0]!.credits, ['RT DE/outlet']);
});

test('seed 003: one article crediting AP and Reuters, the picture agency in the caption not credited', { skip }, () => {
  const { articles, page } = readSeed('003');
  assert.equal(articles.length, 1);
  assert.deepEqual(articles[0]!.credits, ['AP/agency', 'Reuters/agency']);
  assert.deepEqual([...new Set(page.sideTexts.map((s) => s.kind))].sort(), ['boilerplate', 'caption', 'credit-line']);
});

test('seed 004: one article, title after the header, dated by the header month', { skip }, () => {
  const { articles } = readSeed('004');
  assert.equal(articles.length, 1);
  assert.ok(articles[0]!.title);
  assert.equal(articles[0]!.published, '2021-12');
  assert.deepEqual(articles[0]!.credits, []);
});
