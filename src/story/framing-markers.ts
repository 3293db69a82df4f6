/**
 * Framing markers: where an article hedges ("angeblich"), distances itself from a term ("sogenannte"),
 * says a claim is unsupported ("ohne Beweise") or uses a loaded word, with offsets. Evidence, not a verdict.
 */
import { readFileSync } from 'node:fs';

export type FramingKind = 'hedge' | 'distance' | 'loaded' | 'unsupported';

export interface FramingLexicon {
  /** One alternation of all markers, longest first, matched as whole words. */
  readonly pattern: RegExp;
  readonly kindOf: ReadonlyMap<string, FramingKind>;
}

export interface FramingMarker {
  readonly marker: string;
  readonly kind: FramingKind;
  /** Offsets into the article text. */
  readonly start: number;
  readonly end: number;
}

const KINDS: ReadonlySet<string> = new Set(['hedge', 'distance', 'loaded', 'unsupported']);
const REGEX_SPECIALS = /[.*+?^${}()|[\]\\]/g;

export function loadFramingLexicon(url = new URL('./framing-markers.de.tsv', import.meta.url)): FramingLexicon {
  const rows = readFileSync(url, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('#'))
    .slice(1)
    .map((l) => l.split('\t') as [string, string]);
  const kindOf = new Map<string, FramingKind>();
  for (const [marker, kind] of rows) {
    if (!KINDS.has(kind)) throw new Error(`framing-markers.de.tsv: unknown kind "${kind}" for "${marker}"; known kinds: ${[...KINDS].join(', ')}`);
    kindOf.set(marker.toLowerCase(), kind as FramingKind);
  }
  const alternation = [...kindOf.keys()].sort((a, b) => b.length - a.length).map((m) => m.replace(REGEX_SPECIALS, '\\$&').replace(/ /g, '\\s+'));
  return { pattern: new RegExp(`(?<![\\p{L}\\p{Nd}])(?:${alternation.join('|')})(?![\\p{L}\\p{Nd}])`, 'giu'), kindOf };
}

export function findFramingMarkers(text: string, lexicon: FramingLexicon): FramingMarker[] {
  const found: FramingMarker[] = [];
  for (const m of text.matchAll(lexicon.pattern)) {
    const marker = m[0].toLowerCase().replace(/\s+/g, ' ');
    found.push({ marker, kind: lexicon.kindOf.get(marker)!, start: m.index, end: m.index + m[0].length });
  }
  return found;
}
