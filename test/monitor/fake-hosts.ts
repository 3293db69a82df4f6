/**
 * Local HTTP servers standing in for news sites: each is its own host (its own port), answers from a
 * route table the test can change between polls, and records every request with its start and end,
 * so a test can check how many were under way at once and how far apart they came.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestContext } from 'node:test';

export interface RequestLog {
  readonly path: string;
  readonly startedAt: number;
  endedAt: number | null;
  readonly headers: IncomingMessage['headers'];
}

export type Route = (request: IncomingMessage, response: ServerResponse) => void | Promise<void>;

export interface FakeHost {
  /** http://127.0.0.1:PORT */
  readonly base: string;
  readonly routes: Map<string, Route>;
  readonly requests: RequestLog[];
  /** Most requests under way at the same time so far. */
  maxConcurrent(): number;
  /** Requests for this path so far. */
  count(path: string): number;
}

export async function startFakeHost(t: TestContext, routes: Record<string, Route> = {}): Promise<FakeHost> {
  const table = new Map(Object.entries(routes));
  const requests: RequestLog[] = [];
  let underWay = 0;
  let most = 0;
  const server: Server = createServer(async (request, response) => {
    const path = request.url ?? '/';
    const log: RequestLog = { path, startedAt: Date.now(), endedAt: null, headers: request.headers };
    requests.push(log);
    underWay += 1;
    most = Math.max(most, underWay);
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      underWay -= 1;
      log.endedAt = Date.now();
    };
    response.on('close', finish);
    const route = table.get(path.replace(/\?.*$/, '')) ?? table.get(path);
    if (route === undefined) {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('nicht gefunden');
      return;
    }
    await route(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => {
    server.closeAllConnections();
    server.close();
  });
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    routes: table,
    requests,
    maxConcurrent: () => most,
    count: (path) => requests.filter((r) => r.path === path).length,
  };
}

/** Answers `body` with `type` after `delayMs`. */
export function answer(body: string, type = 'text/html; charset=utf-8', delayMs = 0, headers: Record<string, string> = {}): Route {
  return (_request, response) =>
    new Promise<void>((resolve) => {
      setTimeout(() => {
        response.writeHead(200, { 'content-type': type, ...headers });
        response.end(body);
        resolve();
      }, delayMs);
    });
}

export function status(code: number, headers: Record<string, string> = {}): Route {
  return (_request, response) => {
    response.writeHead(code, headers);
    response.end();
  };
}

/** A German news page with a headline and paragraphs, the way the tests' outlets publish. */
export function articlePage(title: string, paragraphs: readonly string[], extraHead = ''): string {
  return `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>${title}</title>${extraHead}</head><body>
<header><nav><a href="/">Start</a> <a href="/lokales">Lokales</a></nav></header>
<article><h1>${title}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</article>
<footer>Impressum · Datenschutz</footer></body></html>`;
}

export interface RssItem {
  readonly guid: string;
  readonly title: string;
  readonly link?: string;
  readonly description?: string;
  readonly pubDate?: string;
}

export function rssFeed(title: string, items: readonly RssItem[]): string {
  const body = items
    .map(
      (item) =>
        `<item><guid>${item.guid}</guid><title>${item.title}</title>${item.link ? `<link>${item.link}</link>` : ''}` +
        `${item.pubDate ? `<pubDate>${item.pubDate}</pubDate>` : ''}` +
        `${item.description ? `<description>&lt;p&gt;${item.description}&lt;/p&gt;</description>` : ''}</item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>${title}</title>${body}</channel></rss>`;
}
