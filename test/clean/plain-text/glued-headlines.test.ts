import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cutGluedHeadlines, MIN_GLUED_PARAGRAPH_CHARS } from '../../../src/clean/plain-text/glued-headlines.de.js';

const FILLER =
  'Der Zweckverband erklärte am Montag, er halte sich an alle Auflagen und habe nichts zu verbergen. ' +
  'Die Gemeinden verlangen eine Offenlegung aller Messdaten seit dem Jahr 2015, und der Landrat will vermitteln. ';

test('cuts a headline glued between two sentences', () => {
  const paragraph = `${FILLER}Landrat bestreitet Absprachen mit dem Verband - keine Belege Die beiden Seiten wollen am Freitag reden. ${FILLER}`;
  const cut = cutGluedHeadlines(paragraph);
  assert.deepEqual(cut.headlines, ['Landrat bestreitet Absprachen mit dem Verband - keine Belege']);
  assert.ok(cut.text.includes('will vermitteln. Die beiden Seiten wollen am Freitag reden.'));
  assert.ok(!cut.text.includes('Landrat bestreitet'));
});

test('leaves party names, quoted titles and short paragraphs alone', () => {
  const names = `${FILLER}Unterstützung bekommen sie von Die Linke und von Die Grünen im Kreistag. ${FILLER}`;
  assert.deepEqual(cutGluedHeadlines(names).headlines, []);
  const quoted = `${FILLER}Der Landrat verwies auf das Buch "Die letzten Tage der Orla" und schwieg. ${FILLER}`;
  assert.deepEqual(cutGluedHeadlines(quoted).headlines, []);
  const short = 'Er sagte. Landrat bestreitet Absprachen mit dem Verband Die beiden Seiten reden.';
  assert.ok(short.length < MIN_GLUED_PARAGRAPH_CHARS);
  assert.deepEqual(cutGluedHeadlines(short).headlines, []);
});

test('a long run-on sentence is not taken for a headline', () => {
  const runOn = `${FILLER}Nachdem der Verband am Montag trotz aller Proteste aus den Gemeinden und trotz der Warnungen der Fischer und der Landwirte aus dem ganzen Orlatal an seinen umstrittenen Plänen festgehalten hatte Die beiden Seiten wollen reden. ${FILLER}`;
  assert.deepEqual(cutGluedHeadlines(runOn).headlines, []);
});
