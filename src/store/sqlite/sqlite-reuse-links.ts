/**
 * ReuseLinkTables on SQLite: one row per link in `reuse_links` (migration 4), indexed by both
 * articles; linked articles in `reuse_linked` (5); the reuse index's fingerprints per article in
 * `reuse_fingerprints` (9, sentence fingerprints since 13), as little-endian uint32 blobs.
 */
import type Database from 'better-sqlite3';
import type { ArticleId } from '../../article.js';
import type { ReuseKind } from '../../records.js';
import type { ReuseFingerprintRecord, ReuseLinkRecord, ReuseLinkTables } from '../reuse-links.js';

interface ReuseLinkRow {
  id: string;
  kind: ReuseKind;
  a_article_id: string;
  a_start: number;
  a_end: number;
  b_article_id: string;
  b_start: number;
  b_end: number;
  score: number;
  direction_from: string | null;
  direction_confidence: number;
  direction_reasons_json: string;
}

/** SQLite allows 32766 bound parameters; ids are looked up in chunks well below that. */
const IDS_PER_QUERY = 500;
/** Fingerprint rows read per query (a few KB each). */
const FINGERPRINTS_PER_PAGE = 2000;
const ROWID_CURSOR = /^\d{1,15}$/;

export function makeSqliteReuseLinks(db: Database.Database): ReuseLinkTables {
  const insert = db.prepare(`
    INSERT INTO reuse_links (id, kind, a_article_id, a_start, a_end, b_article_id, b_start, b_end, score,
                             direction_from, direction_confidence, direction_reasons_json, created_at)
    VALUES (@id, @kind, @a_article_id, @a_start, @a_end, @b_article_id, @b_start, @b_end, @score,
            @direction_from, @direction_confidence, @direction_reasons_json, @created_at)
    ON CONFLICT (id) DO NOTHING`);
  const markLinked = db.prepare('INSERT INTO reuse_linked (article_id) VALUES (?) ON CONFLICT (article_id) DO NOTHING');
  const putFingerprint = db.prepare(
    'INSERT OR REPLACE INTO reuse_fingerprints (article_id, scheme, fingerprints, terms, sentences) VALUES (?, ?, ?, ?, ?)',
  );
  const putFingerprints = (fingerprints: readonly ReuseFingerprintRecord[]) => {
    for (const f of fingerprints) putFingerprint.run(f.articleId, f.scheme, blobOf(f.shingles), blobOf(f.terms), blobOf(f.sentences));
  };
  const putAll = db.transaction(
    (links: readonly ReuseLinkRecord[], linked: readonly ArticleId[], fingerprints: readonly ReuseFingerprintRecord[], createdAt: string) => {
      let added = 0;
      for (const link of links) added += insert.run({ ...rowOf(link), created_at: createdAt }).changes;
      for (const id of linked) markLinked.run(id);
      putFingerprints(fingerprints);
      return added;
    },
  );
  const putFingerprintsOnly = db.transaction(putFingerprints);
  return {
    async putReuseLinks(links, linkedArticleIds = [], fingerprints = []) {
      return putAll.immediate(links, linkedArticleIds, fingerprints, new Date().toISOString());
    },
    async linkedArticleIds() {
      return new Set((db.prepare('SELECT article_id FROM reuse_linked').all() as { article_id: string }[]).map((r) => r.article_id));
    },
    async unlinkedArticleIds() {
      const rows = db
        .prepare('SELECT id FROM articles WHERE NOT EXISTS (SELECT 1 FROM reuse_linked WHERE article_id = articles.id) ORDER BY seq')
        .all() as { id: ArticleId }[];
      return rows.map((r) => r.id);
    },
    async *reuseFingerprints(scheme) {
      // Read a page at a time: an open statement would keep the connection busy while the caller awaits.
      const page = db.prepare(
        'SELECT rowid, article_id, fingerprints, terms, sentences FROM reuse_fingerprints WHERE scheme = ? AND rowid > ? ORDER BY rowid LIMIT ?',
      );
      for (let after = 0; ; ) {
        const rows = page.all(scheme, after, FINGERPRINTS_PER_PAGE) as { rowid: number; article_id: ArticleId; fingerprints: Buffer; terms: Buffer; sentences: Buffer }[];
        for (const row of rows) yield { articleId: row.article_id, scheme, shingles: uint32sOf(row.fingerprints), terms: uint32sOf(row.terms), sentences: uint32sOf(row.sentences) };
        if (rows.length < FINGERPRINTS_PER_PAGE) return;
        after = rows.at(-1)!.rowid;
      }
    },
    async putReuseFingerprints(fingerprints) {
      putFingerprintsOnly.immediate(fingerprints);
    },
    async reuseLinksFor(articleIds) {
      const seen = new Set<string>();
      const rows: (ReuseLinkRow & { rowid: number })[] = [];
      for (let i = 0; i < articleIds.length; i += IDS_PER_QUERY) {
        const chunk = articleIds.slice(i, i + IDS_PER_QUERY);
        const marks = chunk.map(() => '?').join(', ');
        const found = db
          .prepare(`SELECT rowid, * FROM reuse_links WHERE a_article_id IN (${marks}) OR b_article_id IN (${marks})`)
          .all(...chunk, ...chunk) as (ReuseLinkRow & { rowid: number })[];
        for (const row of found) if (!seen.has(row.id)) (seen.add(row.id), rows.push(row));
      }
      return rows.sort((x, y) => x.rowid - y.rowid).map(recordOf);
    },
    async pageReuseLinks(page) {
      if (page.cursor !== undefined && !ROWID_CURSOR.test(page.cursor)) throw new RangeError(`invalid cursor "${page.cursor}"`);
      const rows = db
        .prepare('SELECT rowid, * FROM reuse_links WHERE rowid > ? ORDER BY rowid LIMIT ?')
        .all(page.cursor === undefined ? 0 : Number(page.cursor), page.limit + 1) as (ReuseLinkRow & { rowid: number })[];
      const shown = rows.slice(0, page.limit);
      return { items: shown.map(recordOf), nextCursor: rows.length > page.limit ? String(shown.at(-1)!.rowid) : null };
    },
    async listReuseLinks() {
      return (db.prepare('SELECT * FROM reuse_links ORDER BY rowid').all() as ReuseLinkRow[]).map(recordOf);
    },
  };
}

/** Little-endian whatever the machine, so a database file moves between machines. */
function blobOf(values: Uint32Array): Buffer {
  const blob = Buffer.allocUnsafe(values.length * 4);
  for (let i = 0; i < values.length; i++) blob.writeUInt32LE(values[i]!, i * 4);
  return blob;
}

function uint32sOf(blob: Buffer): Uint32Array {
  const values = new Uint32Array(blob.length >>> 2);
  for (let i = 0; i < values.length; i++) values[i] = blob.readUInt32LE(i * 4);
  return values;
}

function rowOf(link: ReuseLinkRecord): ReuseLinkRow {
  return {
    id: link.id,
    kind: link.kind,
    a_article_id: link.a.articleId,
    a_start: link.a.start,
    a_end: link.a.end,
    b_article_id: link.b.articleId,
    b_start: link.b.start,
    b_end: link.b.end,
    score: link.score,
    direction_from: link.direction.from,
    direction_confidence: link.direction.confidence,
    direction_reasons_json: JSON.stringify(link.direction.reasons),
  };
}

function recordOf(row: ReuseLinkRow): ReuseLinkRecord {
  return {
    id: row.id,
    kind: row.kind,
    a: { articleId: row.a_article_id as ArticleId, start: row.a_start, end: row.a_end },
    b: { articleId: row.b_article_id as ArticleId, start: row.b_start, end: row.b_end },
    score: row.score,
    direction: { from: row.direction_from as ArticleId | null, confidence: row.direction_confidence, reasons: JSON.parse(row.direction_reasons_json) },
  };
}
