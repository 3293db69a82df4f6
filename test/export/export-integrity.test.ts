/**
 * The JSON export is one self-contained document: every id referenced anywhere in it (articles, entities,
 * quotes, reuse links, stories and their evidence) resolves inside it. Runs the built CLI on the demo corpus.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_CORPUS_PATH } from '../../src/cli/demo-command.js';
import { runCli } from '../cli/store-cli.js';

interface Export {
  articles: { id: string; entities: { canonical: string | null }[]; quotes: { speakerId?: string | null }[] }[];
  entities: { id: string; articles: string[] }[];
  quotes: { articleId: string; speakerId?: string | null }[];
  reuse: { id: string }[];
  stories: { id: string; kind: string }[];
}

/** Field names that hold ids, wherever they sit in the document, and what they must name. */
const ARTICLE_FIELDS = new Set(['articleId', 'articleIds', 'matched', 'from', 'articles']);
const STORY_FIELDS = new Set(['storylineId', 'eventId', 'events']);
const LINK_FIELDS = new Set(['linkId']);
const ENTITY_FIELDS = new Set(['canonical', 'speakerId']);
/** Story evidence compares entities by key: people, countries and governments by id; other names by `name:NAME`; unresolved names as `~word`. */
const STORY_ENTITY_FIELDS = new Set(['key', 'storylineEntities', 'sharedEntities', 'uniqueEntities', 'leftOut', 'entities', 'statements']);

function* idsUnder(value: unknown, field: string, path: string): Generator<{ field: string; id: string; path: string }> {
  if (Array.isArray(value)) for (const [i, item] of value.entries()) yield* idsUnder(item, field, `${path}[${i}]`);
  else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) yield* idsUnder(item, key, `${path}.${key}`);
  else if (typeof value === 'string') yield { field, id: value, path };
}

test('export json: every id referenced anywhere resolves inside the export', () => {
  const dir = mkdtempSync(join(tmpdir(), 'st-export-ids-'));
  const db = join(dir, 'demo.db');
  const out = join(dir, 'export.json');
  assert.equal(runCli(['ingest', '--quiet', '--db', db, DEMO_CORPUS_PATH]).status, 0);
  const exported = runCli(['export', '--format', 'json', '--quiet', '--db', db, '--out', out]);
  assert.equal(exported.status, 0, exported.stderr);
  const doc = JSON.parse(readFileSync(out, 'utf8')) as Export;

  const articles = new Set(doc.articles.map((a) => a.id));
  const entities = new Set(doc.entities.map((e) => e.id));
  const stories = new Set(doc.stories.map((s) => s.id));
  const links = new Set(doc.reuse.map((l) => l.id));
  for (const [name, ids, list] of [['articles', articles, doc.articles], ['entities', entities, doc.entities], ['stories', stories, doc.stories], ['reuse', links, doc.reuse]] as const) {
    assert.equal(ids.size, list.length, `${name} ids are unique`);
  }
  // the demo corpus fills every part, so an empty one would be a broken export, not a quiet pass
  assert.ok(doc.entities.length > 10 && doc.quotes.length > 10 && doc.reuse.length > 0 && doc.stories.some((s) => s.kind === 'storyline'));
  assert.equal(doc.quotes.length, doc.articles.reduce((sum, a) => sum + a.quotes.length, 0), 'one quote record per quote');

  const nameKeys = new Set([...entities].map((id) => id.replace(/^(?:org|place|other):/, 'name:')));
  const unresolved: string[] = [];
  let checked = 0;
  for (const part of ['articles', 'entities', 'quotes', 'reuse', 'stories'] as const) {
    for (const { field, id, path } of idsUnder(doc[part], part, part)) {
      const inStoryEvidence = part === 'stories' && STORY_ENTITY_FIELDS.has(field) && path.includes('.evidence.');
      let resolves: boolean | null = null;
      if (part === 'entities' && field === 'id') continue;
      if (ARTICLE_FIELDS.has(field) && !(part === 'stories' && field === 'events')) resolves = articles.has(id);
      else if (STORY_FIELDS.has(field)) resolves = stories.has(id);
      else if (LINK_FIELDS.has(field)) resolves = links.has(id);
      else if (ENTITY_FIELDS.has(field)) resolves = entities.has(id);
      else if (inStoryEvidence) resolves = id.startsWith('~') || entities.has(id) || nameKeys.has(id);
      if (resolves === null) continue;
      checked += 1;
      if (!resolves) unresolved.push(`${path} = ${id}`);
    }
  }
  assert.ok(checked > 500, `only ${checked} references checked`);
  assert.deepEqual(unresolved, []);
});
