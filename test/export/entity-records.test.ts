import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EntityMention, Quote } from '../../src/article.js';
import { makeEntityTable, quoteRecordsOf } from '../../src/export/entity-records.js';
import { makeArticle } from '../store/store-contract.js';

const mention = (text: string, canonical: string | null, type: EntityMention['type'] = 'person'): EntityMention => ({ text, start: 0, end: text.length, type, canonical });
const quote = (speaker: string | null, speakerId: string | null): Quote => ({
  text: 'Wir brauchen mehr Liegeplätze.',
  start: 0,
  end: 30,
  kind: 'direct',
  partial: false,
  cue: 'sagte',
  speaker,
  speakerId,
  relayedBy: null,
  speakerStart: null,
  speakerEnd: null,
});

test('entities: one record per canonical id, named as most mentions name it, the other names as aliases', () => {
  const table = makeEntityTable();
  const first = makeArticle({ text: 'Erster Bericht über den Hafen.', entities: [mention('Ilka Sommerfeld', 'person:ilka-sommerfeld'), mention('Sommerfeld', 'person:ilka-sommerfeld'), mention('Kellingen', 'place:kellingen', 'location')] });
  const second = makeArticle({ text: 'Zweiter Bericht über den Hafen.', entities: [mention('Sommerfeld', 'person:ilka-sommerfeld'), mention('Hafenamt', null, 'organization')] });
  table.addArticle(first);
  table.addArticle(second);
  const records = table.records();
  assert.deepEqual(
    records.find((r) => r.id === 'person:ilka-sommerfeld'),
    { id: 'person:ilka-sommerfeld', name: 'Sommerfeld', type: 'person', aliases: ['Ilka Sommerfeld'], mentions: 3, articles: [first.id, second.id] },
  );
  assert.deepEqual(records.find((r) => r.id === 'place:kellingen')?.articles, [first.id]);
  // a mention nobody could resolve has no id to list it under
  assert.equal(records.length, 2);
});

test('entities: a speaker id no mention carries still gets a record, typed by its id', () => {
  const table = makeEntityTable();
  const article = makeArticle({ text: 'Das Amt teilte mit, man prüfe.', entities: [], quotes: [quote('Hafenamt', 'org:hafenamt'), quote('jemand', null)] });
  table.addArticle(article);
  assert.deepEqual(table.records(), [{ id: 'org:hafenamt', name: 'Hafenamt', type: 'organization', aliases: [], mentions: 0, articles: [article.id] }]);
});

test('quotes: each quote becomes a record carrying its article id', () => {
  const article = makeArticle({ text: 'Das Amt teilte mit, man prüfe.', quotes: [quote('Hafenamt', 'org:hafenamt')] });
  assert.deepEqual(quoteRecordsOf(article), [{ ...quote('Hafenamt', 'org:hafenamt'), articleId: article.id }]);
});
