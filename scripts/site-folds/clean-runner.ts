/**
 * Runs the clean stages (decode, page reader, boilerplate, compound split, publication date) over
 * the pages of the evaluation sets with given options, in process: what `storytrace process`
 * prints as `text` and `published`, without the language analysis the scorers do not read.
 * Read pages are kept per page-reader options, so options that only change boilerplate removal
 * do not read the pages again.
 */
import { join } from 'node:path';
import type { RawDocument } from '../../src/article.js';
import type { Diagnostic } from '../../src/diagnostic.js';
import type { Page } from '../../src/page.js';
import { readInputs } from '../../src/ingest/read-inputs.js';
import { finishCleaning, readDocumentPage, type CleanOptions } from '../../src/pipeline.js';
import { resolvePublished } from '../../src/extract/published/resolve-published.js';
import type { EvalTask, PageOutput } from './site-folds.js';

/** Raw documents by page file path. */
export type RawPages = ReadonlyMap<string, RawDocument>;

/** Reads every page file of the tasks once. */
export async function readRawPages(tasks: readonly EvalTask[]): Promise<RawPages> {
  const raw = new Map<string, RawDocument>();
  for (const task of tasks) {
    for (const page of task.pages) {
      const path = pagePath(task, page.file);
      if (raw.has(path)) continue;
      for await (const doc of readInputs([path])) raw.set(path, doc);
    }
  }
  return raw;
}

export const pagePath = (task: EvalTask, file: string) => join(task.dir, 'html', file);

interface ReadPage {
  readonly page: Page | null;
  readonly messages: readonly Diagnostic[];
}

/** Cleans pages under many option sets, reading each page once per distinct page-reader options. */
export class CleanRunner {
  private readonly readCache = new Map<string, Map<string, ReadPage>>();

  constructor(private readonly raw: RawPages, private readonly maxCachedReaders = 2) {}

  /** Outputs of every page of a task under one set of options, by page file. */
  cleanTask(task: EvalTask, options: CleanOptions): Map<string, PageOutput> {
    const reads = this.readsFor(options);
    const out = new Map<string, PageOutput>();
    for (const page of task.pages) {
      if (out.has(page.file)) continue;
      const path = pagePath(task, page.file);
      let read = reads.get(path);
      if (read === undefined) {
        const doc = this.raw.get(path);
        if (!doc) continue;
        read = readDocumentPage(doc, options);
        reads.set(path, read);
      }
      out.set(page.file, finishPage(read, options));
    }
    return out;
  }

  private readsFor(options: CleanOptions): Map<string, ReadPage> {
    const key = JSON.stringify(options.htmlPage);
    let reads = this.readCache.get(key);
    if (reads === undefined) {
      // Keep the first (default) readers and the latest: switches are tried one at a time from the defaults.
      if (this.readCache.size >= this.maxCachedReaders) this.readCache.delete([...this.readCache.keys()].at(-1)!);
      reads = new Map();
      this.readCache.set(key, reads);
    }
    return reads;
  }
}

function finishPage(read: ReadPage, options: CleanOptions): PageOutput {
  if (read.page === null) return { text: '', published: null };
  const { page, segments } = finishCleaning(read.page, read.messages, options);
  const kept = segments.filter((s) => s.text.length > 0);
  if (page === null || kept.length === 0) return { text: '', published: null };
  return {
    text: kept.map((s) => s.text).join('\n'),
    published: resolvePublished(page, kept[0]!).published?.value ?? null,
  };
}
