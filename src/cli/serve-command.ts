/** `storytrace serve`: the web UI and HTTP API over a database until Ctrl-C; `demo` serves through it too. */
import { buildPipeline } from '../pipeline.js';
import type { Store } from '../store/store.js';
import { startApiServer, UnsafeBindError, DEFAULT_HOST } from '../api/serve-api.js';
import { CommandError, openStoreForWriting, runStoreCommand, type DatabaseOptions } from './store-option.js';
import { EXIT_CODES } from './exit-codes.js';

export interface ServeCommandOptions extends DatabaseOptions {
  readonly port?: string;
  readonly host?: string;
  readonly token?: string;
}

export function runServeCommand(options: ServeCommandOptions): Promise<number> {
  return runStoreCommand(async () => {
    // Writable: the UI's ingest page adds articles.
    const store = openStoreForWriting(options);
    try {
      return await serveUntilStopped(store, options);
    } finally {
      await store.close();
    }
  });
}

/** Serves `store`, prints the URL, and resolves with exit code 0 on SIGINT/SIGTERM. */
export async function serveUntilStopped(store: Store, options: Omit<ServeCommandOptions, 'db'>): Promise<number> {
  const port = options.port === undefined ? undefined : Number(options.port);
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) {
    throw new CommandError(`--port ${options.port} is not a port number (0–65535)`, EXIT_CODES.usage);
  }
  const token = options.token ?? process.env.STORYTRACE_TOKEN;
  let server: Awaited<ReturnType<typeof startApiServer>>;
  try {
    server = await startApiServer({
      store,
      pipeline: () => buildPipeline(),
      host: options.host ?? DEFAULT_HOST,
      ...(port === undefined ? {} : { port }),
      ...(token ? { token } : {}),
    });
  } catch (error) {
    if (error instanceof UnsafeBindError) throw new CommandError(error.message, EXIT_CODES.usage);
    throw error;
  }
  process.stdout.write(`storytrace is serving at ${server.url}${token ? ' (token required)' : ''}   (Ctrl-C stops)\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  return 0;
}
