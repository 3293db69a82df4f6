/**
 * The OpenAPI 3.1 description served at /api/openapi.json: paths written here, parameters generated from the
 * zod schemas that validate them, response bodies from the schemas in response-schemas.ts.
 */
import { z } from 'zod';
import { entitiesQuery, entityQuery, exportQuery, ingestJsonBody, pageQuery, quotesQuery, reuseQuery, searchQuery, storiesQuery } from './api-schemas.js';
import { STORYTRACE_VERSION } from '../version.js';
import * as answers from './response-schemas.js';

/** The body each route answers with (200, or 202 for POST), by "method path". Routes not listed stream a file. */
export const RESPONSE_SCHEMAS: Readonly<Record<string, z.ZodType>> = {
  'get /api/health': answers.healthResponse,
  'get /api/stats': answers.statsResponse,
  'get /api/articles': answers.articleListResponse,
  'get /api/articles/{id}': answers.articleResponse,
  'get /api/articles/{id}/provenance': answers.provenanceResponse,
  'get /api/search': answers.searchResponse,
  'get /api/entities': answers.entityListResponse,
  'get /api/entities/{key}': answers.entityResponse,
  'get /api/quotes': answers.quoteListResponse,
  'get /api/outlets': answers.outletListResponse,
  'get /api/outlets/{name}': answers.outletSourcesResponse,
  'get /api/reuse': answers.reuseListResponse,
  'get /api/stories': answers.storyListResponse,
  'get /api/stories/{id}': answers.storyResponse,
  'get /api/stories/{id}/reuse': answers.storyReuseResponse,
  'get /api/stories/{id}/statements': answers.statementListResponse,
  'post /api/ingest': answers.ingestJobResponse,
  'get /api/jobs': answers.ingestJobListResponse,
  'get /api/jobs/{id}': answers.ingestJobResponse,
};

interface RouteDoc {
  readonly method: 'get' | 'post';
  readonly path: string;
  readonly summary: string;
  readonly query?: z.ZodObject;
  readonly pathParams?: readonly string[];
}

export const ROUTES: readonly RouteDoc[] = [
  { method: 'get', path: '/api/health', summary: 'For monitors: status, version, database schema version, counts of articles, occurrences, events and storylines' },
  { method: 'get', path: '/api/stats', summary: 'Counts: articles, occurrences, outlets, languages, credits, date range' },
  { method: 'get', path: '/api/articles', summary: 'Articles in first-seen order', query: pageQuery },
  { method: 'get', path: '/api/articles/{id}', summary: 'One article (id or a prefix of 4+ characters) with entities, quotes, dates and every occurrence', pathParams: ['id'] },
  { method: 'get', path: '/api/articles/{id}/provenance', summary: "Which passages of an article are its own and which came from where, with its likely source", pathParams: ['id'] },
  { method: 'get', path: '/api/search', summary: 'Full-text search (German inflected forms match) filtered and faceted by outlet, language, date range, entity and story', query: searchQuery },
  { method: 'get', path: '/api/entities', summary: 'Entities by how many articles mention them', query: entitiesQuery },
  { method: 'get', path: '/api/entities/{key}', summary: 'One entity: names, mentions in context, quotes as speaker, articles', query: entityQuery, pathParams: ['key'] },
  { method: 'get', path: '/api/quotes', summary: 'Quotes with speakers, in first-seen order of their articles; by speaker name, article, or entity (as speaker or named in the words)', query: quotesQuery },
  { method: 'get', path: '/api/outlets', summary: 'Outlets: article counts, languages, the agencies they credit', query: pageQuery },
  { method: 'get', path: '/api/outlets/{name}', summary: 'One outlet: how much of its text comes from which sources (outlets it reuses passages from, agencies it credits, its own)', pathParams: ['name'] },
  { method: 'get', path: '/api/reuse', summary: 'Reuse links: passages two articles share, with the likely direction of copying', query: reuseQuery },
  { method: 'get', path: '/api/stories', summary: 'Events and storylines in date order, with their article count and summary', query: storiesQuery },
  { method: 'get', path: '/api/stories/{id}', summary: 'One event or storyline: its articles (outlet, date, credits), summary, evidence and, for a storyline, its events', pathParams: ['id'] },
  { method: 'get', path: '/api/stories/{id}/reuse', summary: "Reuse links between the story's articles, with the likely direction of copying: the story's reuse graph", query: pageQuery, pathParams: ['id'] },
  { method: 'get', path: '/api/stories/{id}/statements', summary: "Quoted statements two or more of the story's articles carry, each occurrence with its outlet and date, earliest first", query: pageQuery, pathParams: ['id'] },
  { method: 'get', path: '/api/export', summary: 'Every article as JSON, JSON Lines or CSV (streamed)', query: exportQuery },
  { method: 'post', path: '/api/ingest', summary: 'Start an ingest job from uploaded files, pasted text or URLs; answers 202 with the job' },
  { method: 'get', path: '/api/jobs', summary: 'Ingest jobs kept in memory (the last 200 finished ones and all running), newest first', query: pageQuery },
  { method: 'get', path: '/api/jobs/{id}', summary: 'Progress of an ingest job, with rejected inputs and reasons', pathParams: ['id'] },
  { method: 'get', path: '/api/openapi.json', summary: 'This document' },
];

const ERROR_SCHEMA = z.toJSONSchema(answers.errorResponse);

export function buildOpenApiDocument(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of ROUTES) {
    const parameters = [
      ...(route.pathParams ?? []).map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } })),
      ...queryParameters(route.query),
    ];
    const operation: Record<string, unknown> = {
      summary: route.summary,
      parameters,
      responses: {
        [route.method === 'post' ? '202' : '200']: responseOf(RESPONSE_SCHEMAS[`${route.method} ${route.path}`]),
        '4XX': { description: 'Invalid request', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
      },
    };
    if (route.method === 'post') {
      operation.requestBody = {
        content: {
          'application/json': { schema: z.toJSONSchema(ingestJsonBody) },
          'multipart/form-data': {
            schema: {
              type: 'object',
              properties: {
                files: { type: 'array', items: { type: 'string', format: 'binary' } },
                text: { type: 'string' },
                urls: { type: 'string', description: 'URLs separated by whitespace' },
              },
            },
          },
        },
      };
    }
    paths[route.path] = { ...paths[route.path], [route.method]: operation };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'storytrace API', version: STORYTRACE_VERSION, description: 'Read the stored articles, entities, quotes, outlets, reuse links and stories; ingest new inputs.' },
    components: {
      schemas: { Error: ERROR_SCHEMA },
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'needed when the server binds an address other than 127.0.0.1' } },
    },
    paths,
  };
}

function responseOf(schema: z.ZodType | undefined): Record<string, unknown> {
  if (schema === undefined) return { description: 'OK' };
  return { description: 'OK', content: { 'application/json': { schema: z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) } } };
}

function queryParameters(schema: z.ZodObject | undefined): Record<string, unknown>[] {
  if (schema === undefined) return [];
  const json = z.toJSONSchema(schema, { io: 'input' }) as { properties?: Record<string, { description?: string }>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: 'query',
    required: json.required?.includes(name) ?? false,
    ...(property.description === undefined ? {} : { description: property.description }),
    schema: property,
  }));
}
