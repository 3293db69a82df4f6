/** FeedTables on SQLite: the feeds and feed_items tables of migration 35. */
import type Database from 'better-sqlite3';
import type { ArticleId } from '../../article.js';
import type { FeedItemDocument, FeedRecord, FeedTables, ItemOutcome, NewFeed, PendingItem } from '../feeds.js';

interface FeedRow {
  id: number;
  url: string;
  kind: FeedRecord['kind'];
  outlet: string | null;
  every_ms: number;
  paused: number;
  added_at: string;
  last_poll_at: string | null;
  last_success_at: string | null;
  etag: string | null;
  last_modified: string | null;
  errors_in_row: number;
  last_error: string | null;
  next_poll_at: string;
  item_count: number;
  pending_count: number;
}

interface ItemRow {
  seq: number;
  feed_id: number;
  item_key: string;
  host: string | null;
  attempts: number;
  document_json: string;
}

/** Many keys in one statement: a JSON array bound as one parameter. */
const IN_JSON = 'IN (SELECT value FROM json_each(?))';

const FEED_COLUMNS = `f.*,
  (SELECT count(*) FROM feed_items i WHERE i.feed_id = f.id) AS item_count,
  (SELECT count(*) FROM feed_items i WHERE i.feed_id = f.id AND i.state = 'pending') AS pending_count`;

export function makeSqliteFeeds(db: Database.Database): FeedTables {
  const feedById = db.prepare(`SELECT ${FEED_COLUMNS} FROM feeds f WHERE f.id = ?`);
  const insertItem = db.prepare(`
    INSERT INTO feed_items (feed_id, item_key, url, host, state, next_attempt_at, document_json, first_seen_at)
    VALUES (@feed_id, @item_key, @url, @host, 'pending', @next_attempt_at, @document_json, @first_seen_at)
    ON CONFLICT (feed_id, item_key) DO NOTHING`);
  const updateFeedAfterPoll = db.prepare(`
    UPDATE feeds SET last_poll_at = @at, next_poll_at = @next_poll_at,
      last_success_at = CASE WHEN @error IS NULL THEN @at ELSE last_success_at END,
      errors_in_row = CASE WHEN @error IS NULL THEN 0 ELSE errors_in_row + 1 END,
      last_error = @error,
      etag = CASE WHEN @keep_validators THEN etag ELSE @etag END,
      last_modified = CASE WHEN @keep_validators THEN last_modified ELSE @last_modified END
    WHERE id = @id`);
  const finishDone = db.prepare(`
    UPDATE feed_items SET state = 'done', article_ids_json = ?, reason = ?, finished_at = ?, document_json = NULL
    WHERE seq = ? AND state = 'pending'`);
  const finishFailed = db.prepare(`
    UPDATE feed_items SET state = 'failed', attempts = attempts + 1, reason = ?, finished_at = ?, document_json = NULL
    WHERE seq = ? AND state = 'pending'`);
  const retryLater = db.prepare(`
    UPDATE feed_items SET attempts = attempts + 1, reason = ?, next_attempt_at = ? WHERE seq = ? AND state = 'pending'`);

  return {
    async addFeed(feed: NewFeed, at: string) {
      const inserted = db
        .prepare(
          `INSERT INTO feeds (url, kind, outlet, every_ms, added_at, next_poll_at) VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT (url) DO NOTHING RETURNING id`,
        )
        .get(feed.url, feed.kind, feed.outlet, feed.everyMs, at, at) as { id: number } | undefined;
      return inserted === undefined ? null : recordOf(feedById.get(inserted.id) as FeedRow);
    },

    async listFeeds() {
      return (db.prepare(`SELECT ${FEED_COLUMNS} FROM feeds f ORDER BY f.id`).all() as FeedRow[]).map(recordOf);
    },

    async getFeed(id) {
      const row = feedById.get(id) as FeedRow | undefined;
      return row === undefined ? null : recordOf(row);
    },

    async getFeedByUrl(url) {
      const row = db.prepare(`SELECT ${FEED_COLUMNS} FROM feeds f WHERE f.url = ?`).get(url) as FeedRow | undefined;
      return row === undefined ? null : recordOf(row);
    },

    async removeFeed(id) {
      return db.prepare('DELETE FROM feeds WHERE id = ?').run(id).changes > 0;
    },

    async setFeedPaused(id, paused) {
      return db.prepare('UPDATE feeds SET paused = ? WHERE id = ?').run(paused ? 1 : 0, id).changes > 0;
    },

    async dueFeeds(at, feedIds) {
      const only = feedIds === undefined ? '' : `AND f.id ${IN_JSON}`;
      const rows = db
        .prepare(`SELECT ${FEED_COLUMNS} FROM feeds f WHERE f.paused = 0 AND f.next_poll_at <= ? ${only} ORDER BY f.next_poll_at, f.id`)
        .all(at, ...(feedIds === undefined ? [] : [JSON.stringify(feedIds)])) as FeedRow[];
      return rows.map(recordOf);
    },

    async recordPoll(poll) {
      return db
        .transaction(() => {
          let added = 0;
          for (const item of poll.items) {
            added += insertItem.run({
              feed_id: poll.feedId,
              item_key: item.key,
              url: item.document.url,
              host: hostOf(item.document.url),
              next_attempt_at: poll.itemsDueAt,
              document_json: JSON.stringify(item.document),
              first_seen_at: poll.at,
            }).changes;
          }
          updateFeedAfterPoll.run({
            id: poll.feedId,
            at: poll.at,
            next_poll_at: poll.nextPollAt,
            error: poll.error,
            keep_validators: poll.validators === undefined ? 1 : 0,
            etag: poll.validators?.etag ?? null,
            last_modified: poll.validators?.lastModified ?? null,
          });
          return added;
        })
        .immediate();
    },

    async pendingItems(query) {
      const conditions = ["i.state = 'pending'", 'i.next_attempt_at <= ?', 'f.paused = 0'];
      const params: unknown[] = [query.dueBy];
      if (query.feedIds !== undefined) {
        conditions.push(`i.feed_id ${IN_JSON}`);
        params.push(JSON.stringify(query.feedIds));
      }
      if (query.skipHosts !== undefined && query.skipHosts.length > 0) {
        conditions.push(`(i.host IS NULL OR i.host NOT ${IN_JSON})`);
        params.push(JSON.stringify(query.skipHosts));
      }
      // Items without a URL need no request: each is a group of its own.
      const rows = db
        .prepare(
          `SELECT seq, feed_id, item_key, host, attempts, document_json FROM (
             SELECT i.*, row_number() OVER (PARTITION BY coalesce(i.host, 'seq:' || i.seq) ORDER BY i.seq) AS place
             FROM feed_items i INDEXED BY feed_items_pending JOIN feeds f ON f.id = i.feed_id
             WHERE ${conditions.join(' AND ')})
           WHERE place <= ? ORDER BY seq LIMIT ?`,
        )
        .all(...params, query.perHost, query.limit) as ItemRow[];
      return rows.map(
        (r): PendingItem => ({ seq: r.seq, feedId: r.feed_id, key: r.item_key, host: r.host, attempts: r.attempts, document: JSON.parse(r.document_json) as FeedItemDocument }),
      );
    },

    async finishItems(outcomes: readonly ItemOutcome[]) {
      db.transaction(() => {
        for (const outcome of outcomes) {
          if (outcome.state === 'done') finishDone.run(JSON.stringify(outcome.articleIds), outcome.reason ?? null, outcome.at, outcome.seq);
          else if (outcome.state === 'failed') finishFailed.run(outcome.reason, outcome.at, outcome.seq);
          else retryLater.run(outcome.reason, outcome.nextAttemptAt, outcome.seq);
        }
      }).immediate();
    },

    async nextItemDue(feedIds) {
      const only = feedIds === undefined ? '' : `AND i.feed_id ${IN_JSON}`;
      const row = db
        .prepare(`SELECT min(i.next_attempt_at) AS due FROM feed_items i JOIN feeds f ON f.id = i.feed_id WHERE i.state = 'pending' AND f.paused = 0 ${only}`)
        .get(...(feedIds === undefined ? [] : [JSON.stringify(feedIds)])) as { due: string | null };
      return row.due;
    },

    async articleIdsAtUrls(urls) {
      const found = new Map<string, ArticleId[]>();
      if (urls.length === 0) return found;
      const rows = db.prepare(`SELECT url, article_id FROM occurrences WHERE url ${IN_JSON} ORDER BY seq`).all(JSON.stringify(urls)) as {
        url: string;
        article_id: string;
      }[];
      for (const row of rows) {
        const ids = found.get(row.url) ?? [];
        if (!ids.includes(row.article_id)) ids.push(row.article_id);
        found.set(row.url, ids);
      }
      return found;
    },
  };
}

function recordOf(row: FeedRow): FeedRecord {
  return {
    id: row.id,
    url: row.url,
    kind: row.kind,
    outlet: row.outlet,
    everyMs: row.every_ms,
    paused: row.paused === 1,
    addedAt: row.added_at,
    lastPollAt: row.last_poll_at,
    lastSuccessAt: row.last_success_at,
    validators: { ...(row.etag ? { etag: row.etag } : {}), ...(row.last_modified ? { lastModified: row.last_modified } : {}) },
    errorsInRow: row.errors_in_row,
    lastError: row.last_error,
    nextPollAt: row.next_poll_at,
    itemCount: row.item_count,
    pendingCount: row.pending_count,
  };
}

/** host[:port] of a URL: the unit the fetcher is polite to. */
function hostOf(url: string | null): string | null {
  if (url === null) return null;
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}
