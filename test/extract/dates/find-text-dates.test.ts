import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findTextDates, latestStatedPastDate } from '../../../src/extract/dates/find-text-dates.js';

const dateOf = (text: string, published: string | null, fragment: string) => {
  const found = findTextDates(text, published).find((d) => d.text.includes(fragment));
  assert.ok(found, `no date for ${fragment} in ${JSON.stringify(findTextDates(text, published))}`);
  return found;
};

test('"am Freitag" in a text of Friday 4 Feb 2022 is that day', () => {
  const d = dateOf('Beide Länder forderten am Freitag ein Ende der Gespräche.', '2022-02-04T14:24+01:00', 'Freitag');
  assert.equal(d.value, '2022-02-04');
  assert.equal(d.relation, 'same-day');
  assert.equal(d.kind, 'relative');
});

test('"am Mittwoch" in a December text is the Wednesday before it', () => {
  // 2021-12-17 is a Friday; the Wednesday before is the 15th
  const d = dateOf('Bei einem Treffen am Mittwoch sprachen beide Präsidenten.', '2021-12-17', 'Mittwoch');
  assert.equal(d.value, '2021-12-15');
  assert.equal(d.relation, 'past');
});

test('an announced weekday points forward', () => {
  const d = dateOf('Der Kanzler wird am Dienstag nach Wien reisen.', '2022-02-04', 'Dienstag');
  assert.equal(d.value, '2022-02-08');
  assert.equal(d.relation, 'announced');
});

test('gestern, vor zwei Jahren, letzten Monat, im vergangenen Jahr', () => {
  const text = 'Gestern wurde gewählt. Vor zwei Jahren war das anders. Letzten Monat kam die Wende. Im vergangenen Jahr stieg der Handel.';
  const values = findTextDates(text, '2022-02-04').map((d) => [d.text, d.value]);
  assert.deepEqual(values, [
    ['Gestern', '2022-02-03'],
    ['Vor zwei Jahren', '2020'],
    ['Letzten Monat', '2022-01'],
    ['Im vergangenen Jahr', '2021'],
  ]);
});

test('"im Dezember" in February is the December before; "im Februar" announced in December is the next one', () => {
  assert.equal(dateOf('Im Dezember hatte Uschakow das angekündigt.', '2022-02-04', 'Dezember').value, '2021-12');
  const announced = dateOf('Putin will Xi im Februar in Peking treffen.', '2021-12-15', 'Februar');
  assert.equal(announced.value, '2022-02');
  assert.equal(announced.relation, 'announced');
});

test('absolute dates keep their own value and are set against publication', () => {
  const d = dateOf('Die Partnerschaft wurde im Februar 2022 verkündet.', '2024-05-16', 'Februar 2022');
  assert.equal(d.value, '2022-02');
  assert.equal(d.kind, 'absolute');
  assert.equal(d.relation, 'past');
  assert.equal(dateOf('Treffen am 4. Februar 2022 in Peking', '2022-02-04', '4. Februar').value, '2022-02-04');
});

test('offsets point into the text', () => {
  const text = 'Am Freitag trafen sie sich.';
  const [d] = findTextDates(text, '2022-02-04');
  assert.equal(text.slice(d!.start, d!.end), d!.text);
});

test('without a day-precise publication date relative dates stay unresolved', () => {
  const d = dateOf('Am Freitag trafen sie sich.', '2022-02', 'Freitag');
  assert.equal(d.value, null);
  assert.equal(d.relation, 'unknown');
});

test('"am Morgen" is a time of day, not tomorrow; compounds are not weekdays', () => {
  assert.deepEqual(findTextDates('Am Morgen begann das Freitagsgebet.', '2022-02-04'), []);
});

test('an undated text is no older than the latest date it treats as past', () => {
  const text = 'Die Partnerschaft wurde im Februar 2022 verkündet. China schlug 2023 einen Friedensplan vor. Ein Treffen soll im Jahr 2030 stattfinden.';
  assert.equal(latestStatedPastDate(text, findTextDates(text, null)), '2023');
  assert.equal(latestStatedPastDate('Keine Daten hier.', []), null);
});
