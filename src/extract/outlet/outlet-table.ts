/** The outlets.tsv table: outlet names by web domain and by the suffix they put on page titles. Built once per pipeline. */
import { readFileSync } from 'node:fs';

export interface KnownOutlet {
  /** Canonical name: "n-tv", "RT DE", "ZDF". */
  readonly name: string;
  /** Registered domains without "www."; subdomains match too ("amp.n-tv.de"). */
  readonly domains: readonly string[];
  /** What the outlet appends to its titles ("ZDFheute" in "… | ZDFheute"). */
  readonly titleSuffixes: readonly string[];
}

export interface OutletTable {
  readonly outlets: readonly KnownOutlet[];
  /** The outlet a host name belongs to ("www.n-tv.de" → n-tv), or undefined. */
  findByHost(host: string): KnownOutlet | undefined;
  /** The outlet a title suffix or declared site name names, compared case-insensitively. */
  findByName(name: string): KnownOutlet | undefined;
}

const LEADING_WWW = /^www\d?\./;

/** Reads the table's text: a "#" header comment, a column-name row, then one outlet per row. */
export function parseOutletTable(tsv: string): OutletTable {
  const outlets: KnownOutlet[] = [];
  const byDomain = new Map<string, KnownOutlet>();
  const byName = new Map<string, KnownOutlet>();
  const rows = tsv.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('#'));
  rows.slice(1).forEach((row, index) => {
    const [name, domains, suffixes] = row.split('\t');
    if (!name || !domains || !suffixes) {
      // Our own data file: a malformed row is a bug to fix in outlets.tsv, not input to tolerate.
      throw new Error(`outlets.tsv row ${index + 1} needs name, domains, title_suffixes: "${row}"`);
    }
    const outlet: KnownOutlet = { name, domains: domains.split('|'), titleSuffixes: suffixes.split('|') };
    outlets.push(outlet);
    for (const domain of outlet.domains) byDomain.set(domain.toLowerCase(), outlet);
    for (const alias of [name, ...outlet.titleSuffixes]) {
      if (!byName.has(alias.toLowerCase())) byName.set(alias.toLowerCase(), outlet);
    }
  });

  function findByHost(host: string): KnownOutlet | undefined {
    // Walk up the labels: "amp.n-tv.de" → "n-tv.de"; "de.rt.com" is listed itself, so it wins over "rt.com".
    const labels = host.toLowerCase().replace(LEADING_WWW, '').split('.');
    for (let i = 0; i < labels.length - 1; i++) {
      const outlet = byDomain.get(labels.slice(i).join('.'));
      if (outlet) return outlet;
    }
    return undefined;
  }
  return Object.freeze({ outlets, findByHost, findByName: (name: string) => byName.get(name.trim().toLowerCase()) });
}

export function loadOutletTable(url: URL = new URL('./outlets.tsv', import.meta.url)): OutletTable {
  return parseOutletTable(readFileSync(url, 'utf8'));
}
