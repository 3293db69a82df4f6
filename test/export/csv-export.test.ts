import { test } from 'node:test';
import assert from 'node:assert/strict';
import { csvField } from '../../src/export/csv-export.js';

test('csvField quotes separators, quotes and line breaks (RFC 4180)', () => {
  assert.equal(csvField('Moskau, Peking'), '"Moskau, Peking"');
  assert.equal(csvField('der "Westen"'), '"der ""Westen"""');
  assert.equal(csvField('Zeile 1\nZeile 2'), '"Zeile 1\nZeile 2"');
  assert.equal(csvField(null), '');
});

test('csvField turns scraped text that starts like a spreadsheet formula into text', () => {
  assert.equal(csvField('=HYPERLINK("http://evil.example","Klick")'), `"'=HYPERLINK(""http://evil.example"",""Klick"")"`);
  assert.equal(csvField('+49 30 1234'), "'+49 30 1234");
  assert.equal(csvField('-Eilmeldung-'), "'-Eilmeldung-");
  assert.equal(csvField('@SUM(A1:A9)'), "'@SUM(A1:A9)");
  assert.equal(csvField('Nachricht = wichtig'), 'Nachricht = wichtig', 'only a leading sign counts');
  assert.equal(csvField(-3), '-3', 'numbers are numbers');
});
