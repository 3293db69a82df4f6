/**
 * The SQLite schema as an ordered list of migrations, and the runner that applies the missing ones.
 * Each migration runs in its own transaction and is recorded in `schema_migrations`; never edit one
 * that has shipped, add the next (entities, quotes, reuse links and stories tables come this way).
 */
import type BetterSqlite3 from 'better-sqlite3';
import { backfillAnalysisTables } from './analysis-tables.js';
import { indexedTextOf, type IndexedWord } from '../search-terms.js';

export interface Migration {
  readonly version: number;
  readonly name: string;
  /** SQLite statements, run together with `exec`. */
  readonly sql: string;
  /** Fills what the statements created from rows already stored, in the same transaction. */
  readonly backfill?: (db: BetterSqlite3.Database) => void;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'articles, occurrences, full-text search',
    sql: `
      -- seq orders articles by first sight and is the rowid the search index points to.
      CREATE TABLE articles (
        seq             INTEGER PRIMARY KEY,
        id              TEXT NOT NULL UNIQUE,
        page_id         TEXT,
        title           TEXT,
        text            TEXT NOT NULL,
        published       TEXT,
        language        TEXT,
        outlet          TEXT,
        byline          TEXT,
        credits_json    TEXT NOT NULL,
        side_texts_json TEXT NOT NULL,
        -- null until the analysis stages (issue 3) fill them; tables of their own can follow.
        entities_json   TEXT,
        quotes_json     TEXT,
        messages_json   TEXT NOT NULL,
        first_seen_at   TEXT NOT NULL
      );
      -- One row per place an article's text was found. origin_key is the origin as JSON, because
      -- SQLite treats NULLs as distinct in UNIQUE constraints and most origins have null fields.
      CREATE TABLE occurrences (
        seq         INTEGER PRIMARY KEY,
        article_id  TEXT NOT NULL REFERENCES articles(id),
        origin_key  TEXT NOT NULL,
        path        TEXT,
        url         TEXT,
        record      TEXT,
        segment     INTEGER,
        title       TEXT,
        published   TEXT,
        outlet      TEXT,
        seen_at     TEXT NOT NULL,
        UNIQUE (article_id, origin_key)
      );
      CREATE INDEX occurrences_by_url ON occurrences (url) WHERE url IS NOT NULL;
      CREATE INDEX occurrences_by_path ON occurrences (path) WHERE path IS NOT NULL;
      -- Holds search keys (stemmed, folded words), not the text: contentless keeps the database small;
      -- snippets are cut from articles.text.
      CREATE VIRTUAL TABLE article_search USING fts5 (title, body, content = '', contentless_delete = 1);
    `,
  },
  {
    version: 2,
    name: 'stories: events, storylines, memberships with evidence, merges',
    sql: `
      -- One row per event or storyline (src/story/); the JSON columns hold what the export's stories record holds.
      CREATE TABLE stories (
        id                TEXT PRIMARY KEY,
        kind              TEXT NOT NULL CHECK (kind IN ('event', 'storyline')),
        storyline_id      TEXT,
        title             TEXT,
        date_start        TEXT,
        date_end          TEXT,
        article_ids_json  TEXT NOT NULL,
        summary_json      TEXT NOT NULL,
        evidence_json     TEXT NOT NULL,
        updated_at        TEXT NOT NULL
      );
      -- Why each article is in its event; event_day is kept because text dates are not stored with articles.
      CREATE TABLE story_members (
        article_id     TEXT PRIMARY KEY REFERENCES articles(id),
        event_id       TEXT NOT NULL,
        event_day      TEXT,
        matched_id     TEXT,
        evidence_json  TEXT
      );
      CREATE INDEX story_members_by_event ON story_members (event_id);
      CREATE TABLE story_changes (
        seq      INTEGER PRIMARY KEY,
        kind     TEXT NOT NULL,
        into_id  TEXT NOT NULL,
        from_id  TEXT NOT NULL,
        reason   TEXT NOT NULL,
        at       TEXT NOT NULL
      );
    `,
  },
  {
    version: 3,
    name: 'outlet registry: the user\'s edits over the shipped outlet-registry.tsv',
    sql: `
      CREATE TABLE outlet_overrides (
        name        TEXT PRIMARY KEY COLLATE NOCASE,
        domains     TEXT NOT NULL,
        country     TEXT NOT NULL,
        type        TEXT NOT NULL,
        sanctions   TEXT NOT NULL,
        updated_at  TEXT NOT NULL
      );
    `,
  },
  {
    version: 4,
    name: 'reuse links: passages two articles share, with the direction of copying (src/link/, src/provenance/)',
    sql: `
      -- id is a hash of kind and both spans, so linking an article again adds no duplicate.
      CREATE TABLE reuse_links (
        id                      TEXT PRIMARY KEY,
        kind                    TEXT NOT NULL,
        a_article_id            TEXT NOT NULL REFERENCES articles(id),
        a_start                 INTEGER NOT NULL,
        a_end                   INTEGER NOT NULL,
        b_article_id            TEXT NOT NULL REFERENCES articles(id),
        b_start                 INTEGER NOT NULL,
        b_end                   INTEGER NOT NULL,
        score                   REAL NOT NULL,
        direction_from          TEXT,
        direction_confidence    REAL NOT NULL,
        direction_reasons_json  TEXT NOT NULL,
        created_at              TEXT NOT NULL
      );
      CREATE INDEX reuse_links_by_a ON reuse_links (a_article_id);
      CREATE INDEX reuse_links_by_b ON reuse_links (b_article_id);
    `,
  },
  {
    version: 5,
    name: 'reuse linked: articles already linked to those stored before them',
    sql: `
      -- Written with the article's links: an article stored but not yet here (a run killed after
      -- storing) is linked by the next run, and one already here is never linked twice.
      CREATE TABLE reuse_linked (
        article_id  TEXT PRIMARY KEY REFERENCES articles(id)
      );
    `,
  },
  {
    version: 6,
    name: 'browse tables: entities, entity mentions per article, quotes with their entities, credits; covering indexes',
    sql: `
      -- The web API's lists and facets read these instead of parsing every article's JSON columns
      -- (analysis-tables.ts writes them with each new article; the backfill fills them for stored ones).
      -- Counts are kept up to date as articles come in (articles are never removed).
      CREATE TABLE entities (
        id        INTEGER PRIMARY KEY,
        key       TEXT NOT NULL UNIQUE,
        -- the type and surface form most of its mentions have
        type      TEXT NOT NULL,
        name      TEXT NOT NULL,
        mentions  INTEGER NOT NULL,
        articles  INTEGER NOT NULL
      );
      CREATE INDEX entities_by_articles ON entities (articles DESC, mentions DESC, key);
      CREATE INDEX entities_by_type ON entities (type, articles DESC, mentions DESC, key);
      CREATE TABLE entity_names (
        entity_id  INTEGER NOT NULL REFERENCES entities(id),
        name       TEXT NOT NULL,
        type       TEXT NOT NULL,
        mentions   INTEGER NOT NULL,
        PRIMARY KEY (entity_id, name, type)
      ) WITHOUT ROWID;
      CREATE TABLE article_entities (
        entity_id    INTEGER NOT NULL REFERENCES entities(id),
        article_seq  INTEGER NOT NULL REFERENCES articles(seq),
        mentions     INTEGER NOT NULL,
        PRIMARY KEY (entity_id, article_seq)
      ) WITHOUT ROWID;
      CREATE INDEX article_entities_by_article ON article_entities (article_seq, entity_id);
      -- One row per quote (its JSON stays in articles.quotes_json at position quote_index).
      CREATE TABLE quotes (
        article_seq  INTEGER NOT NULL REFERENCES articles(seq),
        quote_index  INTEGER NOT NULL,
        speaker      TEXT,
        PRIMARY KEY (article_seq, quote_index)
      ) WITHOUT ROWID;
      -- Which entity spoke a quote, and which entities its words name.
      CREATE TABLE quote_entities (
        entity_id    INTEGER NOT NULL REFERENCES entities(id),
        role         TEXT NOT NULL CHECK (role IN ('speaker', 'about')),
        article_seq  INTEGER NOT NULL,
        quote_index  INTEGER NOT NULL,
        PRIMARY KEY (entity_id, role, article_seq, quote_index)
      ) WITHOUT ROWID;
      -- An article's outlet never changes, so it is kept here for per-outlet credit counts.
      CREATE TABLE article_credits (
        outlet       TEXT NOT NULL,
        name         TEXT NOT NULL,
        article_seq  INTEGER NOT NULL REFERENCES articles(seq),
        PRIMARY KEY (outlet, name, article_seq)
      ) WITHOUT ROWID;
      -- Article columns after the long text cost a walk through its overflow pages; these indexes
      -- carry them, so lists, filters and facet counts never read the text.
      CREATE INDEX articles_refs ON articles (seq, id, title, outlet, published, language);
      CREATE INDEX articles_by_outlet ON articles (outlet, language, published);
      CREATE INDEX articles_by_language ON articles (language);
      CREATE INDEX articles_by_published ON articles (published);
      CREATE INDEX stories_by_date ON stories (date_start, id);
      CREATE INDEX stories_by_kind ON stories (kind, date_start, id);
      CREATE INDEX stories_by_storyline ON stories (storyline_id);
    `,
    backfill: backfillAnalysisTables,
  },
  {
    version: 8,
    name: 'story index: what the event clusterer needs to place one article without reading the whole store',
    sql: `
      -- The article's features as the clusterer keeps them (telling terms, entities, norms); null for
      -- members placed before this migration, which the next story update indexes from the stored articles.
      ALTER TABLE story_members ADD COLUMN features_json TEXT;
      -- Document frequencies of story keys ("e KEY" entity, "t TERM", "n WORD" name word, "# 2022" number);
      -- the key '' counts the articles.
      CREATE TABLE story_counts (
        key  TEXT PRIMARY KEY,
        df   INTEGER NOT NULL
      ) WITHOUT ROWID;
      -- Candidate index: the articles carrying a rare key (at most the clusterer's cap per key).
      CREATE TABLE story_postings (
        key         TEXT NOT NULL,
        article_id  TEXT NOT NULL,
        PRIMARY KEY (key, article_id)
      ) WITHOUT ROWID;
      -- Core entities of each event, so storylines are relinked around a changed event only.
      CREATE TABLE story_event_cores (
        event_id    TEXT NOT NULL,
        entity_key  TEXT NOT NULL,
        PRIMARY KEY (event_id, entity_key)
      ) WITHOUT ROWID;
      CREATE INDEX story_event_cores_by_entity ON story_event_cores (entity_key);
      -- Also made by migration 6; whichever comes first makes it.
      CREATE INDEX IF NOT EXISTS stories_by_storyline ON stories (storyline_id);
    `,
  },
  {
    version: 9,
    name: 'reuse fingerprints: what the reuse index holds per article, so a linker opens without re-reading texts',
    sql: `
      -- One row per indexed article, in linking order (rowid). scheme names how they were computed
      -- (shingle size, winnowing window, tokeniser, stemmer): rows of another scheme are recomputed.
      -- fingerprints: little-endian uint32 pairs (shingle hash, token position), winnowed, distinct hashes;
      -- terms: uint32 hashes of the article's distinct content terms.
      CREATE TABLE reuse_fingerprints (
        article_id    TEXT PRIMARY KEY REFERENCES articles(id),
        scheme        TEXT NOT NULL,
        fingerprints  BLOB NOT NULL,
        terms         BLOB NOT NULL
      );
    `,
  },
  {
    version: 10,
    name: 'search index with compound parts: every stored article indexed again (src/text/compounds.de.ts)',
    // contentless: the old keys cannot be read back, so the index is emptied and rebuilt from articles.text
    sql: `INSERT INTO article_search (article_search) VALUES ('delete-all');`,
    backfill: reindexSearch,
  },
  {
    version: 11,
    name: 'story changes by event: one story\'s merges and splits read through an index, not the whole log',
    sql: `
      CREATE INDEX IF NOT EXISTS story_changes_by_into ON story_changes (into_id);
      CREATE INDEX IF NOT EXISTS story_changes_by_from ON story_changes (from_id);
    `,
  },
  {
    version: 12,
    name: 'event digests: what an event\'s summary and source comparison are updated from, so a new member does not re-read the others',
    sql: `
      -- One row per event (src/story/event-digest.ts): the members it covers, the source tallies and the
      -- summary's candidate sentences. An event without one (made before) is digested from its members once.
      CREATE TABLE IF NOT EXISTS story_event_digests (
        event_id     TEXT PRIMARY KEY,
        digest_json  TEXT NOT NULL
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 13,
    name: 'reuse fingerprints with sentence fingerprints: the stored ones are computed again by the next linker',
    sql: `
      -- sentences: uint32 order-free hashes of each sentence's content terms (src/link/shingles.ts hashTermSet).
      -- Rows of the old scheme lack them: dropped, so the next linker computes them from the texts
      -- (src/provenance/link-reuse.ts indexes linked articles without fingerprints of its scheme).
      ALTER TABLE reuse_fingerprints ADD COLUMN sentences BLOB NOT NULL DEFAULT x'';
      DELETE FROM reuse_fingerprints;
    `,
  },
  {
    version: 14,
    name: 'story posting sizes: a key\'s number of postings kept with its count, so adding an article does not count the postings of common keys',
    sql: `
      -- postings: rows of story_postings with this key (a key stops taking articles at the clusterer's cap).
      ALTER TABLE story_counts ADD COLUMN postings INTEGER NOT NULL DEFAULT 0;
      UPDATE story_counts SET postings = sizes.n
      FROM (SELECT key, count(*) AS n FROM story_postings GROUP BY key) AS sizes
      WHERE story_counts.key = sizes.key;
    `,
  },
  {
    version: 30,
    name: 'story list order: storylines first, then by size and recency, read through an index',
    sql: `
      -- Computed from the stored ids, so no writer has to keep it; the index stores it.
      ALTER TABLE stories ADD COLUMN article_count INTEGER GENERATED ALWAYS AS (json_array_length(article_ids_json)) VIRTUAL;
      CREATE INDEX stories_by_prominence ON stories (kind DESC, article_count DESC, date_end DESC, id);
    `,
  },
  {
    version: 35,
    name: 'monitored sources: feeds and sitemaps with their polling state, and every item they listed',
    sql: `
      -- Times are ISO 8601 UTC strings (they sort as they compare). next_poll_at: due when <= now.
      CREATE TABLE feeds (
        id              INTEGER PRIMARY KEY,
        url             TEXT NOT NULL UNIQUE,
        kind            TEXT NOT NULL CHECK (kind IN ('feed', 'sitemap')),
        outlet          TEXT,
        every_ms        INTEGER NOT NULL,
        paused          INTEGER NOT NULL DEFAULT 0,
        added_at        TEXT NOT NULL,
        last_poll_at    TEXT,
        last_success_at TEXT,
        etag            TEXT,
        last_modified   TEXT,
        errors_in_row   INTEGER NOT NULL DEFAULT 0,
        last_error      TEXT,
        next_poll_at    TEXT NOT NULL
      );
      -- One row per item a feed listed, kept after it is done so it is never fetched again.
      -- document_json: the item as the feed gave it (the fallback text), dropped once it is done.
      CREATE TABLE feed_items (
        seq              INTEGER PRIMARY KEY,
        feed_id          INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
        item_key         TEXT NOT NULL,
        url              TEXT,
        host             TEXT,
        state            TEXT NOT NULL CHECK (state IN ('pending', 'done', 'failed')),
        attempts         INTEGER NOT NULL DEFAULT 0,
        next_attempt_at  TEXT NOT NULL,
        document_json    TEXT,
        article_ids_json TEXT,
        reason           TEXT,
        first_seen_at    TEXT NOT NULL,
        finished_at      TEXT,
        UNIQUE (feed_id, item_key)
      );
      CREATE INDEX feed_items_pending ON feed_items (next_attempt_at, seq) WHERE state = 'pending';
    `,
  },
];

/** Writes every stored article into the (empty) search index, as putArticles does for new ones. */
function reindexSearch(db: BetterSqlite3.Database): void {
  const insert = db.prepare('INSERT INTO article_search (rowid, title, body) VALUES (?, ?, ?)');
  // read in pages: better-sqlite3 cannot write while a read on the same connection is still open
  const page = db.prepare('SELECT seq, title, text FROM articles WHERE seq > ? ORDER BY seq LIMIT 500');
  const wordCache = new Map<string, IndexedWord>();
  for (let after = 0; ; ) {
    const rows = page.all(after) as { seq: number; title: string | null; text: string }[];
    if (rows.length === 0) return;
    for (const row of rows) insert.run(row.seq, indexedTextOf(row.title ?? '', wordCache), indexedTextOf(row.text, wordCache));
    after = rows[rows.length - 1]!.seq;
    // the cache serves a batch; over a whole store it would hold every word ever seen
    if (wordCache.size > 200_000) wordCache.clear();
  }
}

const CREATE_SCHEMA_MIGRATIONS = `
  CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`;

/**
 * Applies every migration the database has not recorded, lowest version first; returns the version it
 * ends at. By record, not by the highest version: migrations numbered in parallel land out of order, so
 * a database may hold 35 and still lack 30.
 */
export function migrateToLatest(db: BetterSqlite3.Database, migrations: readonly Migration[] = MIGRATIONS): number {
  db.exec(CREATE_SCHEMA_MIGRATIONS);
  const current = currentSchemaVersion(db);
  // Applied by version, not by place in the list: migrations written in parallel may be listed out of order.
  const ordered = [...migrations].sort((a, b) => a.version - b.version);
  const latest = ordered.at(-1)?.version ?? 0;
  if (current > latest) {
    throw new StoreSchemaError(
      `the database has schema version ${current}, newer than this storytrace knows (${latest}); upgrade storytrace`,
    );
  }
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  const applied = appliedVersions(db);
  for (const migration of ordered.filter((m) => !applied.has(m.version))) {
    // Checked again inside the write lock: another process opening the same new database may have won.
    db.transaction(() => {
      if (appliedVersions(db).has(migration.version)) return;
      db.exec(migration.sql);
      migration.backfill?.(db);
      record.run(migration.version, migration.name, new Date().toISOString());
    }).immediate();
  }
  return Math.max(current, latest);
}

function appliedVersions(db: BetterSqlite3.Database): Set<number> {
  return new Set((db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version));
}

export function currentSchemaVersion(db: BetterSqlite3.Database): number {
  const row = db.prepare('SELECT max(version) AS version FROM schema_migrations').get() as { version: number | null };
  return row.version ?? 0;
}

/** The database cannot be used by this version of storytrace. */
export class StoreSchemaError extends Error {
  override readonly name = 'StoreSchemaError';
}
