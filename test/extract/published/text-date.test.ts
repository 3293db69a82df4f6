import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findDateLine, findOpeningDateline, findPublishedInText } from '../../../src/extract/published/text-date.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures/published');

for (const name of readdirSync(FIXTURES).sort()) {
  const input = join(FIXTURES, name, 'input.txt');
  if (!existsSync(input)) continue;
  test(`text fixture ${name}`, () => {
    const expected = JSON.parse(readFileSync(join(FIXTURES, name, 'expected.json'), 'utf8')) as { published: string | null };
    assert.equal(findPublishedInText(readFileSync(input, 'utf8'))?.value ?? null, expected.published);
  });
}

test('findDateLine accepts time stamps, Stand lines and dated bylines', () => {
  assert.equal(findDateLine('4 Feb. 2022 11:02 Uhr')?.value, '2022-02-04T11:02+01:00');
  assert.equal(findDateLine('Stand: 12.07.2022, 9.30 Uhr')?.value, '2022-07-12T09:30+02:00');
  assert.equal(findDateLine('Von Anna Beispiel, 04.02.2022')?.value, '2022-02-04');
  assert.equal(findDateLine('Veröffentlicht am Freitag, 4. Februar 2022')?.value, '2022-02-04');
  assert.equal(findDateLine('05.03.23, 09:10 dpa-AFX')?.value, '2023-03-05T09:10+01:00');
});

test('findDateLine rejects headlines, sentences and video lengths that contain a date', () => {
  assert.equal(findDateLine('Wahl am 26.09.2021'), null);
  assert.equal(findDateLine('Treffen im Februar 2022'), null);
  assert.equal(findDateLine('03.02.2022 | 01:41 min'), null);
  assert.equal(findDateLine('Termin: 28.02.2020, 18:30 Uhr'), null);
  assert.equal(findDateLine('Der Gipfel findet am 4. Februar 2022 in Peking statt, teilte das Ministerium mit.'), null);
  assert.equal(findDateLine(''), null);
});

const SEEDS = join(import.meta.dirname, '../../../../shared/seeds');

test('real seeds: stamped texts get a timed date, headed ones a month, the undated one none', { skip: existsSync(SEEDS) ? false : 'no ../shared/seeds here' }, () => {
  const published = (prefix: string) => {
    const file = readdirSync(SEEDS).find((f) => f.startsWith(prefix));
    assert.ok(file, `seed ${prefix} missing`);
    return findPublishedInText(readFileSync(join(SEEDS, file), 'utf8'))?.value ?? null;
  };
  const TIMED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}\+0[12]:00$/;
  const MONTH = /^\d{4}-\d{2}$/;
  assert.match(published('000_') ?? '', TIMED);
  assert.match(published('001_') ?? '', TIMED);
  assert.match(published('002_') ?? '', MONTH);
  // Seed 003 states no date of its own; the years it recalls are events, not its publication.
  assert.equal(published('003_'), null);
  assert.match(published('004_') ?? '', MONTH);
});

test('findOpeningDateline reads a report opening with place and date, not a sentence that starts with a place', () => {
  assert.equal(findOpeningDateline('Karlsruhe (12.11.2021). Traditionell gedenken die Gemeinden der Toten.')?.value, '2021-11-12');
  assert.equal(findOpeningDateline('BERLIN, 04.02.2022 (dpa) – Die Regierung plant neue Regeln.')?.value, '2022-02-04');
  assert.equal(findOpeningDateline('Karlsruhe, (12.11.2021). Die Gemeinden gedenken der Toten.')?.value, '2021-11-12');
  assert.equal(findOpeningDateline('Am 04.02.2022 trafen sich die Minister in Berlin.'), null);
  assert.equal(findOpeningDateline('Berlin plant bis 04.02.2022 neue Regeln.'), null);
});
