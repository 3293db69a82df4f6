/** StoryTables on SQLite: events and storylines, the evidence for each membership, recorded merges, outlet registry edits. */
import type Database from 'better-sqlite3';
import type { OutletColumns } from '../../story/outlets/outlet-registry.js';
import type { StoryMemberRow, StoryRecord, StoryChangeRow, StoryTables } from '../stories.js';

interface StoryRow {
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
  return {
    async replaceStories(stories, members, changes) {
      const at = new Date().toISOString();
      db.transaction(() => {
        db.prepare('DELETE FROM stories').run();
        for (const s of stories) {
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
        }
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
      const rows = db.prepare('SELECT article_id, event_id, event_day, matched_id, evidence_json FROM story_members ORDER BY rowid').all() as {
        article_id: string;
        event_id: string;
        event_day: string | null;
        matched_id: string | null;
        evidence_json: string | null;
      }[];
      return rows.map(
        (r): StoryMemberRow => ({
          articleId: r.article_id,
          eventId: r.event_id,
          eventDay: r.event_day,
          matchedId: r.matched_id,
          evidence: r.evidence_json === null ? null : JSON.parse(r.evidence_json),
        }),
      );
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
  };
}
