/**
 * BrowseQueries on the SQLite store: entities, quotes and credits from the browse tables of
 * migration 6 (analysis-tables.ts), article columns from the covering indexes, so no list or facet
 * reads every article's text or JSON. Search ranks its matches once; facets count the best of them.
 */
import type Database from 'better-sqlite3';
import type { ArticleId, Credit, EntityMention, Quote } from '../../article.js';
import type { CountByName, SearchHit } from '../store.js';
import {
  ENTITY_QUOTES_SHOWN,
  entityKeyOf,
  type ArticleFilter,
  type ArticleListing,
  type ArticleQuotes,
  type ArticleSize,
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
  type QuoteRole,
  type SearchFacets,
  type StoryCount,
  type StoryHeader,
} from '../browse.js';
import type { StoryRecord } from '../stories.js';
import { parseSearchQuery } from '../search-terms.js';
import { makeSnippet } from '../search-snippet.js';
import { UNKNOWN } from './analysis-tables.js';
import type { StoryRow } from './sqlite-stories.js';

/**
 * bm25 costs a few microseconds per match, so a word in most of 100,000 articles would take a
 * quarter of a second to rank: the newest this many matches are ranked (the total stays exact).
 */
const RANKED_MATCHES = 5000;
/** Facets count the best hits only; the answer says how many were counted. */
const FACET_SAMPLE = 1000;
/** Entities and stories are counted over fewer: each hit has dozens of entity rows. */
const ENTITY_FACET_SAMPLE = 300;
const ENTITY_FACET_SIZE = 12;
const STORY_FACET_SIZE = 12;
/** Characters of text shown on each side of a mention. */
const MENTION_CONTEXT_CHARS = 90;
const BM25_TITLE_WEIGHT = 2.0;
const BM25_BODY_WEIGHT = 1.0;
/**
 * The article columns lists need, from the covering index: the columns after the long text would
 * otherwise cost a walk through its overflow pages per row.
 */
const refsAs = (alias: string) => `articles AS ${alias} INDEXED BY articles_refs`;

/** The columns of a StoryHeader: lists leave the evidence unread. */
const STORY_HEADER_COLUMNS = 'id, kind, storyline_id, title, date_start, date_end, article_ids_json, summary_json';
/** Storylines first ('storyline' > 'event'), then the largest, then the latest: what a reader looks for first (index stories_by_prominence). */
const STORY_LIST_ORDER = 'kind DESC, article_count DESC, date_end DESC, id';

const OFFSET_CURSOR = /^\d{1,9}$/;
const QUOTE_CURSOR = /^(\d{1,12}):(\d{1,6})$/;

interface RefRow {
  seq: number;
  id: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
  language: string | null;
}

export function makeSqliteBrowse(connection: Database.Database): BrowseQueries {
  return new SqliteBrowse(connection);
}

class SqliteBrowse implements BrowseQueries {
  constructor(private readonly db: Database.Database) {}

  async searchArticles(filter: ArticleFilter, page: PageRequest): Promise<FacetedSearchResult> {
    const offset = offsetOf(page.cursor);
    const matching = articleMatchSql(filter);
    if (matching === null) return emptySearch();
    const { hitsSql, params: allParams, phrases, hasQuery } = matching;
    // Ranked once: the best hits serve this page and the facets alike.
    const wanted = Math.max(FACET_SAMPLE, offset + page.limit + 1);
    const bestSql = hasQuery
      ? `SELECT seq, rank FROM (${hitsSql(true)} ORDER BY seq DESC LIMIT ${Math.max(RANKED_MATCHES, wanted)}) ORDER BY rank, seq LIMIT ?`
      : `${hitsSql(false)} ORDER BY seq LIMIT ?`;
    const best = this.db.prepare(bestSql).all(...allParams, wanted) as { seq: number; rank: number }[];
    const shown = best.slice(offset, offset + page.limit);
    const rowsBySeq = new Map(
      (
        this.db
          .prepare('SELECT seq, id, title, outlet, published, language, text FROM articles WHERE seq IN (SELECT value FROM json_each(?))')
          .all(JSON.stringify(shown.map((h) => h.seq))) as (RefRow & { text: string })[]
      ).map((r) => [r.seq, r]),
    );
    const items: SearchHit[] = shown.flatMap(({ seq, rank }) => {
      const r = rowsBySeq.get(seq);
      if (r === undefined) return [];
      return [{ id: r.id, title: r.title, published: r.published, outlet: r.outlet, language: r.language, score: -rank, snippet: makeSnippet(r.text, phrases) }];
    });
    // Fewer than asked for: that was all of them. Else count without ranking.
    const total = best.length < wanted ? best.length : (this.db.prepare(`SELECT count(*) AS n FROM (${hitsSql(false)})`).get(...allParams) as { n: number }).n;
    const sampleOf = (n: number) => JSON.stringify(best.slice(0, n).map((h) => h.seq));
    const entitySample = sampleOf(ENTITY_FACET_SAMPLE);
    return {
      items,
      nextCursor: best.length > offset + page.limit ? String(offset + page.limit) : null,
      facets: {
        total,
        ...this.outletAndLanguageFacets(sampleOf(FACET_SAMPLE)),
        entities: this.entityFacet(entitySample),
        stories: this.storyFacet(entitySample),
        sampled: { outletsAndLanguages: Math.min(total, FACET_SAMPLE), entities: Math.min(total, ENTITY_FACET_SAMPLE) },
      },
    };
  }

  async filterArticleIds(filter: ArticleFilter, page: PageRequest): Promise<Page<ArticleId>> {
    const after = page.cursor === undefined ? 0 : Number(page.cursor);
    if (!Number.isSafeInteger(after) || after < 0) throw new RangeError(`invalid cursor "${page.cursor}"`);
    const matching = articleMatchSql(filter);
    if (matching === null) return { items: [], nextCursor: null };
    const rows = this.db
      .prepare(`SELECT h.seq AS seq, a.id AS id FROM (${matching.hitsSql(false)}) h JOIN articles a ON a.seq = h.seq WHERE h.seq > ? ORDER BY h.seq LIMIT ?`)
      .all(...matching.params, after, page.limit + 1) as { seq: number; id: string }[];
    const items = rows.slice(0, page.limit);
    return { items: items.map((r) => r.id), nextCursor: rows.length > page.limit ? String(items.at(-1)!.seq) : null };
  }

  async listEntities(type: EntityMention['type'] | undefined, page: PageRequest): Promise<Page<EntitySummary>> {
    const offset = offsetOf(page.cursor);
    const rows = this.db
      .prepare(
        `SELECT key, name, type, mentions, articles FROM entities ${type === undefined ? '' : 'WHERE type = ?'}
         ORDER BY articles DESC, mentions DESC, key LIMIT ? OFFSET ?`,
      )
      .all(...(type === undefined ? [] : [type]), page.limit + 1, offset) as EntitySummary[];
    return { items: rows.slice(0, page.limit), nextCursor: rows.length > page.limit ? String(offset + page.limit) : null };
  }

  async getEntity(key: string, sampleLimit: number): Promise<EntityDetail | null> {
    const entity = this.db.prepare('SELECT id, key, name, type, mentions, articles FROM entities WHERE key = ?').get(key) as
      | (EntitySummary & { id: number })
      | undefined;
    if (entity === undefined) return null;
    const { id, ...summary } = entity;
    const names = this.db
      .prepare('SELECT name, sum(mentions) AS count FROM entity_names WHERE entity_id = ? GROUP BY name ORDER BY count DESC, name')
      .all(id) as CountByName[];
    // The newest articles naming it: their mentions in context.
    const rows = this.db
      .prepare(
        `SELECT a.seq, a.id, a.title, a.outlet, a.published, a.language, a.text, a.entities_json
         FROM article_entities ae JOIN articles a ON a.seq = ae.article_seq
         WHERE ae.entity_id = ? ORDER BY ae.article_seq DESC LIMIT ?`,
      )
      .all(id, sampleLimit) as (RefRow & { text: string; entities_json: string | null })[];
    const mentionSample: MentionInContext[] = [];
    for (const row of rows) {
      for (const mention of parseJson<EntityMention[]>(row.entities_json)) {
        if (mentionSample.length < sampleLimit && entityKeyOf(mention) === key) mentionSample.push({ article: refOf(row), mention, context: contextOf(row.text, mention) });
      }
    }
    const quotesIn = (role: QuoteRole) => {
      const count = (this.db.prepare('SELECT count(*) AS n FROM quote_entities WHERE entity_id = ? AND role = ?').get(id, role) as { n: number }).n;
      const keys = this.db
        .prepare('SELECT article_seq, quote_index FROM quote_entities WHERE entity_id = ? AND role = ? ORDER BY article_seq DESC, quote_index LIMIT ?')
        .all(id, role, ENTITY_QUOTES_SHOWN) as QuoteKey[];
      return { count, records: this.quoteRecords(keys) };
    };
    const spoken = quotesIn('speaker');
    const about = quotesIn('about');
    return {
      ...summary,
      names,
      mentionSample,
      quotes: spoken.records,
      quoteCount: spoken.count,
      quotedAbout: about.records,
      quotedAboutCount: about.count,
      articleRefs: rows.map(refOf),
    };
  }

  async listQuotes(filter: QuoteFilter, page: PageRequest): Promise<Page<QuoteRecord>> {
    const after = quoteCursorOf(page.cursor);
    const byEntity = filter.entity !== undefined;
    const where = ['(q.article_seq > ? OR (q.article_seq = ? AND q.quote_index > ?))'];
    const params: unknown[] = [after.seq, after.seq, after.index];
    if (filter.entity !== undefined) {
      where.push('q.entity_id = (SELECT id FROM entities WHERE key = ?)', 'q.role = ?');
      params.push(filter.entity, filter.role ?? 'speaker');
    }
    if (filter.speaker !== undefined) {
      where.push(`instr(lower(${byEntity ? 's' : 'q'}.speaker), lower(?)) > 0`);
      params.push(filter.speaker);
    }
    if (filter.article !== undefined) {
      where.push('q.article_seq = (SELECT seq FROM articles WHERE id = ?)');
      params.push(filter.article);
    }
    const from = byEntity
      ? `quote_entities q${filter.speaker === undefined ? '' : ' JOIN quotes s ON s.article_seq = q.article_seq AND s.quote_index = q.quote_index'}`
      : 'quotes q';
    const keys = this.db
      .prepare(`SELECT q.article_seq, q.quote_index FROM ${from} WHERE ${where.join(' AND ')} ORDER BY q.article_seq, q.quote_index LIMIT ?`)
      .all(...params, page.limit + 1) as QuoteKey[];
    const pageKeys = keys.slice(0, page.limit);
    const last = pageKeys.at(-1);
    return {
      items: this.quoteRecords(pageKeys),
      nextCursor: keys.length > page.limit && last !== undefined ? `${last.article_seq}:${last.quote_index}` : null,
    };
  }

  async listOutlets(page: PageRequest): Promise<Page<OutletSummary>> {
    const offset = offsetOf(page.cursor);
    // One pass over the outlet index: counts and dates per outlet and language, summed up per outlet here.
    const rows = this.db
      .prepare(
        `SELECT outlet, language, count(*) AS count, min(published) AS earliest, max(published) AS latest
         FROM articles INDEXED BY articles_by_outlet GROUP BY outlet, language`,
      )
      .all() as { outlet: string | null; language: string | null; count: number; earliest: string | null; latest: string | null }[];
    const byOutlet = new Map<string, { languages: Map<string, number>; articles: number; earliest: string | null; latest: string | null }>();
    for (const r of rows) {
      const name = r.outlet ?? UNKNOWN;
      const outlet = byOutlet.get(name) ?? { languages: new Map<string, number>(), articles: 0, earliest: null, latest: null };
      outlet.articles += r.count;
      outlet.languages.set(r.language ?? UNKNOWN, r.count);
      if (r.earliest !== null && (outlet.earliest === null || r.earliest < outlet.earliest)) outlet.earliest = r.earliest;
      if (r.latest !== null && (outlet.latest === null || r.latest > outlet.latest)) outlet.latest = r.latest;
      byOutlet.set(name, outlet);
    }
    const ordered = [...byOutlet].sort(([a, x], [b, y]) => y.articles - x.articles || (a < b ? -1 : a > b ? 1 : 0));
    const credits = this.db.prepare('SELECT name, count(*) AS count FROM article_credits WHERE outlet = ? GROUP BY name ORDER BY count DESC, name');
    const items = ordered.slice(offset, offset + page.limit).map(([name, o]) => ({
      name,
      articles: o.articles,
      languages: mostFirst(o.languages),
      credits: credits.all(name) as CountByName[],
      earliest: o.earliest,
      latest: o.latest,
    }));
    return { items, nextCursor: ordered.length > offset + page.limit ? String(offset + page.limit) : null };
  }

  async listArticlesById(ids: readonly ArticleId[]): Promise<readonly ArticleListing[]> {
    const rows = this.db
      .prepare(
        `SELECT a.id, a.title, a.outlet, a.published, a.language, a.credits_json,
                (SELECT count(*) FROM occurrences o WHERE o.article_id = a.id) AS occurrences
         FROM articles a WHERE a.id IN (SELECT value FROM json_each(?))`,
      )
      .all(JSON.stringify(ids)) as (Omit<RefRow, 'seq'> & { credits_json: string; occurrences: number })[];
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.flatMap((id) => {
      const r = byId.get(id);
      if (r === undefined) return [];
      return [{ id: r.id, title: r.title, outlet: r.outlet, published: r.published, language: r.language, credits: JSON.parse(r.credits_json) as Credit[], occurrences: r.occurrences }];
    });
  }

  async listStories(kind: StoryRecord['kind'] | undefined, page: PageRequest): Promise<Page<StoryHeader>> {
    const offset = offsetOf(page.cursor);
    const rows = (
      kind === undefined
        ? this.db.prepare(`SELECT ${STORY_HEADER_COLUMNS} FROM stories ORDER BY ${STORY_LIST_ORDER} LIMIT ? OFFSET ?`).all(page.limit + 1, offset)
        : this.db.prepare(`SELECT ${STORY_HEADER_COLUMNS} FROM stories WHERE kind = ? ORDER BY ${STORY_LIST_ORDER} LIMIT ? OFFSET ?`).all(kind, page.limit + 1, offset)
    ) as StoryHeaderRow[];
    return { items: rows.slice(0, page.limit).map(storyHeaderOf), nextCursor: rows.length > page.limit ? String(offset + page.limit) : null };
  }

  async eventsOf(storylineId: string): Promise<readonly StoryHeader[]> {
    const rows = this.db
      // Without the hint the planner walks every event in date order (stories_by_kind) to find a few.
      .prepare(`SELECT ${STORY_HEADER_COLUMNS} FROM stories INDEXED BY stories_by_storyline WHERE storyline_id = ? AND kind = 'event' ORDER BY date_start, id`)
      .all(storylineId) as StoryHeaderRow[];
    return rows.map(storyHeaderOf);
  }

  async listOutletArticleIds(outlet: string): Promise<readonly ArticleId[]> {
    const rows = (
      outlet === UNKNOWN
        ? this.db.prepare('SELECT id FROM articles WHERE outlet IS NULL ORDER BY seq').all()
        : this.db.prepare('SELECT id FROM articles WHERE outlet = ? ORDER BY seq').all(outlet)
    ) as { id: string }[];
    return rows.map((r) => r.id);
  }

  async listArticleSizes(ids: readonly ArticleId[]): Promise<readonly ArticleSize[]> {
    const sizes: ArticleSize[] = [];
    // Each text is read only to be measured: iterate, so a large outlet's texts are never all in memory.
    const rows = this.db.prepare('SELECT id, outlet, text, credits_json FROM articles WHERE id IN (SELECT value FROM json_each(?))').iterate(JSON.stringify(ids));
    for (const r of rows as Iterable<{ id: string; outlet: string | null; text: string; credits_json: string }>) {
      sizes.push({ id: r.id, outlet: r.outlet, textLength: r.text.length, credits: JSON.parse(r.credits_json) as Credit[] });
    }
    return sizes;
  }

  async listArticleQuotes(ids: readonly ArticleId[]): Promise<readonly ArticleQuotes[]> {
    const rows = this.db
      .prepare(`SELECT id, outlet, published, quotes_json FROM articles WHERE id IN (SELECT value FROM json_each(?)) AND quotes_json IS NOT NULL`)
      .all(JSON.stringify(ids)) as { id: string; outlet: string | null; published: string | null; quotes_json: string }[];
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.flatMap((id) => {
      const r = byId.get(id);
      const quotes = parseJson<Quote[]>(r?.quotes_json ?? null);
      return r === undefined || quotes.length === 0 ? [] : [{ id: r.id, outlet: r.outlet, published: r.published, quotes }];
    });
  }

  /** Outlets and languages of the sampled hits, in one pass over the covering index. */
  private outletAndLanguageFacets(seqs: string): Pick<SearchFacets, 'outlets' | 'languages'> {
    const rows = this.db
      .prepare(`SELECT outlet, language, count(*) AS count FROM ${refsAs('a')} WHERE seq IN (SELECT value FROM json_each(?)) GROUP BY outlet, language`)
      .all(seqs) as { outlet: string | null; language: string | null; count: number }[];
    const outlets = new Map<string, number>();
    const languages = new Map<string, number>();
    for (const r of rows) {
      outlets.set(r.outlet ?? UNKNOWN, (outlets.get(r.outlet ?? UNKNOWN) ?? 0) + r.count);
      languages.set(r.language ?? UNKNOWN, (languages.get(r.language ?? UNKNOWN) ?? 0) + r.count);
    }
    return { outlets: mostFirst(outlets), languages: mostFirst(languages) };
  }

  private entityFacet(seqs: string): EntityCount[] {
    return this.db
      .prepare(
        `SELECT en.key, en.name, en.type, count(*) AS count
         FROM article_entities ae JOIN entities en ON en.id = ae.entity_id
         WHERE ae.article_seq IN (SELECT value FROM json_each(?)) AND en.type != 'other'
         GROUP BY ae.entity_id ORDER BY count DESC, en.key LIMIT ${ENTITY_FACET_SIZE}`,
      )
      .all(seqs) as EntityCount[];
  }

  /** Storylines of the sampled hits (an event outside any storyline counts as itself). */
  private storyFacet(seqs: string): StoryCount[] {
    return this.db
      .prepare(
        `SELECT s.id, s.kind, s.title, f.count FROM (
           SELECT coalesce(e.storyline_id, e.id) AS story_id, count(*) AS count
           FROM ${refsAs('a')} JOIN story_members m ON m.article_id = a.id JOIN stories e ON e.id = m.event_id
           WHERE a.seq IN (SELECT value FROM json_each(?))
           GROUP BY story_id ORDER BY count DESC, story_id LIMIT ${STORY_FACET_SIZE}
         ) f JOIN stories s ON s.id = f.story_id ORDER BY f.count DESC, s.id`,
      )
      .all(seqs) as StoryCount[];
  }

  /** The quotes at these places, with their articles, in the order given. */
  private quoteRecords(keys: readonly QuoteKey[]): QuoteRecord[] {
    if (keys.length === 0) return [];
    const rows = this.db
      .prepare('SELECT seq, id, title, outlet, published, language, quotes_json FROM articles WHERE seq IN (SELECT value FROM json_each(?))')
      .all(JSON.stringify([...new Set(keys.map((k) => k.article_seq))])) as (RefRow & { quotes_json: string | null })[];
    const bySeq = new Map(rows.map((r) => [r.seq, { ref: refOf(r), quotes: parseJson<Quote[]>(r.quotes_json) }]));
    return keys.flatMap(({ article_seq, quote_index }) => {
      const article = bySeq.get(article_seq);
      const quote = article?.quotes[quote_index];
      return article === undefined || quote === undefined ? [] : [{ article: article.ref, index: quote_index, quote }];
    });
  }
}

/** What a story list reads of a stories row: all but the evidence. */
type StoryHeaderRow = Omit<StoryRow, 'evidence_json'>;

interface ArticleMatchSql {
  readonly hitsSql: (ranked: boolean) => string;
  readonly params: readonly unknown[];
  readonly phrases: ReturnType<typeof parseSearchQuery>;
  readonly hasQuery: boolean;
}

/**
 * The articles a filter matches, as SQL giving (seq, rank) and its parameters; null when the query
 * has no searchable words (it matches nothing). Search ranks them; filterArticleIds pages through them.
 */
function articleMatchSql(filter: ArticleFilter): ArticleMatchSql | null {
  const phrases = filter.query === undefined ? [] : parseSearchQuery(filter.query);
  const hasQuery = filter.query !== undefined && filter.query.trim() !== '';
  if (hasQuery && phrases.length === 0) return null;
  // Filters on article columns (read from the covering index), and filters that are sets of articles.
  const columns: string[] = [];
  const columnParams: unknown[] = [];
  if (filter.outlet !== undefined) {
    columns.push(filter.outlet === UNKNOWN ? 'a.outlet IS NULL' : 'a.outlet = ?');
    if (filter.outlet !== UNKNOWN) columnParams.push(filter.outlet);
  }
  if (filter.language !== undefined) {
    columns.push(filter.language === UNKNOWN ? 'a.language IS NULL' : 'a.language = ?');
    if (filter.language !== UNKNOWN) columnParams.push(filter.language);
  }
  if (filter.from !== undefined) {
    columns.push('a.published >= ?');
    columnParams.push(filter.from);
  }
  if (filter.to !== undefined) {
    // "to 2025-03" includes every day of March: everything before the next prefix, "2025-03\uffff".
    columns.push('a.published < ?');
    columnParams.push(`${filter.to}\uffff`);
  }
  const sets: string[] = [];
  const setParams: unknown[] = [];
  if (filter.entity !== undefined) {
    sets.push('SELECT ae.article_seq FROM article_entities ae JOIN entities en ON en.id = ae.entity_id WHERE en.key = ?');
    setParams.push(filter.entity);
  }
  if (filter.story !== undefined) {
    sets.push('SELECT seq FROM articles WHERE id IN (SELECT value FROM json_each((SELECT article_ids_json FROM stories WHERE id = ?)))');
    setParams.push(filter.story);
  }
  // With a query, the "+" keeps a set from being looked up match by match in the search index (each
  // lookup reads the word's whole list of articles): the matches are walked and checked against it.
  const inSets = (seq: string) => sets.map((set) => `${seq} IN (${set})`);
  const match = phrases.map((p) => `"${p.keys.join(' ')}"${p.prefix ? ' *' : ''}`).join(' AND ');
  // The matches as (seq, rank) only; article columns come from the covering index.
  const hitsSql = (ranked: boolean) => {
    const rank = ranked ? `bm25(article_search, ${BM25_TITLE_WEIGHT}, ${BM25_BODY_WEIGHT})` : '0';
    if (!hasQuery) {
      const where = [...columns, ...inSets('a.seq')];
      return `SELECT a.seq AS seq, 0 AS rank FROM articles a ${where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`}`;
    }
    const where = ['article_search MATCH ?', ...columns, ...inSets('+article_search.rowid')].join(' AND ');
    if (columns.length === 0) return `SELECT article_search.rowid AS seq, ${rank} AS rank FROM article_search WHERE ${where}`;
    return `SELECT article_search.rowid AS seq, ${rank} AS rank FROM article_search JOIN ${refsAs('a')} ON a.seq = article_search.rowid WHERE ${where}`;
  };
  return { hitsSql, params: [...(hasQuery ? [match] : []), ...columnParams, ...setParams], phrases, hasQuery };
}

function storyHeaderOf(row: StoryHeaderRow): StoryHeader {
  return {
    id: row.id,
    kind: row.kind,
    storylineId: row.storyline_id,
    title: row.title,
    dateStart: row.date_start,
    dateEnd: row.date_end,
    articleIds: JSON.parse(row.article_ids_json) as string[],
    summary: JSON.parse(row.summary_json) as unknown,
  };
}

interface QuoteKey {
  article_seq: number;
  quote_index: number;
}

/** Counts as a list, most first, ties by name (as the store's stats order them). */
function mostFirst(counts: ReadonlyMap<string, number>): CountByName[] {
  return [...counts].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function emptySearch(): FacetedSearchResult {
  return { items: [], nextCursor: null, facets: { total: 0, outlets: [], languages: [], entities: [], stories: [], sampled: { outletsAndLanguages: 0, entities: 0 } } };
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

function refOf(row: Pick<RefRow, 'id' | 'title' | 'outlet' | 'published'>): ArticleRef {
  return { id: row.id, title: row.title, outlet: row.outlet, published: row.published };
}

function parseJson<T extends unknown[]>(json: string | null): T {
  return (json === null ? [] : JSON.parse(json)) as T;
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
