/** The agencies.tsv lexicon: which written names credit which news agency or outlet. Built once per pipeline. */
import { readFileSync } from 'node:fs';

export interface CreditedSource {
  /** Canonical short name: "dpa", "AFP", "RT DE". */
  readonly name: string;
  readonly aliases: readonly string[];
  /** ISO 3166-1 alpha-2 country of the agency's seat. */
  readonly country: string;
  readonly kind: 'agency' | 'outlet';
}

export interface AgencyLexicon {
  readonly sources: readonly CreditedSource[];
  /** The source a written name stands for ("Deutsche Presse-Agentur" → dpa); exact, case-sensitive. */
  findSource(writtenName: string): CreditedSource | undefined;
}

const TSV_KINDS: ReadonlySet<string> = new Set(['agency', 'outlet']);

/** Reads the lexicon's text: a "#" header comment, a column-name row, then one source per row. */
export function parseAgencyLexicon(tsv: string): AgencyLexicon {
  const sources: CreditedSource[] = [];
  const byAlias = new Map<string, CreditedSource>();
  const rows = tsv.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('#'));
  rows.slice(1).forEach((row, index) => {
    const [name, aliases, country, kind] = row.split('\t');
    if (!name || !aliases || !country || !kind || !TSV_KINDS.has(kind)) {
      // Our own data file: a malformed row is a bug to fix in agencies.tsv, not input to tolerate.
      throw new Error(`agencies.tsv row ${index + 1} needs name, aliases, country, kind (agency|outlet): "${row}"`);
    }
    const source: CreditedSource = {
      name,
      aliases: aliases.split('|'),
      country,
      kind: kind as CreditedSource['kind'],
    };
    sources.push(source);
    for (const alias of [name, ...source.aliases]) if (!byAlias.has(alias)) byAlias.set(alias, source);
  });
  return Object.freeze({ sources, findSource: (writtenName: string) => byAlias.get(writtenName) });
}

export function loadAgencyLexicon(url: URL = new URL('./agencies.tsv', import.meta.url)): AgencyLexicon {
  return parseAgencyLexicon(readFileSync(url, 'utf8'));
}
