import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page, PublishedDate, Segment } from '../../../src/page.js';
import { readPublishedHint, resolvePublished } from '../../../src/extract/published/resolve-published.js';
import { formatDiagnostic } from '../../../src/diagnostic.js';

function makePage(published: PublishedDate | null): Page {
  return {
    origin: { path: 'feed.xml', url: null, record: '14', segment: null },
    label: 'feed.xml, item 14',
    format: 'text',
    title: 'Titel',
    text: 'Ein Text.',
    published,
    siteName: null,
    byline: null,
    declaredLanguage: 'de',
    sideTexts: [],
    messages: [],
  };
}

function makeSegment(published: PublishedDate | null): Segment {
  return { title: 'Titel', text: 'Ein Text.', published, outlet: null };
}

test('normalises a feed pubDate in RFC 822 to ISO 8601 with its offset', () => {
  const r = readPublishedHint('Mon, 06 Mar 2023 07:45:00 +0100', '<pubDate>');
  assert.equal(r.published?.value, '2023-03-06T07:45:00+01:00');
  assert.deepEqual(r.messages, []);
});

test('keeps a JSONL date at the precision it states', () => {
  assert.equal(readPublishedHint('2023-03')?.published?.value, '2023-03');
  assert.equal(readPublishedHint('2023-03-06T07:45:00Z')?.published?.value, '2023-03-06T07:45:00+00:00');
  assert.equal(readPublishedHint('06.03.2023')?.published?.value, '2023-03-06');
});

test('an impossible date gives a warning and no date', () => {
  const r = readPublishedHint('31.02.2024', '<pubDate>');
  assert.equal(r.published, null);
  assert.equal(r.messages.length, 1);
  assert.equal(
    formatDiagnostic('dpa-feed.xml, item 14', r.messages[0]!),
    'dpa-feed.xml, item 14: extract/bad-date: <pubDate> "31.02.2024" is not a date; item kept without one',
  );
});

test('an empty hint is no date and no warning', () => {
  assert.deepEqual(readPublishedHint(undefined), { published: null, messages: [] });
  assert.deepEqual(readPublishedHint('  '), { published: null, messages: [] });
});

test('a segment stamp wins over the page date', () => {
  const page = makePage({ value: '2023-03-06T07:45+01:00', evidence: 'text line 3' });
  const r = resolvePublished(page, makeSegment({ value: '2023-03-05T18:10+01:00', evidence: 'date line' }));
  assert.equal(r.published?.value, '2023-03-05T18:10+01:00');
});

test('a segment without its own stamp takes the page date', () => {
  const r = resolvePublished(makePage({ value: '2023-03-06', evidence: 'meta article:published_time' }), makeSegment(null));
  assert.equal(r.published?.value, '2023-03-06');
});

test('a container value copied raw by a page reader is normalised or reported', () => {
  const good = resolvePublished(makePage({ value: 'Mon, 06 Mar 2023 07:45:00 GMT', evidence: 'input metadata' }), makeSegment(null));
  assert.equal(good.published?.value, '2023-03-06T07:45:00+00:00');
  const bad = resolvePublished(makePage({ value: 'gestern', evidence: 'input metadata' }), makeSegment(null));
  assert.equal(bad.published, null);
  assert.match(bad.messages[0]!.reason, /^published "gestern" is not a date; item kept without one$/);
});

test('nothing stated gives null', () => {
  assert.deepEqual(resolvePublished(makePage(null), makeSegment(null)), { published: null, messages: [] });
});
