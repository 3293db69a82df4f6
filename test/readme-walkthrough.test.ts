/**
 * The README cannot drift: every `sh` block in it made only of storytrace commands that need no network
 * and end by themselves is run, line by line as a shell would, against the built CLI in a scratch folder.
 * Blocks with anything else (npm, a server, a URL) are left out, so new sections may add such blocks freely.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
/** Commands that run until stopped or open a server. */
const LONG_RUNNING = new Set(['serve', 'demo', 'watch', 'follow']);
const SH_BLOCK = /^```sh\n([\s\S]*?)^```$/gm;

function runnableBlocks(readme: string): string[] {
  return [...readme.matchAll(SH_BLOCK)].map((m) => m[1]!).filter(isOfflineStorytraceBlock);
}

function isOfflineStorytraceBlock(block: string): boolean {
  const commands = block
    .split('\n')
    .map((line) => line.replace(/\s+#.*$/, '').trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  return (
    commands.length > 0 &&
    !/https?:\/\//.test(block) &&
    commands.every((line) => {
      const command = /^(?:\w+=\$\()?storytrace\s+([\w-]+)/.exec(line);
      return command !== null && !LONG_RUNNING.has(command[1]!);
    })
  );
}

test('readme: the walk-through blocks are found, and blocks that need a server, npm or the network are not', () => {
  const blocks = runnableBlocks(readFileSync(join(ROOT, 'README.md'), 'utf8'));
  assert.ok(blocks.some((b) => b.includes('storytrace ingest demo/corpus')), 'the walk-through block');
  assert.deepEqual(runnableBlocks('```sh\nnpm install && npm start\n```\n```sh\nstorytrace serve --db x.db\n```\n```sh\nstorytrace ingest https://example.org/feed\n```\n'), []);
});

test('readme: every offline storytrace block runs to the end with exit 0', () => {
  const dir = mkdtempSync(join(tmpdir(), 'st-readme-'));
  const bin = join(dir, 'bin');
  const work = join(dir, 'work');
  for (const folder of [bin, work]) mkdirSync(folder);
  // `storytrace` as an installed package would put it on the PATH
  writeFileSync(join(bin, 'storytrace'), `#!/bin/sh\nexec "${process.execPath}" "${join(ROOT, 'bin/storytrace.js')}" "$@"\n`);
  chmodSync(join(bin, 'storytrace'), 0o755);
  symlinkSync(join(ROOT, 'demo'), join(work, 'demo'));
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${bin}:${process.env.PATH}` };
  delete env.STORYTRACE_DB;
  for (const block of runnableBlocks(readFileSync(join(ROOT, 'README.md'), 'utf8'))) {
    const result = spawnSync('bash', ['-e', '-o', 'pipefail', '-c', block], { cwd: work, env, encoding: 'utf8' });
    assert.equal(result.status, 0, `this README block failed:\n${block}\n${result.stderr}`);
  }
});
