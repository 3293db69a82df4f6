/** Starts the API app on a Node HTTP server: loopback by default, any other address only with a token. */
import { createServer } from 'node:net';
import { serve } from '@hono/node-server';
import type { Store } from '../store/store.js';
import type { Pipeline } from '../pipeline.js';
import { createApiApp, DEFAULT_API_LIMITS, WEB_ROOT } from './api-app.js';

export const DEFAULT_PORT = 4173;
export const DEFAULT_HOST = '127.0.0.1';
/** How many ports after the default are tried when it is taken (only when no port was given). */
const PORT_ATTEMPTS = 20;
const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', 'localhost']);

export interface ServeOptions {
  readonly store: Store;
  readonly pipeline: () => Promise<Pipeline>;
  readonly host: string;
  /** 0 picks a free port; undefined tries DEFAULT_PORT and the next ones. */
  readonly port?: number;
  readonly token?: string;
}

export interface RunningServer {
  readonly url: string;
  close(): Promise<void>;
}

/** Binding beyond this machine without a token would publish the database and the ingest endpoint to the network. */
export class UnsafeBindError extends Error {
  override readonly name = 'UnsafeBindError';
}

export async function startApiServer(options: ServeOptions): Promise<RunningServer> {
  if (!LOOPBACK_HOSTS.has(options.host) && (options.token === undefined || options.token === '')) {
    throw new UnsafeBindError(`binding ${options.host} makes the server reachable from other machines; give --token TOKEN (or STORYTRACE_TOKEN)`);
  }
  const app = createApiApp({ ...DEFAULT_API_LIMITS, store: options.store, pipeline: options.pipeline, webRoot: WEB_ROOT, host: options.host, ...(options.token ? { token: options.token } : {}) });
  const port = options.port ?? (await firstFreePort(options.host, DEFAULT_PORT, PORT_ATTEMPTS));
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: options.host, port }, (info) => {
      const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${host}:${info.port}/`,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            // Browsers hold keep-alive connections open; without this Ctrl-C would wait for them.
            if ('closeAllConnections' in server) server.closeAllConnections();
          }),
      });
    });
    server.once('error', reject);
  });
}

async function firstFreePort(host: string, from: number, attempts: number): Promise<number> {
  for (let port = from; port < from + attempts; port++) {
    if (await isFree(host, port)) return port;
  }
  throw new Error(`ports ${from}–${from + attempts - 1} are all taken on ${host}; give --port N`);
}

function isFree(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, host, () => probe.close(() => resolve(true)));
  });
}
