// The real seeds (../shared/seeds, not part of the project): ingested through the CLI, the wire text
// seeds 000 and 001 share and the paraphrased passage seeds 000 and 002 share come out as reuse links.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../cli/store-cli.js';

const SEEDS = join(import.meta.dirname, '../../../shared/seeds');
const seedFile = (prefix: string) => join(SEEDS, `${prefix}_${SEED_SUFFIX[prefix]}.txt`);
const SEED_SUFFIX: Readonly<Record<string, string>> = { '000': 'd961c134cf8dd27a', '001': '76a069b9c64a2473', '002': '1afb9acc236d71f6' };

interface Exported {
  articles: { id: string; text: string; origin: { path: string | null } }[];
  reuse: { kind: string; a: { articleId: string; start: number; end: number }; b: { articleId: string; start: number; end: number } }[];
}

const SKIP = existsSync(SEEDS) ? false : 'no ../shared/seeds here';

/** Ingests seeds 000–002 through the built CLI once and returns the export, with a way to find links by seed pair and text. */
function exportSeeds() {
  const dir = mkdtempSync(join(tmpdir(), 'st-seeds-reuse-'));
  const db = join(dir, 'seeds.db');
  const out = join(dir, 'export.json');
  const ingest = runCli(['ingest', '--quiet', '--db', db, seedFile('000'), seedFile('001'), seedFile('002')]);
  assert.ok(ingest.status === 0 || ingest.status === 1, ingest.stderr);
  const exported = runCli(['export', '--quiet', '--db', db, '--format', 'json', '--out', out]);
  assert.equal(exported.status, 0, exported.stderr);
  const data = JSON.parse(readFileSync(out, 'utf8')) as Exported;
  const byId = new Map(data.articles.map((a) => [a.id, a]));
  const seedOf = (id: string) => /(\d{3})_[0-9a-f]+\.txt$/.exec(byId.get(id)?.origin.path ?? '')?.[1];
  return (seeds: [string, string], phrase: RegExp, kind?: string) =>
    data.reuse.some((l) => {
      if (kind !== undefined && l.kind !== kind) return false;
      const sides = [l.a, l.b].map((s) => ({ seed: seedOf(s.articleId), text: byId.get(s.articleId)!.text.slice(s.start, s.end) }));
      return [sides[0]!.seed, sides[1]!.seed].sort().join() === seeds.join() && sides.every((s) => phrase.test(s.text));
    });
}

let linked: ReturnType<typeof exportSeeds> | undefined;
const linkedText = (seeds: [string, string], phrase: RegExp, kind?: string) => {
  linked ??= exportSeeds();
  return linked(seeds, phrase, kind);
};

test('seeds: the wire passage of 000 and 001 on "die ideologischen Ansätze der Ära des Kalten Krieges" is linked', { skip: SKIP }, () => {
  assert.ok(linkedText(['000', '001'], /ideologischen Ansätze[\s\S]*Kalten Krieges/));
});

// Seed 001 credits dpa, the roundup in 000 is dpa-AFX's: two rewrites of one agency text.
test('seeds: the wire text of 000 and 001, retold in other words, is shared wire', { skip: SKIP }, () => {
  assert.ok(linkedText(['000', '001'], /ideologischen Ansätze[\s\S]*Kalten Krieges/, 'shared-wire'));
  assert.ok(linkedText(['000', '001'], /Geiste der Freundschaft/, 'shared-wire'));
});

test('seeds: the paraphrased passage on the analysts in 000 (RT) and 002 is linked', { skip: SKIP }, () => {
  assert.ok(linkedText(['000', '002'], /Analysten/));
});

// Two wordings around one quoted phrase ("bezeichnete … als beispiellos. Sie entwickelten sich" /
// "„… beispiellosen Charakter angenommen“, sagte Putin. China und Russland seien").
test('seeds: the passage "im Geiste der Freundschaft" of 000 and 001 is linked', { skip: SKIP }, () => {
  assert.ok(linkedText(['000', '001'], /Geiste der Freundschaft/));
});
