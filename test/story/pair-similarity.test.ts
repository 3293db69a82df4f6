import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeArticle } from '../store/store-contract.js';
import type { Article, EntityMention } from '../../src/article.js';
import { featuresFromStored, storedFeaturesOf, storyFeaturesOf, type StoryFeatures } from '../../src/story/story-features.js';
import { loadFeatureTools } from '../../src/story/update-stories.js';
import { countArticle, DEFAULT_SIMILARITY_OPTIONS, emptyCorpusCounts, scorePair } from '../../src/story/pair-similarity.js';
import { stemGerman } from '../../src/text/stem.de.js';
import { foldWord } from '../../src/link/reuse-tokens.js';

const tools = loadFeatureTools();
const germanTerm = (word: string) => foldWord(stemGerman(word.toLowerCase()));

function mentionsOf(text: string, names: readonly [string, string][]): EntityMention[] {
  return names.map(([name, canonical]) => {
    const start = text.indexOf(name);
    return { text: name, start, end: start + name.length, type: canonical.startsWith('person:') ? 'person' : 'location', canonical };
  });
}

function featuresOf(text: string, language: string, names: readonly [string, string][] = []): StoryFeatures {
  const article: Article = makeArticle({ text, language, entities: mentionsOf(text, names) });
  return storyFeaturesOf(article, tools);
}

/** Scores every pair against the document frequencies of all of them, as the clusterer would. */
function scorerOver(all: readonly StoryFeatures[]) {
  const counts = emptyCorpusCounts();
  for (const f of all) countArticle(counts, f);
  return (a: StoryFeatures, b: StoryFeatures) => scorePair(a, b, counts, DEFAULT_SIMILARITY_OPTIONS);
}

const FIRE_DE = 'Hamburg: Nach dem Brand in einem Hotel hat die Polizei am Montag zwei Verdächtige festgenommen. Das Feuer zerstörte das Gebäude, drei Menschen wurden verletzt.';
const FIRE_EN = 'Police in Hamburg arrested two suspects on Monday after a fire at a hotel. The blaze destroyed the building and three people were injured.';
const MUSEUM_DE = 'Hamburg: Der Bürgermeister eröffnet ein neues Museum für Musik. Die Ausstellung zeigt Instrumente aus drei Jahrhunderten.';
const HAMBURG: [string, string][] = [['Hamburg', 'place:hamburg']];

test('pair-similarity: an English report meets the German report of the same happening on its news words, and not another Hamburg story', () => {
  const [fireDe, fireEn, museumDe] = [featuresOf(FIRE_DE, 'de', HAMBURG), featuresOf(FIRE_EN, 'en', HAMBURG), featuresOf(MUSEUM_DE, 'de', HAMBURG)];
  const score = scorerOver([fireDe!, fireEn!, museumDe!]);
  const same = score(fireEn!, fireDe!);
  assert.ok(same.score >= DEFAULT_SIMILARITY_OPTIONS.joinScore, `same happening scores ${same.score}`);
  for (const word of ['Polizei', 'Hotel', 'Feuer']) assert.ok(same.terms.includes(germanTerm(word)), `${word} is among the shared terms ${same.terms.join(', ')}`);
  const other = score(fireEn!, museumDe!);
  assert.ok(other.score < DEFAULT_SIMILARITY_OPTIONS.joinScore, `other story scores ${other.score}`);
});

test('story features: English words become German terms in their plural forms too; a name goes through the German stemmer', () => {
  const f = featuresOf('Officials counted new cases in both countries, said Bieber.', 'en');
  for (const word of ['Fall', 'Länder', 'Beamte', 'Bieber']) assert.ok(f.termsAsGerman.has(germanTerm(word)), `${word} in ${[...f.termsAsGerman.keys()].join(', ')}`);
  assert.equal(featuresOf('Die Fälle steigen.', 'de').termsAsGerman.size, 0, 'only English articles are put into German');
});

test('pair-similarity: English features stored before they had German terms still compare by shared names', () => {
  const names: [string, string][] = [['Greta Olsen', 'person:greta-olsen'], ['Kiel', 'place:kiel']];
  const german = featuresOf('In Kiel hat Greta Olsen den Hafen geschlossen.', 'de', names);
  const english = featuresOf('In Kiel, Greta Olsen closed the port.', 'en', names);
  const { termsAsGerman, ...stored } = storedFeaturesOf(english);
  assert.ok(termsAsGerman && termsAsGerman.length > 0);
  const old = featuresFromStored(english.articleId, stored);
  assert.equal(old.termsAsGerman.size, 0);
  const score = scorerOver([german, english]);
  assert.ok(score(german, old).score > 0, 'two shared names still count');
  assert.deepEqual(featuresFromStored(english.articleId, storedFeaturesOf(english)).termsAsGerman, english.termsAsGerman);
});

test('pair-similarity: two German reports of one person doing different things share the name only, and stay below the join score', () => {
  const merkel: [string, string][] = [['Merkel', 'person:angela-merkel']];
  const fair = featuresOf('Kanzlerin Merkel eröffnet in Leipzig die Buchmesse und lobt die Verlage.', 'de', merkel);
  const call = featuresOf('Merkel telefoniert mit dem Präsidenten Frankreichs über neue Sanktionen gegen Moskau.', 'de', merkel);
  const score = scorerOver([fair, call]);
  const evidence = score(fair, call);
  assert.deepEqual(evidence.entities, ['person:angela-merkel']);
  assert.ok(evidence.score < DEFAULT_SIMILARITY_OPTIONS.joinScore, `scores ${evidence.score}`);
});
