import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readTextPage } from '../../../src/clean/plain-text/text-page.js';
import { removeBoilerplate } from '../../../src/clean/plain-text/boilerplate.js';
import { findCredits } from '../../../src/extract/credits/find-credits.js';
import { loadAgencyLexicon } from '../../../src/extract/credits/agency-lexicon.js';
import type { SideText } from '../../../src/article.js';
import { makeRawText } from './make-raw.js';

/** test/fixtures/clean-text/<case>/: input.txt and expected.json (title, published, with, without, sideTexts, credits). */
interface CleanTextExpectation {
  readonly title?: string | null;
  readonly published?: string | null;
  readonly with: readonly string[];
  readonly without: readonly string[];
  /** The complete list of side texts, in any order. */
  readonly sideTexts?: readonly SideText[];
  readonly credits?: readonly string[];
}

const FIXTURES = join(import.meta.dirname, '../../fixtures/clean-text');
const agencies = loadAgencyLexicon();
const sortSides = (sides: readonly SideText[]) => sides.map((s) => `${s.kind}: ${s.text}`).sort();

for (const name of readdirSync(FIXTURES).sort()) {
  test(`clean-text fixture ${name}`, () => {
    const input = readFileSync(join(FIXTURES, name, 'input.txt'), 'utf8');
    const expected = JSON.parse(readFileSync(join(FIXTURES, name, 'expected.json'), 'utf8')) as CleanTextExpectation;
    const page = removeBoilerplate(readTextPage(input, makeRawText(input)));

    if (expected.title !== undefined) assert.equal(page.title, expected.title);
    if (expected.published !== undefined) assert.equal(page.published?.value ?? null, expected.published);
    for (const snippet of expected.with) assert.ok(page.text.includes(snippet), `body lacks "${snippet}"`);
    for (const snippet of expected.without) assert.ok(!page.text.includes(snippet), `body still has "${snippet}"`);
    if (expected.sideTexts) assert.deepEqual(sortSides(page.sideTexts), sortSides(expected.sideTexts));
    if (expected.credits) {
      assert.deepEqual(findCredits(page.text, page, agencies).map((c) => c.name), expected.credits);
    }
  });
}

test('removeBoilerplate leaves its input page untouched', () => {
  const input = 'Titel der Meldung\n\nEin Satz über die Orla.\n\n5 Kommentare';
  const page = readTextPage(input, makeRawText(input));
  const before = JSON.stringify(page);
  const cleaned = removeBoilerplate(page);
  assert.equal(JSON.stringify(page), before);
  assert.equal(cleaned.text, 'Ein Satz über die Orla.');
});

test('captions are read from the text of plain-text pages only; an HTML page keeps what its reader kept', () => {
  const caption = 'Verbandschef Brandt: Die Lage ist ernst. (Foto: Zweckverband)';
  const input = `Titel der Meldung\n\nDer Pegel sinkt weiter.\n\n${caption}\n\nDer Verband prüft.`;
  const textPage = removeBoilerplate(readTextPage(input, makeRawText(input)));
  assert.ok(!textPage.text.includes(caption));
  assert.deepEqual(textPage.sideTexts, [{ kind: 'caption', text: caption }]);
  const htmlPage = removeBoilerplate({ ...readTextPage(input, makeRawText(input)), format: 'html' });
  assert.ok(htmlPage.text.includes(caption));
});

test('a contact label without a news-aktuell footer below it stays in the body', () => {
  const input = 'Titel der Meldung\n\nDer Verein sucht Helfer.\n\nKontakt: Vereinsheim am Markt\n\nTelefon: 01234 5678\n\nDas Fest beginnt um 14 Uhr.';
  const page = removeBoilerplate(readTextPage(input, makeRawText(input)));
  assert.ok(page.text.includes('Kontakt: Vereinsheim am Markt'));
  assert.ok(page.text.includes('Telefon: 01234 5678'));
});

test('boilerplate glued into a paragraph is cut on HTML pages too, and kept aside', () => {
  const notice = 'Durch die weitere Nutzung unserer Website erklären Sie sich mit dem Einsatz von Cookies einverstanden.';
  const input = `Titel der Meldung\n\nDer Pegel sinkt weiter. ${notice} Der Verband prüft.`;
  const htmlPage = removeBoilerplate({ ...readTextPage(input, makeRawText(input)), format: 'html' });
  assert.equal(htmlPage.text, 'Der Pegel sinkt weiter. Der Verband prüft.');
  assert.deepEqual(htmlPage.sideTexts, [{ kind: 'boilerplate', text: notice }]);
});
