/**
 * The incremental reuse index: add one article at a time, ask which indexed articles it shares
 * text or content with, and link it to them, without comparing all pairs or recomputing anything.
 * Candidates come from winnowed shingle fingerprints (verbatim reuse), from order-free sentence
 * fingerprints (sentences reordered or reinflected) and from the article's rarest content terms
 * (paraphrase); the spread of fingerprints across articles teaches the stock phrases and sentences.
 */
import type { ArticleId } from '../article.js';
import { makeSentenceSplitter } from '../text/sentences.js';
import { loadFunctionWordsDe } from './content-terms.js';
import {
  findReuseLinks,
  prepareArticle,
  DEFAULT_PAIR_OPTIONS,
  type CorpusKnowledge,
  type PairOptions,
  type PreparedArticle,
  type PreparedSentence,
  type ReuseArticle,
  type ReuseContext,
} from './find-reuse-links.js';
import type { ReuseLink } from '../records.js';
import { stemGerman } from '../text/stem.de.js';
import { firstAtOrAfter, markSpreadTokens } from './align-passages.js';
import { makePostingsTable } from './postings-table.js';
import { hashTermSet, hashToken, winnowFingerprints } from './shingles.js';

export interface ReuseIndexOptions {
  readonly pair: PairOptions;
  /** Shingles per winnowing window: any shared run of shingleTokens + window − 1 words (8) is found. */
  readonly windowShingles: number;
  /**
   * A fingerprint in at least this many articles, and in at least `stockArticleShare` of all of
   * them, is a stock phrase ("Mehr zum Thema", agency sign-offs): it neither proposes candidates
   * nor seeds passages. The floor keeps one wire text run by 45 outlets from counting as stock.
   */
  readonly stockMinArticles: number;
  readonly stockArticleShare: number;
  /** A fingerprint in at least this many articles is common: see PassageOptions.minCommonPassageChars. */
  readonly commonMinArticles: number;
  /** Postings stored per fingerprint or term; past it only the count grows (it is stock or too common anyway). */
  readonly maxPostingsPerKey: number;
  /**
   * Postings read per key when looking for candidates, newest first. A key in more articles is weak
   * evidence alone (a copy shares rarer keys with its source too); reading every posting of such
   * keys made the cost of one article grow with the corpus: 7.8 ms per article in the first tenth
   * of 100,000 generated articles, 25.4 in the last.
   */
  readonly maxPostingsRead: number;
  /**
   * Shared fingerprints that make an indexed article a verbatim candidate: 3 is less than what a
   * 150-character passage (minPassageChars) leaves after winnowing. Common fingerprints (in
   * `commonMinArticles` or more articles) count only towards `minSharedCommonFingerprints`, about
   * what a 250-character passage (minCommonPassageChars) leaves: a wire text run by many outlets
   * still finds its copies, a formula shared by a story's every article does not make them all candidates.
   */
  readonly minSharedFingerprints: number;
  readonly minSharedCommonFingerprints: number;
  /** Most informative distinct terms of an article used to look for paraphrase candidates. */
  readonly rareTermsPerArticle: number;
  /**
   * Share (0–1) of those terms' weight a candidate must share to be aligned sentence by sentence.
   * On the paraphrase dev set 0.15 gives P 0.950 R 0.886, 0.25 P 0.974 R 0.886, 0.35 P 0.991 R 0.870:
   * pairs below 0.25 are mostly other reports on the same event.
   */
  readonly minParaphraseCandidateShare: number;
  /** Paraphrase candidates aligned per article, best first. */
  readonly maxParaphraseCandidates: number;
  /**
   * A retelling shares most of its sentences with its source, each with the same content terms in
   * another order or inflection: an indexed article sharing at least `minSharedSentences` sentence
   * fingerprints (none of them stock), and at least `minRetoldShare` (0–1) of the sentences of the
   * shorter of the two, is a retold candidate. Two independent reports of one story share a formula
   * sentence or two ("Der Gemeinderat von X will am Montag über die Sanierung entscheiden"), not half.
   */
  readonly minSharedSentences: number;
  readonly minRetoldShare: number;
  /** Retold candidates aligned per article, most shared first. */
  readonly maxRetoldCandidates: number;
  /**
   * Term weights are IDF over the indexed articles plus this many imagined articles that hold
   * none of the terms: in a corpus of two, plain IDF would weigh exactly the shared terms down to
   * nothing; past a few thousand articles the prior no longer matters.
   */
  readonly termWeightPriorArticles: number;
  /**
   * Candidate articles prepared (tokenised, split, stemmed) recently are kept, newest first: a wire
   * text is a candidate of every copy that follows it, and preparing it anew each time dominated the run.
   */
  readonly preparedCacheSize: number;
}

export const DEFAULT_REUSE_INDEX_OPTIONS: ReuseIndexOptions = {
  pair: DEFAULT_PAIR_OPTIONS,
  windowShingles: 4,
  stockMinArticles: 50,
  stockArticleShare: 0.002,
  commonMinArticles: 5,
  maxPostingsPerKey: 1000,
  maxPostingsRead: 100,
  minSharedFingerprints: 3,
  minSharedCommonFingerprints: 12,
  rareTermsPerArticle: 40,
  minParaphraseCandidateShare: 0.25,
  maxParaphraseCandidates: 5,
  minSharedSentences: 3,
  minRetoldShare: 0.5,
  maxRetoldCandidates: 10,
  preparedCacheSize: 5000,
  termWeightPriorArticles: 100,
};

/** An indexed article worth aligning with, and why. */
export interface ReuseCandidate {
  readonly articleId: ArticleId;
  readonly sharedFingerprints: number;
  /** Share of the query's rare-term weight this article also holds, 0–1. */
  readonly sharedTermShare: number;
  /** Sentence fingerprints (not stock) it shares with the query. */
  readonly sharedSentences: number;
  /**
   * Shares most of its sentences with the query (see `minRetoldShare`): aligned sentence by sentence
   * with only whole stock sentences left out, as a retelling of formulaic text is still a retelling.
   */
  readonly retold: boolean;
  /** Chosen for its terms: align sentence by sentence for paraphrases, not only passages. */
  readonly paraphrase: boolean;
}

/** What the index keeps of one article: enough to find it as a candidate, nothing to align it with. */
export interface ArticleFingerprints {
  /** Its distinct winnowed shingle hashes, each followed by the token position where it first occurs. */
  readonly shingles: Uint32Array;
  /** Hashes of its distinct content terms. */
  readonly terms: Uint32Array;
  /** Its distinct order-free sentence fingerprints (hashTermSet of each sentence's content terms). */
  readonly sentences: Uint32Array;
}

export interface ReuseIndex {
  /** Tokenises, shingles and splits an article once; pass the result to the other methods. */
  prepare(article: ReuseArticle): PreparedArticle;
  /** Adds an article's fingerprints and terms. Adding the same id twice is the caller's to avoid. */
  add(article: PreparedArticle): void;
  /** What `add` indexes of an article, to store it and add it again later with `addFingerprints`. */
  fingerprintsOf(article: PreparedArticle): ArticleFingerprints;
  /** Adds an article from its stored fingerprints, without its text. */
  addFingerprints(id: ArticleId, fingerprints: ArticleFingerprints): void;
  /**
   * Names how fingerprints are computed (tokens per shingle, winnowing window, tokeniser and stemmer
   * version): stored fingerprints of another scheme must be computed again.
   */
  readonly fingerprintScheme: string;
  /** Indexed articles (other than itself) the article may share passages or statements with. */
  candidatesFor(article: PreparedArticle): ReuseCandidate[];
  /** Links between two articles, judged with what the index has learned so far. */
  linkPair(a: PreparedArticle, b: PreparedArticle): ReuseLink[];
  /** All links of an article to its candidates; `lookup` hands over the candidate articles (the caller owns storage). */
  linksFor(article: PreparedArticle, lookup: (id: ArticleId) => ReuseArticle | undefined): ReuseLink[];
  readonly articleCount: number;
  readonly knowledge: CorpusKnowledge;
}

/**
 * Raise it when tokenising, folding, hashing, sentence splitting or stemming changes what an
 * article's fingerprints are: stored ones of the old version are then computed again.
 */
const FINGERPRINT_VERSION = 'reuse-fp-2';

export function loadReuseContext(): ReuseContext {
  const splitter = makeSentenceSplitter();
  return { splitSentences: (text) => splitter.split(text), stem: stemGerman, functionWords: loadFunctionWordsDe() };
}

export function makeReuseIndex(options: Partial<ReuseIndexOptions> = {}, context: ReuseContext = loadReuseContext()): ReuseIndex {
  const given: ReuseIndexOptions = { ...DEFAULT_REUSE_INDEX_OPTIONS, ...options };
  // stock and common marks must reach as far as one winnowing window (see PassageOptions.stockReachShingles)
  const passage = { ...given.pair.passage, stockReachShingles: given.windowShingles - 1 };
  const o: ReuseIndexOptions = { ...given, pair: { ...given.pair, passage } };
  validateOptions(o);
  const fingerprints = makePostingsTable(o.maxPostingsPerKey);
  const terms = makePostingsTable(o.maxPostingsPerKey);
  const sentenceKeys = makePostingsTable(o.maxPostingsPerKey);
  const ids: ArticleId[] = [];
  /** Distinct sentence fingerprints per indexed article, by article index. */
  const sentenceCounts: number[] = [];
  const indexOf = new Map<ArticleId, number>();

  const stockThreshold = () => Math.max(o.stockMinArticles, Math.ceil(o.stockArticleShare * ids.length));
  const knowledge: CorpusKnowledge = {
    shingles: {
      isStock: (hash) => fingerprints.articleCount(hash) >= stockThreshold(),
      isCommon: (hash) => fingerprints.articleCount(hash) >= o.commonMinArticles,
    },
    isStockSentence: (sentence, article) => isStockWhole(sentence) || isMostlyStockPhrases(sentence, article),
    // IDF with add-half smoothing; a term no indexed article holds weighs the most.
    weightOfTerm: (term) => Math.log((ids.length + o.termWeightPriorArticles + 1) / (terms.articleCount(hashToken(term)) + 0.5)),
  };
  /** For retold candidates (see ReuseCandidate.retold): only whole stock sentences are left out. */
  const retoldKnowledge: CorpusKnowledge = { ...knowledge, isStockSentence: (sentence) => isStockWhole(sentence) };

  /**
   * The sentence (its set of content terms, in any order) is in as many articles as a stock phrase:
   * a sign-off, "Das berichtete die Deutsche Presse-Agentur".
   */
  function isStockWhole(sentence: PreparedSentence): boolean {
    return sentence.terms.length > 0 && sentenceKeys.articleCount(sentenceKeyOf(sentence.terms)) >= stockThreshold();
  }

  /** Most of its words lie in stock phrases ("Folgen Sie uns auf Telegram …", "Mehr zum Thema – …"). */
  function isMostlyStockPhrases(sentence: PreparedSentence, article: PreparedArticle): boolean {
    const stockTokens = stockTokensOf(article);
    const starts = article.shingled.tokens.starts;
    let tokens = 0;
    let stock = 0;
    for (let t = firstAtOrAfter(starts, sentence.span.start); t < starts.length && starts[t]! < sentence.span.end; t++) {
      tokens++;
      stock += stockTokens[t]!;
    }
    return tokens > 0 && stock * 2 > tokens;
  }

  /**
   * Which tokens of an article lie in stock phrases, kept until the index has grown by 1 % (at least
   * 100 articles): a candidate is compared with many articles in a row, and marking it anew for each
   * was a tenth of the run, while what is stock changes only as the corpus grows.
   */
  const stockTokensByArticle = new WeakMap<PreparedArticle, { readonly tokens: Uint8Array; readonly indexSize: number }>();
  function stockTokensOf(article: PreparedArticle): Uint8Array {
    const known = stockTokensByArticle.get(article);
    if (known !== undefined && ids.length - known.indexSize <= Math.max(100, known.indexSize / 100)) return known.tokens;
    const tokens = markSpreadTokens(article.shingled, o.pair.passage, knowledge.shingles.isStock);
    stockTokensByArticle.set(article, { tokens, indexSize: ids.length });
    return tokens;
  }

  // Winnowing runs once per article: candidatesFor and add both need its fingerprints.
  const fingerprintsByArticle = new WeakMap<PreparedArticle, Map<number, number>>();
  function distinctFingerprints(article: PreparedArticle): Map<number, number> {
    const known = fingerprintsByArticle.get(article);
    if (known !== undefined) return known;
    const first = new Map<number, number>();
    for (const fp of winnowFingerprints(article.shingled.shingles, o.windowShingles)) {
      if (!first.has(fp.hash)) first.set(fp.hash, fp.position);
    }
    fingerprintsByArticle.set(article, first);
    return first;
  }

  function distinctTerms(article: PreparedArticle): Set<string> {
    return new Set(article.sentences.flatMap((s) => s.terms));
  }

  /** Keyed by the prepared sentence's terms array: each sentence is hashed once, however often it is compared. */
  const sentenceKeyByTerms = new WeakMap<readonly string[], number>();
  function sentenceKeyOf(sentenceTerms: readonly string[]): number {
    let key = sentenceKeyByTerms.get(sentenceTerms);
    if (key === undefined) {
      key = hashTermSet(sentenceTerms);
      sentenceKeyByTerms.set(sentenceTerms, key);
    }
    return key;
  }

  /** Distinct fingerprints of the sentences that hold a content term. */
  const sentenceKeysByArticle = new WeakMap<PreparedArticle, Set<number>>();
  function distinctSentenceKeys(article: PreparedArticle): Set<number> {
    const known = sentenceKeysByArticle.get(article);
    if (known !== undefined) return known;
    const keys = new Set<number>();
    for (const s of article.sentences) if (s.terms.length > 0) keys.add(sentenceKeyOf(s.terms));
    sentenceKeysByArticle.set(article, keys);
    return keys;
  }

  const shared = makeTally();
  const sharedCommon = makeTally();
  const termWeight = makeTally();
  const sharedSentences = makeTally();
  function candidatesFor(article: PreparedArticle): ReuseCandidate[] {
    try {
      return findCandidates(article);
    } finally {
      shared.reset();
      sharedCommon.reset();
      termWeight.reset();
      sharedSentences.reset();
    }
  }

  function findCandidates(article: PreparedArticle): ReuseCandidate[] {
    const self = indexOf.get(article.article.id);
    const stock = stockThreshold();
    for (const hash of distinctFingerprints(article).keys()) {
      const count = fingerprints.articleCount(hash);
      if (count === 0 || count >= stock) continue;
      const tally = count >= o.commonMinArticles ? sharedCommon : shared;
      fingerprints.forEachPosting(
        hash,
        (i) => {
          if (i !== self) tally.add(i, 1);
        },
        o.maxPostingsRead,
      );
    }

    const rare = [...distinctTerms(article)]
      .map((term) => ({ hash: hashToken(term), weight: knowledge.weightOfTerm(term) }))
      .filter((t) => {
        const count = terms.articleCount(t.hash);
        return count > 0 && count <= o.maxPostingsPerKey;
      })
      .sort((x, y) => y.weight - x.weight)
      .slice(0, o.rareTermsPerArticle);
    const allRareWeight = rare.reduce((sum, t) => sum + t.weight, 0);
    for (const { hash, weight } of rare) {
      terms.forEachPosting(
        hash,
        (i) => {
          if (i !== self) termWeight.add(i, weight);
        },
        o.maxPostingsRead,
      );
    }
    const paraphraseCandidates = termWeight.indexes
      .map((i) => [i, allRareWeight > 0 ? termWeight.get(i) / allRareWeight : 0] as const)
      .filter(([, share]) => share >= o.minParaphraseCandidateShare)
      .sort((x, y) => y[1] - x[1])
      .slice(0, o.maxParaphraseCandidates);

    const querySentences = distinctSentenceKeys(article);
    for (const key of querySentences) {
      const count = sentenceKeys.articleCount(key);
      if (count === 0 || count >= stock) continue;
      sentenceKeys.forEachPosting(
        key,
        (i) => {
          if (i !== self) sharedSentences.add(i, 1);
        },
        o.maxPostingsRead,
      );
    }
    const retoldIndexes = new Set(
      sharedSentences.indexes
        .filter((i) => {
          const count = sharedSentences.get(i);
          return count >= o.minSharedSentences && count >= o.minRetoldShare * Math.min(querySentences.size, sentenceCounts[i]!);
        })
        .sort((x, y) => sharedSentences.get(y) - sharedSentences.get(x))
        .slice(0, o.maxRetoldCandidates),
    );

    const paraphraseIndexes = new Set<number>([...paraphraseCandidates.map(([i]) => i), ...retoldIndexes]);
    const chosen = new Set<number>(paraphraseIndexes);
    for (const i of shared.indexes) if (shared.get(i) >= o.minSharedFingerprints) chosen.add(i);
    for (const i of sharedCommon.indexes) if (sharedCommon.get(i) + shared.get(i) >= o.minSharedCommonFingerprints) chosen.add(i);
    return [...chosen].map((i) => ({
      articleId: ids[i]!,
      sharedFingerprints: shared.get(i) + sharedCommon.get(i),
      sharedTermShare: allRareWeight > 0 ? termWeight.get(i) / allRareWeight : 0,
      sharedSentences: sharedSentences.get(i),
      paraphrase: paraphraseIndexes.has(i),
      retold: retoldIndexes.has(i),
    }));
  }

  const recentlyPrepared = new Map<ArticleId, PreparedArticle>();
  function preparedCandidate(id: ArticleId, lookup: (id: ArticleId) => ReuseArticle | undefined): PreparedArticle | undefined {
    const cached = recentlyPrepared.get(id);
    if (cached !== undefined) {
      recentlyPrepared.delete(id); // re-inserted below: Map order is the recency order
      recentlyPrepared.set(id, cached);
      return cached;
    }
    const article = lookup(id);
    if (article === undefined) return undefined;
    const prepared = prepareArticle(article, context, o.pair);
    recentlyPrepared.set(id, prepared);
    if (recentlyPrepared.size > o.preparedCacheSize) recentlyPrepared.delete(recentlyPrepared.keys().next().value!);
    return prepared;
  }

  const index: ReuseIndex = {
    prepare: (article) => prepareArticle(article, context, o.pair),
    add(article) {
      index.addFingerprints(article.article.id, index.fingerprintsOf(article));
    },
    fingerprintsOf(article) {
      const shingles = [...distinctFingerprints(article)].flat();
      return {
        shingles: Uint32Array.from(shingles),
        terms: Uint32Array.from(distinctTerms(article), hashToken),
        sentences: Uint32Array.from(distinctSentenceKeys(article)),
      };
    },
    addFingerprints(id, stored) {
      const i = ids.length;
      ids.push(id);
      sentenceCounts.push(stored.sentences.length);
      indexOf.set(id, i);
      for (let k = 0; k + 1 < stored.shingles.length; k += 2) fingerprints.add(stored.shingles[k]!, i, stored.shingles[k + 1]!);
      for (const term of stored.terms) terms.add(term, i, 0);
      for (const key of stored.sentences) sentenceKeys.add(key, i, 0);
    },
    fingerprintScheme: `${FINGERPRINT_VERSION} k${o.pair.passage.shingleTokens} w${o.windowShingles}`,
    candidatesFor,
    linkPair: (a, b) => findReuseLinks(a, b, knowledge, o.pair),
    linksFor(article, lookup) {
      return candidatesFor(article).flatMap((c) => {
        const other = preparedCandidate(c.articleId, lookup);
        return other === undefined ? [] : findReuseLinks(article, other, c.retold ? retoldKnowledge : knowledge, o.pair, c.paraphrase);
      });
    },
    get articleCount() {
      return ids.length;
    },
    knowledge,
  };
  return index;
}

/**
 * Positive sums per article index in one typed array kept across queries (a Map per query was a
 * fifth of the run at 20,000 articles); `indexes` lists the touched ones, `reset` clears just those.
 */
function makeTally() {
  let sums = new Float64Array(1 << 12);
  let indexes: number[] = [];
  return {
    add(i: number, amount: number): void {
      if (i >= sums.length) {
        const grown = new Float64Array(Math.max(sums.length * 2, i + 1));
        grown.set(sums);
        sums = grown;
      }
      if (sums[i] === 0) indexes.push(i);
      sums[i]! += amount;
    },
    get(i: number): number {
      return i < sums.length ? sums[i]! : 0;
    },
    get indexes(): readonly number[] {
      return indexes;
    },
    reset(): void {
      for (const i of indexes) sums[i] = 0;
      indexes = [];
    },
  };
}

function validateOptions(o: ReuseIndexOptions): void {
  const positive = ['windowShingles', 'stockMinArticles', 'commonMinArticles', 'maxPostingsPerKey', 'maxPostingsRead', 'minSharedFingerprints', 'minSharedCommonFingerprints', 'rareTermsPerArticle', 'minSharedSentences'] as const;
  for (const name of positive) {
    if (!Number.isInteger(o[name]) || o[name] < 1) throw new RangeError(`reuse index option ${name} must be a positive integer, got ${o[name]}`);
  }
  if (o.pair.passage.shingleTokens < 1) throw new RangeError(`passage option shingleTokens must be at least 1, got ${o.pair.passage.shingleTokens}`);
}
