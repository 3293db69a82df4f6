import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest, runCli } from './store-cli.js';

const CASE = join(import.meta.dirname, '../fixtures/provenance/blog-reposts-outlet-with-attribution');
const DEMO = join(import.meta.dirname, '../../demo');

interface Exported {
  articles: { id: string; text: string; origin: { path: string | null; record: string | null; segment: number | null } }[];
  reuse: { id: string; kind: string; a: { articleId: string; start: number; end: number }; b: { articleId: string; start: number; end: number }; score: number; direction: { from: string | null } }[];
}

function exportJson(db: string): Exported {
  const result = runCli(['export', '--quiet', '--format', 'json', '--db', db]);
  assert.equal(result.status, 0, result.stderr);
  return JSON.parse(result.stdout) as Exported;
}

test('ingest stores reuse links, export json lists them, re-ingest adds none; provenance, outlets and the graph formats read them', () => {
  const db = join(mkdtempSync(join(tmpdir(), 'st-provenance-cli-')), 'test.db');
  const files = ['original.txt', 'unrelated.txt', 'copy.txt'].map((f) => join(CASE, f));
  assert.equal(ingest(files.slice(0, 2), db).status, 0);
  const second = runCli(['ingest', '--db', db, files[2]!]);
  assert.equal(second.status, 0, second.stderr);
  assert.match(second.stdout, /[1-9]\d* reuse links/);

  const first = exportJson(db);
  const copy = first.articles.find((a) => a.origin.path?.endsWith('copy.txt'))!;
  const original = first.articles.find((a) => a.origin.path?.endsWith('original.txt'))!;
  assert.ok(first.reuse.length >= 1);
  for (const link of first.reuse) {
    assert.deepEqual([link.a.articleId, link.b.articleId], [copy.id, original.id]);
    assert.ok(link.score > 0 && link.score <= 1);
  }
  assert.ok(first.reuse.some((l) => /Oberen Salm/.test(copy.text.slice(l.a.start, l.a.end))));

  assert.equal(ingest(files, db).status, 0);
  assert.deepEqual(exportJson(db).reuse.map((l) => l.id), first.reuse.map((l) => l.id));

  const provenance = runCli(['provenance', '--json', '--db', db, copy.id.slice(0, 8)]);
  assert.equal(provenance.status, 0, provenance.stderr);
  const parsed = JSON.parse(provenance.stdout) as { reusedShare: number; passages: unknown[] };
  assert.ok(parsed.reusedShare > 0.5 && parsed.reusedShare < 1, `reused share ${parsed.reusedShare}`);
  assert.equal(runCli(['outlets', '--db', db]).status, 0);

  const gexf = runCli(['export', '--quiet', '--format', 'gexf', '--db', db]).stdout;
  assert.equal(gexf.match(/<edge id="[0-9a-f]{16}"/g)?.length, first.reuse.length);
  const unknown = runCli(['export', '--format', 'dot', '--db', db]);
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /gexf, graphml/);
});

interface Planted {
  copies: { from: string; to: string; kind: string }[];
  compound: { file: string; parts: { index: number; startsWith?: string }[] };
}

test('demo corpus: every planted copy is linked, from the planted source where the direction is knowable', () => {
  const db = join(mkdtempSync(join(tmpdir(), 'st-provenance-demo-')), 'demo.db');
  assert.ok([0, 1].includes(ingest([join(DEMO, 'corpus')], db).status ?? -1));
  const exported = exportJson(db);
  const planted = JSON.parse(readFileSync(join(DEMO, 'planted.json'), 'utf8')) as Planted;
  const idOf = (key: string): string => {
    const [file, rest] = key.split('#') as [string, string | undefined];
    const inFile = exported.articles.filter((a) => a.origin.path?.endsWith(`/${file}`));
    const part = /^part-(\d+)$/.exec(rest ?? '');
    // The compound page's parts that are articles become its segments, in page order (the link card does not).
    const articleParts = planted.compound.parts.filter((p) => p.startsWith !== undefined).map((p) => p.index);
    const found = part
      ? inFile.find((a) => a.origin.segment === articleParts.indexOf(Number(part[1])))
      : inFile.find((a) => rest === undefined || a.origin.record === rest);
    assert.ok(found, `no article for ${key}`);
    return found.id;
  };
  for (const copy of planted.copies) {
    const [from, to] = [idOf(copy.from), idOf(copy.to)];
    const links = exported.reuse.filter((l) => new Set([l.a.articleId, l.b.articleId, from, to]).size === 2);
    assert.ok(links.length > 0, `${copy.from} → ${copy.to} not linked`);
    // An agency's later roundup credits the agency its source also names: dates are the only clue there.
    if (copy.kind !== 'agency-update') assert.ok(links.some((l) => l.direction.from === from), `${copy.to}: direction`);
  }
});
