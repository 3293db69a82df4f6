/**
 * The API's answers as zod schemas: the OpenAPI document's response bodies are generated from them, and
 * test/api/response-schemas.test.ts checks real answers against them. Objects are loose (a field added
 * later does not break a client); the fields listed are required with their types. Story evidence and
 * summaries are src/story/'s records and stay open here.
 */
import { z } from 'zod';

const id = z.string();
const isoDate = z.string().nullable().describe('ISO 8601 at the precision known, or null');
const span = { start: z.number().int(), end: z.number().int() };
const countByName = z.looseObject({ name: z.string(), count: z.number().int() });
const page = <T extends z.ZodType>(item: T) => z.looseObject({ items: z.array(item), nextCursor: z.string().nullable() });

export const errorResponse = z.looseObject({ error: z.looseObject({ code: z.string(), message: z.string() }) });

export const healthResponse = z.looseObject({
  status: z.literal('ok'),
  version: z.string(),
  schemaVersion: z.number().int(),
  counts: z.looseObject({ articles: z.number().int(), occurrences: z.number().int(), events: z.number().int(), storylines: z.number().int() }),
});

export const statsResponse = z.looseObject({
  articles: z.number().int(),
  occurrences: z.number().int(),
  outlets: z.array(countByName),
  languages: z.array(countByName),
  credits: z.array(countByName),
  publishedRange: z.looseObject({ earliest: z.string(), latest: z.string() }).nullable(),
  schemaVersion: z.number().int(),
});

const articleRef = z.looseObject({ id, title: z.string().nullable(), outlet: z.string().nullable(), published: isoDate });
const entityType = z.enum(['person', 'organization', 'location', 'other']);
const entityMention = z.looseObject({ text: z.string(), ...span, type: entityType, canonical: z.string().nullable() });
const quote = z.looseObject({ text: z.string(), ...span, kind: z.string(), speaker: z.string().nullable(), relayedBy: z.string().nullable() });
const origin = z.looseObject({ path: z.string().nullable(), url: z.string().nullable(), record: z.string().nullable(), segment: z.number().int().nullable() });

export const articleListResponse = page(articleRef.extend({ language: z.string().nullable() }));

export const articleResponse = articleRef.extend({
  origin,
  text: z.string(),
  language: z.string().nullable(),
  byline: z.string().nullable(),
  credits: z.array(z.looseObject({ name: z.string(), kind: z.string() })),
  entities: z.array(entityMention),
  quotes: z.array(quote),
  dates: z.array(z.looseObject({ text: z.string(), ...span, value: z.string().nullable() })),
  occurrences: z.array(origin.extend({ outlet: z.string().nullable(), published: isoDate })),
});

export const provenanceResponse = z.looseObject({
  articleId: id,
  textLength: z.number().int(),
  passages: z.array(z.looseObject({ ...span })),
  ownSpans: z.array(z.looseObject({ ...span })),
  reusedShare: z.number().min(0).max(1),
  likelySource: z.looseObject({ articleId: id }).nullable(),
});

export const searchResponse = page(articleRef.extend({ language: z.string().nullable(), snippet: z.looseObject({ text: z.string(), highlights: z.array(z.looseObject({ ...span })) }) })).extend({
  facets: z.looseObject({
    total: z.number().int(),
    outlets: z.array(countByName),
    languages: z.array(countByName),
    entities: z.array(z.looseObject({ key: z.string(), name: z.string(), type: z.string(), count: z.number().int() })),
    stories: z.array(z.looseObject({ id, kind: z.enum(['event', 'storyline']), title: z.string().nullable(), count: z.number().int() })),
  }),
});

const entitySummary = z.looseObject({ key: z.string(), name: z.string(), type: entityType, mentions: z.number().int(), articles: z.number().int() });
export const entityListResponse = page(entitySummary);

const quoteRecord = z.looseObject({ article: articleRef, index: z.number().int(), quote });
export const quoteListResponse = page(quoteRecord);

export const entityResponse = entitySummary.extend({
  names: z.array(countByName),
  mentionSample: z.array(z.looseObject({ article: articleRef, mention: entityMention, context: z.looseObject({ text: z.string(), ...span }) })),
  quotes: z.array(quoteRecord),
  quotedAbout: z.array(quoteRecord),
  articleRefs: z.array(articleRef),
});

export const outletListResponse = page(
  z.looseObject({ name: z.string(), articles: z.number().int(), languages: z.array(countByName), credits: z.array(countByName), earliest: isoDate, latest: isoDate }),
);

export const outletSourcesResponse = z.looseObject({
  outlet: z.string(),
  articles: z.number().int(),
  chars: z.number().int(),
  sources: z.array(z.looseObject({ source: z.string(), chars: z.number().int(), share: z.number() })),
});

const reuseLink = z.looseObject({
  id,
  kind: z.string(),
  a: z.looseObject({ articleId: id, ...span }),
  b: z.looseObject({ articleId: id, ...span }),
  score: z.number(),
  direction: z.looseObject({ from: id.nullable(), confidence: z.number(), reasons: z.array(z.string()) }),
});
export const reuseListResponse = page(reuseLink).extend({ available: z.boolean() });
export const storyReuseResponse = page(reuseLink);

const storyHeader = z.looseObject({
  id,
  kind: z.enum(['event', 'storyline']),
  storylineId: id.nullable(),
  title: z.string().nullable(),
  dateStart: isoDate,
  dateEnd: isoDate,
  articleIds: z.array(id),
  summary: z.unknown(),
});
export const storyListResponse = page(
  storyHeader.extend({
    articleCount: z.number().int(),
    coverage: z.looseObject({ days: z.array(z.looseObject({ day: z.string(), articles: z.number().int() })), undated: z.number().int(), outlets: z.number().int() }).optional(),
  }),
).extend({ available: z.boolean() });

export const storyResponse = storyHeader.extend({
  evidence: z.unknown(),
  articles: z.array(articleRef.extend({ language: z.string().nullable(), credits: z.array(z.looseObject({ name: z.string() })) })),
  events: z.array(storyHeader),
});

export const statementListResponse = page(
  z.looseObject({
    id,
    speaker: z.string().nullable(),
    text: z.string(),
    occurrences: z.array(z.looseObject({ articleId: id, ...span, outlet: z.string().nullable(), published: isoDate })),
    outlets: z.array(z.string()),
  }),
);

const ingestJob = z.looseObject({
  id,
  status: z.enum(['queued', 'running', 'done', 'failed']),
  inputs: z.number().int(),
  inputsDone: z.number().int(),
  articlesAdded: z.number().int(),
  articleIds: z.array(id),
  rejected: z.array(z.looseObject({ input: z.string(), rule: z.string(), reason: z.string() })),
  finishedAt: z.string().nullable(),
  error: z.string().nullable(),
});
export const ingestJobResponse = ingestJob;
export const ingestJobListResponse = page(ingestJob);
