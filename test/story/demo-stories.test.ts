import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Article } from '../../src/article.js';
import { buildPipeline } from '../../src/pipeline.js';
import { readInputs } from '../../src/ingest/read-inputs.js';
import { storyFeaturesOf } from '../../src/story/story-features.js';
import { loadFeatureTools, makeDefaultClusterer, storyRecordsOf } from '../../src/story/update-stories.js';

const CORPUS = new URL('../../demo/corpus/', import.meta.url);
/** The signing on 14 March as the wire, its rewrites and an own report carried it (demo/planted.json). */
const SIGNING_REPORTS = [
  '2025-03-14-nachrichtenwerk-dpa-einigung-orla.txt',
  '2025-03-14-suedmark-einigung-in-brela.html',
  '2025-03-14-mittagspost-orla-streit-beigelegt.html',
  '2025-03-14-brueckenbote-nach-gipfel-in-brela.html',
];
const ANNOUNCEMENT = '2025-03-10-brueckenbote-treffen-angekuendigt.html';
const RECALLED_WEEKS_LATER = '2025-04-02-brueckenbote-drei-wochen-nach-brela.html';

/** The demo corpus analysed and clustered once, for the tests below. */
async function clusteredDemo() {
  const pipeline = await buildPipeline();
  const tools = loadFeatureTools();
  const articles: Article[] = [];
  const paths = readdirSync(CORPUS).sort().map((n) => join(CORPUS.pathname, n));
  for await (const raw of readInputs(paths)) articles.push(...pipeline.run(raw).articles);
  const clusterer = makeDefaultClusterer();
  clusterer.addArticles(articles.map((a) => storyFeaturesOf(a, tools)));
  return { articles, clusterer, tools };
}
const demo = clusteredDemo();

test('demo corpus: the signing reports form one event; the announcement and the look back weeks later stay apart', async () => {
  const { articles, clusterer } = await demo;
  const eventOfFile = (file: string) => {
    const article = articles.find((a) => a.origin.path?.endsWith(file));
    assert.ok(article, file);
    return clusterer.membershipOf(article.id)!.eventId;
  };
  const signing = eventOfFile(SIGNING_REPORTS[0]!);
  for (const file of SIGNING_REPORTS) assert.equal(eventOfFile(file), signing, file);
  assert.notEqual(eventOfFile(ANNOUNCEMENT), signing);
  assert.notEqual(eventOfFile(RECALLED_WEEKS_LATER), signing);
});

// The farmers' protest and the parliament debate share only one core entity with the signing; their
// storyline entities (named by a third of each event's reports) link them.
test('demo corpus: one storyline holds most articles', async () => {
  const { articles, clusterer, tools } = await demo;
  const records = storyRecordsOf(clusterer, new Map(articles.map((a) => [a.id, a])), tools.framing);
  const largest = Math.max(...records.filter((r) => r.kind === 'storyline').map((r) => r.articleIds.length));
  assert.ok(largest >= 0.8 * articles.length, `largest storyline ${largest} of ${articles.length}`);
});
