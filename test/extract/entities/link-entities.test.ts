import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeEntityLinker } from '../../../src/extract/entities/link-entities.js';
import { loadKnowledgeBase } from '../../../src/extract/entities/knowledge-base/knowledge-base.js';
import { makeTokenizer } from '../../../src/text/tokenize.js';
import type { EntityMention } from '../../../src/article.js';

const kb = loadKnowledgeBase();
const link = makeEntityLinker(kb);
const tokenize = makeTokenizer();
const entitiesOf = (text: string, published: string | null = '2022-02-04', tagged: EntityMention[] = []) =>
  link(text, tokenize(text), published, tagged);
const canonicalOf = (entities: EntityMention[], text: string) => entities.find((e) => e.text === text)?.canonical;

test('a name, its surname, its genitive and a nickname are one person', () => {
  const entities = entitiesOf('Wladimir Putin reiste nach Peking. Putin traf dort Xi. Putins Besuch dauerte zwei Tage. Der Kremlchef lobte die Gespräche.');
  for (const form of ['Wladimir Putin', 'Putin', 'Putins', 'Kremlchef']) assert.equal(canonicalOf(entities, form), 'person:wladimir-putin', form);
});

test('an office resolves to its holder on the article date', () => {
  const text = 'Der russische Präsident kam zu Gesprächen. Auch Chinas Außenminister war anwesend.';
  const entities = entitiesOf(text, '2022-02-04');
  assert.equal(entities.find((e) => e.text.includes('Präsident'))?.canonical, 'person:wladimir-putin');
  assert.equal(entities.find((e) => e.text.includes('Außenminister'))?.canonical, 'person:wang-yi');
  // the German chancellor changed in December 2021
  assert.equal(entitiesOf('Der Bundeskanzler sprach.', '2021-06-01').find((e) => e.text === 'Bundeskanzler')?.canonical, 'person:angela-merkel');
  assert.equal(entitiesOf('Der Bundeskanzler sprach.', '2022-06-01').find((e) => e.text === 'Bundeskanzler')?.canonical, 'person:olaf-scholz');
});

test('"sein chinesischer Amtskollege" takes the office of the person named before', () => {
  const entities = entitiesOf('Putin telefonierte mit seinem chinesischen Amtskollegen über die Lage.', '2021-12-15');
  assert.equal(entities.find((e) => e.text.includes('Amtskollegen'))?.canonical, 'person:xi-jinping');
});

test('capitals and seats of government are the government unless they are a place', () => {
  const entities = entitiesOf('Moskau und der Kreml wiesen die Vorwürfe zurück. Die Delegation traf in Moskau ein.');
  const moskau = entities.filter((e) => e.text === 'Moskau').map((e) => e.canonical);
  assert.deepEqual(moskau, ['gov:RU', 'place:moskau']);
  assert.equal(canonicalOf(entities, 'Kreml'), 'gov:RU');
});

test('a spokesman known only by surname needs his full name in the article first', () => {
  assert.equal(canonicalOf(entitiesOf('Kirby sagte am Montag nichts dazu.'), 'Kirby'), undefined);
  const entities = entitiesOf('John Kirby äußerte sich. Kirby fügte hinzu, die Lage sei ernst.');
  assert.equal(canonicalOf(entities, 'Kirby'), 'person:john-kirby');
});

test('people the knowledge base does not know get one id per article from their full name', () => {
  const text = 'Das sagte Generalmajor Pavel Orlov am Dienstag. Orlov betonte, die Übung sei beendet.';
  const orlovAt = text.lastIndexOf('Orlov');
  const tagged: EntityMention[] = [{ text: 'Orlov', start: orlovAt, end: orlovAt + 5, type: 'person', canonical: null }];
  const entities = entitiesOf(text, '2022-02-04', tagged);
  assert.equal(canonicalOf(entities, 'Pavel Orlov'), 'person:pavel-orlov');
  assert.equal(canonicalOf(entities, 'Orlov'), 'person:pavel-orlov');
});

test('organisations from the knowledge base, inflected forms included', () => {
  const entities = entitiesOf('Die NATO und die Europäischen Union berieten; die Deutsche Presse-Agentur berichtete.');
  assert.equal(canonicalOf(entities, 'NATO'), 'org:nato');
  assert.equal(canonicalOf(entities, 'Europäischen Union'), 'org:eu');
  assert.equal(canonicalOf(entities, 'Deutsche Presse-Agentur'), 'org:dpa');
});

test('offsets point at the mention', () => {
  const text = 'Gestern sprach Olaf Scholz in Berlin.';
  for (const e of entitiesOf(text)) assert.equal(text.slice(e.start, e.end), e.text);
});

test('a tagged name takes the type most of its mentions in the article have', () => {
  const text = 'Die Orla führt Hochwasser. An der Orla wurden Deiche verstärkt. Die Orla soll am Freitag sinken.';
  const at = (n: number) => {
    let start = -1;
    for (let k = 0; k <= n; k++) start = text.indexOf('Orla', start + 1);
    return start;
  };
  const tagged: EntityMention[] = [
    { text: 'Orla', start: at(0), end: at(0) + 4, type: 'organization', canonical: null },
    { text: 'Orla', start: at(1), end: at(1) + 4, type: 'location', canonical: null },
    { text: 'Orla', start: at(2), end: at(2) + 4, type: 'location', canonical: null },
  ];
  const entities = entitiesOf(text, '2025-03-14', tagged).filter((e) => e.text === 'Orla');
  assert.deepEqual(entities.map((e) => [e.type, e.canonical]), Array(3).fill(['location', 'place:orla']));
});

test('a tagged name loses a leading article: "Das Landsting" is the Landsting', () => {
  const text = 'Das Landsting billigte die Erklärung.';
  const entities = entitiesOf(text, '2025-03-27', [{ text: 'Das Landsting', start: 0, end: 13, type: 'organization', canonical: null }]);
  assert.deepEqual(entities.map((e) => [e.text, e.canonical]), [['Landsting', 'org:landsting']]);
});
