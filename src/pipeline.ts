/**
 * The pipeline: the one place that knows the order of the stages.
 *   read (ingest/) → decode → page (clean/html or clean/plain-text) → boilerplate → split
 *   → per segment: published, credits, outlet, language, id (extract/) → analysis (text/, extract/)
 * Storage and reuse linking happen outside, in the runner (cli/, api/), which owns the I/O.
 */
import { createHash } from 'node:crypto';
import type { Article, ArticleId, RawDocument, With } from './article.js';
import { diagnostic, hasFatal, type Diagnostic } from './diagnostic.js';
import type { Page, Segment } from './page.js';
import { decodeContent } from './clean/encoding.js';
import { DEFAULT_HTML_PAGE_OPTIONS, readHtmlPage, type HtmlPageOptions } from './clean/html/html-page.js';
import { readTextPage } from './clean/plain-text/text-page.js';
import { DEFAULT_BOILERPLATE_OPTIONS, removeBoilerplate, type BoilerplateOptions } from './clean/plain-text/boilerplate.js';
import { splitCompoundPage } from './clean/compound-page.js';
import { resolvePublished } from './extract/published/resolve-published.js';
import { findCredits } from './extract/credits/find-credits.js';
import { loadAgencyLexicon, type AgencyLexicon } from './extract/credits/agency-lexicon.js';
import { findOutlet } from './extract/outlet/find-outlet.js';
import { loadOutletTable, type OutletTable } from './extract/outlet/outlet-table.js';
import { loadLanguageIdentifier, type LanguageIdentifier } from './extract/language/identify-language.js';
import { loadQuoteLexicon, makeQuoteFinder, type QuoteFinder } from './extract/quotes/find-quotes.js';
import { makeEnglishQuoteFinder } from './extract/quotes/find-quotes-en.js';
import { textDatesOf } from './extract/dates/find-text-dates.js';
import { attachSpeakerIds } from './extract/quotes/attach-speaker-ids.js';
import { loadEntityTagger, type EntityTagger } from './extract/entities/tag-entities.js';
import { makeEntityLinker, type EntityLinker } from './extract/entities/link-entities.js';
import { loadKnowledgeBase } from './extract/entities/knowledge-base/knowledge-base.js';
import { makeTokenizer, type Tokenizer } from './text/tokenize.js';
import { loadAbbreviations, makeSentenceSplitter, type SentenceSplitter } from './text/sentences.js';

/** How a document is read into a page and its segments (clean/): the rules and thresholds of each reader. */
export interface CleanOptions {
  readonly htmlPage: HtmlPageOptions;
  readonly boilerplate: BoilerplateOptions;
}

export const DEFAULT_CLEAN_OPTIONS: CleanOptions = {
  htmlPage: DEFAULT_HTML_PAGE_OPTIONS,
  boilerplate: DEFAULT_BOILERPLATE_OPTIONS,
};

export interface PipelineOptions {
  /** Skip articles whose cleaned text is shorter than this (characters); they are reported, not stored. */
  readonly minTextChars: number;
  readonly clean: CleanOptions;
}

export const DEFAULT_PIPELINE_OPTIONS: PipelineOptions = {
  // A one-line brief ("Putin trifft Xi in Peking.") is still news; an empty page is not.
  minTextChars: 1,
  clean: DEFAULT_CLEAN_OPTIONS,
};

/** Everything loaded once when the pipeline is built and handed to each stage. */
export interface StageContext {
  readonly options: PipelineOptions;
  readonly identifyLanguage: LanguageIdentifier;
  /** extract/credits/agencies.tsv */
  readonly agencies: AgencyLexicon;
  /** extract/outlet/outlets.tsv */
  readonly outlets: OutletTable;
  /** text/: tokens and sentences (abbreviations.de.txt) */
  readonly tokenize: Tokenizer;
  readonly sentences: SentenceSplitter;
  /** extract/entities: the trained tagger (ner.de.json) and the knowledge-base linker (knowledge-base/) */
  readonly tagEntities: EntityTagger;
  readonly linkEntities: EntityLinker;
  /** extract/quotes: quotes and speakers (reporting-verbs.de.tsv); English articles have their own (find-quotes-en.ts) */
  readonly findQuotes: QuoteFinder;
  readonly findQuotesEnglish: QuoteFinder;
}

export interface PipelineResult {
  readonly articles: readonly Article[];
  /** Messages about the input as a whole (nothing usable in it, decoding trouble). */
  readonly messages: readonly Diagnostic[];
}

export interface Pipeline {
  run(raw: RawDocument): PipelineResult;
}

export async function buildPipeline(options: Partial<PipelineOptions> = {}): Promise<Pipeline> {
  const ctx: StageContext = {
    options: { ...DEFAULT_PIPELINE_OPTIONS, ...options },
    identifyLanguage: await loadLanguageIdentifier(),
    agencies: loadAgencyLexicon(),
    outlets: loadOutletTable(),
    ...loadTextAnalysis(),
  };
  return Object.freeze({ run: (raw: RawDocument) => runPipeline(raw, ctx) });
}

/** A document read and cleaned: its page (null when it could not be decoded) and the article-sized segments of it. */
export interface CleanedDocument {
  readonly page: Page | null;
  readonly segments: readonly Segment[];
  readonly messages: readonly Diagnostic[];
}

/** The clean stages alone: decode, read the page (HTML or plain text), remove boilerplate, split a compound page. */
export function cleanDocument(raw: RawDocument, options: CleanOptions = DEFAULT_CLEAN_OPTIONS): CleanedDocument {
  const read = readDocumentPage(raw, options);
  return read.page === null ? read : finishCleaning(read.page, read.messages, options);
}

/** Decodes a document and reads it as a page (HTML or plain text), boilerplate still in. */
export function readDocumentPage(raw: RawDocument, options: CleanOptions = DEFAULT_CLEAN_OPTIONS): CleanedDocument {
  if (hasFatal(raw.messages)) return { page: null, segments: [], messages: raw.messages };
  const decoded = decodeContent(raw);
  const messages: Diagnostic[] = [...raw.messages, ...decoded.messages];
  if (decoded.text === null) return { page: null, segments: [], messages };
  const page = raw.format === 'html' ? readHtmlPage(decoded.text, raw, options.htmlPage) : readTextPage(decoded.text, raw);
  return { page, segments: [], messages };
}

/** Removes a read page's boilerplate and splits it into segments. */
export function finishCleaning(read: Page, readMessages: readonly Diagnostic[], options: CleanOptions = DEFAULT_CLEAN_OPTIONS): CleanedDocument {
  const page = removeBoilerplate(read, options.boilerplate);
  return { page, segments: splitCompoundPage(page), messages: [...readMessages, ...page.messages] };
}

function runPipeline(raw: RawDocument, ctx: StageContext): PipelineResult {
  const { page, segments, messages: cleanMessages } = cleanDocument(raw, ctx.options.clean);
  const messages: Diagnostic[] = [...cleanMessages];
  if (page === null) return { articles: [], messages };
  const pageId = segments.length > 1 ? articleIdFor(page.text) : null;

  const articles: Article[] = [];
  // What ingest noted about where the text came from ("the feed's own text, not the page") is true of every article in it.
  const ingestNotes = raw.messages.filter((m) => m.stage === 'ingest');
  segments.forEach((segment, index) => {
    if (segment.text.length < ctx.options.minTextChars) {
      messages.push(diagnostic('warning', 'clean', 'no-text', 'no article text found; nothing stored'));
      return;
    }
    const analysed = analyseArticle(makeArticle(page, segment, segments.length > 1 ? index : null, pageId, ctx), ctx);
    const article = ingestNotes.length === 0 ? analysed : { ...analysed, messages: [...ingestNotes, ...analysed.messages] };
    articles.push(article);
    // The run report names the input; an article's warnings (a bad stated date) go there too, once per page.
    for (const m of article.messages) {
      if (!messages.some((seen) => seen.rule === m.rule && seen.reason === m.reason)) messages.push(m);
    }
  });
  return { articles, messages };
}

function makeArticle(
  page: Page,
  segment: Segment,
  segmentIndex: number | null,
  pageId: ArticleId | null,
  ctx: StageContext,
): Article {
  const messages: Diagnostic[] = [];
  const { published, messages: dateMessages } = resolvePublished(page, segment);
  messages.push(...dateMessages);
  const guess = ctx.identifyLanguage(segment.text);
  const outlet = findOutlet(page, segment, ctx.outlets);
  return {
    id: articleIdFor(segment.text),
    origin: { ...page.origin, segment: segmentIndex },
    pageId,
    title: outlet.title,
    text: segment.text,
    published: published?.value ?? null,
    language: guess?.language ?? page.declaredLanguage,
    outlet: outlet.outlet,
    credits: findCredits(segment.text, page, ctx.agencies),
    byline: page.byline,
    sideTexts: page.sideTexts,
    messages,
  };
}

/**
 * The language analysis of a cleaned article: tokens and sentences once, then entities (tagger, then the
 * knowledge-base linker that gives them identities), quotes with their speakers, dates in the text.
 */
function analyseArticle(article: Article, ctx: StageContext): With<'entities' | 'quotes' | 'dates' | 'publishedNotBefore'> {
  const { text } = article;
  const tokens = ctx.tokenize(text);
  const sentences = ctx.sentences.split(text);
  const entities = ctx.linkEntities(text, tokens, article.published, ctx.tagEntities(text, sentences));
  return {
    ...article,
    entities,
    quotes: attachSpeakerIds((article.language === 'en' ? ctx.findQuotesEnglish : ctx.findQuotes)(text, tokens, sentences, entities), entities, text),
    ...textDatesOf(text, article.published),
  };
}

function loadTextAnalysis(): Pick<StageContext, 'tokenize' | 'sentences' | 'tagEntities' | 'linkEntities' | 'findQuotes' | 'findQuotesEnglish'> {
  const abbreviations = loadAbbreviations();
  return {
    tokenize: makeTokenizer(abbreviations),
    sentences: makeSentenceSplitter(abbreviations),
    tagEntities: loadEntityTagger(),
    linkEntities: makeEntityLinker(loadKnowledgeBase()),
    findQuotes: makeQuoteFinder(loadQuoteLexicon()),
    findQuotesEnglish: makeEnglishQuoteFinder(),
  };
}

/**
 * Stable id from content: whitespace-folded NFC text, so the same text found at two URLs, or
 * ingested twice, is one article. 64 bits of SHA-256 keep collisions out of reach for any
 * corpus we will see (birthday bound ~4·10⁹ articles).
 */
export function articleIdFor(text: string): ArticleId {
  const normalised = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  return createHash('sha256').update(normalised).digest('hex').slice(0, 16);
}
