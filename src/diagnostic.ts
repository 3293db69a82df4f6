/**
 * Diagnostics: bad input is data, not an exception. A stage adds a message and returns;
 * the CLI prints warnings and fatals as one line each, naming the input.
 */

export type Severity = 'info' | 'warning' | 'fatal';

export interface Diagnostic {
  /** fatal: this input (or article) stops here; the run goes on. */
  readonly severity: Severity;
  /** Stage that raised it: 'ingest', 'clean', 'extract', 'store'. */
  readonly stage: string;
  /** Stable rule id: 'binary-content', 'encoding-guessed', 'bad-date'. */
  readonly rule: string;
  /** One line the person holding the file can act on. */
  readonly reason: string;
  /** Where inside the input, when there is a place: "line 14", "item 3". */
  readonly where?: string;
}

export function diagnostic(
  severity: Severity,
  stage: string,
  rule: string,
  reason: string,
  where?: string,
): Diagnostic {
  return where === undefined ? { severity, stage, rule, reason } : { severity, stage, rule, reason, where };
}

export function hasFatal(messages: readonly Diagnostic[]): boolean {
  return messages.some((m) => m.severity === 'fatal');
}

/** `dpa-feed.xml, item 14: ingest/bad-date: <pubDate> "31.02.2024" is not a date; item kept without one` */
export function formatDiagnostic(label: string, d: Diagnostic): string {
  const place = d.where ? `${label}, ${d.where}` : label;
  return `${place}: ${d.stage}/${d.rule}: ${d.reason}`;
}

/** The reason given for an input a step threw on: our bug, not a fault of the input, and the run goes on. */
export function internalErrorReason(error: unknown): string {
  return `${error instanceof Error ? error.message : String(error)} (a storytrace bug: please report it with this input)`;
}
