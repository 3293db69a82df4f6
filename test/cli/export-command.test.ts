import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ingest, runCli, scratchWithCorpus } from './store-cli.js';

const CONTRACT_FIELDS = ['id', 'origin', 'title', 'text', 'published', 'language', 'outlet', 'credits', 'entities', 'quotes'];

function ingestedCorpus() {
  const scratch = scratchWithCorpus();
  assert.equal(ingest([scratch.inputs], scratch.db).status, 0);
  return scratch;
}

test('export --format json is one document with the contract records and the empty later sections', () => {
  const { db } = ingestedCorpus();
  const result = runCli(['export', '--format', 'json', '--db', db]);
  assert.equal(result.status, 0, result.stderr);
  const exported = JSON.parse(result.stdout);
  assert.deepEqual(Object.keys(exported), ['articles', 'entities', 'quotes', 'reuse', 'stories']);
  assert.equal(exported.articles.length, 3);
  for (const record of exported.articles) {
    for (const field of CONTRACT_FIELDS) assert.ok(field in record, `missing ${field}`);
    assert.deepEqual(record.occurrences.map((o: { path: string }) => o.path), [record.origin.path]);
  }
  assert.match(result.stderr, /exported 3 articles as json/);
});

test('export --format jsonl writes one record per line, the same records as json', () => {
  const { db } = ingestedCorpus();
  const lines = runCli(['export', '--quiet', '--format', 'jsonl', '--db', db]).stdout.trim().split('\n');
  const json = JSON.parse(runCli(['export', '--quiet', '--format', 'json', '--db', db]).stdout);
  assert.deepEqual(lines.map((l) => JSON.parse(l)), json.articles);
});

test('export --format csv has a header and one parseable row per article, text quoted', () => {
  const { db } = ingestedCorpus();
  const csv = runCli(['export', '--quiet', '--format', 'csv', '--db', db]).stdout;
  const rows = parseCsv(csv);
  assert.equal(rows.length, 4);
  const header = rows[0]!;
  assert.equal(header[0], 'id');
  const textColumn = header.indexOf('text');
  const garantien = rows.find((r) => r[header.indexOf('title')] === 'Moskau fordert schriftliche Sicherheitsgarantien');
  assert.ok(garantien);
  assert.equal(garantien.length, header.length);
  assert.match(garantien[textColumn]!, /Sicherheitsgarantien verlangt/);
  assert.match(garantien[textColumn]!, /\n\n/, 'paragraph breaks survive inside the quoted field');
});

test('export --out writes the file and nothing to stdout', () => {
  const { dir, db } = ingestedCorpus();
  const out = join(dir, 'story.json');
  const result = runCli(['export', '--format', 'json', '--out', out, '--db', db]);
  assert.equal(result.status, 0, result.stderr);
  assert.equal(result.stdout, '');
  assert.equal(JSON.parse(readFileSync(out, 'utf8')).articles.length, 3);
  assert.equal(existsSync(`${out}.partial`), false);
});

test('export names the valid formats when given an unknown one: exit 2', () => {
  const { db } = ingestedCorpus();
  const result = runCli(['export', '--format', 'xml', '--db', db]);
  assert.equal(result.status, 2);
  assert.match(result.stderr, /unknown format "xml"; known formats: json, jsonl, csv/);
});

test('export from a database that does not exist is one line and exit 4 (database problem), and creates no file', () => {
  const { dir } = scratchWithCorpus();
  const missing = join(dir, 'nichts.db');
  const result = runCli(['export', '--format', 'json', '--db', missing]);
  assert.equal(result.status, 4);
  assert.equal(result.stderr.trim().split('\n').length, 1);
  assert.match(result.stderr, /no database at/);
  assert.equal(existsSync(missing), false);
});

/** RFC 4180 reader, just enough to check what the writer produced. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

test('export takes the search filters: only the matching articles, with the stories that hold them, in the same contract', () => {
  const { db } = ingestedCorpus();
  const german = JSON.parse(runCli(['export', '--quiet', '--format', 'json', '--language', 'de', '--db', db]).stdout);
  assert.deepEqual(Object.keys(german), ['articles', 'entities', 'quotes', 'reuse', 'stories']);
  assert.deepEqual(german.articles.map((a: { title: string }) => a.title).sort(), ['Moskau fordert schriftliche Sicherheitsgarantien', 'Stadtrat beschließt neuen Radweg']);
  for (const story of german.stories as { articleIds: string[] }[]) {
    assert.ok(story.articleIds.some((id) => german.articles.some((a: { id: string }) => a.id === id)), 'every story exported holds an exported article');
  }
  const found = runCli(['export', '--format', 'jsonl', '--query', 'Sicherheitsgarantie', '--db', db]);
  assert.equal(found.status, 0, found.stderr);
  assert.deepEqual(found.stdout.trim().split('\n').map((l) => JSON.parse(l).title), ['Moskau fordert schriftliche Sicherheitsgarantien']);
  assert.match(found.stderr, /exported 1 articles as jsonl/);
  assert.equal(runCli(['export', '--quiet', '--format', 'jsonl', '--query', 'Radweg', '--language', 'en', '--db', db]).stdout, '');
  const badDate = runCli(['export', '--format', 'json', '--from', 'gestern', '--db', db]);
  assert.equal(badDate.status, 2);
  assert.match(badDate.stderr, /--from "gestern" is not a date like 2025/);
});
