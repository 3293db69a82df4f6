/**
 * The knowledge base storytrace ships: people in office (with their terms), countries with their names,
 * adjectives, capitals and government metonyms, organisations, and the role nouns that name an office.
 * Loaded once from the TSV files beside this module; answers "who held this office on this day".
 */
import { readFileSync } from 'node:fs';

export interface RoleTerm {
  readonly role: string;
  /** Country code or organisation id. */
  readonly holder: string;
  /** ISO dates; `to` null while in office. */
  readonly from: string;
  readonly to: string | null;
}

export interface KbPerson {
  readonly id: string;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly roles: readonly RoleTerm[];
}

export interface KbCountry {
  readonly code: string;
  readonly name: string;
  readonly nameEn: string;
  readonly names: readonly string[];
  readonly adjectiveStems: readonly string[];
  readonly capitals: readonly string[];
  readonly metonyms: readonly string[];
}

export interface KbOrganization {
  readonly id: string;
  readonly type: string;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly country: string | null;
}

export interface RoleNoun {
  readonly noun: string;
  /** Role keys tried in order; empty for "Amtskollege" (the role of the person named before). */
  readonly roles: readonly string[];
  readonly impliedHolder: string | null;
}

/** What a name in running text can stand for. */
export type AliasTarget =
  | { readonly kind: 'person'; readonly person: KbPerson; readonly fullName: boolean }
  | { readonly kind: 'country'; readonly country: KbCountry }
  | { readonly kind: 'capital'; readonly country: KbCountry; readonly name: string }
  | { readonly kind: 'government'; readonly country: KbCountry }
  | { readonly kind: 'organization'; readonly organization: KbOrganization };

export interface KnowledgeBase {
  readonly people: readonly KbPerson[];
  readonly countries: readonly KbCountry[];
  readonly organizations: readonly KbOrganization[];
  /** Surface form (tokens joined by single spaces) → what it may name. */
  readonly aliases: ReadonlyMap<string, readonly AliasTarget[]>;
  /** Longest alias in tokens, to bound the matcher's look-ahead. */
  readonly maxAliasTokens: number;
  /** First words of every alias (also without a genitive "s" they may carry), so most words are rejected at once. */
  readonly aliasFirstWords: ReadonlySet<string>;
  /** First words of every role noun, and the part after a hyphen of compounds like "US-Präsident". */
  readonly roleNounFirstWords: ReadonlySet<string>;
  readonly roleNouns: ReadonlyMap<string, RoleNoun>;
  /** Who held `role` for `holder` on `date` (ISO; null = the latest holder). */
  holderOf(role: string, holder: string, date: string | null): KbPerson | null;
  /** "russische", "russischen", "Russian" → RU. */
  countryOfAdjective(word: string): KbCountry | null;
  countryByCode(code: string): KbCountry | null;
}

/** Offices whose holders news names by surname alone ("Putin", "Macron"); others need their full name in the article first. */
const SURNAME_ALONE_ROLES = new Set(['president', 'prime-minister', 'chancellor', 'premier', 'leader', 'foreign-minister', 'secretary-general', 'commission-president', 'party-leader']);

export function loadKnowledgeBase(): KnowledgeBase {
  const countries = readRows('countries.tsv').map(
    ([code, name, nameEn, others, adjectives, capitals, metonyms]): KbCountry => ({
      code: code!,
      name: name!,
      nameEn: nameEn!,
      names: unique([name!, nameEn!, ...split(others)]),
      adjectiveStems: split(adjectives),
      capitals: split(capitals),
      metonyms: split(metonyms),
    }),
  );
  const organizations = readRows('organizations.tsv').map(
    ([id, type, name, aliases, country]): KbOrganization => ({
      id: id!,
      type: type!,
      name: name!,
      aliases: unique([name!, ...split(aliases)]),
      country: country && country !== '-' ? country : null,
    }),
  );
  const people = readRows('people.tsv').map(
    ([id, name, aliases, roles]): KbPerson => ({
      id: id!,
      name: name!,
      aliases: unique([name!, ...split(aliases)]),
      roles: (roles ?? '').split(';').filter(Boolean).map(parseRoleTerm),
    }),
  );
  const roleNouns = new Map<string, RoleNoun>();
  for (const [noun, roles, holder] of readRows('role-nouns.de.tsv')) {
    roleNouns.set(noun!, { noun: noun!, roles: roles === '=' ? [] : split(roles), impliedHolder: holder && holder !== '-' ? holder : null });
  }

  const aliases = new Map<string, AliasTarget[]>();
  const add = (surface: string, target: AliasTarget) => {
    const key = surface.trim().replace(/\s+/g, ' ');
    if (key === '') return;
    const list = aliases.get(key) ?? [];
    list.push(target);
    aliases.set(key, list);
  };
  for (const country of countries) {
    for (const name of country.names) add(name, { kind: 'country', country });
    for (const capital of country.capitals) add(capital, { kind: 'capital', country, name: capital });
    for (const metonym of country.metonyms) add(metonym, { kind: 'government', country });
  }
  for (const organization of organizations) for (const alias of organization.aliases) add(alias, { kind: 'organization', organization });
  for (const person of people) {
    const aloneOk = person.roles.some((r) => SURNAME_ALONE_ROLES.has(r.role));
    for (const alias of person.aliases) {
      const fullName = alias.includes(' ') || alias === person.name || aloneOk;
      add(alias, { kind: 'person', person, fullName });
    }
  }
  const maxAliasTokens = Math.max(...[...aliases.keys()].map((k) => k.split(' ').length));
  const aliasFirstWords = new Set([...aliases.keys()].map((k) => k.split(' ')[0]!));
  const roleNounFirstWords = new Set([...roleNouns.keys()].map((k) => k.split(' ')[0]!));

  const adjectiveIndex = new Map<string, KbCountry>();
  for (const country of countries) for (const stem of country.adjectiveStems) adjectiveIndex.set(stem.toLowerCase(), country);
  const byCode = new Map(countries.map((c) => [c.code, c] as const));

  return {
    people,
    countries,
    organizations,
    aliases,
    maxAliasTokens,
    aliasFirstWords,
    roleNounFirstWords,
    roleNouns,
    holderOf(role, holder, date) {
      const candidates = people.flatMap((p) => p.roles.filter((r) => r.role === role && r.holder === holder).map((r) => ({ p, r })));
      if (date === null) {
        const latest = candidates.sort((a, b) => (a.r.from < b.r.from ? 1 : -1))[0];
        return latest?.p ?? null;
      }
      const day = date.slice(0, 10);
      return candidates.find(({ r }) => r.from <= day && (r.to === null || day < r.to))?.p ?? null;
    },
    countryOfAdjective(word) {
      const lower = word.toLowerCase();
      const exact = adjectiveIndex.get(lower);
      if (exact) return exact;
      // German adjective endings: russisch-e/-en/-er/-es/-em
      const stem = lower.replace(/(e|en|er|es|em)$/, '');
      return adjectiveIndex.get(stem) ?? null;
    },
    countryByCode: (code) => byCode.get(code) ?? null,
  };
}

function parseRoleTerm(field: string): RoleTerm {
  const [role, holder, span] = field.split(':');
  const [from, to] = (span ?? '').split('..');
  return { role: role!, holder: holder!, from: from || '0000-01-01', to: to ? to : null };
}

function readRows(file: string): string[][] {
  const text = readFileSync(new URL(`./${file}`, import.meta.url), 'utf8');
  return text
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => line.split('\t').map((f) => f.trim()));
}

function split(field: string | undefined): string[] {
  return (field ?? '').split('|').map((s) => s.trim()).filter(Boolean);
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
