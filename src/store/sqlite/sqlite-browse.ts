/**
 * BrowseQueries on the SQLite store: entities and quotes are read from the articles' JSON columns
 * with json_each (no tables of their own yet), search facets from the same filtered match set.
 */
import type Database from 'better-sqlite3';
import type { EntityMention, Quote } from '../../article.js';
import type { CountByName, SearchHit } from '../store.js';
import {
  entityKeyOf,
  type ArticleFilter,
  type ArticleRef,
  type BrowseQueries,
  type EntityCount,
  type EntityDetail,
  type EntitySummary,
  type FacetedSearchResult,
  type MentionInContext,
  type OutletSummary,
  type Page,
  type PageRequest,
  type QuoteFilter,
  type QuoteRecord,
  type SearchFacets,
} from '../browse.js';
import { parseSearchQuery } from '../search-terms.js';
import { makeSnippet } from '../search-snippet.js';

/** The grouping key of a json_each entity row `e`, in SQL; must agree with `entityKeyOf`. */
const ENTITY_KEY_SQL = `coalesce(json_extract(e.value, '$.canonical'), json_extract(e.value, '$.type') || ':~' || json_extract(e.value, '$.text'))`;
const ENTITY_TYPE_SQL = `json_extract(e.value, '$.type')`;

/**
 * Facets count the best hits only: reading every match's row (past its long text) costs about 0.1 ms
 * each, so all 10,000 matches of a common word would take a second. The answer says how many were counted.
 */
const FACET_SAMPLE = 1000;
/** Entities are read from fewer hits: each carries a JSON list of dozens of mentions. */
const ENTITY_FACET_SAMPLE = 100;
const ENTITY_FACET_SIZE = 12;
/** Quotes of an entity are collected from at most this many of its articles (newest first). */
const ENTITY_QUOTE_ARTICLES = 1000;
/** Characters of text shown on each side of a mention. */
const MENTION_CONTEXT_CHARS = 90;
const BM25_TITLE_WEIGHT = 2.0;
const BM25_BODY_WEIGHT = 1.0;


const OFFSET_CURSOR = /^\d{1,9}$/;
const QUOTE_CURSOR = /^(\d{1,12}):(\d{1,6})$/;

/** json_each has a column named `key`, so the entity key is selected under another name. */
interface KeyColumn {
  entity_key: string;
}

interface ArticleRow {
  seq: number;
  id: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
  language: string | null;
  text: string;
  entities_json: string | null;
  quotes_json: string | null;
}

export function makeSqliteBrowse(connection: Database.Database): BrowseQueries {
  return new SqliteBrowse(connection);
}

class SqliteBrowse implements BrowseQueries {
  constructor(private readonly db: Database.Database) {}

  async searchArticles(filter: ArticleFilter, page: PageRequest): Promise<FacetedSearchResult> {
    const offset = offsetOf(page.cursor);
    const phrases = filter.query === undefined ? [] : parseSearchQuery(filter.query);
    const hasQuery = filter.query !== undefined && filter.query.trim() !== '';
    if (hasQuery && phrases.length === 0) return emptySearch();
    const where: string[] = [];
    const params: unknown[] = [];
    let from = 'articles a';
    let rankColumn = '0';
    if (hasQuery) {
      from = 'article_search JOIN articles a ON a.seq = article_search.rowid';
      where.push('article_search MATCH ?');
      params.push(phrases.map((p) => `"${p.keys.join(' ')}"${p.prefix ? ' *' : ''}`).join(' AND '));
      rankColumn = `bm25(article_search, ${BM25_TITLE_WEIGHT}, ${BM25_BODY_WEIGHT})`;
    }
    if (filter.outlet !== undefined) {
      where.push(filter.outlet === UNKNOWN ? 'a.outlet IS NULL' : 'a.outlet = ?');
      if (filter.outlet !== UNKNOWN) params.push(filter.outlet);
    }
    if (filter.language !== undefined) {
      where.push(filter.language === UNKNOWN ? 'a.language IS NULL' : 'a.language = ?');
      if (filter.language !== UNKNOWN) params.push(filter.language);
    }
    if (filter.from !== undefined) {
      where.push('a.published >= ?');
      params.push(filter.from);
    }
    if (filter.to !== undefined) {
      // "to 2025-03" includes every day of March: compare at the precision the bound gives.
      where.push('substr(a.published, 1, length(?)) <= ?');
      params.push(filter.to, filter.to);
    }
    if (filter.entity !== undefined) {
      where.push(`EXISTS (SELECT 1 FROM json_each(a.entities_json) e WHERE ${ENTITY_KEY_SQL} = ?)`);
      params.push(filter.entity);
    }
    const whereSql = where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`;
    // The ordered hits as (seq, rank) only: rows with their text are read for the page alone, because
    // outlet, language and the rest sit after the long text column and reading them walks its pages.
    const articleFilters = where.length > (hasQuery ? 1 : 0);
    const hits = !hasQuery
      ? `SELECT a.seq AS seq, 0 AS rank FROM articles a ${whereSql}`
      : articleFilters
        ? `SELECT a.seq AS seq, ${rankColumn} AS rank FROM ${from} ${whereSql}`
        : `SELECT article_search.rowid AS seq, ${rankColumn} AS rank FROM article_search ${whereSql}`;
    const ordered = `SELECT seq, rank FROM (${hits}) ORDER BY ${hasQuery ? 'rank, seq' : 'seq'}`;
    // Ranked once: the best hits serve this page and the facets alike.
    const best = this.db.prepare(`${ordered} LIMIT ?`).all(...params, Math.max(FACET_SAMPLE, offset + page.limit + 1)) as { seq: number; rank: number }[];
    const shown = best.slice(offset, offset + page.limit);
    const rowsBySeq = new Map(
      (
        this.db
          .prepare(`SELECT seq, id, title, outlet, published, language, text FROM articles WHERE seq IN (SELECT value FROM json_each(?))`)
          .all(JSON.stringify(shown.map((h) => h.seq))) as ArticleRow[]
      ).map((r) => [r.seq, r]),
    );
    const items: SearchHit[] = shown.flatMap(({ seq, rank }) => {
      const r = rowsBySeq.get(seq);
      if (r === undefined) return [];
      return [{ id: r.id, title: r.title, published: r.published, outlet: r.outlet, language: r.language, score: -rank, snippet: makeSnippet(r.text, phrases) }];
    });
    // Counting needs no ranking: the same matches without bm25.
    const total = (this.db.prepare(`SELECT count(*) AS n FROM (${hits.replace(rankColumn + ' AS rank', '0 AS rank')})`).get(...params) as { n: number }).n;
    const seqsOf = (n: number) => JSON.stringify(best.slice(0, n).map((h) => h.seq));
    return {
      items,
      nextCursor: best.length > offset + page.limit ? String(offset + page.limit) : null,
      facets: {
        total,
        ...this.outletAndLanguageFacets(seqsOf(FACET_SAMPLE)),
        entities: this.entityFacet(seqsOf(ENTITY_FACET_SAMPLE)),
        sampled: { outletsAndLanguages: Math.min(total, FACET_SAMPLE), entities: Math.min(total, ENTITY_FACET_SAMPLE) },
      },
    };
  }

  async listEntities(type: EntityMention['type'] | undefined, page: PageRequest): Promise<Page<EntitySummary>> {
    const offset = offsetOf(page.cursor);
    const typeWhere = type === undefined ? '' : `AND ${ENTITY_TYPE_SQL} = ?`;
    const rows = this.db
      .prepare(
        `SELECT ${ENTITY_KEY_SQL} AS entity_key, ${ENTITY_TYPE_SQL} AS type, count(*) AS mentions, count(DISTINCT a.seq) AS articles
         FROM articles a, json_each(a.entities_json) e
         WHERE a.entities_json IS NOT NULL ${typeWhere}
         GROUP BY entity_key ORDER BY articles DESC, mentions DESC, entity_key LIMIT ? OFFSET ?`,
      )
      .all(...(type === undefined ? [] : [type]), page.limit + 1, offset) as (Omit<EntitySummary, 'name' | 'key'> & KeyColumn)[];
    const pageRows = rows.slice(0, page.limit).map(({ entity_key, ...rest }) => ({ key: entity_key, ...rest }));
    const names = this.mostUsedNames(pageRows.map((r) => r.key));
    return {
      items: pageRows.map((r) => ({ ...r, name: names.get(r.key)?.[0]?.name ?? r.key })),
      nextCursor: rows.length > page.limit ? String(offset + page.limit) : null,
    };
  }

  async getEntity(key: string, sampleLimit: number): Promise<EntityDetail | null> {
    const rows = this.db
      .prepare(
        `SELECT a.seq, a.id, a.title, a.outlet, a.published, a.language, a.text, a.entities_json, a.quotes_json
         FROM articles a
         WHERE EXISTS (SELECT 1 FROM json_each(a.entities_json) e WHERE ${ENTITY_KEY_SQL} = ?)
         ORDER BY a.seq DESC LIMIT ?`,
      )
      .all(key, ENTITY_QUOTE_ARTICLES) as ArticleRow[];
    if (rows.length === 0) return null;
    const counts = this.db
      .prepare(
        `SELECT ${ENTITY_TYPE_SQL} AS type, count(*) AS mentions, count(DISTINCT a.seq) AS articles
         FROM articles a, json_each(a.entities_json) e WHERE ${ENTITY_KEY_SQL} = ? GROUP BY type ORDER BY mentions DESC`,
      )
      .get(key) as { type: EntityMention['type']; mentions: number; articles: number };
    const names = this.mostUsedNames([key]).get(key) ?? [];
    const mentionSample: MentionInContext[] = [];
    const quotes: QuoteRecord[] = [];
    const quotedAbout: QuoteRecord[] = [];
    for (const row of rows) {
      const ref = refOf(row);
      const mentions = parseJson<EntityMention[]>(row.entities_json).filter((m) => entityKeyOf(m) === key);
      for (const mention of mentions) {
        if (mentionSample.length < sampleLimit) mentionSample.push({ article: ref, mention, context: contextOf(row.text, mention) });
      }
      const spoken = new Set(mentions.map((m) => m.text));
      parseJson<Quote[]>(row.quotes_json).forEach((quote, index) => {
        if (isSpokenBy(quote, mentions, spoken)) quotes.push({ article: ref, index, quote });
        else if (mentions.some((m) => quote.start <= m.start && m.end <= quote.end)) quotedAbout.push({ article: ref, index, quote });
      });
    }
    return {
      key,
      name: names[0]?.name ?? key,
      type: counts.type,
      mentions: counts.mentions,
      articles: counts.articles,
      names,
      mentionSample,
      quotes,
      quotedAbout,
      articleRefs: rows.slice(0, sampleLimit).map(refOf),
    };
  }

  async listQuotes(filter: QuoteFilter, page: PageRequest): Promise<Page<QuoteRecord>> {
    const after = quoteCursorOf(page.cursor);
    const where = ['a.quotes_json IS NOT NULL', '(a.seq > ? OR (a.seq = ? AND q.key > ?))'];
    const params: unknown[] = [after.seq, after.seq, after.index];
    if (filter.speaker !== undefined) {
      where.push(`instr(lower(json_extract(q.value, '$.speaker')), lower(?)) > 0`);
      params.push(filter.speaker);
    }
    if (filter.article !== undefined) {
      where.push('a.id = ?');
      params.push(filter.article);
    }
    const rows = this.db
      .prepare(
        `SELECT a.seq, a.id, a.title, a.outlet, a.published, q.key AS idx, q.value AS quote
         FROM articles a, json_each(a.quotes_json) q WHERE ${where.join(' AND ')}
         ORDER BY a.seq, q.key LIMIT ?`,
      )
      .all(...params, page.limit + 1) as (ArticleRow & { idx: number; quote: string })[];
    const pageRows = rows.slice(0, page.limit);
    const last = pageRows.at(-1);
    return {
      items: pageRows.map((r) => ({ article: refOf(r), index: r.idx, quote: JSON.parse(r.quote) as Quote })),
      nextCursor: rows.length > page.limit && last !== undefined ? `${last.seq}:${last.idx}` : null,
    };
  }

  async listOutlets(page: PageRequest): Promise<Page<OutletSummary>> {
    const offset = offsetOf(page.cursor);
    const rows = this.db
      .prepare(
        `SELECT coalesce(outlet, '${UNKNOWN}') AS name, count(*) AS articles, min(published) AS earliest, max(published) AS latest
         FROM articles GROUP BY name ORDER BY articles DESC, name LIMIT ? OFFSET ?`,
      )
      .all(page.limit + 1, offset) as Omit<OutletSummary, 'languages' | 'credits'>[];
    const outletWhere = (name: string) => (name === UNKNOWN ? 'a.outlet IS NULL' : 'a.outlet = ?');
    const outletParams = (name: string) => (name === UNKNOWN ? [] : [name]);
    const items = rows.slice(0, page.limit).map((r) => ({
      ...r,
      languages: this.countBy('articles a', `WHERE ${outletWhere(r.name)}`, outletParams(r.name), 'a.language'),
      credits: (
        this.db
          .prepare(
            `SELECT json_extract(c.value, '$.name') AS name, count(DISTINCT a.seq) AS count
             FROM articles a, json_each(a.credits_json) c WHERE ${outletWhere(r.name)}
             GROUP BY name ORDER BY count DESC, name`,
          )
          .all(...outletParams(r.name)) as CountByName[]
      ),
    }));
    return { items, nextCursor: rows.length > page.limit ? String(offset + page.limit) : null };
  }

  /** Outlets and languages of the best FACET_SAMPLE hits, in one pass. */
  private outletAndLanguageFacets(seqs: string): Pick<SearchFacets, 'outlets' | 'languages'> {
    const rows = this.db
      .prepare(
        `SELECT a.outlet AS outlet, a.language AS language, count(*) AS count FROM articles a
         WHERE a.seq IN (SELECT value FROM json_each(?)) GROUP BY a.outlet, a.language`,
      )
      .all(seqs) as { outlet: string | null; language: string | null; count: number }[];
    const outlets = new Map<string, number>();
    const languages = new Map<string, number>();
    for (const r of rows) {
      outlets.set(r.outlet ?? UNKNOWN, (outlets.get(r.outlet ?? UNKNOWN) ?? 0) + r.count);
      languages.set(r.language ?? UNKNOWN, (languages.get(r.language ?? UNKNOWN) ?? 0) + r.count);
    }
    return { outlets: mostFirst(outlets), languages: mostFirst(languages) };
  }

  private countBy(from: string, whereSql: string, params: readonly unknown[], column: string): CountByName[] {
    return this.db
      .prepare(
        `SELECT coalesce(${column}, '${UNKNOWN}') AS name, count(*) AS count FROM ${from} ${whereSql}
         GROUP BY name ORDER BY count DESC, name`,
      )
      .all(...params) as CountByName[];
  }

  private entityFacet(seqs: string): EntityCount[] {
    const rows = this.db
      .prepare(
        `SELECT ${ENTITY_KEY_SQL} AS entity_key, ${ENTITY_TYPE_SQL} AS type, count(DISTINCT a.seq) AS count
         FROM articles a, json_each(a.entities_json) e
         WHERE a.seq IN (SELECT value FROM json_each(?)) AND a.entities_json IS NOT NULL AND ${ENTITY_TYPE_SQL} != 'other'
         GROUP BY entity_key ORDER BY count DESC, entity_key LIMIT ${ENTITY_FACET_SIZE}`,
      )
      .all(seqs) as (Omit<EntityCount, 'name' | 'key'> & KeyColumn)[];
    const names = this.mostUsedNames(rows.map((r) => r.entity_key));
    return rows.map(({ entity_key, ...rest }) => ({ key: entity_key, ...rest, name: names.get(entity_key)?.[0]?.name ?? entity_key }));
  }

  /** Surface forms of each key, most used first. */
  private mostUsedNames(keys: readonly string[]): Map<string, CountByName[]> {
    const names = new Map<string, CountByName[]>();
    if (keys.length === 0) return names;
    const rows = this.db
      .prepare(
        `SELECT ${ENTITY_KEY_SQL} AS entity_key, json_extract(e.value, '$.text') AS name, count(*) AS count
         FROM articles a, json_each(a.entities_json) e
         WHERE a.entities_json IS NOT NULL AND ${ENTITY_KEY_SQL} IN (SELECT value FROM json_each(?))
         GROUP BY entity_key, name ORDER BY entity_key, count DESC, name`,
      )
      .all(JSON.stringify(keys)) as (KeyColumn & CountByName)[];
    for (const r of rows) {
      const list = names.get(r.entity_key) ?? [];
      list.push({ name: r.name, count: r.count });
      names.set(r.entity_key, list);
    }
    return names;
  }
}

/** How outlets and languages the pipeline could not tell are named in facets and filters. */
export const UNKNOWN = '(unknown)';

/** Counts as a list, most first, ties by name (as the store's stats order them). */
function mostFirst(counts: ReadonlyMap<string, number>): CountByName[] {
  return [...counts].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function emptySearch(): FacetedSearchResult {
  return { items: [], nextCursor: null, facets: { total: 0, outlets: [], languages: [], entities: [], sampled: { outletsAndLanguages: 0, entities: 0 } } };
}

function offsetOf(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  if (!OFFSET_CURSOR.test(cursor)) throw new RangeError(`invalid cursor "${cursor}"`);
  return Number(cursor);
}

function quoteCursorOf(cursor: string | undefined): { seq: number; index: number } {
  if (cursor === undefined) return { seq: 0, index: -1 };
  const m = QUOTE_CURSOR.exec(cursor);
  if (m === null) throw new RangeError(`invalid cursor "${cursor}"`);
  return { seq: Number(m[1]), index: Number(m[2]) };
}

function refOf(row: Pick<ArticleRow, 'id' | 'title' | 'outlet' | 'published'>): ArticleRef {
  return { id: row.id, title: row.title, outlet: row.outlet, published: row.published };
}

function parseJson<T extends unknown[]>(json: string | null): T {
  return (json === null ? [] : JSON.parse(json)) as T;
}

/** The speaker span overlaps one of the entity's mentions, or the speaker's display name is one of its names (a resolved pronoun). */
function isSpokenBy(quote: Quote, mentions: readonly EntityMention[], names: ReadonlySet<string>): boolean {
  if (quote.speakerStart !== null && quote.speakerEnd !== null) {
    const [start, end] = [quote.speakerStart, quote.speakerEnd];
    if (mentions.some((m) => m.start < end && start < m.end)) return true;
  }
  return quote.speaker !== null && names.has(quote.speaker);
}

function contextOf(text: string, mention: EntityMention): MentionInContext['context'] {
  let start = Math.max(0, mention.start - MENTION_CONTEXT_CHARS);
  let end = Math.min(text.length, mention.end + MENTION_CONTEXT_CHARS);
  // Cut at word boundaries so the context does not open or close mid-word.
  if (start > 0) start = Math.min(mention.start, text.indexOf(' ', start) + 1 || mention.start);
  if (end < text.length) end = Math.max(mention.end, text.lastIndexOf(' ', end));
  const prefix = start > 0 ? '… ' : '';
  const slice = text.slice(start, end).replace(/\s+/g, ' ');
  // Whitespace runs collapse only after the mention's own offsets are taken, so measure on the collapsed head.
  const head = prefix + text.slice(start, mention.start).replace(/\s+/g, ' ');
  const name = text.slice(mention.start, mention.end).replace(/\s+/g, ' ');
  return { text: prefix + slice + (end < text.length ? ' …' : ''), start: head.length, end: head.length + name.length };
}
