/** The reading options `process`, `ingest` and `watch` share (--allow-private, --timeout, --max-bytes), parsed once here. */
import { InvalidArgumentError, type Command } from 'commander';
import type { ReadOptions } from '../ingest/read-inputs.js';

export interface ReadCliOptions {
  readonly allowPrivate?: boolean;
  /** Seconds, already parsed. */
  readonly timeout?: number;
  /** Bytes, already parsed. */
  readonly maxBytes?: number;
}

const BYTE_COUNT = /^(\d+(?:\.\d+)?)\s*([kmg]i?b?|b)?$/i;
const BYTE_UNITS: Readonly<Record<string, number>> = { '': 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };

export function addReadOptions(command: Command): Command {
  return command
    .option('--allow-private', 'fetch URLs on loopback, private and link-local addresses (refused by default)')
    .option('--timeout <seconds>', 'time limit per URL, redirects and body included (default: 30)', parseSeconds)
    .option('--max-bytes <size>', 'refuse larger inputs: files, stdin, URL bodies, unpacked gzip; 500k, 50M, 1G (default: 50M)', parseByteCount);
}

export function readOptionsFrom(options: ReadCliOptions): Partial<ReadOptions> {
  return {
    ...(options.allowPrivate ? { allowPrivate: true } : {}),
    ...(options.timeout !== undefined ? { timeoutMs: options.timeout * 1000 } : {}),
    ...(options.maxBytes !== undefined ? { maxInputBytes: options.maxBytes } : {}),
  };
}

export function parseSeconds(text: string): number {
  const seconds = Number(text);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new InvalidArgumentError(`"${text}" is not a number of seconds above 0`);
  return seconds;
}

/** "50M" → 52428800: binary units, as `ls -lh` and `du -h` show sizes. */
export function parseByteCount(text: string): number {
  const match = BYTE_COUNT.exec(text.trim());
  if (!match) throw new InvalidArgumentError(`"${text}" is not a size; give bytes or 500k, 50M, 1G`);
  const unit = BYTE_UNITS[(match[2] ?? '').charAt(0).toLowerCase()] ?? 1;
  const bytes = Math.floor(Number(match[1]) * unit);
  if (bytes < 1) throw new InvalidArgumentError(`"${text}" is below one byte`);
  return bytes;
}
