// Reuse linking of bad input: 1 MB articles, one sentence repeated thousands of times, empty texts.
// Each case links a newer article to an older one the way the linker does (prepare both, index the
// older, link the pair) and prints the time, the links and how much the heap grew.
//   node --expose-gc bench/reuse-bad-input.bench.mjs
import { makeReuseIndex } from '../dist/link/reuse-index.js';

const SYLLABLES = ['ber', 'lin', 'gen', 'stadt', 'rat', 'haus', 'wald', 'feld', 'mark', 'burg', 'see', 'tal', 'brück', 'dorf', 'land', 'amt', 'schul', 'bahn', 'hof', 'werk'];

/** A sentence of 20 invented words, different for every seed: bulk text without repeated phrases. */
function inventedSentence(seed) {
  let state = (seed * 2654435761 + 12345) >>> 0;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state >>> 8;
  };
  const words = Array.from({ length: 20 }, () => SYLLABLES[next() % 20] + SYLLABLES[next() % 20] + SYLLABLES[next() % 20]);
  return `${words[0][0].toUpperCase()}${words.join(' ').slice(1)}.`;
}

const MEGABYTE = 1_000_000;
const bulk = (chars, firstSeed = 0) => {
  const sentences = [];
  let length = 0;
  for (let seed = firstSeed; length < chars; seed++) {
    const sentence = inventedSentence(seed);
    sentences.push(sentence);
    length += sentence.length + 1;
  }
  return sentences.join(' ');
};
const big = bulk(MEGABYTE);
const repeatedSentence = 'Die Lage an der Grenze bleibt nach Angaben der Behörden weiterhin angespannt. ';
const repeated = repeatedSentence.repeat(Math.ceil(MEGABYTE / repeatedSentence.length));
const report = `Ein Portal übernahm zwei Sätze: ${inventedSentence(1234)} ${inventedSentence(1235)} Mehr war nicht zu erfahren. ${repeatedSentence}`;

const cases = [
  ['1 MB article, then a short report quoting two of its sentences', big, report],
  ['1 MB article, then the same 1 MB again', big, big],
  ['1 MB article, then another 1 MB article', big, bulk(MEGABYTE, 1_000_000)],
  ['one sentence repeated to 1 MB, then a report holding it once', repeated, report],
  ['one sentence repeated to 1 MB, then the same again', repeated, repeated],
  ['empty text, then a short report', '', report],
  ['short report, then an empty text', report, ''],
];

const mb = (bytes) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
for (const [name, olderText, newerText] of cases) {
  globalThis.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const started = performance.now();
  const index = makeReuseIndex();
  const older = index.prepare({ id: 'older', text: olderText });
  index.add(older);
  const newer = index.prepare({ id: 'newer', text: newerText });
  const candidates = index.candidatesFor(newer);
  const links = candidates.length === 0 ? [] : index.linkPair(newer, older);
  const ms = performance.now() - started;
  const heapGrowth = process.memoryUsage().heapUsed - heapBefore;
  const kinds = [...new Set(links.map((l) => l.kind))].join(', ') || 'none';
  console.log(`${name}: ${ms.toFixed(0)} ms, ${candidates.length} candidate(s), ${links.length} link(s) (${kinds}), heap +${mb(heapGrowth)}`);
}
console.log(`peak RSS ${mb(process.resourceUsage().maxRSS * 1024)}`);
