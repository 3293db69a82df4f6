/**
 * Fetches one http(s) URL the careful way: an honest User-Agent, one time limit over the whole
 * exchange, a size cap enforced while the body streams in, redirects followed by hand up to a
 * limit, and every address a host resolves to checked against private, loopback and link-local
 * ranges (again after each redirect) unless the caller allows them. The connection itself is made
 * through a lookup that checks again, so a DNS server that answers differently the second time
 * (rebinding) cannot steer it to a private address.
 */
import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions, type LookupOptions } from 'node:dns';
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { Agent, fetch, type Response } from 'undici';
import { STORYTRACE_VERSION } from '../version.js';

export const USER_AGENT = `storytrace/${STORYTRACE_VERSION} (+https://github.com/storytrace/storytrace)`;

export interface FetchOptions {
  /** Whole exchange, redirects and body included (ms). */
  readonly timeoutMs: number;
  /** Largest body read (bytes); the download stops as soon as it is passed. */
  readonly maxBytes: number;
  readonly maxRedirects: number;
  /** Allow loopback, private and link-local addresses (tests with a local server, an intranet). */
  readonly allowPrivate: boolean;
  /** The caller's own stop (a watcher shutting down), on top of the time limit. */
  readonly signal?: AbortSignal;
  /** Validators of the copy the caller already has: a server that supports them answers 304 instead of the body. */
  readonly cached?: CacheValidators;
  /**
   * `follow` (the default) follows redirects up to maxRedirects; `return` hands the first one back as a
   * `redirect` failure with its `location`, for a caller that schedules each hop itself (per-host limits).
   */
  readonly redirects?: 'follow' | 'return';
}

/** ETag and Last-Modified of a response, sent back as If-None-Match / If-Modified-Since on the next poll. */
export interface CacheValidators {
  readonly etag?: string;
  readonly lastModified?: string;
}

export type FetchResult =
  | {
      readonly ok: true;
      readonly bytes: Uint8Array;
      readonly url: string;
      readonly contentType: string | undefined;
      readonly validators: CacheValidators;
      /** 304: the copy named by `cached` is still current; `bytes` is empty. */
      readonly notModified: boolean;
    }
  | FetchFailure;

export interface FetchFailure {
  readonly ok: false;
  readonly rule: string;
  readonly reason: string;
  /** The HTTP status when the server answered (404, 429, 503, a redirect). */
  readonly status?: number;
  /** How long the server asked to be left alone (Retry-After of a 429 or 503), in ms. */
  readonly retryAfterMs?: number;
  /** Rule `redirect` (with `redirects: 'return'`): the absolute URL the server pointed to. */
  readonly location?: string;
}

/** Ranges a fetch must not reach unless allowed: where a crafted feed link would reach the user's own network. */
const PRIVATE_RANGES: readonly (readonly [string, number, 'ipv4' | 'ipv6'])[] = [
  ['0.0.0.0', 8, 'ipv4'], // "this network"
  ['10.0.0.0', 8, 'ipv4'],
  ['100.64.0.0', 10, 'ipv4'], // carrier-grade NAT
  ['127.0.0.0', 8, 'ipv4'],
  ['169.254.0.0', 16, 'ipv4'], // link-local, cloud metadata services (169.254.169.254)
  ['172.16.0.0', 12, 'ipv4'],
  ['192.0.0.0', 24, 'ipv4'],
  ['192.168.0.0', 16, 'ipv4'],
  ['198.18.0.0', 15, 'ipv4'], // benchmarking
  ['224.0.0.0', 4, 'ipv4'], // multicast
  ['240.0.0.0', 4, 'ipv4'], // reserved, broadcast
  ['::', 128, 'ipv6'],
  ['::1', 128, 'ipv6'],
  ['fc00::', 7, 'ipv6'], // unique local
  ['fe80::', 10, 'ipv6'], // link-local
  ['ff00::', 8, 'ipv6'], // multicast
];

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export async function fetchUrl(url: string, options: FetchOptions): Promise<FetchResult> {
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
  const privateRanges = options.allowPrivate ? null : buildPrivateRanges();
  const dispatcher = privateRanges ? new Agent({ connect: { lookup: makeCheckedLookup(privateRanges) } }) : undefined;
  let current = url;
  try {
    for (let redirects = 0; ; redirects++) {
      const target = parseHttpUrl(current);
      if (typeof target === 'string') return { ok: false, rule: 'bad-url', reason: target };
      if (privateRanges) {
        const refusal = await checkPublicHost(target, privateRanges);
        if (refusal) return { ok: false, rule: 'private-address', reason: refusal };
      }
      const response = await fetch(target, {
        redirect: 'manual',
        signal,
        headers: requestHeaders(options.cached),
        ...(dispatcher ? { dispatcher } : {}),
      });
      if (REDIRECT_STATUSES.has(response.status)) {
        await response.body?.cancel();
        const location = response.headers.get('location');
        if (!location) return { ok: false, rule: 'http-status', reason: `HTTP ${response.status} redirect without a Location header`, status: response.status };
        if (options.redirects === 'return') {
          const next = new URL(location, target).href;
          return { ok: false, rule: 'redirect', reason: `HTTP ${response.status} to ${next}`, status: response.status, location: next };
        }
        if (redirects >= options.maxRedirects) {
          return { ok: false, rule: 'too-many-redirects', reason: `more than ${options.maxRedirects} redirects (last to ${new URL(location, target).href}); skipped` };
        }
        current = new URL(location, target).href;
        continue;
      }
      if (response.status === 304 && options.cached) {
        await response.body?.cancel();
        return { ok: true, bytes: new Uint8Array(), url: target.href, contentType: undefined, validators: options.cached, notModified: true };
      }
      if (!response.ok) {
        await response.body?.cancel();
        const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), Date.now());
        return {
          ok: false,
          rule: 'http-status',
          reason: `${`HTTP ${response.status} ${response.statusText}`.trim()}; skipped`,
          status: response.status,
          ...(retryAfterMs === null ? {} : { retryAfterMs }),
        };
      }
      const body = await readCappedBody(response, options.maxBytes);
      if (body === null) return { ok: false, rule: 'too-large', reason: `body is over the ${options.maxBytes}-byte limit; download stopped` };
      return {
        ok: true,
        bytes: body,
        url: target.href,
        contentType: response.headers.get('content-type') ?? undefined,
        validators: validatorsOf(response),
        notModified: false,
      };
    }
  } catch (error) {
    if (options.signal?.aborted) return { ok: false, rule: 'stopped', reason: 'stopped before the answer was complete' };
    if (timeout.aborted) return { ok: false, rule: 'timeout', reason: `no complete answer within ${options.timeoutMs / 1000} s; skipped` };
    const cause = (error as { cause?: NodeJS.ErrnoException }).cause;
    if (cause?.code === PRIVATE_ADDRESS_CODE) return { ok: false, rule: 'private-address', reason: cause.message };
    return { ok: false, rule: 'fetch-failed', reason: `cannot fetch: ${cause?.code ?? cause?.message ?? (error as Error).message}` };
  } finally {
    await dispatcher?.destroy();
  }
}

function requestHeaders(cached: CacheValidators | undefined): Record<string, string> {
  const headers: Record<string, string> = {
    'user-agent': USER_AGENT,
    accept: 'text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/feed+json, */*;q=0.5',
  };
  if (cached?.etag) headers['if-none-match'] = cached.etag;
  if (cached?.lastModified) headers['if-modified-since'] = cached.lastModified;
  return headers;
}

/** Retry-After as delay-seconds ("120") or an HTTP date, in ms from `nowMs`; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, nowMs: number): number | null {
  if (value === null || value.trim() === '') return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
}

function validatorsOf(response: Response): CacheValidators {
  const etag = response.headers.get('etag');
  const lastModified = response.headers.get('last-modified');
  return { ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) };
}

function parseHttpUrl(text: string): URL | string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return `"${text}" is not a URL`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `only http and https URLs are fetched, not ${url.protocol}`;
  return url;
}

/**
 * The refusal reason when `url`'s host is or resolves to a private address, else null: a clear message
 * before connecting. The connection resolves the name again, through makeCheckedLookup.
 */
async function checkPublicHost(url: URL, privateRanges: BlockList): Promise<string | null> {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  let addresses: { address: string; family: number }[];
  if (isIP(host)) {
    addresses = [{ address: host, family: isIP(host) }];
  } else {
    try {
      addresses = await lookup(host, { all: true, verbatim: true });
    } catch (error) {
      return `cannot resolve ${host} (${(error as NodeJS.ErrnoException).code ?? String(error)})`;
    }
  }
  for (const { address, family } of addresses) {
    if (privateRanges.check(address, family === 6 ? 'ipv6' : 'ipv4')) {
      return `${host} is ${address}, a private, loopback or link-local address; refused (--allow-private allows it)`;
    }
  }
  return null;
}

/** The error code a checked lookup fails with, so the fetch failure reads as a refusal. */
const PRIVATE_ADDRESS_CODE = 'ERR_STORYTRACE_PRIVATE_ADDRESS';

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;
type Resolver = (hostname: string, options: LookupAllOptions, callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void) => void;

/**
 * A `lookup` for the socket that fails when any address the name resolves to is private, so the address
 * connected to is one that was checked (`resolve` is node:dns's lookup; tests pass their own).
 */
export function makeCheckedLookup(privateRanges: BlockList, resolve: Resolver = dnsLookup) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    resolve(hostname, { all: true, verbatim: true, ...(options.family !== undefined ? { family: options.family } : {}) }, (error, addresses) => {
      if (error) return callback(error, []);
      const banned = addresses.find((a) => privateRanges.check(a.address, a.family === 6 ? 'ipv6' : 'ipv4'));
      if (banned) {
        const refusal: NodeJS.ErrnoException = new Error(
          `${hostname} resolved to ${banned.address} when connecting, a private, loopback or link-local address; refused (--allow-private allows it)`,
        );
        refusal.code = PRIVATE_ADDRESS_CODE;
        return callback(refusal, []);
      }
      if (options.all) return callback(null, addresses);
      const first = addresses[0];
      if (!first) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), []);
      callback(null, first.address, first.family);
    });
  };
}

export function buildPrivateRanges(): BlockList {
  const list = new BlockList();
  for (const [network, prefix, family] of PRIVATE_RANGES) list.addSubnet(network, prefix, family);
  return list;
}

/** The body, or null as soon as it passes maxBytes (a declared Content-Length over it is refused unread). */
async function readCappedBody(response: Response, maxBytes: number): Promise<Uint8Array | null> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel();
    return null;
  }
  if (!response.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body.getReader();
  while (true) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
