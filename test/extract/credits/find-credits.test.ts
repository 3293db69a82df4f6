import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import assert from 'node:assert/strict';
import { findCredits } from '../../../src/extract/credits/find-credits.js';
import { loadAgencyLexicon, parseAgencyLexicon } from '../../../src/extract/credits/agency-lexicon.js';
import type { SideText } from '../../../src/article.js';

const agencies = loadAgencyLexicon();
const NO_SIDE_TEXTS = { sideTexts: [], byline: null };
const names = (text: string, sideTexts: SideText[] = []) => findCredits(text, { sideTexts, byline: null }, agencies).map((c) => c.name);

test('a source line credits each agency it lists', () => {
  assert.deepEqual(names('Der Pegel sinkt weiter.\nQuelle: dpa, AFP'), ['dpa', 'AFP']);
  assert.deepEqual(names('Quellen: Reuters/AP'), ['Reuters', 'AP']);
});

test('a credit line the cleaner set aside counts, a photo credit does not', () => {
  const sides: SideText[] = [
    { kind: 'credit-line', text: 'Quelle: KNA' },
    { kind: 'photo-credit', text: 'Foto: dpa' },
    { kind: 'caption', text: 'Der Landrat in Gera (Foto: AFP)' },
  ];
  assert.deepEqual(names('Ein Satz über die Orla.', sides), ['KNA']);
});

test('the dateline names the agency: "ERFURT (dpa-AFX) -" is dpa-AFX, not dpa', () => {
  const credits = findCredits('ERFURT (dpa-AFX) - Die Aktie des Versorgers fiel am Freitag.', NO_SIDE_TEXTS, agencies);
  assert.deepEqual(credits, [{ name: 'dpa-AFX', kind: 'agency', evidence: '(dpa-AFX) -' }]);
});

test('a closing sentence of contributors credits them', () => {
  assert.deepEqual(names('Der Streit geht weiter.\n\nAP und Reuters haben zu diesem Bericht beigetragen'), ['AP', 'Reuters']);
  assert.deepEqual(names('Text mit Material von dpa und epd.'), ['dpa', 'epd']);
});

test('"Dies berichtet das Magazin …" credits an outlet as an outlet', () => {
  const credits = findCredits('Moskau bestätigt die Zusammenarbeit. Dies berichtet das Magazin "RT DE".', NO_SIDE_TEXTS, agencies);
  assert.deepEqual(credits.map((c) => [c.name, c.kind]), [['RT DE', 'outlet']]);
});

test('author initials and agencies on a closing line', () => {
  assert.deepEqual(names('Der Pegel sinkt.\n\nab/dpa'), ['dpa']);
  assert.deepEqual(names('Der Pegel sinkt.\n\ndpa/AFP/rtr'), ['dpa', 'AFP', 'Reuters']);
});

test('names in running text are sources quoted, not credits', () => {
  assert.deepEqual(names('Wie die Nachrichtenagentur Xinhua berichtete, traf Xi den Präsidenten.'), []);
  assert.deepEqual(names('Die Arbeiterpartei (AP) verlor die Wahl.'), []);
  assert.deepEqual(names('Foto: dpa'), []);
  assert.deepEqual(names('Quelle: www.beispiel-bildagentur.de © Landratsamt'), []);
});

test('a frame that says "source" credits an unknown name as an outlet; others skip it', () => {
  const credits = findCredits('Quelle: Orlatal Online, dpa', NO_SIDE_TEXTS, agencies);
  assert.deepEqual(credits.map((c) => [c.name, c.kind]), [['Orlatal Online', 'outlet'], ['dpa', 'agency']]);
  assert.deepEqual(names('Dies berichtet das Portal "Orlatal Online".'), ['Orlatal Online']);
  assert.deepEqual(names('Weiter berichtet Orlatal Online: "Der Pegel sinkt."'), ['Orlatal Online']);
  assert.deepEqual(names('Quelle: eigene Recherche'), []);
  assert.deepEqual(names('Quelle: http://forum.example/t-96.html'), []);
  assert.deepEqual(names('Unsere Korrespondenten haben zu diesem Bericht beigetragen'), []);
});

test('a byline credits the agencies among its authors, not the authors', () => {
  assert.deepEqual(names('Der Pegel sinkt.', [{ kind: 'byline', text: 'Von Tobias Beispiel und dpa' }]), ['dpa']);
  assert.deepEqual(names('Der Pegel sinkt.', [{ kind: 'byline', text: 'Anna Beispiel' }]), []);
  const fromPage = findCredits('Der Pegel sinkt.', { sideTexts: [], byline: 'By Jane Example, Reuters' }, agencies);
  assert.deepEqual(fromPage.map((c) => c.name), ['Reuters']);
});

test('agency and initials in a closing parenthesis, English contributor notes', () => {
  assert.deepEqual(names('Die Erklärung muss noch gebilligt werden.\n\n(dpa/kb)'), ['dpa']);
  assert.deepEqual(names('Reporting by our staff; Reuters contributed.'), ['Reuters']);
  assert.deepEqual(names('Reuters contributed to this report.'), ['Reuters']);
});

test('each source is credited once, with the first evidence', () => {
  const credits = findCredits('GERA (dpa) - Der Pegel sinkt.\nQuelle: dpa', NO_SIDE_TEXTS, agencies);
  assert.deepEqual(credits, [{ name: 'dpa', kind: 'agency', evidence: '(dpa) -' }]);
});

test('the lexicon rejects a malformed row, naming it', () => {
  assert.throws(() => parseAgencyLexicon('# header\nname\taliases\tcountry\tkind\ndpa\tdpa\tDE\tpress\n'), /row 1 .*kind/);
  const lexicon = parseAgencyLexicon('# header\nname\taliases\tcountry\tkind\nKNA\tKNA|Katholische Nachrichten-Agentur\tDE\tagency\n');
  assert.equal(lexicon.findSource('Katholische Nachrichten-Agentur')?.name, 'KNA');
  assert.equal(lexicon.findSource('kna'), undefined);
});

test('every lexicon entry names a kind and can be found by its own name', () => {
  for (const source of agencies.sources) {
    assert.equal(agencies.findSource(source.name)?.name, source.name, source.name);
    assert.match(source.country, /^[A-Z]{2}$/u, source.name);
  }
});

test('agencies.tsv opens with a header saying what it holds, its source, licence and how it is rebuilt', () => {
  const header = readFileSync(new URL('../../../src/extract/credits/agencies.tsv', import.meta.url), 'utf8').split('\n')[0]!;
  for (const word of ['#', 'Columns', 'Source', 'licence', 'script']) assert.ok(header.includes(word), word);
});
