/** StoryTables on SQLite: events and storylines, the evidence for each membership, recorded merges, outlet registry edits. */
import type Database from 'better-sqlite3';
import type { OutletColumns } from '../../records.js';
import type { EventCoreRow, StoryMemberRow, StoryRecord, StoryChangeRow, StoryTables, StoryUpdate } from '../stories.js';

/** A row of the stories table. */
export interface StoryRow {
  id: string;
  kind: 'event' | 'storyline';
  storyline_id: string | null;
  title: string | null;
  date_start: string | null;
  date_end: string | null;
  article_ids_json: string;
  summary_json: string;
  evidence_json: string;
}

interface MemberRow {
  article_id: string;
  event_id: string;
  event_day: string | null;
  matched_id: string | null;
  evidence_json?: string | null;
  features_json?: string | null;
}

const memberOf = (r: MemberRow): StoryMemberRow => ({
  articleId: r.article_id,
  eventId: r.event_id,
  eventDay: r.event_day,
  matchedId: r.matched_id,
  evidence: r.evidence_json === undefined ? undefined : r.evidence_json === null ? null : JSON.parse(r.evidence_json),
  ...(r.features_json === undefined ? {} : { features: r.features_json === null ? null : JSON.parse(r.features_json) }),
});

/** Many keys in one statement: a JSON array bound as one parameter. */
const IN_JSON = 'IN (SELECT value FROM json_each(?))';

export function makeSqliteStories(db: Database.Database): StoryTables {
  const recordOf = (row: StoryRow): StoryRecord => ({
    id: row.id,
    kind: row.kind,
    storylineId: row.storyline_id,
    title: row.title,
    dateStart: row.date_start,
    dateEnd: row.date_end,
    articleIds: JSON.parse(row.article_ids_json),
    summary: JSON.parse(row.summary_json),
    evidence: JSON.parse(row.evidence_json),
  });
  const insertStory = db.prepare(`
    INSERT INTO stories (id, kind, storyline_id, title, date_start, date_end, article_ids_json, summary_json, evidence_json, updated_at)
    VALUES (@id, @kind, @storyline_id, @title, @date_start, @date_end, @article_ids_json, @summary_json, @evidence_json, @updated_at)`);
  const upsertMember = db.prepare(`
    INSERT INTO story_members (article_id, event_id, event_day, matched_id, evidence_json)
    VALUES (@article_id, @event_id, @event_day, @matched_id, @evidence_json)
    ON CONFLICT (article_id) DO UPDATE SET event_id = excluded.event_id, matched_id = excluded.matched_id, evidence_json = excluded.evidence_json`);
  const insertChange = db.prepare('INSERT INTO story_changes (kind, into_id, from_id, reason, at) VALUES (?, ?, ?, ?, ?)');
  const upsertIndexedMember = db.prepare(`
    INSERT INTO story_members (article_id, event_id, event_day, matched_id, evidence_json, features_json)
    VALUES (@article_id, @event_id, @event_day, @matched_id, @evidence_json, @features_json)
    ON CONFLICT (article_id) DO UPDATE SET event_id = excluded.event_id, matched_id = excluded.matched_id,
      evidence_json = excluded.evidence_json, features_json = coalesce(excluded.features_json, features_json)`);
  // One statement for all keys of an update (hundreds per article): a call per key costs more than the writes.
  const addCounts = db.prepare(`
    INSERT INTO story_counts (key, df) SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(?) WHERE true
    ON CONFLICT (key) DO UPDATE SET df = df + excluded.df`);
  const insertPostings = db.prepare(`
    INSERT OR IGNORE INTO story_postings (key, article_id)
    SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(?)`);
  // Each key's postings are tallied beside its count (migration 14): counting a common key's rows on
  // every update cost more than placing the article.
  const postingSizes = db.prepare(`SELECT key, postings FROM story_counts WHERE key ${IN_JSON}`).raw();
  const addPostingSizes = db.prepare(`
    UPDATE story_counts SET postings = postings + added.n
    FROM (SELECT json_extract(value, '$[0]') AS key, json_extract(value, '$[1]') AS n FROM json_each(?)) AS added
    WHERE story_counts.key = added.key`);
  /**
   * A key stops taking articles at the cap, as the clusterer's own postings do. Sizes are read once
   * per update (a batch brings hundreds of thousands of postings, mostly to a few keys), after the
   * update's document frequencies are added, so every key has its row.
   */
  const addPostings = (postings: StoryUpdate['postings'], cap: number) => {
    const sizes = new Map(postingSizes.all(JSON.stringify([...new Set(postings.map(([key]) => key))])) as [string, number][]);
    const added = new Map<string, number>();
    const open = postings.filter(([key]) => {
      const n = sizes.get(key) ?? 0;
      if (n >= cap) return false;
      sizes.set(key, n + 1);
      added.set(key, (added.get(key) ?? 0) + 1);
      return true;
    });
    insertPostings.run(JSON.stringify(open));
    addPostingSizes.run(JSON.stringify([...added]));
  };
  const deleteCores = db.prepare('DELETE FROM story_event_cores WHERE event_id = ?');
  const insertCore = db.prepare('INSERT OR IGNORE INTO story_event_cores (event_id, entity_key) VALUES (?, ?)');
  const deleteStory = db.prepare('DELETE FROM stories WHERE id = ?');
  const upsertDigest = db.prepare('INSERT INTO story_event_digests (event_id, digest_json) VALUES (?, ?) ON CONFLICT (event_id) DO UPDATE SET digest_json = excluded.digest_json');
  const deleteDigest = db.prepare('DELETE FROM story_event_digests WHERE event_id = ?');
  const setStoryline = db.prepare('UPDATE stories SET storyline_id = ? WHERE id = ?');
  const writeStory = (s: StoryRecord, at: string) =>
    insertStory.run({
      id: s.id,
      kind: s.kind,
      storyline_id: s.storylineId,
      title: s.title,
      date_start: s.dateStart,
      date_end: s.dateEnd,
      article_ids_json: JSON.stringify(s.articleIds),
      summary_json: JSON.stringify(s.summary),
      evidence_json: JSON.stringify(s.evidence),
      updated_at: at,
    });
  // The reads of every story update, prepared once: preparing them on each call was ~5 % of a profile of single adds.
  const prepared = new Map<string, Database.Statement>();
  const statementOf = (sql: string): Database.Statement => {
    let statement = prepared.get(sql);
    if (statement === undefined) {
      statement = db.prepare(sql);
      prepared.set(sql, statement);
    }
    return statement;
  };
  return {
    async storyCounts(keys) {
      const rows = statementOf(`SELECT key, df FROM story_counts WHERE key ${IN_JSON}`).all(JSON.stringify(keys)) as { key: string; df: number }[];
      return new Map(rows.map((r) => [r.key, r.df]));
    },
    async storyPostings(keys, cap) {
      // Sizes first, so the articles of full keys are never read.
      const rows = statementOf(`SELECT key, article_id FROM story_postings WHERE key IN (SELECT key FROM story_counts WHERE key ${IN_JSON} AND postings < ?)`)
        .raw()
        .all(JSON.stringify(keys), cap) as [string, string][];
      const lists = new Map<string, string[]>();
      for (const [key, id] of rows) {
        const list = lists.get(key);
        if (list) list.push(id);
        else lists.set(key, [id]);
      }
      return lists;
    },
    async storyMembersOf({ articleIds = [], eventIds = [], withFeatures = true, withEvidence = true }) {
      const columns = `article_id, event_id, event_day, matched_id${withEvidence ? ', evidence_json' : ''}${withFeatures ? ', features_json' : ''}`;
      const rows = statementOf(`SELECT ${columns} FROM story_members WHERE article_id ${IN_JSON} UNION SELECT ${columns} FROM story_members WHERE event_id ${IN_JSON}`).all(JSON.stringify(articleIds), JSON.stringify(eventIds)) as MemberRow[];
      return rows.map(memberOf);
    },
    async eventCores({ entityKeys = [], storylineIds = [], eventIds = [] }) {
      const rows = statementOf(
        // The ids first, each through its index: an OR over the three would scan every event.
        `WITH ids (id) AS (
           SELECT event_id FROM story_event_cores WHERE entity_key ${IN_JSON}
           UNION SELECT id FROM stories WHERE storyline_id ${IN_JSON}
           UNION SELECT value FROM json_each(?))
         SELECT s.id AS event_id, c.entity_key, s.storyline_id, s.date_start
         FROM ids CROSS JOIN stories s ON s.id = ids.id LEFT JOIN story_event_cores c ON c.event_id = s.id
         WHERE s.kind = 'event'`,
      ).all(JSON.stringify(entityKeys), JSON.stringify(storylineIds), JSON.stringify(eventIds)) as { event_id: string; entity_key: string | null; storyline_id: string | null; date_start: string | null }[];
      const events = new Map<string, { eventId: string; storylineId: string | null; dateStart: string | null; core: string[] }>();
      for (const r of rows) {
        const e = events.get(r.event_id) ?? { eventId: r.event_id, storylineId: r.storyline_id, dateStart: r.date_start, core: [] };
        if (r.entity_key !== null) e.core.push(r.entity_key);
        events.set(r.event_id, e);
      }
      return [...events.values()] satisfies EventCoreRow[];
    },
    async storiesById(ids) {
      return (statementOf(`SELECT * FROM stories WHERE id ${IN_JSON}`).all(JSON.stringify(ids)) as StoryRow[]).map(recordOf);
    },
    async eventDigests(eventIds) {
      const rows = statementOf(`SELECT event_id, digest_json FROM story_event_digests WHERE event_id ${IN_JSON}`).raw().all(JSON.stringify(eventIds)) as [string, string][];
      return new Map(rows.map(([id, json]) => [id, JSON.parse(json)]));
    },
    async countStories(kind) {
      return (statementOf('SELECT count(*) AS n FROM stories WHERE kind = ?').get(kind) as { n: number }).n;
    },
    async storyIndexMissing() {
      const row = statementOf("SELECT NOT EXISTS (SELECT 1 FROM story_counts WHERE key = '') AND EXISTS (SELECT 1 FROM story_members) AS missing").get() as { missing: number };
      return row.missing === 1;
    },
    async applyStoryUpdate(update: StoryUpdate) {
      const at = new Date().toISOString();
      db.transaction(() => {
        if (update.replaceAll) for (const table of ['stories', 'story_event_cores', 'story_counts', 'story_postings', 'story_event_digests']) db.prepare(`DELETE FROM ${table}`).run();
        addCounts.run(JSON.stringify([...update.counts]));
        addPostings(update.postings, update.postingsCap);
        for (const m of update.members) {
          upsertIndexedMember.run({
            article_id: m.articleId,
            event_id: m.eventId,
            event_day: m.eventDay,
            matched_id: m.matchedId,
            evidence_json: m.evidence === null ? null : JSON.stringify(m.evidence),
            features_json: m.features === undefined ? null : JSON.stringify(m.features),
          });
        }
        for (const id of update.removed) {
          deleteStory.run(id);
          deleteCores.run(id);
          deleteDigest.run(id);
        }
        for (const [eventId, digest] of update.digests) upsertDigest.run(eventId, JSON.stringify(digest));
        for (const s of update.stories) {
          deleteStory.run(s.id);
          writeStory(s, at);
        }
        for (const [eventId, core] of update.eventCores) {
          deleteCores.run(eventId);
          for (const key of core) insertCore.run(eventId, key);
        }
        for (const [eventId, storylineId] of update.storylineOf) setStoryline.run(storylineId, eventId);
        for (const c of update.changes) insertChange.run(c.kind, c.into, c.from, c.reason, at);
      }).immediate();
    },
    async replaceStories(stories, members, changes) {
      const at = new Date().toISOString();
      db.transaction(() => {
        db.prepare('DELETE FROM stories').run();
        db.prepare('DELETE FROM story_event_digests').run();
        for (const s of stories) writeStory(s, at);
        for (const m of members) {
          upsertMember.run({
            article_id: m.articleId,
            event_id: m.eventId,
            event_day: m.eventDay,
            matched_id: m.matchedId,
            evidence_json: m.evidence === null ? null : JSON.stringify(m.evidence),
          });
        }
        for (const c of changes) insertChange.run(c.kind, c.into, c.from, c.reason, at);
      }).immediate();
    },
    async listStoryMembers() {
      const rows = db.prepare('SELECT article_id, event_id, event_day, matched_id, evidence_json FROM story_members ORDER BY rowid').all() as MemberRow[];
      return rows.map(memberOf);
    },
    async listStories(kind) {
      const rows = (
        kind === undefined
          ? db.prepare('SELECT * FROM stories ORDER BY date_start, id').all()
          : db.prepare('SELECT * FROM stories WHERE kind = ? ORDER BY date_start, id').all(kind)
      ) as StoryRow[];
      return rows.map(recordOf);
    },
    async getStory(id) {
      const row = db.prepare('SELECT * FROM stories WHERE id = ?').get(id) as StoryRow | undefined;
      return row === undefined ? null : recordOf(row);
    },
    async listOutletOverrides() {
      return db.prepare('SELECT name, domains, country, type, sanctions FROM outlet_overrides ORDER BY name').all() as OutletColumns[];
    },
    async putOutletOverride(row) {
      db.prepare(
        `INSERT INTO outlet_overrides (name, domains, country, type, sanctions, updated_at) VALUES (@name, @domains, @country, @type, @sanctions, @at)
         ON CONFLICT (name) DO UPDATE SET domains = excluded.domains, country = excluded.country, type = excluded.type,
           sanctions = excluded.sanctions, updated_at = excluded.updated_at`,
      ).run({ ...row, at: new Date().toISOString() });
    },
    async listStoryChanges() {
      return db.prepare('SELECT kind, into_id AS "into", from_id AS "from", reason, at FROM story_changes ORDER BY seq').all() as StoryChangeRow[];
    },
    async storyChangesOf(storyIds) {
      return db
        .prepare(
          `SELECT kind, into_id AS "into", from_id AS "from", reason, at FROM story_changes
           WHERE seq IN (SELECT seq FROM story_changes WHERE into_id ${IN_JSON} UNION SELECT seq FROM story_changes WHERE from_id ${IN_JSON})
           ORDER BY seq`,
        )
        .all(JSON.stringify(storyIds), JSON.stringify(storyIds)) as StoryChangeRow[];
    },
    async unplacedArticleIds() {
      const rows = db.prepare('SELECT id FROM articles WHERE NOT EXISTS (SELECT 1 FROM story_members WHERE article_id = articles.id) ORDER BY seq').raw().all() as [string][];
      return rows.map(([id]) => id);
    },
  };
}
