import { test } from 'node:test';
import assert from 'node:assert/strict';
import { judgeCopyDirection, type DirectionEvidence } from '../../src/link/direction.js';

const article = (fields: Partial<DirectionEvidence>): DirectionEvidence => ({
  text: 'Ein Bericht ohne Quellenangabe.',
  published: null,
  outlet: null,
  credits: [],
  ...fields,
});

test('an explicit attribution names the source, whatever the times say', () => {
  const blog = article({ text: 'Weiter berichtet RT DE: "Die Lage bleibt ernst."', published: '2022-02-04T09:00+01:00', outlet: 'Blog' });
  const rt = article({ text: 'Die Lage bleibt ernst.', published: '2022-02-04T12:00+01:00', outlet: 'RT DE' });
  const direction = judgeCopyDirection(blog, rt);
  assert.equal(direction.source, 'b');
  assert.ok(direction.confidence >= 0.8);
});

test('a credit to the other outlet makes it the source', () => {
  const portal = article({ outlet: 'Stadtportal', credits: [{ name: 'dpa', kind: 'agency' }] });
  const dpa = article({ outlet: 'dpa' });
  assert.equal(judgeCopyDirection(dpa, portal).source, 'a');
});

test("an agency's later update crediting itself is no source of its earlier wire: the times decide", () => {
  const dpa = [{ name: 'dpa', kind: 'agency' as const }];
  const wire = article({ outlet: 'Nachrichtenwerk', credits: dpa, published: '2025-03-14T15:12+01:00' });
  const roundup = article({ outlet: 'dpa', credits: dpa, published: '2025-03-14T17:45+01:00' });
  const direction = judgeCopyDirection(roundup, wire);
  assert.equal(direction.source, 'b');
  assert.equal(direction.reason, 'published earlier');
});

test('the earlier time stamp is the likely source, with less confidence', () => {
  const early = article({ published: '2022-02-04T11:02+01:00' });
  const late = article({ published: '2022-02-04T14:24+01:00' });
  const direction = judgeCopyDirection(late, early);
  assert.equal(direction.source, 'b');
  assert.ok(direction.confidence > 0 && direction.confidence < 0.8);
});

test('says unknown for two rewrites of one agency text on the same day', () => {
  const dpa = [{ name: 'dpa', kind: 'agency' as const }];
  const direction = judgeCopyDirection(
    article({ published: '2022-02-04', credits: dpa, outlet: 'Talbote' }),
    article({ published: '2022-02-04', credits: dpa, outlet: 'Kreiskurier' }),
  );
  assert.equal(direction.source, 'unknown');
  assert.equal(direction.confidence, 0);
  assert.match(direction.reason, /dpa/);
});

test('time stamps less than an hour apart are no evidence', () => {
  const direction = judgeCopyDirection(article({ published: '2022-02-04T11:02+01:00' }), article({ published: '2022-02-04T11:40+01:00' }));
  assert.equal(direction.source, 'unknown');
});

test("an agency's service counts as the agency when both sides' credits are compared", () => {
  const direction = judgeCopyDirection(
    article({ published: '2022-02-04', credits: [{ name: 'dpa-AFX', kind: 'agency' }], outlet: 'Börsenblick' }),
    article({ published: '2022-02-04', credits: [{ name: 'dpa', kind: 'agency' }], outlet: 'Kreiskurier' }),
  );
  assert.equal(direction.source, 'unknown');
  assert.match(direction.reason, /both credit dpa-AFX: likely rewrites of one agency text/);
});
