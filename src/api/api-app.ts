/**
 * The HTTP API and the web UI's static files as one Hono app: security headers, the access token,
 * size and rate limits, then one route per resource. Runs in tests through `app.request` (no network).
 */
import { timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { getCookie, setCookie } from 'hono/cookie';
import { stream } from 'hono/streaming';
import type { z } from 'zod';
import type { Store } from '../store/store.js';
import type { Pipeline } from '../pipeline.js';
import { openRunner, type Runner } from '../run/runner.js';
import { toStoredArticleRecord } from '../export/article-record.js';
import { readArticleProvenance } from '../provenance/read-provenance.js';
import { loadReuseContext } from '../link/reuse-index.js';
import type { TermTools } from '../provenance/statements.js';
import { outletSources, storyCoverage, storyReuseLinks, storyStatements } from './provenance-reads.js';
import { writeStoreExport } from '../export/store-export.js';
import { ApiError, errorBody } from './api-error.js';
import {
  MIN_ID_PREFIX,
  entitiesQuery,
  entityQuery,
  exportQuery,
  ingestJsonBody,
  pageQuery,
  quotesQuery,
  searchQuery,
  reuseQuery,
  storiesQuery,
} from './api-schemas.js';
import { makeIngestJobs, type IngestFile, type IngestRequest } from './ingest-jobs.js';
import { makeRateLimiter, type RateLimitOptions } from './rate-limit.js';
import { buildOpenApiDocument } from './openapi.js';
import { guardRequests } from './request-guard.js';
import { STORYTRACE_VERSION } from '../version.js';

/** dist/web/ at the package root (two levels up from src/api/ and dist/api/): the compiled web UI. */
export const WEB_ROOT = fileURLToPath(new URL('../../dist/web/', import.meta.url));

export interface ApiOptions {
  readonly store: Store;
  readonly pipeline: () => Promise<Pipeline>;
  /** When set, every request must carry it (Authorization: Bearer, or the cookie the UI gets from ?token=). */
  readonly token?: string;
  /** The address the server listens on: served as a Host name besides the loopback ones (see request-guard.ts). */
  readonly host?: string;
  /** Largest request body (bytes): uploads are read into memory. */
  readonly maxBodyBytes: number;
  readonly ingestRate: RateLimitOptions;
  /** Folder of the compiled web UI; null serves the API only. */
  readonly webRoot: string | null;
  /** Fetch URLs on private addresses when ingesting (tests serve feeds on 127.0.0.1). */
  readonly allowPrivateUrls?: boolean;
}

export const DEFAULT_API_LIMITS = {
  maxBodyBytes: 20 * 1024 * 1024,
  ingestRate: { max: 30, windowMs: 60_000 },
} as const;

/** Scraped text is hostile: nothing inline, nothing from elsewhere. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

const TOKEN_COOKIE = 'storytrace_token';
const OFFSET_CURSOR = /^\d{1,9}$/;
const BEARER = /^Bearer\s+(\S+)$/i;
const STATIC_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};
/** Media types of the export formats; a format added later without one is sent as bytes. */
const EXPORT_CONTENT_TYPES: Readonly<Record<string, string>> = {
  json: 'application/json',
  jsonl: 'application/x-ndjson',
  csv: 'text/csv; charset=utf-8',
  gexf: 'application/xml',
  graphml: 'application/xml',
};

export function createApiApp(options: ApiOptions): Hono {
  const app = new Hono();
  const { store } = options;
  // Opened when the first job starts (its reuse linker indexes every article stored so far), then kept:
  // each job's articles are stored, linked and placed as `storytrace ingest` does.
  let runner: Promise<Runner> | undefined;
  // Loaded when the first story's statements are asked for (the stemmer and function words).
  let termTools: TermTools | undefined;
  const jobs = makeIngestJobs({
    runner: () => (runner ??= options.pipeline().then((pipeline) => openRunner(store, pipeline))),
    read: { allowPrivate: options.allowPrivateUrls ?? false, maxInputBytes: options.maxBodyBytes },
    keepJobs: 200,
  });
  const ingestLimiter = makeRateLimiter(options.ingestRate);

  app.onError((error, c) => {
    if (error instanceof ApiError) return c.json(errorBody(error.code, error.message), error.status);
    if (error instanceof RangeError) return c.json(errorBody('invalid-parameter', error.message), 400);
    console.error(error);
    return c.json(errorBody('internal', 'internal error (a storytrace bug; see the server log)'), 500);
  });
  app.notFound((c) => c.json(errorBody('not-found', `no route ${c.req.method} ${c.req.path}`), 404));

  app.use('*', async (c, next) => {
    await next();
    c.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('X-Frame-Options', 'DENY');
    c.header('Cross-Origin-Resource-Policy', 'same-origin');
  });

  app.use('*', guardRequests({ tokenRequired: options.token !== undefined, ...(options.host === undefined ? {} : { boundHost: options.host }) }));
  if (options.token !== undefined) app.use('*', requireToken(options.token));

  app.get('/api/openapi.json', (c) => c.json(buildOpenApiDocument()));

  app.get('/api/stats', async (c) => c.json(await store.stats()));

  app.get('/api/health', async (c) => {
    const stats = await store.stats();
    const [events, storylines] = await Promise.all([store.stories.countStories('event'), store.stories.countStories('storyline')]);
    return c.json({
      status: 'ok',
      version: STORYTRACE_VERSION,
      schemaVersion: stats.schemaVersion,
      counts: { articles: stats.articles, occurrences: stats.occurrences, events, storylines },
    });
  });

  app.get('/api/articles', async (c) => {
    const q = parse(pageQuery, c.req.query());
    const page = await store.listArticles(q.cursor === undefined ? { limit: q.limit } : { limit: q.limit, cursor: q.cursor });
    return c.json({
      items: page.articles.map(({ article }) => ({
        id: article.id,
        title: article.title,
        outlet: article.outlet,
        published: article.published,
        language: article.language,
      })),
      nextCursor: page.nextCursor,
    });
  });

  app.get('/api/articles/:id', async (c) => {
    const id = c.req.param('id');
    const stored = await store.getArticle(await resolveArticleId(store, id));
    if (stored === null) throw new ApiError(404, 'not-found', `no article ${id}`);
    return c.json(toStoredArticleRecord(stored));
  });

  app.get('/api/articles/:id/provenance', async (c) => {
    const id = c.req.param('id');
    const provenance = await readArticleProvenance(store, await resolveArticleId(store, id));
    if (provenance === null) throw new ApiError(404, 'not-found', `no article ${id}`);
    return c.json(provenance);
  });

  app.get('/api/search', async (c) => {
    const q = parse(searchQuery, c.req.query());
    const { limit, cursor, q: query, ...filter } = q;
    return c.json(await store.browse.searchArticles({ ...filter, ...(query === undefined ? {} : { query }) }, pageOf(limit, cursor)));
  });

  app.get('/api/entities', async (c) => {
    const q = parse(entitiesQuery, c.req.query());
    return c.json(await store.browse.listEntities(q.type, pageOf(q.limit, q.cursor)));
  });

  app.get('/api/entities/:key', async (c) => {
    const q = parse(entityQuery, c.req.query());
    const key = c.req.param('key');
    const entity = await store.browse.getEntity(key, q.limit);
    if (entity === null) throw new ApiError(404, 'not-found', `no entity ${key}`);
    return c.json(entity);
  });

  app.get('/api/quotes', async (c) => {
    const q = parse(quotesQuery, c.req.query());
    const { limit, cursor, ...filter } = q;
    return c.json(await store.browse.listQuotes(filter, pageOf(limit, cursor)));
  });

  app.get('/api/outlets', async (c) => {
    const q = parse(pageQuery, c.req.query());
    return c.json(await store.browse.listOutlets(pageOf(q.limit, q.cursor)));
  });

  app.get('/api/outlets/:name', async (c) => {
    const name = c.req.param('name');
    const sources = await outletSources(store, name);
    if (sources === null) throw new ApiError(404, 'not-found', `no articles from outlet ${name}`);
    return c.json(sources);
  });

  app.get('/api/reuse', async (c) => {
    const q = parse(reuseQuery, c.req.query());
    if (q.article === undefined) return c.json({ available: true, ...(await store.reuse.pageReuseLinks(pageOf(q.limit, q.cursor))) });
    return c.json({ available: true, ...offsetPage(await store.reuse.reuseLinksFor([q.article]), offsetCursor(q.cursor), q.limit) });
  });

  app.get('/api/stories', async (c) => {
    const q = parse(storiesQuery, c.req.query());
    const page = await store.browse.listStories(q.kind, pageOf(q.limit, q.cursor));
    const items = [];
    for (const story of page.items) {
      items.push({ ...story, articleCount: story.articleIds.length, ...(q.include === 'coverage' ? { coverage: await storyCoverage(store, story.articleIds) } : {}) });
    }
    return c.json({ available: true, items, nextCursor: page.nextCursor });
  });

  app.get('/api/stories/:id/reuse', async (c) => {
    const q = parse(pageQuery, c.req.query());
    const links = await storyReuseLinks(store, (await storyOf(store, c.req.param('id'))).articleIds);
    return c.json(offsetPage(links, offsetCursor(q.cursor), q.limit));
  });

  app.get('/api/stories/:id/statements', async (c) => {
    const q = parse(pageQuery, c.req.query());
    termTools ??= loadReuseContext();
    const statements = await storyStatements(store, (await storyOf(store, c.req.param('id'))).articleIds, termTools);
    return c.json(offsetPage(statements, offsetCursor(q.cursor), q.limit));
  });

  app.get('/api/stories/:id', async (c) => {
    const id = c.req.param('id');
    const story = await store.stories.getStory(id);
    if (story === null) throw new ApiError(404, 'not-found', `no story ${id}`);
    const articles = await store.browse.listArticlesById(story.articleIds);
    const events = story.kind === 'storyline' ? await store.browse.eventsOf(story.id) : [];
    return c.json({ ...story, articles, events });
  });

  app.get('/api/export', (c) => {
    const { format, q: query, ...filter } = parse(exportQuery, c.req.query());
    c.header('Content-Type', EXPORT_CONTENT_TYPES[format] ?? 'application/octet-stream');
    c.header('Content-Disposition', `attachment; filename="storytrace.${format}"`);
    return stream(c, async (out) => {
      await writeStoreExport(store, format, { ...filter, ...(query === undefined ? {} : { query }) }, { write: (text) => out.write(text).then(() => undefined) });
    });
  });

  app.post(
    '/api/ingest',
    (c, next) => {
      const wait = ingestLimiter.take(clientOf(c));
      if (wait > 0) {
        c.header('Retry-After', String(Math.ceil(wait / 1000)));
        throw new ApiError(429, 'rate-limited', `too many ingest requests; try again in ${Math.ceil(wait / 1000)} s`);
      }
      return next();
    },
    bodyLimit({
      maxSize: options.maxBodyBytes,
      onError: () => {
        throw new ApiError(413, 'too-large', `request body over ${options.maxBodyBytes} bytes; split the upload`);
      },
    }),
    async (c) => {
      const request = await readIngestRequest(c);
      if (request.files.length + request.texts.length + request.urls.length === 0) {
        throw new ApiError(400, 'invalid-body', 'nothing to ingest: send files, text or urls');
      }
      const job = jobs.start(request);
      return c.json(job, 202, { Location: `/api/jobs/${job.id}` });
    },
  );

  app.get('/api/jobs', (c) => {
    const q = parse(pageQuery, c.req.query());
    return c.json(offsetPage(jobs.list(), offsetCursor(q.cursor), q.limit));
  });

  app.get('/api/jobs/:id', (c) => {
    const job = jobs.get(c.req.param('id'));
    if (job === null) throw new ApiError(404, 'not-found', `no job ${c.req.param('id')} (jobs are kept in memory until the server stops)`);
    return c.json(job);
  });

  app.all('/api/*', (c) => {
    throw new ApiError(404, 'not-found', `no route ${c.req.method} ${c.req.path}; see /api/openapi.json`);
  });

  if (options.webRoot !== null) {
    const webRoot = options.webRoot;
    app.get('*', async (c) => serveStatic(c, webRoot));
  }
  return app;
}

function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => (i.path.length > 0 ? `${i.path.join('.')}: ${i.message}` : i.message));
  throw new ApiError(400, 'invalid-parameter', problems.join('; '));
}

/** Lists the store gives whole (stories, reuse links) page by offset. */
function offsetCursor(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  if (!OFFSET_CURSOR.test(cursor)) throw new ApiError(400, 'invalid-parameter', `cursor: invalid cursor "${cursor}"`);
  return Number(cursor);
}

function offsetPage<T>(all: readonly T[], offset: number, limit: number): { items: T[]; nextCursor: string | null } {
  return { items: all.slice(offset, offset + limit), nextCursor: offset + limit < all.length ? String(offset + limit) : null };
}

async function storyOf(store: Store, id: string) {
  const story = await store.stories.getStory(id);
  if (story === null) throw new ApiError(404, 'not-found', `no story ${id}`);
  return story;
}

function pageOf(limit: number, cursor: string | undefined) {
  return cursor === undefined ? { limit } : { limit, cursor };
}

async function resolveArticleId(store: Store, id: string): Promise<string> {
  if (id.length < MIN_ID_PREFIX) throw new ApiError(400, 'invalid-parameter', `id: give at least ${MIN_ID_PREFIX} characters`);
  const found = await store.findIdsByPrefix(id.toLowerCase(), 2);
  if (found.length > 1 && !found.includes(id)) throw new ApiError(400, 'ambiguous-id', `id prefix ${id} matches more than one article; give more characters`);
  return found[0] ?? id;
}

async function readIngestRequest(c: Context): Promise<IngestRequest> {
  const type = c.req.header('Content-Type') ?? '';
  if (type.startsWith('multipart/form-data')) {
    const form = await c.req.formData();
    const files: IngestFile[] = [];
    for (const value of form.getAll('files')) {
      // A form's file input with nothing chosen still sends one nameless, empty part.
      if (typeof value === 'string' || (value.name === '' && value.size === 0)) continue;
      files.push({ name: value.name || 'upload', bytes: new Uint8Array(await value.arrayBuffer()) });
    }
    const texts = form.getAll('text').filter((v): v is string => typeof v === 'string' && v.trim() !== '');
    const urls = form
      .getAll('urls')
      .filter((v): v is string => typeof v === 'string')
      .flatMap((v) => v.split(/\s+/))
      .filter((v) => v !== '');
    const checked = parse(ingestJsonBody, { ...(urls.length > 0 ? { urls } : {}) });
    return { files, texts, urls: checked.urls ?? [] };
  }
  if (type.startsWith('application/json')) {
    const body = parse(ingestJsonBody, await c.req.json().catch(() => {
      throw new ApiError(400, 'invalid-body', 'the body is not valid JSON');
    }));
    const texts = body.text === undefined ? [] : Array.isArray(body.text) ? body.text : [body.text];
    return { files: [], texts, urls: body.urls ?? [] };
  }
  throw new ApiError(415, 'unsupported-media-type', 'send multipart/form-data (files, text, urls) or application/json ({text, urls})');
}

function clientOf(c: Context): string {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? 'local';
}

function requireToken(token: string) {
  const expected = Buffer.from(token);
  const matches = (given: string | undefined) => {
    if (given === undefined) return false;
    const bytes = Buffer.from(given);
    return bytes.length === expected.length && timingSafeEqual(bytes, expected);
  };
  return async (c: Context, next: () => Promise<void>) => {
    const bearer = BEARER.exec(c.req.header('Authorization') ?? '')?.[1];
    if (matches(bearer) || matches(getCookie(c, TOKEN_COOKIE))) return next();
    // A browser cannot add headers to page loads: opening /?token=T once sets a same-site cookie.
    const fromQuery = c.req.query('token');
    if (c.req.method === 'GET' && matches(fromQuery)) {
      setCookie(c, TOKEN_COOKIE, token, { httpOnly: true, sameSite: 'Strict', path: '/' });
      return next();
    }
    throw new ApiError(401, 'unauthorized', 'this server needs a token: send "Authorization: Bearer TOKEN" (or open /?token=TOKEN in a browser)');
  };
}

async function serveStatic(c: Context, webRoot: string): Promise<Response> {
  // Routes live in the URL fragment (#/article/…), so every page load is index.html or an asset.
  const wanted = c.req.path === '/' ? '/index.html' : c.req.path;
  const type = STATIC_TYPES[extname(wanted)];
  const path = normalize(join(webRoot, wanted));
  if (type === undefined || !path.startsWith(normalize(webRoot + sep))) throw new ApiError(404, 'not-found', `no file ${c.req.path}`);
  try {
    const body = await readFile(path);
    return c.body(body, 200, { 'Content-Type': type, 'Cache-Control': 'no-cache' });
  } catch {
    const hint = wanted === '/index.html' ? ' (the web UI is not built: run "npm run build")' : '';
    throw new ApiError(404, 'not-found', `no file ${c.req.path}${hint}`);
  }
}
