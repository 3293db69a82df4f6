import { test } from 'node:test';
import assert from 'node:assert/strict';
import { berlinUtcOffsetMinutes, isBerlinSummerTime, lastSundayOf } from '../../../src/extract/published/berlin-time.js';

test('lastSundayOf finds the last Sunday of March and October', () => {
  assert.equal(lastSundayOf(2022, 3), 27);
  assert.equal(lastSundayOf(2022, 10), 30);
  assert.equal(lastSundayOf(2024, 3), 31);
  assert.equal(lastSundayOf(2023, 10), 29);
});

test('summer time starts at 02:00 on the last Sunday of March', () => {
  assert.equal(isBerlinSummerTime(2022, 3, 27, 1), false);
  assert.equal(isBerlinSummerTime(2022, 3, 27, 3), true);
  assert.equal(isBerlinSummerTime(2022, 3, 26, 23), false);
});

test('summer time ends at 03:00 on the last Sunday of October', () => {
  assert.equal(isBerlinSummerTime(2022, 10, 30, 2), true);
  assert.equal(isBerlinSummerTime(2022, 10, 30, 3), false);
  assert.equal(isBerlinSummerTime(2022, 10, 31, 12), false);
});

test('winter and summer offsets', () => {
  assert.equal(berlinUtcOffsetMinutes(2022, 2, 4, 11), 60);
  assert.equal(berlinUtcOffsetMinutes(2022, 7, 14, 11), 120);
});

test('before 1996 summer time ended in September', () => {
  assert.equal(isBerlinSummerTime(1995, 10, 5, 12), false);
  assert.equal(isBerlinSummerTime(1999, 10, 5, 12), true);
});
