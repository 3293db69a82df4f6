import type BetterSqlite3 from 'better-sqlite3';
import { MIGRATIONS, migrateToLatest } from '../../src/store/sqlite/migrations.js';

/**
 * Applies one migration again to a database faked to look as the version before it left it. The
 * later migrations stay recorded, not re-run: their schema is already in place, and an ALTER TABLE
 * run twice fails.
 */
export function applyMigrationAlone(raw: BetterSqlite3.Database, version: number): void {
  const later = raw.prepare('SELECT version, name, applied_at FROM schema_migrations WHERE version > ?').all(version) as { version: number; name: string; applied_at: string }[];
  raw.prepare('DELETE FROM schema_migrations WHERE version >= ?').run(version);
  migrateToLatest(raw, MIGRATIONS.filter((m) => m.version <= version));
  const record = raw.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  for (const row of later) record.run(row.version, row.name, row.applied_at);
}
