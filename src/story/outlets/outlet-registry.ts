/**
 * The outlet registry: public facts (country, type, EU sanctions) about outlets and agencies, shipped
 * in outlet-registry.tsv and overridden by the user's edits kept in the database (`storytrace sources`).
 * Labels in comparisons come from here and nowhere else: an outlet not listed is unlabelled.
 */
import { readFileSync } from 'node:fs';
import type { OutletColumns } from '../../records.js';

export const OUTLET_TYPES = [
  'news agency',
  'public broadcaster',
  'private broadcaster',
  'newspaper',
  'magazine',
  'online news',
  'state-controlled media',
  'blog/aggregator',
] as const;

export type OutletType = (typeof OUTLET_TYPES)[number];

export interface OutletEntry {
  readonly name: string;
  readonly domains: readonly string[];
  /** ISO 3166-1 alpha-2 of the owner or seat, or null when not recorded. */
  readonly country: string | null;
  readonly type: OutletType | null;
  /** "EU 2022-03-01: broadcasting ban, Council Regulation (EU) 2022/350". */
  readonly sanctions: readonly string[];
  /** 'shipped' from the TSV, or 'user' when the database holds an edit. */
  readonly origin: 'shipped' | 'user';
}

export function isOutletType(value: string): value is OutletType {
  return (OUTLET_TYPES as readonly string[]).includes(value);
}

export function loadShippedRegistry(url = new URL('./outlet-registry.tsv', import.meta.url)): OutletEntry[] {
  const rows = readFileSync(url, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('#'))
    .slice(1);
  return rows.map((line, i) => {
    const [name = '', domains = '', country = '', type = '', sanctions = ''] = line.split('\t');
    if (type !== '' && !isOutletType(type)) {
      throw new Error(`outlet-registry.tsv, row ${i + 1}: unknown type "${type}"; known types: ${OUTLET_TYPES.join(', ')}`);
    }
    return entryOf({ name, domains, country, type, sanctions }, 'shipped');
  });
}

export function entryOf(columns: OutletColumns, origin: OutletEntry['origin']): OutletEntry {
  return {
    name: columns.name.trim(),
    domains: splitList(columns.domains, '|'),
    country: columns.country.trim() || null,
    type: isOutletType(columns.type.trim()) ? (columns.type.trim() as OutletType) : null,
    sanctions: splitList(columns.sanctions, ';'),
    origin,
  };
}

export function columnsOf(entry: Omit<OutletEntry, 'origin'>): OutletColumns {
  return { name: entry.name, domains: entry.domains.join('|'), country: entry.country ?? '', type: entry.type ?? '', sanctions: entry.sanctions.join('; ') };
}

/** The shipped rows with the user's rows on top (same name, case-insensitive, replaces), sorted by name. */
export function mergeRegistry(shipped: readonly OutletEntry[], user: readonly OutletEntry[]): OutletEntry[] {
  const byName = new Map(shipped.map((e) => [e.name.toLowerCase(), e]));
  for (const e of user) byName.set(e.name.toLowerCase(), e);
  return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
}

export function findOutletEntry(registry: readonly OutletEntry[], name: string): OutletEntry | undefined {
  const wanted = name.toLowerCase();
  return registry.find((e) => e.name.toLowerCase() === wanted || e.domains.includes(wanted));
}

function splitList(value: string, separator: string): string[] {
  return value
    .split(separator)
    .map((v) => v.trim())
    .filter((v) => v !== '');
}
