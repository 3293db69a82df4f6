/** The `storytrace` command line: parses argv and hands each command to its module. */
import { Command, CommanderError } from 'commander';
import { runProcessCommand } from './process-command.js';

export function buildProgram(): Command {
  const program = new Command('storytrace')
    .description('Turn scraped news articles into an understood story: who said what, who copied whom.')
    .version('0.1.0')
    .showHelpAfterError()
    .exitOverride();

  program
    .command('process')
    .description('Read, clean and analyse inputs without a database; print one JSON object per article (JSON Lines)')
    .argument('<paths...>', 'files, directories, "-" for stdin, or http(s) URLs')
    .option('-q, --quiet', 'no progress output')
    .option('-v, --verbose', 'also print informational notes')
    .action(async (paths: string[], opts) => {
      process.exitCode = await runProcessCommand(paths, opts);
    });

  return program;
}

export async function main(argv: string[]): Promise<void> {
  // `storytrace process … | head`: a closed pipe is the reader's choice, not an error
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version exit 0; every other commander error is bad usage
      process.exitCode = error.exitCode === 0 ? 0 : 2;
      return;
    }
    throw error;
  }
}
