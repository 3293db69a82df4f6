/**
 * The reuse side of the Store: links between passages of two articles (src/link/ finds them at
 * ingest, src/provenance/ reads them), each with the likely direction of copying.
 */
import type { ArticleId } from '../article.js';
import type { ReuseLink } from '../link/find-reuse-links.js';
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

export interface ReuseLinkTables {
  /**
   * Stores links and marks `linkedArticleIds` as linked, in one transaction; a link whose id is
   * already stored is left as it is. Returns how many links were new.
   */
  putReuseLinks(links: readonly ReuseLinkRecord[], linkedArticleIds?: readonly ArticleId[]): Promise<number>;
  /** Articles whose links have been stored (see putReuseLinks): the linker skips them. */
  linkedArticleIds(): Promise<ReadonlySet<ArticleId>>;
  /** Every link with either side in one of these articles, in the order they were stored. */
  reuseLinksFor(articleIds: readonly ArticleId[]): Promise<readonly ReuseLinkRecord[]>;
  /** Every stored link, in the order they were stored. */
  listReuseLinks(): Promise<readonly ReuseLinkRecord[]>;
  /** `listReuseLinks` a page at a time. */
  pageReuseLinks(page: PageRequest): Promise<Page<ReuseLinkRecord>>;
}
