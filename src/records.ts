/**
 * Records that several layers share: what link/ finds and story/ registers, in the shape store/
 * keeps and the export writes. Kept in this leaf so store/ depends on nothing above it.
 */
import type { ArticleId } from './article.js';

export type ReuseKind = 'identical' | 'near-verbatim' | 'shared-wire' | 'quotation' | 'paraphrase';

export interface LinkSide {
  readonly articleId: ArticleId;
  /** Offsets into that article's `text` (JavaScript string indices). */
  readonly start: number;
  readonly end: number;
}

/** A passage of one article reused in another; the export's `reuse` record without its direction. */
export interface ReuseLink {
  readonly id: string;
  readonly kind: ReuseKind;
  readonly a: LinkSide;
  readonly b: LinkSide;
  /** 0–1: share matched word for word (passages), or weighted term overlap (sentences retold: paraphrase, shared wire in other words). */
  readonly score: number;
}

/** One outlet registry row as text columns, the way the shipped TSV and the database keep it. */
export interface OutletColumns {
  readonly name: string;
  readonly domains: string;
  readonly country: string;
  readonly type: string;
  readonly sanctions: string;
}
