/**
 * robots.txt as RFC 9309 reads it: the groups naming our product token (else the `*` group), their
 * Allow and Disallow rules with `*` and `$`, the longest matching rule deciding and Allow winning a
 * tie. `Crawl-delay`, which the RFC leaves out but many news sites set, is read as well.
 */

export interface RobotsRule {
  readonly allow: boolean;
  /** The path pattern as written ("/private/", "/*.pdf$"). */
  readonly pattern: string;
}

export interface RobotsPolicy {
  readonly rules: readonly RobotsRule[];
  /** Seconds between requests the site asks of this crawler, when it says. */
  readonly crawlDelaySeconds: number | null;
}

/** What a site without a robots.txt (404) allows: everything. */
export const ALLOW_ALL: RobotsPolicy = Object.freeze({ rules: [], crawlDelaySeconds: null });

/** RFC 9309 §2.5: crawlers must read at least 500 KiB; past that a file is cut off, not rejected. */
export const ROBOTS_MAX_BYTES = 500 * 1024;

const LINE = /^\s*([A-Za-z-]+)\s*:\s*(.*?)\s*$/;

/**
 * The policy for `productToken` ("storytrace"): the groups whose user-agent line names it
 * (case-insensitive), merged; else the groups for `*`; else no rules.
 */
export function parseRobotsTxt(text: string, productToken: string): RobotsPolicy {
  const token = productToken.toLowerCase();
  const ours: Group[] = [];
  const anyone: Group[] = [];
  let group: Group | null = null;
  let inAgentLines = false;
  for (const rawLine of text.slice(0, ROBOTS_MAX_BYTES).split(/\r\n|\r|\n/)) {
    const match = LINE.exec(rawLine.replace(/#.*$/, ''));
    if (!match) continue;
    const key = match[1]!.toLowerCase();
    const value = match[2]!;
    if (key === 'user-agent') {
      // consecutive user-agent lines share one group
      if (!inAgentLines || group === null) {
        group = { agents: [], rules: [], crawlDelaySeconds: null };
        inAgentLines = true;
      }
      const agent = value.toLowerCase();
      group.agents.push(agent);
      if (agent === token) pushOnce(ours, group);
      else if (agent === '*') pushOnce(anyone, group);
      continue;
    }
    inAgentLines = false;
    if (group === null) continue; // rules before any user-agent line belong to nobody
    if (key === 'allow' || key === 'disallow') {
      // "Disallow:" with nothing after it disallows nothing
      if (value !== '') group.rules.push({ allow: key === 'allow', pattern: value });
    } else if (key === 'crawl-delay') {
      const seconds = Number(value);
      if (Number.isFinite(seconds) && seconds >= 0) group.crawlDelaySeconds = seconds;
    }
  }
  const chosen = ours.length > 0 ? ours : anyone;
  const delays = chosen.map((g) => g.crawlDelaySeconds).filter((d): d is number => d !== null);
  return { rules: chosen.flatMap((g) => g.rules), crawlDelaySeconds: delays.length > 0 ? Math.max(...delays) : null };
}

interface Group {
  agents: string[];
  rules: RobotsRule[];
  crawlDelaySeconds: number | null;
}

function pushOnce(groups: Group[], group: Group): void {
  if (!groups.includes(group)) groups.push(group);
}

/**
 * Whether `pathAndQuery` ("/politik/artikel-1?seite=2") may be fetched: the matching rule with the
 * longest pattern decides, Allow wins a tie, and no matching rule allows. /robots.txt itself is always allowed.
 */
export function isAllowedByRobots(policy: RobotsPolicy, pathAndQuery: string): boolean {
  if (pathAndQuery === '/robots.txt') return true;
  const path = normalisePercentEncoding(pathAndQuery);
  let best: RobotsRule | null = null;
  for (const rule of policy.rules) {
    if (!patternMatches(normalisePercentEncoding(rule.pattern), path)) continue;
    if (best === null || rule.pattern.length > best.pattern.length || (rule.pattern.length === best.pattern.length && rule.allow)) best = rule;
  }
  return best === null || best.allow;
}

/** `*` matches any run of characters, a final `$` anchors the end; otherwise a pattern is a prefix. */
function patternMatches(pattern: string, path: string): boolean {
  const anchored = pattern.endsWith('$');
  const parts = (anchored ? pattern.slice(0, -1) : pattern).split('*');
  let at = 0;
  for (const [index, part] of parts.entries()) {
    if (index === 0) {
      if (!path.startsWith(part)) return false;
      at = part.length;
      continue;
    }
    const last = index === parts.length - 1;
    // the last part of an anchored pattern must sit at the very end
    const found = last && anchored ? (path.endsWith(part) && path.length - part.length >= at ? path.length - part.length : -1) : path.indexOf(part, at);
    if (found < 0) return false;
    at = found + part.length;
  }
  return !anchored || at === path.length;
}

/**
 * Rules and paths are compared with their percent-escapes in one form (RFC 9309 §2.2.2): upper-case
 * hex, and unreserved characters ("%7E" for "~") unescaped, so "/%7ejoe/" and "/~joe/" are one path.
 */
function normalisePercentEncoding(text: string): string {
  return text.replace(/%([0-9a-fA-F]{2})/g, (_escape, hex: string) => {
    const char = String.fromCharCode(parseInt(hex, 16));
    return /[A-Za-z0-9\-._~]/.test(char) ? char : `%${hex.toUpperCase()}`;
  });
}
