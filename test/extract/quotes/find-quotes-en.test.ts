import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EntityMention } from '../../../src/article.js';
import { makeEnglishQuoteFinder } from '../../../src/extract/quotes/find-quotes-en.js';
import { makeTokenizer } from '../../../src/text/tokenize.js';
import { makeSentenceSplitter } from '../../../src/text/sentences.js';

// English speech cues on invented sentences; person entities are given by hand where a rule needs them.
const quoteFinder = makeEnglishQuoteFinder();
const tokenize = makeTokenizer();
const splitter = makeSentenceSplitter();

function person(text: string, name: string): EntityMention {
  const start = text.indexOf(name);
  return { text: name, start, end: start + name.length, type: 'person', canonical: null };
}

function quotesOf(text: string, entities: EntityMention[] = []) {
  return quoteFinder(text, tokenize(text), splitter.split(text), entities);
}

function quoteAt(text: string, fragment: string, entities: EntityMention[] = []) {
  const quotes = quotesOf(text, entities);
  const q = quotes.find((x) => x.text.includes(fragment));
  assert.ok(q, `no quote containing ${JSON.stringify(fragment)}; found ${JSON.stringify(quotes.map((x) => x.text))}`);
  return { ...q, mention: q.speakerStart === null ? null : text.slice(q.speakerStart, q.speakerEnd!) };
}

test('“…,” said X: the name after the verb speaks', () => {
  const text = '“We will not give in to pressure,” said Foreign Minister Lena Okafor on Tuesday.';
  const q = quoteAt(text, 'pressure');
  assert.equal(q.kind, 'direct');
  assert.equal(q.cue, 'said');
  assert.match(q.mention ?? '', /Lena Okafor/);
});

test('“…,” X said and "…" straight quotes: the subject before the verb speaks', () => {
  const text = '"The talks were productive and we expect more of them," the spokesman said.';
  assert.equal(quoteAt(text, 'productive').mention, 'the spokesman');
});

test('X told …: “…”: the subject of the cue before the quote speaks', () => {
  const text = 'Mayor Tom Reyes told reporters: “The bridge will reopen next week.”';
  assert.match(quoteAt(text, 'bridge', [person(text, 'Tom Reyes')]).mention ?? '', /Tom Reyes/);
});

test('a pronoun speaker is kept as the mention and shown as the person named before it', () => {
  const text = 'Anna Berg leads the inquiry. “We have found serious failures in the system,” she added.';
  const q = quoteAt(text, 'failures', [person(text, 'Anna Berg')]);
  assert.equal(q.mention, 'she');
  assert.equal(q.speaker, 'Anna Berg');
});

test('according to X attributes a quote in its sentence', () => {
  const text = 'The plan is “not affordable in its current form,” according to the finance ministry.';
  assert.match(quoteAt(text, 'affordable').mention ?? '', /finance ministry/);
});

test('a quote without a cue continues the previous speaker; a one-word label is left out', () => {
  const text = '“We are ready,” said coach Ben Adler. “Our players have trained hard for this final.” Fans called it a “historic” night.';
  assert.match(quoteAt(text, 'trained hard').mention ?? '', /Ben Adler/);
  assert.ok(!quotesOf(text).some((q) => q.text.includes('historic')), 'scare quote kept');
});

test('a name with an apposition before "said", and a long apposition after the quote', () => {
  const before = 'Her counterpart, Tomas Berg, said his country had made “every reasonable offer to the other side”.';
  assert.match(quoteAt(before, 'reasonable offer').mention ?? '', /Tomas Berg/);
  const after = '“We want to know what they agreed about our river,” Ida Lund, president of the regional farmers’ association, told the crowd.';
  assert.match(quoteAt(after, 'agreed about').mention ?? '', /Ida Lund/);
});

test('a quote ending its sentence takes no cue from the next sentence', () => {
  const text = '“The deal is done,” said envoy Kai Moss. “Both sides have signed the text today.” Critics called it a weak compromise.';
  assert.match(quoteAt(text, 'signed the text').mention ?? '', /Kai Moss/);
});

test('a capitalised title with a lowercase word before the name stays one mention', () => {
  const text = 'Foreign minister Helene Brask told lawmakers the agreement was “a decision for the next generation”.';
  assert.equal(quoteAt(text, 'next generation').mention, 'Foreign minister Helene Brask');
});
