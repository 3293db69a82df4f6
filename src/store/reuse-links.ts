/**
 * The reuse side of the Store: links between passages of two articles (src/link/ finds them at
 * ingest, src/provenance/ reads them), each with the likely direction of copying.
 */
import type { ArticleId } from '../article.js';
import type { ReuseLink } from '../records.js';
import type { Page, PageRequest } from './browse.js';

/** Who copied whom, as src/link/direction.ts judged it; `from` is the likely source article, null when unknown. */
export interface ReuseDirection {
  readonly from: ArticleId | null;
  readonly confidence: number;
  readonly reasons: readonly string[];
}

/** The export's `reuse` record: a link plus its direction. */
export interface ReuseLinkRecord extends ReuseLink {
  readonly direction: ReuseDirection;
}

/**
 * What the reuse index holds of one linked article (src/link/reuse-index.ts), so a linker opens
 * without reading every text again. Empty arrays for an article left out of the index (no text).
 */
export interface ReuseFingerprintRecord {
  readonly articleId: ArticleId;
  /** How they were computed (ReuseIndex.fingerprintScheme); other schemes are computed again. */
  readonly scheme: string;
  /** Distinct shingle hashes, each followed by its token position. */
  readonly shingles: Uint32Array;
  /** Hashes of the distinct content terms. */
  readonly terms: Uint32Array;
  /** Order-free hashes of its distinct sentences (their content terms). */
  readonly sentences: Uint32Array;
}

export interface ReuseLinkTables {
  /**
   * Stores links, marks `linkedArticleIds` as linked and stores their fingerprints, in one
   * transaction; a link whose id is already stored is left as it is, fingerprints are replaced.
   * Returns how many links were new.
   */
  putReuseLinks(
    links: readonly ReuseLinkRecord[],
    linkedArticleIds?: readonly ArticleId[],
    fingerprints?: readonly ReuseFingerprintRecord[],
  ): Promise<number>;
  /** Articles whose links have been stored (see putReuseLinks): the linker skips them. */
  linkedArticleIds(): Promise<ReadonlySet<ArticleId>>;
  /** Stored articles not linked yet (stored before a run was killed, or by a command that does not link), first stored first. */
  unlinkedArticleIds(): Promise<readonly ArticleId[]>;
  /** Stored fingerprints of one scheme, in the order they were stored. */
  reuseFingerprints(scheme: string): AsyncIterable<ReuseFingerprintRecord>;
  /** Stores fingerprints computed for articles linked earlier (before fingerprints were kept, or under another scheme). */
  putReuseFingerprints(fingerprints: readonly ReuseFingerprintRecord[]): Promise<void>;
  /** Every link with either side in one of these articles, in the order they were stored. */
  reuseLinksFor(articleIds: readonly ArticleId[]): Promise<readonly ReuseLinkRecord[]>;
  /** Every stored link, in the order they were stored. */
  listReuseLinks(): Promise<readonly ReuseLinkRecord[]>;
  /** `listReuseLinks` a page at a time. */
  pageReuseLinks(page: PageRequest): Promise<Page<ReuseLinkRecord>>;
}
