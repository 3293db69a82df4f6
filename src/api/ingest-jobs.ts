/**
 * Ingest jobs for the API: uploaded files, pasted text and URLs go through the runner (src/run/) in
 * the background, with progress and every rejected input (and why) kept for polling.
 */
import { randomUUID } from 'node:crypto';
import type { RawDocument } from '../article.js';
import type { Runner, RunObserver } from '../run/runner.js';
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
  /** Opened on first use: loading the models takes a second or two, and a read-only server never needs it. */
  readonly runner: () => Promise<Runner>;
  readonly read: Partial<ReadOptions>;
  /** Finished jobs kept for polling; older ones are forgotten first. */
  readonly keepJobs: number;
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
    const runner = await options.runner();
    const totals = await runner.ingest(documentsOf(job, request, options), jobObserver(job));
    job.articlesAdded = totals.articlesAdded;
    job.occurrencesAdded = totals.occurrencesAdded;
    job.status = 'done';
  } catch (error) {
    job.status = 'failed';
    job.error = error instanceof Error ? error.message : String(error);
  } finally {
    job.finishedAt = new Date().toISOString();
  }
}

/** Every document of the request's inputs in order: files, pasted texts, then URLs (a URL that cannot be fetched is rejected here). */
async function* documentsOf(job: IngestJob, request: IngestRequest, options: IngestJobsOptions): AsyncGenerator<RawDocument> {
  const read = { ...DEFAULT_READ_OPTIONS, ...options.read };
  const unpack = { maxInputBytes: read.maxInputBytes };
  for (const file of request.files) {
    yield* unpackInput(file.bytes, { label: file.name, path: file.name, url: null }, unpack);
    job.inputsDone += 1;
  }
  for (const text of request.texts) {
    yield* unpackInput(new TextEncoder().encode(text), { label: PASTED_LABEL, path: null, url: null }, unpack);
    job.inputsDone += 1;
  }
  for (const url of request.urls) {
    try {
      yield* await readUrl(url, read);
    } catch (error) {
      job.rejected.push({ input: url, rule: 'ingest/fetch-failed', reason: error instanceof Error ? error.message : String(error) });
    }
    job.inputsDone += 1;
  }
}

/** Each document's problems onto the job, and the ids of the articles it produced (new or already stored), so the UI can open them. */
function jobObserver(job: IngestJob): RunObserver {
  return {
    documentDone(raw, result) {
      job.documents += 1;
      job.articleIds.push(...result.articles.map((a) => a.id));
      for (const m of result.messages) {
        if (m.severity === 'fatal') job.rejected.push({ input: raw.label, rule: `${m.stage}/${m.rule}`, reason: m.reason });
        else if (m.severity === 'warning') job.warnings.push(formatDiagnostic(raw.label, m));
      }
      if (result.articles.length === 0 && !result.messages.some((m) => m.severity === 'fatal')) {
        job.rejected.push({ input: raw.label, rule: 'pipeline/no-article', reason: 'no article text found in this input' });
      }
    },
    stepSkipped(skip) {
      if (skip.internal) job.rejected.push({ input: skip.input, rule: `${skip.step}/internal-error`, reason: skip.reason });
      else job.warnings.push(`${skip.input}: ${skip.step}: ${skip.reason}`);
    },
  };
}

function forgetOldJobs(jobs: Map<string, IngestJob>, keep: number): void {
  for (const [id, job] of jobs) {
    if (jobs.size <= keep) return;
    if (job.finishedAt !== null) jobs.delete(id);
  }
}
