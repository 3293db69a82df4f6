/**
 * Fetches URLs the way a guest should: each host's robots.txt read once a day and obeyed, one request
 * at a time per host with a pause between requests, a limit on requests under way in all, exponential
 * back-off for a host that keeps failing, and a server's own Retry-After honoured. Requests to
 * different hosts run in parallel. Redirects are followed hop by hop, each hop queued at its own host
 * and checked against that host's robots.txt.
 */
import { fetchUrl, type CacheValidators, type FetchFailure, type FetchOptions, type FetchResult } from '../ingest/fetch-url.js';
import { waitUntil } from './wait-until.js';
import { ALLOW_ALL, isAllowedByRobots, parseRobotsTxt, type RobotsPolicy } from './robots-txt.js';

export interface PolitenessOptions {
  /** Pause between the end of one request to a host and the start of the next (ms). */
  readonly perHostDelayMs: number;
  /** Requests under way at once, over all hosts. */
  readonly maxConcurrent: number;
  /** How long a host's robots.txt is trusted (ms); RFC 9309 asks for no more than 24 hours. */
  readonly robotsTtlMs: number;
  /** First pause after a host fails (ms); it doubles with each failure in a row, up to backoffMaxMs. */
  readonly backoffBaseMs: number;
  readonly backoffMaxMs: number;
  /** A Retry-After longer than this is cut to it: a server asking for a week should not silence a source for a week. */
  readonly maxRetryAfterMs: number;
  /** A robots.txt Crawl-delay lengthens the per-host pause up to this (ms). */
  readonly maxCrawlDelayMs: number;
  /** Time limit, size cap, redirect limit and private-address policy of each request. */
  readonly transport: Pick<FetchOptions, 'timeoutMs' | 'maxBytes' | 'maxRedirects' | 'allowPrivate'>;
}

export const DEFAULT_POLITENESS: PolitenessOptions = {
  perHostDelayMs: 2000,
  maxConcurrent: 8,
  robotsTtlMs: 24 * 3_600_000,
  // 30 s, 1 min, 2 min … 1 h: a site down for maintenance is asked again about twice an hour.
  backoffBaseMs: 30_000,
  backoffMaxMs: 3_600_000,
  maxRetryAfterMs: 6 * 3_600_000,
  maxCrawlDelayMs: 60_000,
  transport: { timeoutMs: 30_000, maxBytes: 50 * 1024 * 1024, maxRedirects: 5, allowPrivate: false },
};

/** The token robots.txt groups name us by (the product part of USER_AGENT). */
export const ROBOTS_PRODUCT_TOKEN = 'storytrace';
/** robots.txt files are small; a huge one is a mistake we read as "no rules" rather than download. */
const ROBOTS_FILE_MAX_BYTES = 2 * 1024 * 1024;
/** A robots.txt that could not be reached is asked for again after this long (ms) at the earliest. */
const ROBOTS_RETRY_MS = 60_000;

export interface PoliteRequest {
  /** Validators of the copy already held: an unchanged resource costs a 304. */
  readonly cached?: CacheValidators;
  readonly signal?: AbortSignal;
}

export type PoliteFetchResult =
  | (Extract<FetchResult, { ok: true }> & {
      /** URLs redirected from, in order (the requested one first); empty without redirects. */
      readonly redirectedFrom: readonly string[];
    })
  | (FetchFailure & {
      /** Worth trying again later (a timeout, a 503, a 429); false for a 404, a robots.txt refusal, a size cap. */
      readonly transient: boolean;
      /** With `transient`: when the host may be asked again (ms since the epoch). */
      readonly retryAt?: number;
    });

export interface PoliteFetcher {
  fetch(url: string, request?: PoliteRequest): Promise<PoliteFetchResult>;
  /** When a request to this URL's host could start (ms since the epoch): now, or later while it waits or backs off. */
  readyAt(url: string): number;
}

/** Statuses that say "not now" rather than "never". */
const TRANSIENT_STATUSES = new Set([408, 425, 429, 500, 502, 503, 504]);
const TRANSIENT_RULES = new Set(['timeout', 'fetch-failed', 'robots-unreachable']);

interface HostState {
  /** Resolves when the request ahead of the next one in line is done: one request at a time per host. */
  tail: Promise<void>;
  nextStartAt: number;
  failuresInRow: number;
  blockedUntil: number;
  crawlDelayMs: number;
  robots: { policy: RobotsPolicy | null; until: number } | null;
  robotsLoading: Promise<RobotsOutcome> | null;
}

type RobotsOutcome = { policy: RobotsPolicy } | { failure: PoliteFetchResult & { ok: false } };

const STOPPED: FetchFailure & { transient: false } = { ok: false, rule: 'stopped', reason: 'stopped before the answer was complete', transient: false };

export function makePoliteFetcher(options: PolitenessOptions = DEFAULT_POLITENESS): PoliteFetcher {
  const hosts = new Map<string, HostState>();
  const slots = makeSemaphore(options.maxConcurrent);

  const hostState = (host: string): HostState => {
    let state = hosts.get(host);
    if (state === undefined) {
      state = { tail: Promise.resolve(), nextStartAt: 0, failuresInRow: 0, blockedUntil: 0, crawlDelayMs: 0, robots: null, robotsLoading: null };
      hosts.set(host, state);
    }
    return state;
  };

  /** Runs `request` when it is this host's turn, its pause is over and a global slot is free; null when stopped first. */
  const inHostTurn = async <T>(state: HostState, signal: AbortSignal | undefined, request: () => Promise<T>): Promise<T | null> => {
    const ahead = state.tail;
    let done!: () => void;
    state.tail = new Promise<void>((resolve) => (done = resolve));
    try {
      await ahead;
      if (!(await waitUntil(Math.max(state.nextStartAt, state.blockedUntil), signal))) return null;
      if (!(await slots.acquire(signal))) return null;
      try {
        return await request();
      } finally {
        slots.release();
        state.nextStartAt = Date.now() + Math.max(options.perHostDelayMs, state.crawlDelayMs);
      }
    } finally {
      done();
    }
  };

  /** Counts a failure toward the host's back-off, or clears it; returns when the host may be asked again. */
  const noteOutcome = (state: HostState, result: FetchResult): number | undefined => {
    if (result.ok || !isTransient(result)) {
      state.failuresInRow = 0;
      return undefined;
    }
    state.failuresInRow += 1;
    const backoff = Math.min(options.backoffMaxMs, options.backoffBaseMs * 2 ** (state.failuresInRow - 1));
    const wait = result.retryAfterMs !== undefined ? Math.min(options.maxRetryAfterMs, result.retryAfterMs) : backoff;
    state.blockedUntil = Date.now() + wait;
    return state.blockedUntil;
  };

  const robotsPolicy = async (target: URL, state: HostState, signal: AbortSignal | undefined): Promise<RobotsOutcome> => {
    if (state.robots !== null && state.robots.until > Date.now()) {
      if (state.robots.policy !== null) return { policy: state.robots.policy };
      return { failure: robotsUnreachable(target, 'not reachable a moment ago', state.robots.until) };
    }
    state.robotsLoading ??= loadRobots(target, state, signal).finally(() => (state.robotsLoading = null));
    return state.robotsLoading;
  };

  const loadRobots = async (target: URL, state: HostState, signal: AbortSignal | undefined): Promise<RobotsOutcome> => {
    const robotsUrl = `${target.protocol}//${target.host}/robots.txt`;
    const result = await inHostTurn(state, signal, () =>
      fetchUrl(robotsUrl, { ...options.transport, maxBytes: ROBOTS_FILE_MAX_BYTES, ...(signal ? { signal } : {}) }),
    );
    if (result === null || (!result.ok && result.rule === 'stopped')) return { failure: STOPPED };
    const retryAt = noteOutcome(state, result);
    if (result.ok) {
      const policy = parseRobotsTxt(new TextDecoder('utf-8').decode(result.bytes), ROBOTS_PRODUCT_TOKEN);
      state.crawlDelayMs = Math.min(options.maxCrawlDelayMs, (policy.crawlDelaySeconds ?? 0) * 1000);
      state.robots = { policy, until: Date.now() + options.robotsTtlMs };
      return { policy };
    }
    // RFC 9309 §2.3.1: a 4xx (no robots.txt) allows everything; a server or network error disallows
    // everything until it can be read. A file over the size cap is read as no rules.
    if ((result.status !== undefined && result.status >= 400 && result.status < 500) || result.rule === 'too-large') {
      state.robots = { policy: ALLOW_ALL, until: Date.now() + options.robotsTtlMs };
      return { policy: ALLOW_ALL };
    }
    if (result.rule === 'private-address' || result.rule === 'bad-url') return { failure: { ...result, transient: false } };
    const until = Math.max(retryAt ?? 0, Date.now() + ROBOTS_RETRY_MS);
    state.robots = { policy: null, until };
    return { failure: robotsUnreachable(target, result.reason, until) };
  };

  return {
    async fetch(url, request = {}) {
      const { signal } = request;
      const redirectedFrom: string[] = [];
      let current = url;
      for (let hop = 0; ; hop++) {
        let target: URL;
        try {
          target = new URL(current);
        } catch {
          return { ok: false, rule: 'bad-url', reason: `"${current}" is not a URL`, transient: false };
        }
        if (target.protocol !== 'http:' && target.protocol !== 'https:') {
          return { ok: false, rule: 'bad-url', reason: `only http and https URLs are fetched, not ${target.protocol}`, transient: false };
        }
        const state = hostState(target.host);
        const robots = await robotsPolicy(target, state, signal);
        if ('failure' in robots) return robots.failure;
        const path = `${target.pathname}${target.search}`;
        if (!isAllowedByRobots(robots.policy, path)) {
          return { ok: false, rule: 'robots-disallowed', reason: `${target.protocol}//${target.host}/robots.txt forbids ${path} to ${ROBOTS_PRODUCT_TOKEN}; not fetched`, transient: false };
        }
        const result = await inHostTurn(state, signal, () =>
          fetchUrl(current, {
            ...options.transport,
            redirects: 'return',
            ...(request.cached ? { cached: request.cached } : {}),
            ...(signal ? { signal } : {}),
          }),
        );
        if (result === null) return STOPPED;
        const retryAt = noteOutcome(state, result);
        if (result.ok) return { ...result, redirectedFrom };
        if (result.rule === 'redirect' && result.location !== undefined) {
          if (hop >= options.transport.maxRedirects) {
            return { ok: false, rule: 'too-many-redirects', reason: `more than ${options.transport.maxRedirects} redirects (last to ${result.location}); skipped`, transient: false };
          }
          redirectedFrom.push(current);
          current = result.location;
          continue;
        }
        const transient = isTransient(result);
        return { ...result, transient, ...(transient ? { retryAt: retryAt ?? Date.now() } : {}) };
      }
    },

    readyAt(url) {
      let host: string;
      try {
        host = new URL(url).host;
      } catch {
        return Date.now();
      }
      const state = hosts.get(host);
      return state === undefined ? Date.now() : Math.max(Date.now(), state.nextStartAt, state.blockedUntil);
    },
  };
}

function isTransient(result: FetchFailure): boolean {
  return TRANSIENT_RULES.has(result.rule) || (result.status !== undefined && TRANSIENT_STATUSES.has(result.status));
}

function robotsUnreachable(target: URL, why: string, retryAt: number): FetchFailure & { transient: true; retryAt: number } {
  return {
    ok: false,
    rule: 'robots-unreachable',
    reason: `${target.protocol}//${target.host}/robots.txt could not be read (${why}); the site is not fetched until it can be`,
    transient: true,
    retryAt,
  };
}

interface Semaphore {
  /** True once a slot is taken; false when `signal` aborted first. */
  acquire(signal: AbortSignal | undefined): Promise<boolean>;
  release(): void;
}

function makeSemaphore(size: number): Semaphore {
  let free = size;
  const waiting: ((taken: boolean) => void)[] = [];
  return {
    acquire(signal) {
      if (signal?.aborted) return Promise.resolve(false);
      if (free > 0) {
        free -= 1;
        return Promise.resolve(true);
      }
      return new Promise((resolve) => {
        const onAbort = () => {
          const index = waiting.indexOf(grant);
          if (index >= 0) waiting.splice(index, 1);
          resolve(false);
        };
        const grant = (taken: boolean) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(taken);
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        waiting.push(grant);
      });
    },
    release() {
      const next = waiting.shift();
      if (next) next(true);
      else free += 1;
    },
  };
}
