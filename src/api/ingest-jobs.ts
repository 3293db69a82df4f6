/**
 * Ingest jobs for the API: uploaded files, pasted text and URLs run through the pipeline into the
 * store in the background, with progress and every rejected input (and why) kept for polling.
 */
import { randomUUID } from 'node:crypto';
import type { Article, RawDocument } from '../article.js';
import type { Pipeline } from '../pipeline.js';
import type { Store } from '../store/store.js';
import { unpackInput } from '../ingest/unpack-input.js';
import { readUrl, DEFAULT_READ_OPTIONS, type ReadOptions } from '../ingest/read-inputs.js';
import { formatDiagnostic } from '../diagnostic.js';

export interface IngestFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export interface IngestRequest {
  readonly files: readonly IngestFile[];
  /** Pasted article text (plain text or HTML). */
  readonly texts: readonly string[];
  readonly urls: readonly string[];
}

export interface RejectedInput {
  readonly input: string;
  /** stage/rule, as the CLI prints it. */
  readonly rule: string;
  readonly reason: string;
}

export interface IngestJob {
  readonly id: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  /** Inputs named in the request (files + texts + URLs) and how many have been read so far. */
  readonly inputs: number;
  inputsDone: number;
  documents: number;
  articlesAdded: number;
  occurrencesAdded: number;
  /** Ids of the articles this job produced (new or already stored), so the UI can open them. */
  articleIds: string[];
  rejected: RejectedInput[];
  warnings: string[];
  readonly createdAt: string;
  finishedAt: string | null;
  /** Set when the job itself broke (a storytrace bug or a database error), not an input. */
  error: string | null;
}

export interface IngestJobsOptions {
  readonly store: Store;
  /** Built on first use: loading the models takes a second or two, and a read-only server never needs it. */
  readonly pipeline: () => Promise<Pipeline>;
  readonly read: Partial<ReadOptions>;
  /** Finished jobs kept for polling; older ones are forgotten first. */
  readonly keepJobs: number;
  /** Runs before a job stores anything (the reuse linker must index the store as it was). */
  readonly beforeIngest?: () => Promise<unknown>;
  /** Runs once a job's articles are stored (the story stage re-clusters with them), before the job says done. */
  readonly afterIngest?: (articles: readonly Article[]) => Promise<unknown>;
}

export interface IngestJobs {
  start(request: IngestRequest): IngestJob;
  get(id: string): IngestJob | null;
  /** The jobs kept (see keepJobs), newest first. */
  list(): readonly IngestJob[];
  /** Resolves when every job started so far has finished (tests, shutdown). */
  idle(): Promise<void>;
}

const PASTED_LABEL = 'pasted text';

export function makeIngestJobs(options: IngestJobsOptions): IngestJobs {
  const jobs = new Map<string, IngestJob>();
  const running = new Set<Promise<void>>();
  // One job writes at a time: SQLite has one writer, and jobs then finish in the order they came.
  let queue: Promise<void> = Promise.resolve();
  return {
    start(request) {
      const job: IngestJob = {
        id: randomUUID(),
        status: 'queued',
        inputs: request.files.length + request.texts.length + request.urls.length,
        inputsDone: 0,
        documents: 0,
        articlesAdded: 0,
        occurrencesAdded: 0,
        articleIds: [],
        rejected: [],
        warnings: [],
        createdAt: new Date().toISOString(),
        finishedAt: null,
        error: null,
      };
      jobs.set(job.id, job);
      forgetOldJobs(jobs, options.keepJobs);
      const run = queue.then(() => runJob(job, request, options));
      queue = run;
      running.add(run);
      void run.finally(() => running.delete(run));
      return job;
    },
    get(id) {
      return jobs.get(id) ?? null;
    },
    list() {
      return [...jobs.values()].reverse();
    },
    async idle() {
      await Promise.all([...running]);
    },
  };
}

async function runJob(job: IngestJob, request: IngestRequest, options: IngestJobsOptions): Promise<void> {
  job.status = 'running';
  try {
    const pipeline = await options.pipeline();
    await options.beforeIngest?.();
    const read = { ...DEFAULT_READ_OPTIONS, ...options.read };
    const unpack = { maxInputBytes: read.maxInputBytes };
    const stored: Article[] = [];
    for (const file of request.files) {
      stored.push(...(await ingestAll(job, pipeline, options.store, unpackInput(file.bytes, { label: file.name, path: file.name, url: null }, unpack))));
    }
    for (const text of request.texts) {
      const bytes = new TextEncoder().encode(text);
      stored.push(...(await ingestAll(job, pipeline, options.store, unpackInput(bytes, { label: PASTED_LABEL, path: null, url: null }, unpack))));
    }
    for (const url of request.urls) {
      let documents: RawDocument[];
      try {
        documents = await readUrl(url, read);
      } catch (error) {
        job.rejected.push({ input: url, rule: 'ingest/fetch-failed', reason: error instanceof Error ? error.message : String(error) });
        job.inputsDone += 1;
        continue;
      }
      stored.push(...(await ingestAll(job, pipeline, options.store, documents)));
    }
    if (stored.length > 0) await options.afterIngest?.(stored);
    job.status = 'done';
  } catch (error) {
    job.status = 'failed';
    job.error = error instanceof Error ? error.message : String(error);
  } finally {
    job.finishedAt = new Date().toISOString();
  }
}

/** One input's documents through the pipeline and into the store in one transaction; its problems onto the job. Answers the articles stored. */
async function ingestAll(job: IngestJob, pipeline: Pipeline, store: Store, documents: readonly RawDocument[]): Promise<Article[]> {
  const articles: Article[] = [];
  for (const raw of documents) {
    job.documents += 1;
    const result = pipeline.run(raw);
    articles.push(...result.articles);
    const messages = [...result.messages, ...result.articles.flatMap((a) => a.messages)];
    for (const m of messages) {
      if (m.severity === 'fatal') job.rejected.push({ input: raw.label, rule: `${m.stage}/${m.rule}`, reason: m.reason });
      else if (m.severity === 'warning') job.warnings.push(formatDiagnostic(raw.label, m));
    }
    if (result.articles.length === 0 && !messages.some((m) => m.severity === 'fatal')) {
      job.rejected.push({ input: raw.label, rule: 'pipeline/no-article', reason: 'no article text found in this input' });
    }
  }
  if (articles.length > 0) {
    const put = await store.putArticles(articles);
    job.articlesAdded += put.articlesAdded;
    job.occurrencesAdded += put.occurrencesAdded;
    job.articleIds.push(...articles.map((a) => a.id));
  }
  job.inputsDone += 1;
  return articles;
}

function forgetOldJobs(jobs: Map<string, IngestJob>, keep: number): void {
  for (const [id, job] of jobs) {
    if (jobs.size <= keep) return;
    if (job.finishedAt !== null) jobs.delete(id);
  }
}
