import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BOILERPLATE_LINES_DE,
  CAPTION_WITH_PHOTO_CREDIT,
  TRAILING_MORE_ON_TOPIC,
} from '../../../src/clean/plain-text/boilerplate-patterns.de.js';

/** Which rule a paragraph falls under, or null: the first match decides, as in removeBoilerplate. */
const ruleFor = (line: string) => BOILERPLATE_LINES_DE.find(({ pattern }) => pattern.test(line))?.rule ?? null;

const MATCHES: readonly [string, string][] = [
  ['Leave a Reply', 'theme-furniture'],
  ['Alle ansehen', 'theme-furniture'],
  ['aktuelle beiträge', 'theme-furniture'],
  ['21 Ansichten0 Kommentare', 'social-counter'],
  ['1.204 Aufrufe', 'social-counter'],
  ['3 Kommentare', 'social-counter'],
  ['source site-26', 'scraper-marker'],
  ['03.02.2022 | 01:41 min', 'media-length'],
  ['Mehr zum Thema – Landrat setzt Schlichter ein', 'more-on-topic'],
  ['Mehr zu Wasser und Landwirtschaft', 'more-on-topic'],
  ['Orla-Streit: Gemeinden wollen vor Gericht ziehen - n-tv.de', 'link-card'],
  ['• Gemeinden drohen mit Klage gegen den Zweckv...', 'truncated-bullet-link'],
  ['Quelle: www.beispiel-bildagentur.de © Landratsamt', 'photo-credit'],
  ['Foto: dpa', 'photo-credit'],
  ['© picture alliance / Beispiel', 'photo-credit'],
  ['Quelle: dpa, AFP', 'source-line'],
  ['Quelle: RT DE', 'source-line'],
  ['Mit Material von dpa und epd', 'source-line'],
  ['AP und Reuters haben zu diesem Bericht beigetragen', 'contributed-line'],
  ['ab/dpa', 'slash-credit'],
  ['(dpa/AFP)', 'slash-credit'],
];

const KEPT: readonly string[] = [
  'Quellen zufolge will der Zweckverband die Preise erhöhen.',
  'Mehr zu tun haben in diesem Sommer auch die Wasserwerke.',
  'Mehr zum Thema sagte der Landrat nichts.',
  '• Offenlegung aller Messdaten seit 2015',
  'Die Teilnehmer kamen aus 21 Gemeinden.',
  'Am 03.02.2022 um 01:41 Uhr fiel der Strom aus.',
  'Das berichtete der Landrat am Montag - und alle schwiegen.',
  'Alle ansehen, die gekommen sind, sollen mitreden dürfen.',
  'Bürgermeisterin Seidel sagte, man werde "bis zum Ende kämpfen" (dpa).',
  'Foto-Ausstellung im Rathaus eröffnet',
];

test('each boilerplate rule matches what it names', () => {
  for (const [line, rule] of MATCHES) assert.equal(ruleFor(line), rule, line);
});

test('article sentences and headings that share words with the rules are kept', () => {
  for (const line of KEPT) assert.equal(ruleFor(line), null, line);
});

test('TRAILING_MORE_ON_TOPIC cuts only a dash-led link after a sentence end', () => {
  const glued = 'Der Verband will prüfen. Mehr zum Thema - Pumpwerk Neunhofen: Verband kündigt Prüfung an';
  assert.equal(TRAILING_MORE_ON_TOPIC.exec(glued)?.[0].trim(), 'Mehr zum Thema - Pumpwerk Neunhofen: Verband kündigt Prüfung an');
  assert.equal(TRAILING_MORE_ON_TOPIC.exec('Der Verband will prüfen. Mehr zum Thema sagte er nichts.'), null);
});

test('CAPTION_WITH_PHOTO_CREDIT wants a picture source as a whole word in the closing parenthesis', () => {
  assert.ok(CAPTION_WITH_PHOTO_CREDIT.test('Landrat Kolbe bei der Einweihung (POOL/AFP über Getty Images)'));
  assert.ok(CAPTION_WITH_PHOTO_CREDIT.test('Bauarbeiter am Becken (Foto: Pressestelle)'));
  assert.ok(!CAPTION_WITH_PHOTO_CREDIT.test('Und bitte entschuldigt den Fehler (falls ihr ihn überhaupt gefunden habt)'));
  assert.ok(!CAPTION_WITH_PHOTO_CREDIT.test('Der Pegel sinkt weiter (dpa)'));
  assert.ok(!CAPTION_WITH_PHOTO_CREDIT.test('Landrat Kolbe bei der Einweihung (Foto: Pressestelle).'));
});

test('slash-credit needs an agency among the slashed names', () => {
  for (const line of ['dpa/AFP/rtr', 'ms/dpa', '(dpa/AFP)', 'ab/kna']) assert.equal(ruleFor(line), 'slash-credit', line);
  for (const line of ['Punkte/Rennen', 'Polyester/Elasthan', 'Annahmen / Erklärungen', 'iStock/cjp', 'dpa']) {
    assert.notEqual(ruleFor(line), 'slash-credit', line);
  }
});

test('a picture credit naming a stock site is a photo credit, not a link card', () => {
  assert.equal(ruleFor('Bildcredit: (c) Beispiel - stockbilder.example'), 'photo-credit');
  assert.equal(ruleFor('Symbolgrafik: © Beispiel - stock.example.com'), 'photo-credit');
});
