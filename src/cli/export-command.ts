/**
 * `storytrace export --format json|jsonl|csv|gexf|graphml`: every stored article, or those the search
 * filters match (--query, --from/--to, --outlet, --language, --entity, --story), streamed to stdout or a file.
 */
import { createWriteStream, renameSync, rmSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { EXPORT_FORMATS, isExportFormat } from '../export/export-formats.js';
import type { TextSink } from '../export/text-sink.js';
import { writeStoreExport } from '../export/store-export.js';
import { filterFrom, type FilterCliOptions } from './filter-options.js';
import { CommandError, openExistingStore, runStoreCommand, type DatabaseOptions } from './store-option.js';
import { EXIT_CODES } from './exit-codes.js';

export interface ExportCommandOptions extends DatabaseOptions, FilterCliOptions {
  readonly format: string;
  readonly out?: string;
  readonly quiet?: boolean;
}

export function runExportCommand(options: ExportCommandOptions): Promise<number> {
  return runStoreCommand(async () => {
    const { format } = options;
    if (!isExportFormat(format)) {
      throw new CommandError(`unknown format "${format}"; known formats: ${Object.keys(EXPORT_FORMATS).join(', ')}`, EXIT_CODES.usage);
    }
    const filter = filterFrom(options);
    const store = openExistingStore(options);
    try {
      const count =
        options.out === undefined
          ? await writeStoreExport(store, format, filter, stdoutSink())
          : await exportToFile(options.out, (sink) => writeStoreExport(store, format, filter, sink));
      if (!options.quiet) process.stderr.write(`exported ${count} articles as ${format}${options.out ? ` to ${options.out}` : ''}\n`);
      return 0;
    } finally {
      await store.close();
    }
  });
}

function stdoutSink(): TextSink {
  return { write: (text) => writeWithBackPressure(process.stdout, text) };
}

function writeWithBackPressure(stream: NodeJS.WritableStream, text: string): Promise<void> | void {
  if (stream.write(text)) return;
  return once(stream, 'drain').then(() => undefined);
}

/** Writes beside the target and renames at the end, so a failed export never leaves half a file under its name. */
async function exportToFile(path: string, write: (sink: TextSink) => Promise<number>): Promise<number> {
  const partial = `${path}.partial`;
  const stream: WriteStream = createWriteStream(partial);
  const failed = new Promise<never>((_, reject) => stream.once('error', reject));
  try {
    const count = await Promise.race([write({ write: (text) => writeWithBackPressure(stream, text) }), failed]);
    stream.end();
    await Promise.race([once(stream, 'finish'), failed]);
    renameSync(partial, path);
    return count;
  } catch (error) {
    stream.destroy();
    rmSync(partial, { force: true });
    throw error;
  }
}
