import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  findDateExpressions,
  formatPublishedValue,
  parseDateExpression,
} from '../../../src/extract/published/date-expression.js';

function value(s: string): string | null {
  const parts = parseDateExpression(s);
  return parts ? formatPublishedValue(parts) : null;
}

test('parses German written and numeric dates with their time', () => {
  assert.equal(value('4 Feb. 2022 11:02 Uhr'), '2022-02-04T11:02+01:00');
  assert.equal(value('04.02.2022 | 12:01 Uhr'), '2022-02-04T12:01+01:00');
  assert.equal(value('04.02.22, 14:24'), '2022-02-04T14:24+01:00');
  assert.equal(value('Freitag, 4. Februar 2022'), '2022-02-04');
  assert.equal(value('3. Jänner 2021, 9.30 Uhr'), '2021-01-03T09:30+01:00');
});

test('parses English dates, RFC 822 and ISO strings keeping their stated zone', () => {
  assert.equal(value('Feb 4, 2022'), '2022-02-04');
  assert.equal(value('August 3rd, 2017 at 3:30 pm'), '2017-08-03T15:30+02:00');
  assert.equal(value('Fri, 04 Feb 2022 11:02:00 +0100'), '2022-02-04T11:02:00+01:00');
  assert.equal(value('Fri, 04 Feb 2022 10:02:00 GMT'), '2022-02-04T10:02:00+00:00');
  assert.equal(value('2022-02-04T11:02:00.000Z'), '2022-02-04T11:02:00+00:00');
  assert.equal(value('2022-02-04T11:02:00-05:00'), '2022-02-04T11:02:00-05:00');
});

test('keeps the precision a value states', () => {
  assert.equal(value('2022'), '2022');
  assert.equal(value('2022-02'), '2022-02');
  assert.equal(value('Februar 2022'), '2022-02');
  assert.equal(value('2022-02-04'), '2022-02-04');
});

test('a time without zone is left without offset when no zone is assumed', () => {
  const parts = parseDateExpression('04.02.2022 12:01');
  assert.ok(parts);
  assert.equal(formatPublishedValue(parts, { zone: null }), '2022-02-04T12:01');
});

test('rejects impossible dates and strings that are more than a date', () => {
  assert.equal(value('31.02.2024'), null);
  assert.equal(value('2022-13-01'), null);
  assert.equal(value('Treffen am 4. Februar 2022'), null);
  assert.equal(value('Version 1.2.2022.4'), null);
  assert.equal(value(''), null);
});

test('a duration after a date is not its time', () => {
  assert.deepEqual(
    findDateExpressions('03.02.2022 | 01:41 min').map((m) => m.text),
    ['03.02.2022'],
  );
});

test('finds a time stamp glued into a line and prefers the longer reading', () => {
  const found = findDateExpressions('ROUNDUP: Gipfel endet 05.03.23, 09:10 dpa-AFXWIEN (dpa-AFX) - Die');
  assert.equal(found.length, 1);
  assert.equal(found[0]!.text, '05.03.23, 09:10');
  assert.deepEqual(
    findDateExpressions('am 4. Februar 2022 und im März 2023').map((m) => m.text),
    ['4. Februar 2022', 'März 2023'],
  );
});

test('reads an ambiguous slash date by the chosen order, an unambiguous one by value', () => {
  const us = parseDateExpression('02/04/2022');
  const eu = parseDateExpression('02/04/2022', { zone: null, slashOrder: 'day-first' });
  assert.equal(us && formatPublishedValue(us), '2022-02-04');
  assert.equal(eu && formatPublishedValue(eu), '2022-04-02');
  const clear = parseDateExpression('25/04/2022');
  assert.equal(clear && formatPublishedValue(clear), '2022-04-25');
});

test('reads Romance and Dutch month names', () => {
  assert.equal(value('4 de febrero de 2022'), '2022-02-04');
  assert.equal(value('12 settembre 2021'), '2021-09-12');
  assert.equal(value('1er mars 2020'), '2020-03-01');
  assert.equal(value('3 maart 2019'), '2019-03-03');
});
