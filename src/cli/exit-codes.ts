/** What the `storytrace` process answers with, so scripts can tell a partial run from a broken one. */
export const EXIT_CODES = {
  /** Everything asked for was done. */
  done: 0,
  /** Some inputs were rejected (each named on stderr with the reason); the rest went in. */
  rejected: 1,
  /** Bad usage: an unknown option or command, a malformed value, an ambiguous id prefix. */
  usage: 2,
  /** The article, story or outlet asked for is not in the database. */
  notFound: 3,
  /** The database is missing, locked, damaged or from a newer storytrace. */
  database: 4,
  /** A storytrace bug (sysexits' EX_SOFTWARE): one line on stderr; --verbose prints the stack. */
  internal: 70,
} as const;

export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];

/** The same, as `--help` prints it. */
export const EXIT_CODES_HELP = `Exit codes:
  0   done
  1   some inputs rejected (each named on stderr with the reason; the rest went in)
  2   bad usage (unknown option, malformed value, ambiguous id prefix)
  3   not found (no such article, story or outlet)
  4   database problem (missing, locked, damaged, or from a newer storytrace)
  70  internal error (a bug): one line; rerun with --verbose for the stack`;
