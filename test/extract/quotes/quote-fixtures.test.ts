import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { loadQuoteLexicon, makeQuoteFinder } from '../../../src/extract/quotes/find-quotes.js';
import { makeEnglishQuoteFinder } from '../../../src/extract/quotes/find-quotes-en.js';
import { attachSpeakerIds } from '../../../src/extract/quotes/attach-speaker-ids.js';
import { loadEntityTagger } from '../../../src/extract/entities/tag-entities.js';
import { makeEntityLinker } from '../../../src/extract/entities/link-entities.js';
import { loadKnowledgeBase } from '../../../src/extract/entities/knowledge-base/knowledge-base.js';
import { makeTokenizer } from '../../../src/text/tokenize.js';
import { makeSentenceSplitter } from '../../../src/text/sentences.js';

// One invented article per attribution rule (test/fixtures/quotes/<rule>/), run through the same steps as
// the pipeline's analysis: tokens, sentences, entities with identities, quotes, speaker identities.
const FIXTURES = new URL('../../fixtures/quotes/', import.meta.url);

interface ExpectedQuote {
  /** A fragment of the quote's text (the innermost quote holding it is checked). */
  readonly contains: string;
  /** Text of the speaker mention (a substring of it), or null for no speaker. */
  readonly mention: string | null;
  /** A substring of the display name, when it differs from the mention (a pronoun shows the person). */
  readonly speaker?: string;
  readonly relayedBy?: string;
}

interface Expected {
  readonly rule: string;
  readonly language?: string;
  readonly quotes: readonly ExpectedQuote[];
  /** Words no direct quote may contain (scare quotes, labels, titles). */
  readonly without?: readonly string[];
}

const tokenize = makeTokenizer();
const splitter = makeSentenceSplitter();
const tagEntities = loadEntityTagger();
const linkEntities = makeEntityLinker(loadKnowledgeBase());
const finders = { de: makeQuoteFinder(loadQuoteLexicon()), en: makeEnglishQuoteFinder() };

function analyse(text: string, language: string) {
  const tokens = tokenize(text);
  const sentences = splitter.split(text);
  const entities = linkEntities(text, tokens, null, tagEntities(text, sentences));
  const finder = language === 'en' ? finders.en : finders.de;
  return attachSpeakerIds(finder(text, tokens, sentences, entities), entities, text);
}

for (const name of readdirSync(FIXTURES).sort()) {
  const expected = JSON.parse(readFileSync(new URL(`${name}/expected.json`, FIXTURES), 'utf8')) as Expected;
  test(`quotes fixture ${name}: ${expected.rule}`, () => {
    const text = readFileSync(new URL(`${name}/input.txt`, FIXTURES), 'utf8');
    const quotes = analyse(text, expected.language ?? 'de');
    const found = JSON.stringify(quotes.map((q) => ({ text: q.text, speaker: q.speaker, relayedBy: q.relayedBy })));
    for (const want of expected.quotes) {
      const q = quotes.filter((x) => x.text.includes(want.contains)).sort((a, b) => a.text.length - b.text.length)[0];
      assert.ok(q, `no quote containing "${want.contains}" in ${found}`);
      const mention = q.speakerStart === null ? null : text.slice(q.speakerStart, q.speakerEnd!);
      if (want.mention === null) assert.equal(mention, null, `"${want.contains}": speaker ${mention}`);
      else assert.ok(mention?.includes(want.mention), `"${want.contains}": mention ${JSON.stringify(mention)}, want ${want.mention}`);
      if (want.speaker) assert.ok(q.speaker?.includes(want.speaker), `"${want.contains}": speaker ${q.speaker}, want ${want.speaker}`);
      if (want.relayedBy) assert.ok(q.relayedBy?.includes(want.relayedBy), `"${want.contains}": relayed by ${q.relayedBy}`);
    }
    for (const word of expected.without ?? []) {
      assert.ok(!quotes.some((q) => q.kind === 'direct' && q.text.includes(word)), `"${word}" taken as a quote: ${found}`);
    }
  });
}
