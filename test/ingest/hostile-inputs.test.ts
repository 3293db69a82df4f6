// End to end through `storytrace process` (the built CLI in dist/): every hostile input gets exactly
// one line naming it, the good inputs between them still come out, and the exit code says some failed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BIN = join(import.meta.dirname, '../../bin/storytrace.js');
const FIXTURES = join(import.meta.dirname, '../fixtures/ingest');

function runCli(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args]);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

test('hostile inputs: one line each naming the input and reason, the rest goes in, exit 1', async (t) => {
  const server = createServer(() => {
    /* never answers: the URL must time out */
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => {
    server.closeAllConnections();
    server.close();
  });
  const slowUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/meldung`;

  const dir = mkdtempSync(join(tmpdir(), 'st-hostile-'));
  const path = (name: string) => join(dir, name);
  writeFileSync(path('01-leer.txt'), '');
  writeFileSync(path('02-bild.txt'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]));
  writeFileSync(path('03-riesig.txt'), '');
  truncateSync(path('03-riesig.txt'), 50 * 1024 * 1024 + 1);
  writeFileSync(path('04-windows-1252.txt'), Buffer.from('Straßenfest in Göppingen\n\nDas Straßenfest zieht viele Besucher an, berichten die Veranstalter.\n', 'latin1'));
  const page = gzipSync(`<html><body>${'<p>Ein Absatz über den Umbau des Bahnhofs in Kesselbach.</p>'.repeat(300)}</body></html>`);
  writeFileSync(path('05-abgeschnitten.html.gz'), page.subarray(0, page.length >> 1));
  copyFileSync(join(FIXTURES, 'malformed-html/input.html'), path('06-kaputt.html'));
  writeFileSync(path('07-meldungen.jsonl'), ['{"id":"a","text":"Die Fähre fährt wieder nach Plan, sagte die Reederei."}', '{"id":"b","text": kaputt}', '{"id":"c","text":"Der Markt öffnet am Samstag schon um sieben Uhr."}'].join('\n'));
  copyFileSync(join(FIXTURES, 'feed-invalid-xml/input.rss'), path('08-flussbote.rss'));

  const result = await runCli(['process', '--quiet', '--allow-private', '--timeout', '0.5', dir, slowUrl]);
  assert.equal(result.status, 1, result.stderr);
  const lines = result.stderr.trim().split('\n');
  const expected: [string, RegExp][] = [
    [path('01-leer.txt'), /ingest\/empty/],
    [path('02-bild.txt'), /ingest\/binary-content/],
    [path('03-riesig.txt'), /ingest\/too-large: 52428801 bytes is over/],
    [path('05-abgeschnitten.html.gz'), /ingest\/truncated-gzip/],
    [`${path('07-meldungen.jsonl')}, line 2`, /ingest\/invalid-json/],
    [`${path('08-flussbote.rss')}, line 13`, /ingest\/invalid-xml/],
    [slowUrl, /ingest\/timeout/],
  ];
  assert.equal(lines.length, expected.length, result.stderr);
  expected.forEach(([label, rule], i) => {
    assert.ok(lines[i]!.startsWith(`${label}: `), `line ${i}: ${lines[i]}`);
    assert.match(lines[i]!, rule);
  });
  const articles = result.stdout.trim().split('\n').map((line) => JSON.parse(line) as { text: string; origin: { path: string } });
  const texts = articles.map((a) => a.text).join('\n');
  assert.match(texts, /Das Straßenfest zieht viele Besucher an/, 'Windows-1252 text goes in, decoded');
  assert.match(texts, /Busse fahren nach Sonderfahrplan/, 'malformed HTML goes in');
  assert.match(texts, /Der Markt öffnet am Samstag/, 'the JSONL line after the broken one goes in');
  assert.match(texts, /Fähre und Busse fahren trotz Hochwasser/, 'feed items after the XML error go in');
});
