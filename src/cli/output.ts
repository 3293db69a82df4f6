/** Writing to stdout with back-pressure, so piping 100,000 articles into `head` or a slow consumer does not buffer them all. */

export function writeLine(line: string): Promise<void> | void {
  if (process.stdout.write(`${line}\n`)) return;
  return new Promise((resolve) => process.stdout.once('drain', resolve));
}
