import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readTextPage } from '../../src/clean/plain-text/text-page.js';
import { removeBoilerplate } from '../../src/clean/plain-text/boilerplate.js';
import { readAgencyStamp, splitCompoundPage } from '../../src/clean/compound-page.js';
import { findCredits } from '../../src/extract/credits/find-credits.js';
import { loadAgencyLexicon } from '../../src/extract/credits/agency-lexicon.js';
import { resolvePublished } from '../../src/extract/published/resolve-published.js';
import type { Page } from '../../src/page.js';
import { makeRawText } from './plain-text/make-raw.js';

/** test/fixtures/compound-page/<case>/: input.txt and expected.json, one entry per segment in order. */
interface SegmentExpectation {
  readonly title?: string | null;
  /** As the article will carry it: the segment's own date, else the page's. */
  readonly published?: string | null;
  readonly outlet?: string | null;
  readonly credits?: readonly string[];
  readonly with: readonly string[];
  readonly without?: readonly string[];
}

const FIXTURES = join(import.meta.dirname, '../fixtures/compound-page');
const agencies = loadAgencyLexicon();

function cleanPage(input: string): Page {
  return removeBoilerplate(readTextPage(input, makeRawText(input)));
}

for (const name of readdirSync(FIXTURES).sort()) {
  test(`compound-page fixture ${name}`, () => {
    const input = readFileSync(join(FIXTURES, name, 'input.txt'), 'utf8');
    const expected = JSON.parse(readFileSync(join(FIXTURES, name, 'expected.json'), 'utf8')) as {
      segments: SegmentExpectation[];
    };
    const page = cleanPage(input);
    const segments = splitCompoundPage(page);
    assert.equal(segments.length, expected.segments.length, `segments: ${segments.map((s) => s.title).join(' | ')}`);
    expected.segments.forEach((want, i) => {
      const got = segments[i]!;
      if (want.title !== undefined) assert.equal(got.title, want.title);
      if (want.published !== undefined) assert.equal(resolvePublished(page, got).published?.value ?? null, want.published);
      if (want.outlet !== undefined) assert.equal(got.outlet, want.outlet);
      if (want.credits) assert.deepEqual(findCredits(got.text, { sideTexts: [], byline: null }, agencies).map((c) => c.name), want.credits);
      for (const snippet of want.with) assert.ok(got.text.includes(snippet), `segment ${i} lacks "${snippet}"`);
      for (const snippet of want.without ?? []) assert.ok(!got.text.includes(snippet), `segment ${i} still has "${snippet}"`);
    });
  });
}

test('splits a page that glues four reports together, keeping every body sentence once', () => {
  const input = readFileSync(join(FIXTURES, 'compound-page-four-reports', 'input.txt'), 'utf8');
  const page = cleanPage(input);
  const joined = splitCompoundPage(page).map((s) => s.text).join('\n\n');
  for (const sentence of ['Der Verband sieht sich im Recht', 'Das Umweltministerium in Erfurt kündigte an', 'Anja Seidel.']) {
    assert.equal(joined.split(sentence).length - 1, 1, `"${sentence}" should appear exactly once`);
  }
});

test('a page without cues stays one segment with the page title', () => {
  const input = 'Kurzmeldung\n\nDer Pegel der Orla steigt wieder. Das meldete das Landesamt am Dienstag.';
  const page = cleanPage(input);
  assert.deepEqual(splitCompoundPage(page), [{ title: 'Kurzmeldung', text: page.text, published: null, outlet: null }]);
});

test('readAgencyStamp reads headline, stamp, agency and dateline', () => {
  const stamp = readAgencyStamp('Pegel steigt wieder 15.06.23, 07:30 dpaJENA (dpa) - Nach den Gewittern steigt der Pegel.');
  assert.deepEqual(stamp, {
    title: 'Pegel steigt wieder',
    published: { value: '2023-06-15T07:30+02:00', evidence: 'agency stamp "15.06.23, 07:30"' },
    outlet: 'dpa',
    text: 'JENA (dpa) - Nach den Gewittern steigt der Pegel.',
  });
});

test('readAgencyStamp refuses a sentence that merely holds a time and a parenthesis', () => {
  assert.equal(readAgencyStamp('Die Sitzung beginnt am 15.06.23, 07:30 im Rathaus (Saal 2) - bitte pünktlich.'), null);
  assert.equal(readAgencyStamp('Er sagte es. Dann kam 15.06.23, 07:30 JENA (dpa) - der nächste Bericht.'), null);
});

test('an unrepeated "Title — Outlet" line without an agency stamp on the page splits nothing', () => {
  const body = 'Der Zweckverband sieht sich bestätigt. '.repeat(8).trim();
  const input = `Regen an der Orla\n\n${body}\n\nZweckverband fühlt sich nach Regen bestätigt — Orla Aktuell`;
  const segments = splitCompoundPage(cleanPage(input));
  assert.equal(segments.length, 1);
  assert.equal(segments[0]!.outlet, null);
  assert.ok(segments[0]!.text.endsWith('— Orla Aktuell'));
});
