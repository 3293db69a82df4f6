/** Lines kept in a temporary file while an export streams its articles, then read back in order: memory stays flat. */
import { closeSync, createReadStream, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface LineSpool {
  append(line: string): void;
  /** The lines appended, in order. */
  drain(): AsyncGenerator<string>;
  /** Removes the file; safe to call more than once. */
  remove(): void;
}

export function openLineSpool(): LineSpool {
  const dir = mkdtempSync(join(tmpdir(), 'storytrace-export-'));
  const path = join(dir, 'lines');
  const fd = openSync(path, 'w');
  let open = true;
  return {
    append(line) {
      writeSync(fd, `${line}\n`);
    },
    async *drain() {
      if (open) closeSync(fd);
      open = false;
      yield* createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Number.POSITIVE_INFINITY });
    },
    remove() {
      if (open) closeSync(fd);
      open = false;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
