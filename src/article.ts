/**
 * The shared document: what one input becomes as it flows read → clean → analyse → link → store.
 * Each field has one owner stage (named beside it); later stages read it, never rewrite it.
 */
import type { Diagnostic } from './diagnostic.js';

/** Content hash of the cleaned text (see `articleIdFor`): the same text is one article wherever it was found. */
export type ArticleId = string;

/** Where an article was found. Export name: `origin`. */
export interface Origin {
  /** File path as given on the command line (or inside a directory), null for stdin/URLs. */
  readonly path: string | null;
  /** Canonical URL of the article when known (input URL, feed link, WARC target, <link rel=canonical>). */
  readonly url: string | null;
  /** Id of the input record inside a container: JSON Lines `id` (or line number), feed item guid, WARC record id. */
  readonly record: string | null;
  /** Index of the article inside a compound page that was split, else null. */
  readonly segment: number | null;
}

/** Metadata the container stated about a document (JSONL fields, feed item fields, HTTP headers). Trusted over guesses. */
export interface DocumentHints {
  readonly title?: string;
  /** As stated; parsed and normalised by the clean stage. */
  readonly published?: string;
  readonly outlet?: string;
  readonly language?: string;
  /** Charset declared outside the bytes (HTTP Content-Type, XML declaration of a feed). */
  readonly charset?: string;
}

/** What ingest/ produces: one document, still undecoded and uncleaned. */
export interface RawDocument {
  readonly origin: Origin;
  /** `text`: plain text (the seeds' format); `html`: a web page. */
  readonly format: 'text' | 'html';
  /** Bytes as read (decoded by clean/encoding.ts), or a string when the container already held text (JSONL, feeds). */
  readonly content: Uint8Array | string;
  readonly hints: DocumentHints;
  /** A human name for the input in messages: "dpa-feed.xml, item 14". */
  readonly label: string;
  readonly messages: readonly Diagnostic[];
}

/** A news agency or other source the article credits ("Quelle: dpa, AFP", "(dpa-AFX)"). */
export interface Credit {
  /** Canonical short name: "dpa", "dpa-AFX", "AFP", "Reuters", "RT DE". */
  readonly name: string;
  readonly kind: 'agency' | 'outlet';
  /** The words that credit it, as found (may lie outside `text` when the credit line was removed as boilerplate). */
  readonly evidence: string;
}

/** Something the clean stage removed from the body but kept: photo captions, credit lines, bylines. */
export interface SideText {
  readonly kind: 'caption' | 'photo-credit' | 'credit-line' | 'byline' | 'teaser' | 'boilerplate';
  readonly text: string;
}

/** A character span into `Article.text` (JavaScript string indices, i.e. UTF-16 units). */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** A named entity mention (filled by extract/entities, issue 3). */
export interface EntityMention extends Span {
  readonly text: string;
  readonly type: 'person' | 'organization' | 'location' | 'other';
  /** Canonical identity, stable across articles ("Q:wladimir-putin"), or null when unresolved. */
  readonly canonical: string | null;
}

/** A quotation (filled by extract/quotes, issue 3). */
export interface Quote extends Span {
  readonly text: string;
  readonly kind: 'direct' | 'indirect' | 'reported' | 'partial' | 'relayed';
  /** A quotation mark quote that is only part of its sentence ("sprach von „tiefer Sorge“"); kind stays 'direct'. */
  readonly partial: boolean;
  /** The cue word that attributes it ("sagte", "laut", "zufolge"), or null. */
  readonly cue: string | null;
  /** Display name of the speaker (a pronoun shows the name it stands for). */
  readonly speaker: string | null;
  /** Canonical id of the speaker entity ("person:john-kirby"), when the speaker mention names a known entity. */
  readonly speakerId?: string | null;
  /** Who passes the words on when that is not the speaker ("CCTV zitierte Putin", "Dies berichtet RT DE"), else null. */
  readonly relayedBy: string | null;
  readonly speakerStart: number | null;
  readonly speakerEnd: number | null;
}

/** A date the text states or implies (filled by extract/dates), resolved against `published`. */
export interface TextDate extends Span {
  readonly text: string;
  /** ISO 8601 at the precision the expression gives ("2022-02-04", "2021-12", "2020"), or null when it cannot be resolved. */
  readonly value: string | null;
  /** absolute: the text names the date; relative: resolved from the publication date ("am Freitag", "gestern"). */
  readonly kind: 'absolute' | 'relative';
  /** How the date stands to the publication date: before it, that day, within its month or year, after it (announced). */
  readonly relation: 'past' | 'same-day' | 'current' | 'announced' | 'unknown';
}

export interface Article {
  readonly id: ArticleId; //                      clean/ (after splitting)
  readonly origin: Origin; //                     ingest/ (segment: clean/compound-page)
  /** Id of the whole page this segment was split from; null when not split. */
  readonly pageId: ArticleId | null; //           clean/compound-page
  readonly title: string | null; //               clean/
  /** Body text, paragraphs separated by one blank line ("\n\n"); NFC. Every offset points in here. */
  readonly text: string; //                       clean/
  /** ISO 8601 at the precision known: "2022", "2022-02", "2022-02-04", "2022-02-04T11:02+01:00". */
  readonly published: string | null; //          extract/published
  /** Without a stated publication date: the latest date the text treats as past, a lower bound ("2023"). Else null. */
  readonly publishedNotBefore?: string | null; //  extract/dates
  readonly language: string | null; //           extract/language (ISO 639-1)
  readonly outlet: string | null; //             extract/outlet
  readonly credits: readonly Credit[]; //        extract/credits
  readonly byline: string | null; //             clean/
  readonly sideTexts: readonly SideText[]; //    clean/
  readonly entities?: readonly EntityMention[]; // extract/entities (issue 3)
  readonly quotes?: readonly Quote[]; //          extract/quotes (issue 3)
  readonly dates?: readonly TextDate[]; //         extract/dates (issue 3)
  /** Notes, warnings and fatal reasons from any stage; none removes one. */
  readonly messages: readonly Diagnostic[];
}

/** An article whose optional fields K have been filled (spaCy's `requires`/`assigns`, checked by the compiler). */
export type With<K extends keyof Article> = Article & Required<Pick<Article, K>>;
