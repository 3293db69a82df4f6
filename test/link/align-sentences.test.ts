import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  alignSentences,
  makeComparableSentence,
  scoreSentencePair,
  DEFAULT_SENTENCE_ALIGNMENT_OPTIONS,
  type ComparableSentence,
} from '../../src/link/align-sentences.js';
import { contentTermsOf, loadFunctionWordsDe } from '../../src/link/content-terms.js';
import { makeSentenceSplitter } from '../../src/text/sentences.js';
import { stemGerman } from '../../src/text/stem.de.js';
import { readCase, readExpected } from './fixtures.js';

const splitter = makeSentenceSplitter();
const functionWords = loadFunctionWordsDe();
/** Every term weighs like one found in about 1 of 400 articles (IDF 6), as in a fresh index. */
const evenWeight = () => 6;

function comparable(text: string): ComparableSentence[] {
  return splitter
    .split(text)
    .map((span) => makeComparableSentence(span, contentTermsOf(text.slice(span.start, span.end), stemGerman, functionWords), evenWeight));
}

test('content terms drop function words and meet across inflections', () => {
  assert.deepEqual(contentTermsOf('Die Gespräche wurden am 4. Februar fortgesetzt.', stemGerman, functionWords), [
    'gesprach',
    '4',
    'februar',
    'fortgesetzt',
  ]);
  assert.deepEqual(
    contentTermsOf('Gesprächen', stemGerman, functionWords),
    contentTermsOf('Gespräche', stemGerman, functionWords),
  );
});

test('a compound part counts as a weaker match', () => {
  const [s] = comparable('Die Nationalversammlung tagt.');
  const [t] = comparable('Die Versammlung tagt.');
  const [u] = comparable('Das Parlament tagt.');
  const compound = scoreSentencePair(s!, t!, 0.7);
  assert.ok(compound > scoreSentencePair(s!, u!, 0.7));
  assert.ok(compound < scoreSentencePair(t!, t!, 0.7));
});

test('pairs each statement with its paraphrase in other words', () => {
  const a = readCase('paraphrase-other-words', 'a.txt');
  const b = readCase('paraphrase-other-words', 'b.txt');
  const expected = readExpected<{ pairs: Array<[number, number]>; minPairs: number }>('paraphrase-other-words');
  const sa = comparable(a);
  const sb = comparable(b);
  const pairs = alignSentences(sa, sb);
  assert.ok(pairs.length >= expected.minPairs, `${pairs.length} pairs`);
  const indexPairs = pairs.map((p) => [sa.findIndex((s) => s.span === p.a), sb.findIndex((s) => s.span === p.b)]);
  for (const pair of indexPairs) assert.ok(expected.pairs.some(([i, j]) => i === pair[0] && j === pair[1]), `wrong pair ${pair}`);
});

test('keeps the alignment in order: a crossing match loses to the consistent ones', () => {
  const a = 'Der Minister reiste nach Oslo. Dort traf er die Regierungschefin. Am Abend flog er nach Kiew weiter.';
  // b's last sentence shares "Minister" and "Oslo" with a's first, but comes after the other two
  const b =
    'Der Minister flog zunächst nach Oslo. Die Regierungschefin empfing ihn dort. Am Abend reiste er weiter nach Kiew. Der Minister lobte Oslo.';
  const sa = comparable(a);
  const sb = comparable(b);
  const pairs = alignSentences(sa, sb, DEFAULT_SENTENCE_ALIGNMENT_OPTIONS);
  const bIndexes = pairs.map((p) => sb.findIndex((s) => s.span === p.b));
  assert.deepEqual(bIndexes, [...bIndexes].sort((x, y) => x - y));
  assert.ok(!bIndexes.includes(3), 'the crossing sentence was aligned');
});

test('sentences on one event with different content are not paired', () => {
  const pairs = alignSentences(comparable(readCase('unrelated-same-topic', 'a.txt')), comparable(readCase('unrelated-same-topic', 'b.txt')));
  assert.deepEqual(pairs, []);
});

test('one matching sentence is no paraphrase; the same sentence among two retold ones is', () => {
  const formula = 'Der Gemeinderat von Saalheim will am Montag über die Sanierung des Hallenbads entscheiden.';
  const retoldA =
    'Die Stadtwerke beziffern die Kosten der Sanierung auf knapp zwölf Millionen Euro, weil die Technik aus den Siebzigern stammt. ' +
    'Eine Bürgerinitiative hat nach eigenen Angaben 4200 Unterschriften für den Erhalt des Beckens gesammelt.';
  const retoldB =
    'Weil die Technik aus den Siebzigern stammt, beziffern die Stadtwerke die Sanierungskosten auf knapp zwölf Millionen Euro. ' +
    'Für den Erhalt des Beckens hat eine Bürgerinitiative eigenen Angaben zufolge 4200 Unterschriften gesammelt.';
  const lone = alignSentences(comparable(`${formula} Der Schwimmverein begrüßt den Plan.`), comparable(`${formula} Die Opposition ist dagegen.`));
  assert.deepEqual(lone, []);
  const retold = alignSentences(comparable(`${formula} ${retoldA}`), comparable(`${formula} ${retoldB}`));
  assert.ok(retold.length >= 2, `${retold.length} pairs`);
});

test('two sentences quoting one speaker with different words are not the same statement', () => {
  const frame = (day: string, claim: string) =>
    `Ada Brenner, Bürgermeisterin von Saalheim, sagte am ${day}, die Sanierung des Hallenbads sei „${claim}“. ` +
    `Laut Ada Brenner gebe es für die Sanierung des Hallenbads in Saalheim bislang keinen tragfähigen Finanzierungsplan der Stadtwerke.`;
  const options = { ...DEFAULT_SENTENCE_ALIGNMENT_OPTIONS, minAnchoredChars: 0 };
  const quoting = (text: string) =>
    comparable(text).map((s) => {
      const quoted = /„([^“]*)“/.exec(text.slice(s.span.start, s.span.end))?.[1] ?? '';
      return makeComparableSentence(s.span, s.terms, evenWeight, evenWeight, contentTermsOf(quoted, stemGerman, functionWords));
    });
  const a = frame('Montag', 'längst überfällig');
  const differentClaims = alignSentences(quoting(a), quoting(frame('Freitag', 'ein teurer Fehler')), options);
  // the long second sentence, the same word for word and made of rare terms, is strong enough alone
  assert.deepEqual(
    differentClaims.map((p) => a.slice(p.a.start, p.a.end)),
    [a.slice(a.indexOf('Laut'))],
    'the quoting sentences are no anchor',
  );
  assert.equal(alignSentences(quoting(frame('Montag', 'ein teurer Fehler')), quoting(frame('Freitag', 'ein teurer Fehler')), options).length, 2);
});
