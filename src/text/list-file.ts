/**
 * The lists shipped beside the code (abbreviations, function words, compound parts): one entry per
 * line, `#` starts a comment line, blank lines are ignored.
 */
import { readFileSync } from 'node:fs';

/** The entries of a list file, trimmed, in file order. */
export function readListFile(url: URL): string[] {
  return readFileSync(url, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}
