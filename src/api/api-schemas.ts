/** The API's query parameters as zod schemas: validation at the door, and the source of the OpenAPI parameter list. */
import { z } from 'zod';
import { EXPORT_FORMATS } from '../export/export-formats.js';
import { ISO_DATE_PREFIX } from '../store/browse.js';

/** Largest page a client may ask for: enough for a screen, small enough to answer within the time goal. */
export const MAX_PAGE_LIMIT = 200;
export const DEFAULT_PAGE_LIMIT = 20;


const limit = z.coerce.number().int().min(1).max(MAX_PAGE_LIMIT).default(DEFAULT_PAGE_LIMIT).describe('items per page');
const cursor = z.string().min(1).max(40).optional().describe('nextCursor of the previous page');

export const pageQuery = z.strictObject({ limit, cursor });

/** What narrows a search, an export or a follow: the store's ArticleFilter, `q` being its query. */
const articleFilterFields = {
  q: z.string().max(500).optional().describe('words that must all appear; German inflected forms match; "quoted" for a phrase, word* for a prefix'),
  outlet: z.string().min(1).max(200).optional(),
  language: z.string().min(1).max(20).optional(),
  from: z.string().regex(ISO_DATE_PREFIX, 'a date like 2025, 2025-03 or 2025-03-14').optional().describe('published on or after'),
  to: z.string().regex(ISO_DATE_PREFIX, 'a date like 2025, 2025-03 or 2025-03-14').optional().describe('published on or before'),
  entity: z.string().min(1).max(300).optional().describe('canonical entity key the article mentions'),
  story: z.string().min(1).max(300).optional().describe('id of an event or storyline the article belongs to'),
};

export const searchQuery = z.strictObject({ ...articleFilterFields, limit, cursor });

export const ENTITY_TYPES = ['person', 'organization', 'location', 'other'] as const;

export const entitiesQuery = z.strictObject({ type: z.enum(ENTITY_TYPES).optional(), limit, cursor });

export const entityQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_LIMIT).default(DEFAULT_PAGE_LIMIT).describe('mentions and articles shown'),
});

export const quotesQuery = z.strictObject({
  speaker: z.string().min(1).max(200).optional().describe('part of the speaker name'),
  article: z.string().min(1).max(80).optional().describe('article id'),
  entity: z.string().min(1).max(300).optional().describe('entity key: the quotes it spoke, or with role=about, those whose words name it'),
  role: z.enum(['speaker', 'about']).optional().describe('with entity: speaker (default) or about'),
  limit,
  cursor,
});

export const reuseQuery = z.strictObject({
  article: z.string().min(1).max(80).optional().describe('only links with a passage in this article'),
  limit,
  cursor,
});

export const storiesQuery = z.strictObject({
  kind: z.enum(['event', 'storyline']).optional().describe('events (one happening) or storylines (events over time); both when absent'),
  include: z.enum(['coverage']).optional().describe("coverage: each story's articles per publication day and its number of outlets"),
  limit,
  cursor,
});

export const exportQuery = z.strictObject({
  format: z.enum(Object.keys(EXPORT_FORMATS) as [keyof typeof EXPORT_FORMATS]).default('jsonl'),
  ...articleFilterFields,
});

/** JSON body of POST /api/ingest (multipart forms carry the same fields: files, text, urls). */
export const ingestJsonBody = z.strictObject({
  text: z.union([z.string().min(1), z.array(z.string().min(1)).max(100)]).optional(),
  urls: z.array(z.url({ protocol: /^https?$/ })).max(100).optional(),
});

/** Shortest id prefix accepted in /api/articles/:id, as in `storytrace show`. */
export const MIN_ID_PREFIX = 4;
