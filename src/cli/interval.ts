/** Durations as people write them on the command line ("30s", "10m", "1.5h", "500ms") and as lists show them. */
import { InvalidArgumentError } from 'commander';

const DURATION = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)?$/i;
const UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
/** Polling a source faster than this is no longer watching news but load on someone's server. */
const MIN_INTERVAL_MS = 1000;

/** "10m" → 600000; a bare number is seconds; `minMs` is the shortest accepted. */
export function parseDuration(text: string, minMs: number): number {
  const match = DURATION.exec(text.trim());
  if (!match) throw new InvalidArgumentError(`"${text}" is not a duration; give 30s, 10m, 1h or 500ms`);
  const ms = Number(match[1]) * UNIT_MS[(match[2] ?? 's').toLowerCase()]!;
  if (ms < minMs) throw new InvalidArgumentError(`"${text}" is shorter than ${formatInterval(minMs)}`);
  return ms;
}

/** How often a source is polled: at least a second. */
export function parseInterval(text: string): number {
  return parseDuration(text, MIN_INTERVAL_MS);
}

/** 900000 → "15m", 5400000 → "1.5h", 2000 → "2s", 200 → "200ms". */
export function formatInterval(ms: number): string {
  for (const unit of ['h', 'm', 's'] as const) {
    const value = ms / UNIT_MS[unit]!;
    if (value >= 1) return `${Math.round(value * 10) / 10}${unit}`;
  }
  return `${ms}ms`;
}
