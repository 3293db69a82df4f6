/**
 * Turns what the user named (files, directories, "-", URLs) into RawDocuments, one per article-sized
 * input: a file, a JSON Lines record, a feed item, a WARC response. Unreadable inputs become a
 * RawDocument carrying a fatal message, so the runner reports them in order and goes on.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { RawDocument } from '../article.js';
import { diagnostic } from '../diagnostic.js';

export interface ReadOptions {
  /** Files larger than this are refused (bytes). 50 MB holds any real article page or feed; a 1 GB log is not news. */
  readonly maxFileBytes: number;
}

export const DEFAULT_READ_OPTIONS: ReadOptions = { maxFileBytes: 50 * 1024 * 1024 };

export async function* readInputs(
  specs: readonly string[],
  options: Partial<ReadOptions> = {},
): AsyncGenerator<RawDocument> {
  const opts = { ...DEFAULT_READ_OPTIONS, ...options };
  for (const spec of specs) yield* readPath(spec, opts);
}

async function* readPath(path: string, opts: ReadOptions): AsyncGenerator<RawDocument> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    yield failedInput(path, 'not-found', `cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    return;
  }
  if (info.isDirectory()) {
    const entries = (await readdir(path)).filter((name) => !name.startsWith('.')).sort();
    for (const name of entries) yield* readPath(join(path, name), opts);
    return;
  }
  if (info.size > opts.maxFileBytes) {
    yield failedInput(path, 'too-large', `${info.size} bytes is over the ${opts.maxFileBytes}-byte limit; skipped`);
    return;
  }
  const bytes = await readFile(path);
  const ext = extname(path).toLowerCase();
  yield {
    origin: { path, url: null, record: null, segment: null },
    format: ext === '.html' || ext === '.htm' ? 'html' : 'text',
    content: bytes,
    hints: {},
    label: path,
    messages: [],
  };
}

export function failedInput(label: string, rule: string, reason: string, path: string | null = label): RawDocument {
  return {
    origin: { path, url: null, record: null, segment: null },
    format: 'text',
    content: '',
    hints: {},
    label,
    messages: [diagnostic('fatal', 'ingest', rule, reason)],
  };
}


