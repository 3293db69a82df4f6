/**
 * A page: one decoded input after main-text extraction and boilerplate removal, before it is
 * split into articles. Owned by clean/; extract/ turns each of its segments into an Article.
 */
import type { Diagnostic } from './diagnostic.js';
import type { Origin, SideText } from './article.js';

/** A publication date with the words it was read from, so users can check it. */
export interface PublishedDate {
  /** ISO 8601 at the precision known: "2022", "2022-02", "2022-02-04", "2022-02-04T11:02+01:00". */
  readonly value: string;
  /** Where it came from: "json-ld datePublished", "meta article:published_time", "text line 3". */
  readonly evidence: string;
}

export interface Page {
  readonly origin: Origin;
  readonly label: string;
  readonly format: 'text' | 'html';
  readonly title: string | null;
  /** Body text, paragraphs separated by "\n\n", NFC, boilerplate removed. */
  readonly text: string;
  readonly published: PublishedDate | null;
  /** Site name the page declares (og:site_name, JSON-LD publisher) or the container stated. */
  readonly siteName: string | null;
  readonly byline: string | null;
  /** Language the page declares (<html lang>, hints), before identification. */
  readonly declaredLanguage: string | null;
  readonly sideTexts: readonly SideText[];
  readonly messages: readonly Diagnostic[];
}

/** One article-sized piece of a page (a whole page when it is not compound). */
export interface Segment {
  readonly title: string | null;
  readonly text: string;
  /** Date stated inside the segment ("04.02.22, 14:24" after a roundup headline). */
  readonly published: PublishedDate | null;
  /** Outlet named inside the segment ("— RT DE" title suffix, "dpa-AFX" dateline). */
  readonly outlet: string | null;
}
