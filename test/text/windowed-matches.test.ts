import { test } from 'node:test';
import assert from 'node:assert/strict';
import { matchesIn, windowsAround } from '../../src/text/windowed-matches.js';

test('windowsAround widens each range to whole words and merges overlapping windows', () => {
  const text = 'Gestern sagte er am Freitag, dass am Montag nichts geschah. Weit entfernt steht 2022.';
  const friday = text.indexOf('Freitag');
  const monday = text.indexOf('Montag');
  const windows = windowsAround(text, [[friday, friday + 7], [monday, monday + 6]], 4, 2);
  assert.equal(windows.length, 1, 'the two windows overlap and merge');
  const [start, end] = windows[0]!;
  // four characters before "Freitag" fall inside "er": the window starts at that word
  assert.equal(text.slice(start, end), 'er am Freitag, dass am Montag nichts');
});

test('matchesIn reports offsets in the whole text and finds nothing outside the windows', () => {
  const text = 'Am Freitag kam er. Am Montag ging er.';
  const pattern = /am (Freitag|Montag)/gi;
  const monday = text.indexOf('Montag');
  const found = [...matchesIn(pattern, text, windowsAround(text, [[monday, monday + 6]], 4, 0))];
  assert.deepEqual(found.map((m) => [m.index, m[1]]), [[text.indexOf('Am Montag'), 'Montag']]);
  assert.equal([...matchesIn(pattern, text, null)].length, 2, 'null windows search the whole text');
});
