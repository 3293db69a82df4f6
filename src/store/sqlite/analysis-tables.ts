/**
 * The browse tables of migration 6 (entities, article_entities, entity_names, quotes, quote_entities,
 * article_credits): written with each new article, and backfilled from the JSON columns of articles
 * stored before them. They let the web API answer entity pages, quote lists and facets from indexes.
 */
import type Database from 'better-sqlite3';
import type { Credit, EntityMention, Quote } from '../../article.js';
import { entityKeyOf } from '../browse.js';

/** What the browse tables are made of: the analysis parts of an article. */
export interface AnalysedParts {
  readonly outlet: string | null;
  readonly credits: readonly Credit[];
  readonly entities?: readonly EntityMention[] | undefined;
  readonly quotes?: readonly Quote[] | undefined;
}

/** How outlets and languages the pipeline could not tell are named in facets, filters and article_credits. */
export const UNKNOWN = '(unknown)';

export interface AnalysisWriter {
  /** Writes one newly stored article's rows; entities whose counts changed are remembered for `finish`. */
  write(seq: number, parts: AnalysedParts): void;
  /** Sets the display name and type of every entity touched since the last call (the most used ones). */
  finish(): void;
}

export function makeAnalysisWriter(db: Database.Database): AnalysisWriter {
  const upsertEntity = db.prepare(`
    INSERT INTO entities (key, type, name, mentions, articles) VALUES (?, ?, ?, ?, 1)
    ON CONFLICT (key) DO UPDATE SET mentions = mentions + excluded.mentions, articles = articles + 1
    RETURNING id`);
  const insertArticleEntity = db.prepare('INSERT INTO article_entities (entity_id, article_seq, mentions) VALUES (?, ?, ?)');
  const upsertName = db.prepare(`
    INSERT INTO entity_names (entity_id, name, type, mentions) VALUES (?, ?, ?, ?)
    ON CONFLICT (entity_id, name, type) DO UPDATE SET mentions = mentions + excluded.mentions`);
  const insertQuote = db.prepare('INSERT INTO quotes (article_seq, quote_index, speaker) VALUES (?, ?, ?)');
  const insertQuoteEntity = db.prepare('INSERT INTO quote_entities (entity_id, role, article_seq, quote_index) VALUES (?, ?, ?, ?)');
  const insertCredit = db.prepare('INSERT INTO article_credits (outlet, name, article_seq) VALUES (?, ?, ?) ON CONFLICT DO NOTHING');
  const refreshEntity = db.prepare(`
    UPDATE entities SET
      name = (SELECT name FROM entity_names WHERE entity_id = @id GROUP BY name ORDER BY sum(mentions) DESC, name LIMIT 1),
      type = (SELECT type FROM entity_names WHERE entity_id = @id GROUP BY type ORDER BY sum(mentions) DESC, type LIMIT 1)
    WHERE id = @id`);
  const touched = new Set<number>();
  return {
    write(seq, parts) {
      for (const credit of parts.credits) insertCredit.run(parts.outlet ?? UNKNOWN, credit.name, seq);
      const quotes = parts.quotes ?? [];
      quotes.forEach((quote, index) => {
        insertQuote.run(seq, index, quote.speaker);
      });
      for (const [key, mentions] of mentionsByKey(parts.entities ?? [])) {
        const first = mentions[0]!;
        const { id } = upsertEntity.get(key, first.type, first.text, mentions.length) as { id: number };
        touched.add(id);
        insertArticleEntity.run(id, seq, mentions.length);
        const names = new Map<string, number>();
        for (const m of mentions) names.set(`${m.type}\u0000${m.text}`, (names.get(`${m.type}\u0000${m.text}`) ?? 0) + 1);
        for (const [typeAndName, count] of names) {
          const [type, name] = typeAndName.split('\u0000') as [string, string];
          upsertName.run(id, name, type, count);
        }
        const spoken = new Set(mentions.map((m) => m.text));
        quotes.forEach((quote, index) => {
          const role = isSpokenBy(quote, mentions, spoken) ? 'speaker' : mentions.some((m) => quote.start <= m.start && m.end <= quote.end) ? 'about' : null;
          if (role !== null) insertQuoteEntity.run(id, role, seq, index);
        });
      }
    },
    finish() {
      for (const id of touched) refreshEntity.run({ id });
      touched.clear();
    },
  };
}

/** Rows read per step of the backfill: better-sqlite3 cannot write while a read is being iterated. */
const BACKFILL_PAGE = 500;

/** Migration 6's backfill: the browse tables for every article already stored. */
export function backfillAnalysisTables(db: Database.Database): void {
  const writer = makeAnalysisWriter(db);
  const page = db.prepare('SELECT seq, outlet, credits_json, entities_json, quotes_json FROM articles WHERE seq > ? ORDER BY seq LIMIT ?');
  let after = 0;
  for (;;) {
    const rows = page.all(after, BACKFILL_PAGE) as { seq: number; outlet: string | null; credits_json: string; entities_json: string | null; quotes_json: string | null }[];
    for (const row of rows) {
      writer.write(row.seq, {
        outlet: row.outlet,
        credits: JSON.parse(row.credits_json) as Credit[],
        entities: row.entities_json === null ? undefined : (JSON.parse(row.entities_json) as EntityMention[]),
        quotes: row.quotes_json === null ? undefined : (JSON.parse(row.quotes_json) as Quote[]),
      });
    }
    if (rows.length < BACKFILL_PAGE) break;
    after = rows.at(-1)!.seq;
  }
  writer.finish();
}

function mentionsByKey(mentions: readonly EntityMention[]): Map<string, EntityMention[]> {
  const byKey = new Map<string, EntityMention[]>();
  for (const mention of mentions) {
    const key = entityKeyOf(mention);
    const list = byKey.get(key);
    if (list === undefined) byKey.set(key, [mention]);
    else list.push(mention);
  }
  return byKey;
}

/** The speaker span overlaps one of the entity's mentions, or the speaker's display name is one of its names (a resolved pronoun). */
function isSpokenBy(quote: Quote, mentions: readonly EntityMention[], names: ReadonlySet<string>): boolean {
  if (quote.speakerStart !== null && quote.speakerEnd !== null) {
    const [start, end] = [quote.speakerStart, quote.speakerEnd];
    if (mentions.some((m) => m.start < end && start < m.end)) return true;
  }
  return quote.speaker !== null && names.has(quote.speaker);
}
