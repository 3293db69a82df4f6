/**
 * Progress and problems on stderr: a bar on a TTY, plain progress lines otherwise, and one line per
 * warning or fatal naming the input. Counts what was rejected so the command can choose its exit code.
 */
import type { RawDocument } from '../article.js';
import { diagnostic, formatDiagnostic } from '../diagnostic.js';
import { EXIT_CODES, type ExitCode } from './exit-codes.js';
import type { PipelineResult } from '../pipeline.js';
import type { RunObserver, StepSkip } from '../run/runner.js';

export interface RunReport {
  /** Inputs (documents) seen, articles produced, inputs rejected. */
  inputs: number;
  articles: number;
  rejected: number;
  warnings: number;
  /** Stored articles a later step (reuse linking, stories) threw on: a storytrace bug, named on stderr. */
  failedSteps: number;
}

export interface Reporter extends Required<RunObserver> {
  readonly report: RunReport;
  finish(verb: string): void;
}

/** Plain progress lines at most this often (ms) when stderr is not a terminal: enough to see life in a log. */
const PLAIN_PROGRESS_INTERVAL_MS = 5000;

export function makeReporter(options: { quiet?: boolean; verbose?: boolean } = {}): Reporter {
  const report: RunReport = { inputs: 0, articles: 0, rejected: 0, warnings: 0, failedSteps: 0 };
  const tty = process.stderr.isTTY === true && !options.quiet;
  const started = Date.now();
  let lastPlain = started;
  let barShown = false;

  const clearBar = () => {
    if (barShown) process.stderr.write('\r\x1b[K');
    barShown = false;
  };
  const progressText = () => {
    const seconds = (Date.now() - started) / 1000;
    const rate = seconds > 0 ? (report.inputs / seconds).toFixed(1) : '0';
    return `${report.inputs} inputs, ${report.articles} articles, ${report.rejected} rejected (${rate}/s)`;
  };

  return {
    report,
    documentDone(raw: RawDocument, { articles, messages }: PipelineResult) {
      const { label } = raw;
      report.inputs += 1;
      report.articles += articles.length;
      const fatal = messages.some((m) => m.severity === 'fatal');
      // An input that yields no article (no text found, a truncated page) did not go in either.
      if (fatal || articles.length === 0) report.rejected += 1;
      const explained = messages.some((m) => m.severity !== 'info');
      const shown = fatal || articles.length > 0 || explained ? messages : [...messages, diagnostic('warning', 'pipeline', 'no-article', 'no article came out of this input; nothing stored')];
      for (const m of shown) {
        if (m.severity === 'info' && !options.verbose) continue;
        if (m.severity === 'warning') report.warnings += 1;
        clearBar();
        process.stderr.write(`${formatDiagnostic(label, m)}\n`);
      }
      if (tty) {
        process.stderr.write(`\r\x1b[K${progressText()}`);
        barShown = true;
      } else if (!options.quiet && Date.now() - lastPlain >= PLAIN_PROGRESS_INTERVAL_MS) {
        lastPlain = Date.now();
        process.stderr.write(`progress: ${progressText()}\n`);
      }
    },
    stepSkipped(skip: StepSkip) {
      if (skip.internal) report.failedSteps += 1;
      // An article the step does not take (no text) is a note; a step that threw is printed even when quiet.
      else if (options.quiet) return;
      clearBar();
      process.stderr.write(`${skip.step}: ${skip.input} (${skip.articleId}): ${skip.reason}\n`);
    },
    finish(verb) {
      clearBar();
      if (!options.quiet) process.stderr.write(`${verb}: ${progressText()}\n`);
    },
  };
}

/** 0 when all went in, 1 when some inputs were rejected or a step failed on one. */
export function exitCodeFor(report: RunReport): ExitCode {
  return report.rejected > 0 || report.failedSteps > 0 ? EXIT_CODES.rejected : EXIT_CODES.done;
}
