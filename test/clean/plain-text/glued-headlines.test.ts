import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cutGluedHeadlines, MIN_GLUED_PARAGRAPH_CHARS } from '../../../src/clean/plain-text/glued-headlines.de.js';

/** Every headline found, link or subheading. */
const headlinesIn = (paragraph: string) => {
  const cut = cutGluedHeadlines(paragraph);
  return [...cut.relatedLinks, ...cut.subheadings];
};

const FILLER =
  'Der Zweckverband erklärte am Montag, er halte sich an alle Auflagen und habe nichts zu verbergen. ' +
  'Die Gemeinden verlangen eine Offenlegung aller Messdaten seit dem Jahr 2015, und der Landrat will vermitteln. ';

test('cuts a headline glued between two sentences', () => {
  const paragraph = `${FILLER}Landrat bestreitet Absprachen mit dem Verband - keine Belege Die beiden Seiten wollen am Freitag reden. ${FILLER}`;
  const cut = cutGluedHeadlines(paragraph);
  assert.deepEqual(cut.relatedLinks, ['Landrat bestreitet Absprachen mit dem Verband - keine Belege']);
  assert.deepEqual(cut.subheadings, []);
  assert.ok(cut.text.includes('will vermitteln. Die beiden Seiten wollen am Freitag reden.'));
  assert.ok(!cut.text.includes('Landrat bestreitet'));
});

test('leaves party names, quoted titles and short paragraphs alone', () => {
  const names = `${FILLER}Unterstützung bekommen sie von Die Linke und von Die Grünen im Kreistag. ${FILLER}`;
  assert.deepEqual(headlinesIn(names), []);
  const quoted = `${FILLER}Der Landrat verwies auf das Buch "Die letzten Tage der Orla" und schwieg. ${FILLER}`;
  assert.deepEqual(headlinesIn(quoted), []);
  const short = 'Er sagte. Landrat bestreitet Absprachen mit dem Verband Die beiden Seiten reden.';
  assert.ok(short.length < MIN_GLUED_PARAGRAPH_CHARS);
  assert.deepEqual(headlinesIn(short), []);
});

test('a long run-on sentence is not taken for a headline', () => {
  const runOn = `${FILLER}Nachdem der Verband am Montag trotz aller Proteste aus den Gemeinden und trotz der Warnungen der Fischer und der Landwirte aus dem ganzen Orlatal an seinen umstrittenen Plänen festgehalten hatte Die beiden Seiten wollen reden. ${FILLER}`;
  assert.deepEqual(headlinesIn(runOn), []);
});

test('in a whole article flattened into one paragraph, a headline before "Der Sonderbeauftragte" is cut too', () => {
  const flattened = `${FILLER.repeat(4)}Kommission soll Pegel täglich prüfen Der Sonderbeauftragte Pohl habe die Gespräche gelobt. ${FILLER}`;
  assert.ok(flattened.length >= 1000);
  assert.deepEqual(headlinesIn(flattened), ['Kommission soll Pegel täglich prüfen']);
  const shorter = `${FILLER}Kommission soll Pegel täglich prüfen Der Sonderbeauftragte Pohl habe die Gespräche gelobt. ${FILLER}`;
  assert.deepEqual(headlinesIn(shorter), []);
  const party = `${FILLER.repeat(4)}Unterstützung kommt von Die Linke im Kreistag. ${FILLER}`;
  assert.deepEqual(headlinesIn(party), []);
});

test('nouns and names that look like sentence starters keep their sentence', () => {
  const cases = [
    'Die Ziegen fressen alles, was sie finden, und springen dann einfach über den Zaun (meist zum Trotz über den Graben).',
    'Wenn das Original zu teuer ist, hat Music Man mit seinen Nachbauten das passende Angebot.',
    'Liebe ist ein Weg, kein Augenblick, sondern ein Weg aus dem verschlossenen Ich zur Freigabe des Ich.',
    'Der Verband will die Regeln ohne Wenn und Aber umsetzen und alle Daten offenlegen.',
    'Die Sperre gilt bis zum 6. Juni verlängert – so die Behörde Die beiden Seiten reden weiter.',
  ];
  for (const sentence of cases) {
    const paragraph = `${FILLER.repeat(4)}${sentence} ${FILLER}`;
    assert.deepEqual(headlinesIn(paragraph), [], sentence);
  }
});

test('a plain glued headline is a subheading: set apart as its own paragraph, not removed', () => {
  const paragraph = `${FILLER}Entscheidung im Herbst Die beiden Seiten wollen bis Oktober verhandeln. ${FILLER}`;
  const cut = cutGluedHeadlines(paragraph);
  assert.deepEqual(cut.subheadings, ['Entscheidung im Herbst']);
  assert.deepEqual(cut.relatedLinks, []);
  assert.ok(cut.text.includes('will vermitteln.\n\nEntscheidung im Herbst\n\nDie beiden Seiten wollen'));
  assert.equal(cut.text.replace(/\s+/gu, ' '), paragraph.replace(/\s+/gu, ' '));
});
