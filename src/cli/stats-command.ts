/** `storytrace stats`: what the database holds, as counts per outlet, language and credited source. */
import type { CountByName, StoreStats } from '../store/store.js';
import { writeLine } from './output.js';
import { databasePathOf, openExistingStore, runStoreCommand, type DatabaseOptions } from './store-option.js';

export interface StatsCommandOptions extends DatabaseOptions {
  readonly json?: boolean;
}

export function runStatsCommand(options: StatsCommandOptions): Promise<number> {
  return runStoreCommand(async () => {
    const store = openExistingStore(options);
    try {
      const stats = await store.stats();
      await writeLine(options.json ? JSON.stringify(stats, null, 2) : formatStats(databasePathOf(options), stats));
      return 0;
    } finally {
      await store.close();
    }
  });
}

/** Outlets (and credited sources) listed by name before the rest are summed up: a screenful, not a wall. */
const LISTED_OUTLETS = 12;

export function formatStats(path: string, stats: StoreStats): string {
  const lines = [
    `${path} (schema ${stats.schemaVersion})`,
    `  articles     ${stats.articles}`,
    `  occurrences  ${stats.occurrences} (places the articles were found)`,
  ];
  if (stats.publishedRange) lines.push(`  published    ${stats.publishedRange.earliest} … ${stats.publishedRange.latest}`);
  lines.push(`  languages    ${formatCounts(stats.languages, Infinity)}`);
  lines.push(`  outlets      ${formatCounts(stats.outlets, LISTED_OUTLETS)}`);
  lines.push(`  credits      ${formatCounts(stats.credits, LISTED_OUTLETS)}`);
  return lines.join('\n');
}

function formatCounts(counts: readonly CountByName[], listed: number): string {
  if (counts.length === 0) return '(none)';
  const shown = counts.slice(0, listed).map((c) => `${c.name} ${c.count}`);
  const rest = counts.slice(listed);
  if (rest.length > 0) shown.push(`${rest.length} more (${rest.reduce((sum, c) => sum + c.count, 0)} articles)`);
  return shown.join(', ');
}
