/**
 * The Store on an embedded SQLite file (better-sqlite3; reads through kysely): WAL journal, one transaction
 * per `putArticles` call, FTS5 over search keys so German inflected forms find each other.
 */
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, sql, type Generated, type Insertable, type Selectable } from 'kysely';
import type { Article, ArticleId, Origin } from '../../article.js';
import type {
  ArticlePage,
  CountByName,
  ListOptions,
  Occurrence,
  PutResult,
  SearchHit,
  SearchOptions,
  Store,
  StoreStats,
  StoredArticle,
} from '../store.js';
import { indexedTextOf, parseSearchQuery, type IndexedWord } from '../search-terms.js';
import { makeSnippet } from '../search-snippet.js';
import { currentSchemaVersion, migrateToLatest } from './migrations.js';
import type { BrowseQueries } from '../browse.js';
import { makeSqliteBrowse } from './sqlite-browse.js';
import type { StoryTables } from '../stories.js';
import { makeSqliteStories } from './sqlite-stories.js';
import type { ReuseLinkTables } from '../reuse-links.js';
import { makeSqliteReuseLinks } from './sqlite-reuse-links.js';
import { makeAnalysisWriter, type AnalysisWriter } from './analysis-tables.js';
import type { FeedTables } from '../feeds.js';
import { makeSqliteFeeds } from './sqlite-feeds.js';

interface ArticlesTable {
  seq: Generated<number>;
  id: string;
  page_id: string | null;
  title: string | null;
  text: string;
  published: string | null;
  language: string | null;
  outlet: string | null;
  byline: string | null;
  credits_json: string;
  side_texts_json: string;
  entities_json: string | null;
  quotes_json: string | null;
  messages_json: string;
  first_seen_at: string;
}

interface OccurrencesTable {
  seq: Generated<number>;
  article_id: string;
  origin_key: string;
  path: string | null;
  url: string | null;
  record: string | null;
  segment: number | null;
  title: string | null;
  published: string | null;
  outlet: string | null;
  seen_at: string;
}

interface ArticleSearchTable {
  rowid: number;
  title: string;
  body: string;
}

interface Schema {
  articles: ArticlesTable;
  occurrences: OccurrencesTable;
  article_search: ArticleSearchTable;
}

type ArticleRow = Selectable<ArticlesTable>;
type OccurrenceRow = Selectable<OccurrencesTable>;

export interface SqliteStoreOptions {
  /** Refuse to create a new database file (reading commands: a typo in --db should not make an empty one). */
  readonly mustExist?: boolean;
  /** How long to wait for another process's write lock (ms) before failing. */
  readonly busyTimeoutMs?: number;
}

const HEX_ID_PREFIX = /^[0-9a-f]+$/;

/** Title words count double in ranking: a headline naming the query is a better hit than a passing mention. */
const BM25_TITLE_WEIGHT = 2.0;
const BM25_BODY_WEIGHT = 1.0;

/** Opens (creating and migrating when needed) the SQLite store at `path`; ":memory:" for a throwaway one. */
export function openSqliteStore(path: string, options: SqliteStoreOptions = {}): Store {
  const connection = new Database(path, { fileMustExist: options.mustExist ?? false });
  // WAL: readers never block the writer, and a killed writer leaves the last committed state.
  // synchronous=NORMAL is durable against a crashed process; only power loss may drop the last commits.
  connection.pragma('journal_mode = WAL');
  connection.pragma('synchronous = NORMAL');
  connection.pragma('foreign_keys = ON');
  connection.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 10_000}`);
  migrateToLatest(connection);
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: connection }) });
  return new SqliteStore(db, prepareWrites(connection), () => currentSchemaVersion(connection));
}

/**
 * The write path as prepared statements on the connection: ingest runs it for every article, and
 * kysely prepares every query anew, a large share of the store's time in bench/store.bench.mjs.
 */
interface WriteStatements {
  readonly connection: Database.Database;
  readonly insertArticle: Database.Statement;
  readonly indexArticle: Database.Statement;
  readonly insertOccurrence: Database.Statement;
  readonly analysis: AnalysisWriter;
}

function prepareWrites(connection: Database.Database): WriteStatements {
  return {
    connection,
    insertArticle: connection.prepare(`
      INSERT INTO articles (id, page_id, title, text, published, language, outlet, byline, credits_json,
                            side_texts_json, entities_json, quotes_json, messages_json, first_seen_at)
      VALUES (@id, @page_id, @title, @text, @published, @language, @outlet, @byline, @credits_json,
              @side_texts_json, @entities_json, @quotes_json, @messages_json, @first_seen_at)
      ON CONFLICT (id) DO NOTHING
      RETURNING seq`),
    indexArticle: connection.prepare('INSERT INTO article_search (rowid, title, body) VALUES (@rowid, @title, @body)'),
    insertOccurrence: connection.prepare(`
      INSERT INTO occurrences (article_id, origin_key, path, url, record, segment, title, published, outlet, seen_at)
      VALUES (@article_id, @origin_key, @path, @url, @record, @segment, @title, @published, @outlet, @seen_at)
      ON CONFLICT (article_id, origin_key) DO NOTHING`),
    analysis: makeAnalysisWriter(connection),
  };
}

/** Ids bound in one statement. */
const ID_CHUNK = 500;

class SqliteStore implements Store {
  readonly browse: BrowseQueries;
  readonly stories: StoryTables;
  readonly reuse: ReuseLinkTables;
  readonly feeds: FeedTables;

  constructor(
    private readonly db: Kysely<Schema>,
    private readonly writes: WriteStatements,
    private readonly schemaVersion: () => number,
  ) {
    this.browse = makeSqliteBrowse(writes.connection);
    this.stories = makeSqliteStories(writes.connection);
    this.reuse = makeSqliteReuseLinks(writes.connection);
    this.feeds = makeSqliteFeeds(writes.connection);
  }

  async putArticles(articles: readonly Article[]): Promise<PutResult> {
    const seenAt = new Date().toISOString();
    const wordCache = new Map<string, IndexedWord>();
    // IMMEDIATE takes the write lock up front: two writers (ingest and watch) wait for each other
    // (busy_timeout) instead of failing when a read lock cannot be upgraded.
    return this.writes.connection
      .transaction(() => {
        let articlesAdded = 0;
        let occurrencesAdded = 0;
        for (const article of articles) {
          const inserted = this.writes.insertArticle.get(articleRowOf(article, seenAt)) as { seq: number } | undefined;
          if (inserted !== undefined) {
            articlesAdded += 1;
            this.writes.indexArticle.run({
              rowid: inserted.seq,
              title: indexedTextOf(article.title ?? '', wordCache),
              body: indexedTextOf(article.text, wordCache),
            });
            this.writes.analysis.write(inserted.seq, article);
          }
          occurrencesAdded += this.writes.insertOccurrence.run(occurrenceRowOf(article, seenAt)).changes;
        }
        this.writes.analysis.finish();
        return { articlesAdded, occurrencesAdded };
      })
      .immediate();
  }

  async getArticle(id: ArticleId): Promise<StoredArticle | null> {
    const row = await this.db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst();
    if (row === undefined) return null;
    return (await this.withOccurrences([row]))[0] ?? null;
  }

  async getArticles(ids: readonly ArticleId[]): Promise<readonly StoredArticle[]> {
    const found: StoredArticle[] = [];
    // In chunks: SQLite caps the parameters of one statement.
    for (let i = 0; i < ids.length; i += ID_CHUNK) {
      const rows = await this.db.selectFrom('articles').selectAll().where('id', 'in', ids.slice(i, i + ID_CHUNK)).execute();
      found.push(...(await this.withOccurrences(rows)));
    }
    return found;
  }

  async findIdsByPrefix(prefix: string, limit: number): Promise<readonly ArticleId[]> {
    // Ids are lower-case hex, so those starting with the prefix are the range [prefix, prefix + "g").
    if (!HEX_ID_PREFIX.test(prefix)) return [];
    const rows = await this.db
      .selectFrom('articles')
      .select('id')
      .where('id', '>=', prefix)
      .where('id', '<', `${prefix}g`)
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  }

  async listArticles(options: ListOptions): Promise<ArticlePage> {
    const after = options.cursor === undefined ? 0 : Number(options.cursor);
    if (!Number.isSafeInteger(after) || after < 0) throw new RangeError(`invalid cursor "${options.cursor}"`);
    const rows = await this.db
      .selectFrom('articles')
      .selectAll()
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(options.limit)
      .execute();
    const last = rows.at(-1);
    return {
      articles: await this.withOccurrences(rows),
      nextCursor: rows.length === options.limit && last !== undefined ? String(last.seq) : null,
    };
  }

  async search(query: string, options: SearchOptions): Promise<readonly SearchHit[]> {
    const phrases = parseSearchQuery(query);
    if (phrases.length === 0) return [];
    // Search keys are letters and digits only, so quoting each phrase is all FTS5 syntax needs;
    // a trailing * after the closing quote makes the phrase's last word a prefix.
    const match = phrases.map((p) => `"${p.keys.join(' ')}"${p.prefix ? ' *' : ''}`).join(' AND ');
    const rows = await sql<{ id: string; title: string | null; text: string; published: string | null; outlet: string | null; language: string | null; rank: number }>`
      SELECT a.id, a.title, a.text, a.published, a.outlet, a.language,
             bm25(article_search, ${BM25_TITLE_WEIGHT}, ${BM25_BODY_WEIGHT}) AS rank
      FROM article_search JOIN articles a ON a.seq = article_search.rowid
      WHERE article_search MATCH ${match}
      ORDER BY rank, a.seq
      LIMIT ${options.limit}`.execute(this.db);
    return rows.rows.map((r) => ({
      id: r.id,
      title: r.title,
      published: r.published,
      outlet: r.outlet,
      language: r.language,
      // bm25() is lower-is-better; flip it so callers read "higher is better".
      score: -r.rank,
      snippet: makeSnippet(r.text, phrases),
    }));
  }

  async stats(): Promise<StoreStats> {
    const counts = await sql<{ articles: number; occurrences: number; earliest: string | null; latest: string | null }>`
      SELECT (SELECT count(*) FROM articles) AS articles,
             (SELECT count(*) FROM occurrences) AS occurrences,
             (SELECT min(published) FROM articles) AS earliest,
             (SELECT max(published) FROM articles) AS latest`.execute(this.db);
    const row = counts.rows[0]!;
    return {
      articles: row.articles,
      occurrences: row.occurrences,
      outlets: await this.countArticlesBy('outlet'),
      languages: await this.countArticlesBy('language'),
      credits: await this.countArticlesByCredit(),
      publishedRange: row.earliest !== null && row.latest !== null ? { earliest: row.earliest, latest: row.latest } : null,
      schemaVersion: this.schemaVersion(),
    };
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }

  private async countArticlesBy(column: 'outlet' | 'language'): Promise<CountByName[]> {
    const rows = await this.db
      .selectFrom('articles')
      .select((eb) => [eb.fn.coalesce(column, sql.lit('(unknown)')).as('name'), eb.fn.countAll<number>().as('count')])
      .groupBy('name')
      .orderBy('count', 'desc')
      .orderBy('name')
      .execute();
    return rows.map((r) => ({ name: String(r.name), count: Number(r.count) }));
  }

  private async countArticlesByCredit(): Promise<CountByName[]> {
    // article_credits holds one row per article and credited name (an article crediting "dpa" twice counts once).
    const rows = await sql<{ name: string; count: number }>`
      SELECT name, count(*) AS count FROM article_credits GROUP BY name ORDER BY count DESC, name`.execute(this.db);
    return rows.rows.map((r) => ({ name: String(r.name), count: Number(r.count) }));
  }

  private async withOccurrences(rows: readonly ArticleRow[]): Promise<StoredArticle[]> {
    if (rows.length === 0) return [];
    const occurrenceRows = await this.db
      .selectFrom('occurrences')
      .selectAll()
      .where(
        'article_id',
        'in',
        rows.map((r) => r.id),
      )
      .orderBy('seq')
      .execute();
    const byArticle = new Map<string, Occurrence[]>();
    for (const o of occurrenceRows) {
      const list = byArticle.get(o.article_id) ?? [];
      list.push(occurrenceOf(o));
      byArticle.set(o.article_id, list);
    }
    return rows.map((row) => {
      const occurrences = byArticle.get(row.id) ?? [];
      return { article: articleOf(row, occurrences[0]?.origin), occurrences };
    });
  }
}

function originKeyOf(origin: Origin): string {
  return JSON.stringify([origin.path, origin.url, origin.record, origin.segment]);
}

function articleRowOf(article: Article, seenAt: string): Insertable<ArticlesTable> {
  return {
    id: article.id,
    page_id: article.pageId,
    title: article.title,
    text: article.text,
    published: article.published,
    language: article.language,
    outlet: article.outlet,
    byline: article.byline,
    credits_json: JSON.stringify(article.credits),
    side_texts_json: JSON.stringify(article.sideTexts),
    entities_json: article.entities === undefined ? null : JSON.stringify(article.entities),
    quotes_json: article.quotes === undefined ? null : JSON.stringify(article.quotes),
    messages_json: JSON.stringify(article.messages),
    first_seen_at: seenAt,
  };
}

function occurrenceRowOf(article: Article, seenAt: string): Insertable<OccurrencesTable> {
  const { path, url, record, segment } = article.origin;
  return {
    article_id: article.id,
    origin_key: originKeyOf(article.origin),
    path,
    url,
    record,
    segment,
    title: article.title,
    published: article.published,
    outlet: article.outlet,
    seen_at: seenAt,
  };
}

function occurrenceOf(row: OccurrenceRow): Occurrence {
  return {
    origin: { path: row.path, url: row.url, record: row.record, segment: row.segment },
    title: row.title,
    published: row.published,
    outlet: row.outlet,
    seenAt: row.seen_at,
  };
}

/** Every stored article has an occurrence; the fallback only guards against a hand-edited database. */
const NO_ORIGIN: Origin = { path: null, url: null, record: null, segment: null };

function articleOf(row: ArticleRow, firstOrigin: Origin | undefined): Article {
  const article: Article = {
    id: row.id,
    origin: firstOrigin ?? NO_ORIGIN,
    pageId: row.page_id,
    title: row.title,
    text: row.text,
    published: row.published,
    language: row.language,
    outlet: row.outlet,
    credits: JSON.parse(row.credits_json),
    byline: row.byline,
    sideTexts: JSON.parse(row.side_texts_json),
    messages: JSON.parse(row.messages_json),
  };
  return {
    ...article,
    ...(row.entities_json === null ? {} : { entities: JSON.parse(row.entities_json) }),
    ...(row.quotes_json === null ? {} : { quotes: JSON.parse(row.quotes_json) }),
  };
}
