import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GAZETTEER_FLAG, loadGazetteers } from '../../../src/extract/entities/gazetteers.js';

const gazetteers = loadGazetteers();
const has = (flags: number, flag: number) => (flags & flag) !== 0;

test('flagWords knows places, names and their genitives', () => {
  const [russland, russlands, putins, anna] = gazetteers.flagWords(['Russland', 'Russlands', 'Putins', 'Anna']);
  assert.ok(has(russland!, GAZETTEER_FLAG.country));
  assert.ok(has(russlands!, GAZETTEER_FLAG.genitivePlace));
  assert.ok(has(putins!, GAZETTEER_FLAG.genitiveName));
  assert.ok(has(anna!, GAZETTEER_FLAG.givenName));
});

test('flagWords sees organisation heads at the end of compounds, not inside ordinary words', () => {
  const [ministry, total, party] = gazetteers.flagWords(['Bundesverteidigungsministerium', 'Insgesamt', 'Linkspartei']);
  assert.ok(has(ministry!, GAZETTEER_FLAG.orgHeadEnding));
  assert.ok(!has(total!, GAZETTEER_FLAG.orgHeadEnding));
  assert.ok(has(party!, GAZETTEER_FLAG.orgHeadEnding));
});

test('flagWords marks several-word names where they stand in the sentence', () => {
  const flags = gazetteers.flagWords(['in', 'den', 'Vereinigten', 'Staaten', 'und', 'der', 'Europäischen', 'Union']);
  assert.ok(has(flags[2]!, GAZETTEER_FLAG.placePhraseStart));
  assert.ok(has(flags[3]!, GAZETTEER_FLAG.placePhraseInside));
  assert.ok(has(flags[6]!, GAZETTEER_FLAG.orgPhraseStart));
  assert.ok(has(flags[7]!, GAZETTEER_FLAG.orgPhraseInside));
  assert.equal(flags[4], 0);
});

test('flagWords tells known German nouns and compounds of them from unknown capitalised words', () => {
  const [government, houses, soup, name] = gazetteers.flagWords(['Regierung', 'Häusern', 'Kartoffelsuppenrezept', 'Sandhagen']);
  assert.ok(has(government!, GAZETTEER_FLAG.commonNoun));
  // "Häusern" is also a town's name: a noun form is not flagged as a town
  assert.ok(has(houses!, GAZETTEER_FLAG.commonNoun) && !has(houses!, GAZETTEER_FLAG.town));
  assert.ok(has(soup!, GAZETTEER_FLAG.compoundNoun) && !has(soup!, GAZETTEER_FLAG.commonNoun));
  assert.equal(name! & (GAZETTEER_FLAG.commonNoun | GAZETTEER_FLAG.compoundNoun | GAZETTEER_FLAG.town), 0);
});

test('flagWords knows towns, parts of people names and companies from the large lists', () => {
  const [town, given, company, lower] = gazetteers.flagWords(['Füssen', 'Hilda', 'Pixar', 'regierung']);
  assert.ok(has(town!, GAZETTEER_FLAG.town));
  assert.ok(has(given!, GAZETTEER_FLAG.personNamePart));
  assert.ok(has(company!, GAZETTEER_FLAG.company));
  // lists match the word as written: lower case is no noun, and a lowercase word is no compound
  assert.equal(lower, 0);
});
