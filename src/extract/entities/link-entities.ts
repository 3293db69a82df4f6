/**
 * Entities with canonical identities: names from the knowledge base ("Wladimir Putin", "Putins", "Kremlchef"),
 * offices resolved to their holder on the article's date ("der russische Präsident", "sein chinesischer
 * Amtskollege"), metonyms resolved to governments ("Moskau", "der Kreml" → Russia's government), and the
 * statistical tagger's other names, merged within the article ("John Kirby" … "Kirby" → one person).
 */
import type { EntityMention } from '../../article.js';
import { tokenIndexAt, type Token } from '../../text/tokenize.js';
import { stemGerman } from '../../text/stem.de.js';
import type { AliasTarget, KbPerson, KnowledgeBase } from './knowledge-base/knowledge-base.js';

/** Prepositions after which a capital is a place ("in Moskau"), not its government ("Moskau fordert"). */
const PLACE_PREPOSITIONS = new Set(['in', 'nach', 'aus', 'bei', 'von', 'vor', 'um', 'nahe', 'ab', 'bis', 'über', 'durch', 'im', 'zwischen', 'gegen', 'to', 'from', 'at', 'near']);
/** Titles and ranks before an unknown person's name: "Generalmajor Igor K.", "Professor Hoo Tiang Boon". */
const PERSON_TITLE = /^(?:\p{Lu}[\p{L}-]*(?:sprecher|sprecherin|minister|ministerin|präsident|präsidentin|berater|beraterin|chef|chefin|direktor|direktorin|botschafter|botschafterin|vorsitzende|vorsitzender|kommissar|kommissarin|sekretär|sekretärin|general|admiral|major|leiter|leiterin|analyst|analystin|experte|expertin|forscher|forscherin|bürgermeister|bürgermeisterin)|Professor|Professorin|Prof\.|Dr\.|Oberst|Generalmajor|Generalleutnant|Senator|Senatorin|Abgeordnete|Abgeordneter|Richter|Richterin|Papst|König|Königin|Prinz|Herr|Frau|Mr\.|Mrs\.|Ms\.)$/u;
/** Capitalised words that are not names even after a title: "Pressesprecher des Ministeriums", "Präsident der USA". */
const NOT_A_NAME = /^(Der|Die|Das|Des|Dem|Den|Ein|Eine|Und|Oder|Am|Im|In|Auf|Laut|Nach|Bei|Von|Zu|Für|Mit|Aus|Vor|Über|Unter)$/;
/** Roles by which a person is called Amtskollege/Amtskollegin of someone, most specific first. */
const COLLEAGUE_ROLES = ['president', 'prime-minister', 'chancellor', 'premier', 'foreign-minister', 'defence-minister', 'finance-minister', 'spokesperson-foreign'];

export type EntityLinker = (text: string, tokens: readonly Token[], published: string | null, tagged: readonly EntityMention[]) => EntityMention[];

export function makeEntityLinker(kb: KnowledgeBase): EntityLinker {
  return (text, tokens, published, tagged) => new ArticleEntities(kb, text, tokens, published).link(tagged);
}

interface Found {
  readonly first: number;
  /** Exclusive token end. */
  readonly end: number;
  readonly type: EntityMention['type'];
  readonly canonical: string | null;
  /** For people found in the knowledge base. */
  readonly person?: KbPerson;
}

class ArticleEntities {
  private readonly found: Found[] = [];
  private readonly covered: Uint8Array;

  constructor(
    private readonly kb: KnowledgeBase,
    private readonly text: string,
    private readonly tokens: readonly Token[],
    private readonly published: string | null,
  ) {
    this.covered = new Uint8Array(tokens.length);
  }

  link(tagged: readonly EntityMention[]): EntityMention[] {
    this.findKnownNames();
    this.findOffices();
    this.findTitledNames();
    this.addTagged(tagged);
    return this.withCanonicalNames();
  }

  /** Knowledge-base names, longest first; a surname alone counts only for well-known office holders or people already named in full. */
  private findKnownNames(): void {
    const matches: Array<{ first: number; end: number; targets: readonly AliasTarget[] }> = [];
    for (let i = 0; i < this.tokens.length; i++) {
      if (this.tokens[i]!.kind !== 'word' && this.tokens[i]!.kind !== 'number') continue;
      if (!this.mayStartAlias(this.tokens[i]!.text)) continue;
      for (let n = Math.min(this.kb.maxAliasTokens, this.tokens.length - i); n >= 1; n--) {
        const targets = this.aliasTargets(i, n);
        if (!targets) continue;
        matches.push({ first: i, end: i + n, targets });
        i += n - 1;
        break;
      }
    }
    const present = new Set<string>();
    for (const m of matches) for (const t of m.targets) if (t.kind === 'person' && t.fullName) present.add(t.person.id);
    for (const m of matches) {
      const person = m.targets.find((t) => t.kind === 'person' && (t.fullName || present.has(t.person.id)));
      if (person && person.kind === 'person') {
        this.add({ first: m.first, end: m.end, type: 'person', canonical: `person:${person.person.id}`, person: person.person });
        continue;
      }
      const target = m.targets.find((t) => t.kind !== 'person');
      if (!target) continue;
      this.add(this.foundForTarget(m.first, m.end, target));
    }
  }

  private mayStartAlias(word: string): boolean {
    const first = this.kb.aliasFirstWords;
    if (first.has(word)) return true;
    if (word.endsWith('s') && first.has(word.slice(0, -1))) return true;
    return word.length > 3 && /^\p{Lu}+$/u.test(word) && first.has(word.charAt(0) + word.slice(1).toLowerCase());
  }

  /** Alias targets for tokens [i, i+n), also for a genitive "-s" on the last word ("Putins", "Russlands", "Kremls"). */
  private aliasTargets(i: number, n: number): readonly AliasTarget[] | null {
    const words = this.tokens.slice(i, i + n).map((t) => t.text);
    const surface = words.join(' ');
    const exact = this.kb.aliases.get(surface);
    if (exact) return exact;
    // datelines shout: "PEKING (dpa-AFX)"
    if (n === 1 && surface.length > 3 && /^\p{Lu}+$/u.test(surface)) {
      const titled = this.kb.aliases.get(surface.charAt(0) + surface.slice(1).toLowerCase());
      if (titled?.every((t) => t.kind === 'capital' || t.kind === 'country')) return titled;
    }
    const last = words[n - 1]!;
    if (last.length > 3 && last.endsWith('s') && /^\p{Lu}/u.test(words[0]!)) {
      const base = this.kb.aliases.get([...words.slice(0, -1), last.slice(0, -1)].join(' '));
      if (base?.every((t) => t.kind !== 'organization')) return base;
    }
    return null;
  }

  private foundForTarget(first: number, end: number, target: Exclude<AliasTarget, { kind: 'person' }>): Found {
    switch (target.kind) {
      case 'country':
        return { first, end, type: 'location', canonical: `country:${target.country.code}` };
      case 'government':
        return { first, end, type: 'organization', canonical: `gov:${target.country.code}` };
      case 'organization':
        return { first, end, type: 'organization', canonical: `org:${target.organization.id}` };
      case 'capital': {
        const before = this.tokens[first - 1]?.text.toLowerCase() ?? '';
        // a capital is a place by name either way (NER convention); what it stands for is in the canonical id
        return PLACE_PREPOSITIONS.has(before)
          ? { first, end, type: 'location', canonical: `place:${slug(target.name)}` }
          : { first, end, type: 'location', canonical: `gov:${target.country.code}` };
      }
    }
  }

  /** "der russische Präsident", "Russlands Präsident", "Präsident der USA", "US-Präsident", "sein chinesischer Amtskollege". */
  private findOffices(): void {
    for (let i = 0; i < this.tokens.length; i++) {
      if (this.covered[i]) continue;
      const office = this.officeAt(i);
      if (!office) continue;
      const { noun, nounEnd } = office;
      // "Präsident Wladimir Putin": the name that follows carries the identity
      const next = this.tokens[nounEnd];
      if (next && this.covered[nounEnd]) continue;
      if (next && /^\p{Lu}\p{Ll}/u.test(next.text) && !NOT_A_NAME.test(next.text) && !this.countryAt(nounEnd)) continue;
      const compound = this.tokens[i]!.text.includes('-') && noun !== this.tokens[i]!.text ? this.tokens[i]!.text.split('-')[0]! : null;
      let first = i;
      let holder = office.impliedHolder;
      const before = this.tokens[i - 1];
      if (!holder && compound) holder = this.holderNamed(compound);
      if (!holder && before) {
        const adjective = this.kb.countryOfAdjective(before.text);
        const genitive = adjective ? null : this.genitiveCountry(before.text);
        if (adjective || genitive) {
          holder = (adjective ?? genitive)!.code;
          first = i - 1;
        }
      }
      let end = nounEnd;
      if (!holder) {
        // "Präsident Russlands", "Präsident der USA"
        const after = this.countryAfter(nounEnd);
        if (after) {
          holder = after.code;
          end = after.end;
        }
      }
      const roles = office.roles.length > 0 ? office.roles : this.colleagueRoles(i);
      if (!holder || roles.length === 0) continue;
      const person = roles.map((role) => this.kb.holderOf(role, holder!, this.published)).find((p) => p !== null);
      if (!person) continue;
      // "Chinas Außenminister": the country word belongs to the office phrase
      this.remove(first, end);
      this.add({ first, end, type: 'person', canonical: `person:${person.id}`, person });
      i = end - 1;
    }
  }

  private officeAt(i: number): { noun: string; nounEnd: number; roles: readonly string[]; impliedHolder: string | null } | null {
    const word = this.tokens[i]!.text;
    if (!/^\p{Lu}/u.test(word)) return null;
    const head = word.includes('-') ? word.slice(word.indexOf('-') + 1) : word;
    const firsts = this.kb.roleNounFirstWords;
    if (!firsts.has(word) && !firsts.has(head) && !firsts.has(word.replace(/(en|n|s|es)$/, '')) && !firsts.has(head.replace(/(en|n|s|es)$/, ''))) return null;
    for (let n = 3; n >= 1; n--) {
      if (i + n > this.tokens.length) continue;
      const surface = this.tokens.slice(i, i + n).map((t) => t.text).join(' ');
      for (const candidate of [surface, surface.replace(/(en|n|s|es)$/, ''), surface.replace(/^[\p{Lu}]{2,4}-/u, '')]) {
        const noun = this.kb.roleNouns.get(candidate) ?? this.kb.roleNouns.get(candidate.replace(/(en|n|s|es)$/, ''));
        if (noun) return { noun: noun.noun, nounEnd: i + n, roles: noun.roles, impliedHolder: noun.impliedHolder };
      }
    }
    return null;
  }

  /** "Amtskollege": the office the person named just before holds on the article's date. */
  private colleagueRoles(i: number): string[] {
    const previous = [...this.found].reverse().find((f) => f.end <= i && f.person);
    if (!previous?.person) return [];
    const day = this.published?.slice(0, 10) ?? null;
    const held = previous.person.roles.filter((r) => day === null || (r.from <= day && (r.to === null || day < r.to))).map((r) => r.role);
    return COLLEAGUE_ROLES.filter((role) => held.includes(role));
  }

  private holderNamed(word: string): string | null {
    const targets = this.kb.aliases.get(word);
    const target = targets?.find((t) => t.kind === 'country' || t.kind === 'organization');
    if (!target) return null;
    return target.kind === 'country' ? target.country.code : target.kind === 'organization' ? target.organization.id : null;
  }

  private genitiveCountry(word: string): { code: string } | null {
    if (!word.endsWith('s')) return null;
    const target = this.kb.aliases.get(word.slice(0, -1))?.find((t) => t.kind === 'country');
    return target && target.kind === 'country' ? target.country : null;
  }

  private countryAt(i: number): boolean {
    const t = this.tokens[i];
    return t !== undefined && (this.genitiveCountry(t.text) !== null || t.text === 'der' || t.text === 'des');
  }

  private countryAfter(i: number): { code: string; end: number } | null {
    const t = this.tokens[i];
    if (!t) return null;
    const genitive = this.genitiveCountry(t.text);
    if (genitive) return { code: genitive.code, end: i + 1 };
    if ((t.text === 'der' || t.text === 'des') && this.tokens[i + 1]) {
      for (let n = 3; n >= 1; n--) {
        const surface = this.tokens.slice(i + 1, i + 1 + n).map((x) => x.text).join(' ');
        const target = this.kb.aliases.get(surface)?.find((x) => x.kind === 'country');
        if (target && target.kind === 'country') return { code: target.country.code, end: i + 1 + n };
      }
    }
    return null;
  }

  /** "Generalmajor Igor Konaschenkow", "Professor Hoo Tiang Boon": two to four names after a title. */
  private findTitledNames(): void {
    for (let i = 0; i < this.tokens.length - 2; i++) {
      if (!PERSON_TITLE.test(this.tokens[i]!.text)) continue;
      let end = i + 1;
      while (end < this.tokens.length && end - i <= 4 && !this.covered[end] && isNameWord(this.tokens[end]!.text)) end++;
      if (end - (i + 1) >= 2) this.add({ first: i + 1, end, type: 'person', canonical: null });
    }
  }

  /** The statistical tagger's mentions, where the knowledge base found nothing. */
  private addTagged(tagged: readonly EntityMention[]): void {
    for (const m of tagged) {
      let first = this.tokenAt(m.start);
      let end = first;
      while (end < this.tokens.length && this.tokens[end]!.start < m.end) end++;
      // "Das Landsting" at a sentence start: the article is not part of the name
      while (end - first > 1 && NOT_A_NAME.test(this.tokens[first]!.text)) first++;
      if (end <= first) continue;
      this.add({ first, end, type: m.type, canonical: null });
    }
  }

  /** Drops country mentions inside [first, end), so an office phrase can take their words. */
  private remove(first: number, end: number): void {
    for (let k = this.found.length - 1; k >= 0; k--) {
      const f = this.found[k]!;
      if (f.first >= first && f.end <= end && f.canonical?.startsWith('country:')) {
        for (let t = f.first; t < f.end; t++) this.covered[t] = 0;
        this.found.splice(k, 1);
      }
    }
  }

  private add(found: Found): void {
    for (let k = found.first; k < found.end; k++) if (this.covered[k]) return;
    for (let k = found.first; k < found.end; k++) this.covered[k] = 1;
    this.found.push(found);
  }

  /** Canonical names for what the knowledge base does not know: one id per person in the article, keyed by surname. */
  private withCanonicalNames(): EntityMention[] {
    const sorted = [...this.found].sort((a, b) => a.first - b.first);
    const surnames = new Map<string, string>();
    // full names first, so "Kirby" after "John Kirby" takes the full form
    for (const f of sorted) {
      if (f.canonical || f.type !== 'person' || f.end - f.first < 2) continue;
      const surname = stripGenitive(this.tokens[f.end - 1]!.text);
      if (!surnames.has(surname)) surnames.set(surname, `person:${slug(this.surface(f.first, f.end, true))}`);
    }
    // One name, one identity within the article: "Brela" tagged as a place three times and as an
    // organisation once is a place each time (the tagger decides mention by mention, from context).
    const nameKey = (f: Found) => slug(this.surface(f.first, f.end, false).split(/\s+/).map((w) => stemGerman(w.toLowerCase())).join(' '));
    const typeVotes = new Map<string, Map<EntityMention['type'], number>>();
    for (const f of sorted) {
      if (f.canonical || f.type === 'person') continue;
      const votes = typeVotes.get(nameKey(f)) ?? new Map<EntityMention['type'], number>();
      typeVotes.set(nameKey(f), votes.set(f.type, (votes.get(f.type) ?? 0) + 1));
    }
    const majorityType = (f: Found): EntityMention['type'] => {
      const votes = typeVotes.get(nameKey(f));
      if (!votes) return f.type;
      // ties go to the type seen first (Map keeps insertion order)
      return [...votes].reduce((best, entry) => (entry[1] > best[1] ? entry : best))[0];
    };
    return sorted.map((f) => {
      const text = this.surface(f.first, f.end, false);
      let canonical = f.canonical;
      let type = f.type;
      if (!canonical) {
        if (type !== 'person') type = majorityType(f);
        const prefix = type === 'person' ? 'person' : type === 'organization' ? 'org' : type === 'location' ? 'place' : 'other';
        // other names are keyed by their stems: "Olympischen Winterspielen" and "Olympische Winterspiele" are one
        canonical =
          type === 'person' ? surnames.get(stripGenitive(this.tokens[f.end - 1]!.text)) ?? `person:${slug(stripGenitive(text))}` : `${prefix}:${nameKey(f)}`;
      }
      return { text, start: this.tokens[f.first]!.start, end: this.tokens[f.end - 1]!.end, type, canonical };
    });
  }

  private surface(first: number, end: number, dropGenitive: boolean): string {
    const text = this.text.slice(this.tokens[first]!.start, this.tokens[end - 1]!.end);
    return dropGenitive ? stripGenitive(text) : text;
  }

  private tokenAt(offset: number): number {
    return tokenIndexAt(this.tokens, offset);
  }
}

/** Common-noun and adjective endings that a name after a title does not have ("Professor Chinesische Außenpolitik"). */
const NOT_A_NAME_ENDING = /(ung|heit|keit|schaft|politik|ismus|ion|tät|ische|ischen|ischer|liche|lichen)$/;

function isNameWord(word: string): boolean {
  return /^\p{Lu}[\p{Ll}'’-]+$/u.test(word) && !NOT_A_NAME.test(word) && !NOT_A_NAME_ENDING.test(word);
}

/** "Putins" → "Putin", "Kirbys" → "Kirby"; "Weiß" and "Haus" stay. */
function stripGenitive(name: string): string {
  return name.length > 4 && /[^s]s$/.test(name) && !/(ss|us|is|os|as)$/.test(name) ? name.slice(0, -1) : name;
}

export function slug(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}
