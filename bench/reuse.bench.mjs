// Reuse engine at scale: a generated corpus (bench/generate-corpus.mjs) with planted verbatim,
// shortened, reordered and edited copies, planted paraphrases (each sentence of an earlier article
// with its words reordered and some replaced) and planted translations (two or three articles
// carrying one invented English statement of 3–5 sentences, each rendered into German in other
// words: bench/translation-variants.mjs), linked incrementally article by article.
// Prints precision and recall on the planted links, time (wall and CPU) and its growth as the index
// fills, peak RSS, and brute force (every pair linked, every kind) on a sample beside the index's answer.
//   node bench/reuse.bench.mjs            (20,000 articles; BENCH_REUSE_COUNT=100000 for the full run)
//   BENCH_REUSE_SAMPLE=2000               (articles of the brute-force comparison: about 2 million pairs, the slow part; 300 for a quick look)
//   BENCH_REUSE_TRANSLATION_RATE=0.018    (share of originals starting a translated statement: about 480 planted pairs at 20,000; 0 for none)
import { generateArticles } from './generate-corpus.mjs';
import { makeReuseIndex } from '../dist/link/reuse-index.js';
import { DEFAULT_SENTENCE_ALIGNMENT_OPTIONS } from '../dist/link/align-sentences.js';

const COUNT = Number(process.env.BENCH_REUSE_COUNT ?? 20_000);
const SAMPLE = Number(process.env.BENCH_REUSE_SAMPLE ?? 2_000);
/** Share of articles replaced by a paraphrase of an earlier original of their story. */
const PARAPHRASE_RATE = 0.03;
const TRANSLATION_RATE = Number(process.env.BENCH_REUSE_TRANSLATION_RATE ?? 0.018);
/** False links printed with their passages (BENCH_REUSE_FALSE_LINKS). */
const FALSE_LINKS_SHOWN = Number(process.env.BENCH_REUSE_FALSE_LINKS ?? 5);
const mb = (bytes) => `${(bytes / 2 ** 20).toFixed(0)} MB`;

/** Deterministic word-level rewrite: words of each sentence rotated (first letter capitalised), every fourth short word swapped. */
function paraphrase(text, salt) {
  const SWAPS = new Map([['sagte', 'erklärte'], ['will', 'möchte'], ['rund', 'etwa'], ['nach', 'laut'], ['neue', 'weitere']]);
  return text
    .split('\n\n')
    .map((paragraph) =>
      paragraph
        .split(/(?<=[.!?“])\s+/)
        .map((sentence) => {
          const words = sentence.replace(/[.!?]$/, '').split(' ').map((w, i) => ((i + salt) % 4 === 0 ? SWAPS.get(w) ?? w : w));
          const cut = 1 + ((salt + words.length) % Math.max(1, words.length - 1));
          const rotated = [...words.slice(cut), ...words.slice(0, cut)].join(' ');
          // a sentence starts with a capital: "sagte. weiter verzögert …" would read as one sentence, not two
          return `${rotated[0].toUpperCase()}${rotated.slice(1)}.`;
        })
        .join(' '),
    )
    .join('\n\n');
}

/**
 * The generated corpus with some originals replaced by paraphrases. A later copy of a replaced
 * original carries text no article in the corpus holds: it keeps that original as its family (two
 * such copies are still copies of each other) but is no planted link (`planted` false).
 * `statements` lists the translated statements an article carries (see generate-corpus.mjs).
 */
function buildCorpus(count) {
  const articles = [];
  const originalsByStory = new Map();
  const replaced = new Set();
  for (const g of generateArticles({ count, translationRate: TRANSLATION_RATE })) {
    const originals = originalsByStory.get(g.story) ?? [];
    if (g.copyOf === null && originals.length > 0 && articles.length % Math.round(1 / PARAPHRASE_RATE) === 0) {
      const source = originals[articles.length % originals.length];
      articles.push({ id: g.name, text: paraphrase(source.text, articles.length), copyOf: source.id, kind: 'paraphrase', planted: true, statements: [] });
      replaced.add(g.name);
      continue;
    }
    const article = {
      id: g.name,
      text: g.text,
      copyOf: g.copyOf,
      kind: g.copyKind,
      planted: g.copyOf !== null && !replaced.has(g.copyOf),
      statements: g.translations.map((t) => t.statement),
    };
    if (g.copyOf === null) originalsByStory.set(g.story, [...originals, article]);
    articles.push(article);
  }
  return articles;
}

/** Family = an original and everything derived from it; a link inside a family is right. */
const familyOf = (byId, id) => byId.get(id)?.copyOf ?? id;
/** A link is right inside a family, and between families whose originals carry one translated statement. */
function isRightLink(byId, x, y) {
  const [fx, fy] = [familyOf(byId, x), familyOf(byId, y)];
  return fx === fy || (byId.get(fx)?.statements ?? []).some((s) => (byId.get(fy)?.statements ?? []).includes(s));
}

/** Planted translation pairs: two originals carrying renderings of one statement. */
function translationPairs(articles) {
  const carriers = new Map();
  for (const a of articles) {
    if (a.copyOf !== null) continue;
    for (const s of a.statements) carriers.set(s, [...(carriers.get(s) ?? []), a.id]);
  }
  const pairs = [];
  for (const ids of carriers.values()) for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) pairs.push([ids[i], ids[j]].sort().join(' '));
  return pairs;
}

function runIndex(articles) {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const index = makeReuseIndex();
  const linkedPairs = new Set();
  const verbatimPairs = new Set();
  /** The latest links joining two families, to show what the false links are once the index has learned its corpus. */
  const falseLinks = [];
  /** @type {[number, number, number][]} */
  const checkpoints = [];
  let links = 0;
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  for (const [n, article] of articles.entries()) {
    const prepared = index.prepare(article);
    for (const link of index.linksFor(prepared, (id) => byId.get(id))) {
      links++;
      const pair = [link.a.articleId, link.b.articleId].sort().join(' ');
      linkedPairs.add(pair);
      if (link.kind !== 'paraphrase') verbatimPairs.add(pair);
      if (!isRightLink(byId, link.a.articleId, link.b.articleId)) {
        falseLinks.push(link);
        if (falseLinks.length > FALSE_LINKS_SHOWN) falseLinks.shift();
      }
    }
    index.add(prepared);
    if ((n + 1) % Math.max(1, Math.floor(articles.length / 10)) === 0) {
      const cpu = process.cpuUsage(cpuStarted);
      checkpoints.push([n + 1, performance.now() - started, (cpu.user + cpu.system) / 1000]);
      console.error(`  ${n + 1} articles: ${((performance.now() - started) / 1000).toFixed(1)} s, RSS ${mb(process.memoryUsage().rss)}`);
    }
  }
  return { seconds: (performance.now() - started) / 1000, linkedPairs, verbatimPairs, falseLinks, links, checkpoints, byId, index };
}

function score(articles, linkedPairs, byId, verbatimPairs) {
  const planted = [
    ...articles.filter((a) => a.planted).map((a) => ({ pair: [a.id, a.copyOf].sort().join(' '), kind: a.kind })),
    ...translationPairs(articles).map((pair) => ({ pair, kind: 'translation' })),
  ];
  const found = planted.filter((p) => linkedPairs.has(p.pair));
  const correctIn = (pairs) => [...pairs].filter((pair) => isRightLink(byId, ...pair.split(' '))).length;
  const correct = correctIn(linkedPairs);
  const byKind = new Map();
  for (const p of planted) {
    const [hit, all] = byKind.get(p.kind) ?? [0, 0];
    byKind.set(p.kind, [hit + (linkedPairs.has(p.pair) ? 1 : 0), all + 1]);
  }
  const recallOf = (kinds) => {
    const [hit, all] = [...byKind].filter(([k]) => kinds.includes(k)).reduce(([h, a], [, [hk, ak]]) => [h + hk, a + ak], [0, 0]);
    return all ? hit / all : 1;
  };
  return {
    precision: linkedPairs.size ? correct / linkedPairs.size : 0,
    verbatimPrecision: verbatimPairs.size ? correctIn(verbatimPairs) / verbatimPairs.size : 0,
    verbatimPairs: verbatimPairs.size,
    recall: planted.length ? found.length / planted.length : 0,
    copyRecall: recallOf(['verbatim', 'shortened', 'reordered', 'edited']),
    translationRecall: recallOf(['translation']),
    byKind: [...byKind].map(([k, [hit, all]]) => `${k} ${hit}/${all}`).join(', '),
  };
}

const buildStart = performance.now();
const corpus = buildCorpus(COUNT);
const chars = corpus.reduce((sum, a) => sum + a.text.length, 0);
const unplanted = corpus.filter((a) => a.copyOf !== null && !a.planted).length;
console.log(
  `corpus: ${corpus.length} articles, ${mb(chars)} of text, ${corpus.filter((a) => a.planted).length} planted links and ${translationPairs(corpus).length} planted translation pairs ` +
    `(${unplanted} copies of originals replaced by a paraphrase left out), generated in ${((performance.now() - buildStart) / 1000).toFixed(1)} s`,
);

const run = runIndex(corpus);
const s = score(corpus, run.linkedPairs, run.byId, run.verbatimPairs);
console.log(`index: ${run.seconds.toFixed(1)} s (${(corpus.length / run.seconds).toFixed(0)} articles/s), ${run.links} links over ${run.linkedPairs.size} article pairs`);
console.log(`planted links: precision ${s.precision.toFixed(3)} recall ${s.recall.toFixed(3)} over article pairs (copies ${s.copyRecall.toFixed(3)}, translations ${s.translationRecall.toFixed(3)}; found per kind: ${s.byKind}); verbatim-kind links alone: ${s.verbatimPairs} pairs, precision ${s.verbatimPrecision.toFixed(3)}`);
const [firstN, firstMs, firstCpuMs] = run.checkpoints[0];
const [lastN, lastMs, lastCpuMs] = run.checkpoints[run.checkpoints.length - 1];
const [beforeLastN, beforeLastMs, beforeLastCpuMs] = run.checkpoints[run.checkpoints.length - 2];
const firstRate = firstMs / firstN;
const lastTenthRate = (lastMs - beforeLastMs) / (lastN - beforeLastN);
console.log(`growth: ms per article in the first tenth ${firstRate.toFixed(2)}, in the last tenth ${lastTenthRate.toFixed(2)} (ratio ${(lastTenthRate / firstRate).toFixed(2)}; 1.0 = linear total time)`);
console.log(`CPU ms per article (less bent by other load than wall time): all ${(lastCpuMs / lastN).toFixed(2)}, first tenth ${(firstCpuMs / firstN).toFixed(2)}, last tenth ${((lastCpuMs - beforeLastCpuMs) / (lastN - beforeLastN)).toFixed(2)}`);
console.log(`checkpoints (articles: s): ${run.checkpoints.map(([n, ms]) => `${n}: ${(ms / 1000).toFixed(1)}`).join(', ')}`);
console.log(`peak RSS ${mb(process.resourceUsage().maxRSS * 1024)}`);
for (const link of run.falseLinks) {
  const passage = (side) => JSON.stringify(run.byId.get(side.articleId).text.slice(side.start, side.end).slice(0, 300));
  console.log(`false link ${link.kind} ${link.score}: ${link.a.articleId} ${passage(link.a)}\n  ~ ${link.b.articleId} ${passage(link.b)}`);
}

// Brute force on a sample: every pair of the first SAMPLE articles linked with every kind (passages and
// retold sentences), judged with what an index of the whole sample learned (stock phrases, term
// weights), beside the pairs the run above linked among them: it met them in the same order, with
// what it had learned by then, and compared each only with its candidates.
const sample = corpus.slice(0, SAMPLE);
const sampleIds = new Set(sample.map((a) => a.id));
const inSample = (pair) => pair.split(' ').every((id) => sampleIds.has(id));
const pairsByIndex = new Set([...run.linkedPairs].filter(inSample));
const verbatimPairsByIndex = new Set([...run.verbatimPairs].filter(inSample));
const learned = makeReuseIndex();
const prepared = sample.map((a) => learned.prepare(a));
for (const p of prepared) learned.add(p);
const bruteStart = performance.now();
const mayLink = makeLinkPrefilter(prepared, learned.knowledge.weightOfTerm);
/** Linked pair → whether a link of a verbatim kind joins it (as runIndex counts verbatimPairs). */
const pairsByBrute = new Map();
let compared = 0;
for (let i = 0; i < sample.length; i++) {
  for (let j = 0; j < i; j++) {
    if (!mayLink(i, j)) continue;
    compared++;
    const links = learned.linkPair(prepared[i], prepared[j]);
    if (links.length > 0) pairsByBrute.set([sample[i].id, sample[j].id].sort().join(' '), links.some((l) => l.kind !== 'paraphrase'));
  }
}
const bruteSeconds = (performance.now() - bruteStart) / 1000;
const inBoth = (pairs, found) => [...pairs].filter((p) => found.has(p)).length;
const verbatimPairsByBrute = new Set([...pairsByBrute].filter(([, verbatim]) => verbatim).map(([pair]) => pair));
const missed = [...pairsByBrute.keys()].filter((p) => !pairsByIndex.has(p));
const outsideFamily = (pairs) => [...pairs].filter((pair) => !isRightLink(run.byId, ...pair.split(' '))).length;
console.log(
  `brute force, ${sample.length} articles (${(sample.length * (sample.length - 1)) / 2} pairs, ${compared} sharing enough to be compared; every kind): ${bruteSeconds.toFixed(1)} s, ` +
    `${pairsByBrute.size} linked pairs (${verbatimPairsByBrute.size} of a verbatim kind; ${outsideFamily(pairsByBrute.keys())} outside a planted family); ` +
    `index ${pairsByIndex.size} pairs (${verbatimPairsByIndex.size} of a verbatim kind), ${inBoth(pairsByBrute.keys(), pairsByIndex)} in both: ` +
    `index finds ${(pairsByBrute.size ? inBoth(pairsByBrute.keys(), pairsByIndex) / pairsByBrute.size : 1).toFixed(3)} of brute force's pairs, ` +
    `${(verbatimPairsByBrute.size ? inBoth(verbatimPairsByBrute, verbatimPairsByIndex) / verbatimPairsByBrute.size : 1).toFixed(3)} of its verbatim-kind pairs; ` +
    `missed ${missed.length} (${outsideFamily(missed)} of them outside a planted family), linked ${[...pairsByIndex].filter((p) => !pairsByBrute.has(p)).length} brute force did not ` +
    `(it learned stock phrases and term weights only as the articles came)`,
);

/**
 * Whether articles i and j can hold a link at all, so brute force skips the rest: a passage needs
 * two shared shingles (one of minPassageChars with 75 % matched holds more), a sentence link needs
 * an anchor, which shares a term of weight minRarestSharedWeight or is a sentence made of the same
 * everyday words (minPlainTerms or more). Left out: an anchor between sentences of ten or more
 * everyday words differing in one (a Dice score of 0.9 all the same).
 */
function makeLinkPrefilter(articles, weightOfTerm) {
  const { minRarestSharedWeight, minPlainTerms } = DEFAULT_SENTENCE_ALIGNMENT_OPTIONS;
  const shingles = articles.map((p) => Uint32Array.from(new Set(p.shingled.shingles)).sort());
  const rareTerms = articles.map((p) => new Set(p.sentences.flatMap((s) => s.terms).filter((t) => weightOfTerm(t) >= minRarestSharedWeight)));
  const termSets = articles.map((p) => new Set(p.sentences.filter((s) => s.terms.length >= minPlainTerms).map((s) => [...new Set(s.terms)].sort().join(' '))));
  const meet = (x, y) => {
    const [small, large] = x.size <= y.size ? [x, y] : [y, x];
    for (const item of small) if (large.has(item)) return true;
    return false;
  };
  return (i, j) => sharedCount(shingles[i], shingles[j], 2) >= 2 || meet(rareTerms[i], rareTerms[j]) || meet(termSets[i], termSets[j]);
}

function sharedCount(x, y, enough) {
  let count = 0;
  for (let i = 0, j = 0; i < x.length && j < y.length && count < enough; ) {
    if (x[i] === y[j]) {
      count++;
      i++;
      j++;
    } else if (x[i] < y[j]) i++;
    else j++;
  }
  return count;
}
