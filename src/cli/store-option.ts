/**
 * The `--db` option every store command shares: where the database is, opening it, and turning
 * storage failures into the one-line error and exit code the CLI promises.
 */
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';
import { StoreSchemaError } from '../store/sqlite/migrations.js';
import type { Store } from '../store/store.js';
import { EXIT_CODES, type ExitCode } from './exit-codes.js';

export const DEFAULT_DATABASE_PATH = './storytrace.db';
export const DATABASE_OPTION_HELP = `SQLite database file (default: $STORYTRACE_DB, else ${DEFAULT_DATABASE_PATH})`;

export interface DatabaseOptions {
  readonly db?: string;
}

/** A failure the user can act on: printed as one line, then the command exits with `exitCode`. */
export class CommandError extends Error {
  override readonly name = 'CommandError';
  constructor(
    message: string,
    readonly exitCode: ExitCode,
  ) {
    super(message);
  }
}

export function databasePathOf(options: DatabaseOptions): string {
  return options.db ?? process.env.STORYTRACE_DB ?? DEFAULT_DATABASE_PATH;
}

/** Opens the store for writing, creating the file when it does not exist yet. */
export function openStoreForWriting(options: DatabaseOptions): Store {
  return openSqliteStore(databasePathOf(options));
}

/** Opens an existing store; a missing file is a usage error, not a silently created empty database. */
export function openExistingStore(options: DatabaseOptions): Store {
  const path = databasePathOf(options);
  if (!existsSync(path)) {
    throw new CommandError(`no database at ${path}; run "storytrace ingest PATH…" first, or give --db FILE`, EXIT_CODES.database);
  }
  return openSqliteStore(path, { mustExist: true });
}

/**
 * Runs a store command and answers with its exit code. Known failures (a bad option, a locked or
 * corrupt database, a schema from a newer version) become one line on stderr; our own bugs still throw
 * (main turns them into exit code 70).
 */
export async function runStoreCommand(command: () => Promise<number>): Promise<number> {
  try {
    return await command();
  } catch (error) {
    if (error instanceof CommandError) {
      process.stderr.write(`storytrace: ${error.message}\n`);
      return error.exitCode;
    }
    if (error instanceof Database.SqliteError || error instanceof StoreSchemaError) {
      process.stderr.write(`storytrace: database error: ${error.message}\n`);
      return EXIT_CODES.database;
    }
    // a file named on the command line (--out) that cannot be written
    if (isFileSystemError(error)) {
      process.stderr.write(`storytrace: ${error.message}\n`);
      return EXIT_CODES.usage;
    }
    throw error;
  }
}

function isFileSystemError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && 'syscall' in error;
}
