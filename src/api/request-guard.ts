/**
 * Keeps web pages the user visits out of a server on the user's own machine. DNS rebinding points a
 * foreign name at 127.0.0.1, so its requests carry that name as Host: without a token only loopback
 * names (and the address the server is bound to) are served. A plain HTML form can POST across sites
 * without a preflight: requests that change state must come from the server's own origin.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { ApiError } from './api-error.js';

export interface RequestGuardOptions {
  /** A token guards the server, so any Host name is served (remote use behind a name or proxy). */
  readonly tokenRequired: boolean;
  /** The address the server listens on, served as a Host name besides the loopback ones. */
  readonly boundHost?: string;
}

const LOOPBACK_NAMES = new Set(['localhost', '::1']);
const LOOPBACK_IPV4 = /^127(?:\.\d{1,3}){3}$/;
/** Methods a page may send without changing anything; every other one must come from our own origin. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Sec-Fetch-Site values a browser sends for a request the user or our own page made. */
const OWN_FETCH_SITES = new Set(['same-origin', 'none']);

export function guardRequests(options: RequestGuardOptions): MiddlewareHandler {
  const boundHost = options.boundHost === undefined ? undefined : hostnameOf(options.boundHost);
  return async (c, next) => {
    const host = requestHost(c);
    if (!options.tokenRequired && !isServedHost(hostnameOf(host), boundHost)) {
      throw new ApiError(403, 'host-not-allowed', `Host "${host}" is not this machine; open the server as http://127.0.0.1 or http://localhost (or give it a --token to serve other names)`);
    }
    if (!SAFE_METHODS.has(c.req.method)) refuseForeignOrigin(c, host);
    await next();
  };
}

function refuseForeignOrigin(c: Context, host: string): void {
  const origin = c.req.header('Origin');
  if (origin !== undefined && originHost(origin) !== host.toLowerCase()) {
    throw new ApiError(403, 'cross-origin', `a ${c.req.method} from ${origin} is refused: only pages of this server may change its data`);
  }
  const fetchSite = c.req.header('Sec-Fetch-Site');
  if (origin === undefined && fetchSite !== undefined && !OWN_FETCH_SITES.has(fetchSite)) {
    throw new ApiError(403, 'cross-origin', `a ${fetchSite} ${c.req.method} is refused: only pages of this server may change its data`);
  }
}

/** Host as the client sent it ("127.0.0.1:4173"); requests made in-process (tests) have only their URL. */
function requestHost(c: Context): string {
  return c.req.header('Host') ?? new URL(c.req.url).host;
}

/** "[::1]:4173" → "::1", "LocalHost.:80" → "localhost". */
export function hostnameOf(host: string): string {
  const lower = host.trim().toLowerCase();
  const name = lower.startsWith('[') ? lower.slice(1, lower.indexOf(']') === -1 ? undefined : lower.indexOf(']')) : (lower.split(':')[0] ?? '');
  return name.endsWith('.') ? name.slice(0, -1) : name;
}

function isServedHost(hostname: string, boundHost: string | undefined): boolean {
  return LOOPBACK_NAMES.has(hostname) || LOOPBACK_IPV4.test(hostname) || hostname === boundHost;
}

/** "http://127.0.0.1:4173" → "127.0.0.1:4173"; "null" and other unparsable origins → null. */
function originHost(origin: string): string | null {
  try {
    return new URL(origin).host.toLowerCase();
  } catch {
    return null;
  }
}
