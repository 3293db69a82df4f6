/** Shared by the store command tests: run the built CLI, and make a scratch folder with the small corpus. */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const BIN = join(import.meta.dirname, '../../bin/storytrace.js');
export const SMALL_CORPUS = join(import.meta.dirname, '../fixtures/store/small-german-corpus');

export function runCli(args: string[], env: NodeJS.ProcessEnv = {}): SpawnSyncReturns<string> {
  const childEnv = { ...process.env, ...env };
  delete childEnv.STORYTRACE_DB;
  if (env.STORYTRACE_DB !== undefined) childEnv.STORYTRACE_DB = env.STORYTRACE_DB;
  return spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: childEnv });
}

/** A fresh folder holding the corpus's .txt files under `inputs/`, and the path a database may take. */
export function scratchWithCorpus(): { dir: string; inputs: string; db: string } {
  const dir = mkdtempSync(join(tmpdir(), 'st-store-cli-'));
  const inputs = join(dir, 'inputs');
  mkdirSync(inputs);
  for (const name of readdirSync(SMALL_CORPUS).filter((n) => n.endsWith('.txt'))) {
    copyFileSync(join(SMALL_CORPUS, name), join(inputs, name));
  }
  return { dir, inputs, db: join(dir, 'test.db') };
}

export function ingest(inputs: string[], db: string): SpawnSyncReturns<string> {
  return runCli(['ingest', '--quiet', '--db', db, ...inputs]);
}
