/**
 * Storylines: events linked across time because they share core entities (the December video call,
 * the February joint statement and the May visit all have the same two leaders at their core).
 * Every event is in exactly one storyline; a lone event is a storyline of one.
 */

export interface EventCore {
  readonly id: string;
  readonly dateStart: string | null;
  /** Core entity keys, most telling first. */
  readonly core: readonly string[];
}

export interface Storyline {
  readonly id: string;
  /** Events in date order (undated last). */
  readonly eventIds: readonly string[];
  /** Core entities shared by the links that made it. */
  readonly shared: readonly string[];
}

/** Two events link when they share this many core entities that are not countries or governments. */
const SHARED_SPECIFIC_CORE = 2;
const BROAD_ENTITY = /^(country|gov):/;

/** An entity that can link events into a storyline (a country or government alone is too broad). */
export function isSpecificEntity(key: string): boolean {
  return !BROAD_ENTITY.test(key);
}

export function linkStorylines(events: readonly EventCore[]): Storyline[] {
  const parent = new Map(events.map((e) => [e.id, e.id]));
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(id, root);
    return root;
  };
  const sharedByRoot = new Map<string, Set<string>>();
  const byEntity = new Map<string, string[]>();
  for (const e of events) for (const key of e.core) if (isSpecificEntity(key)) byEntity.set(key, [...(byEntity.get(key) ?? []), e.id]);
  const coreOf = new Map(events.map((e) => [e.id, new Set(e.core.filter(isSpecificEntity))]));
  for (const e of events) {
    const partners = new Set<string>();
    for (const key of coreOf.get(e.id)!) for (const other of byEntity.get(key) ?? []) if (other !== e.id) partners.add(other);
    for (const other of [...partners].sort()) {
      const shared = [...coreOf.get(e.id)!].filter((k) => coreOf.get(other)!.has(k));
      if (shared.length < SHARED_SPECIFIC_CORE) continue;
      const [a, b] = [find(e.id), find(other)].sort() as [string, string];
      if (a === b) continue;
      parent.set(b, a);
      sharedByRoot.set(a, new Set([...(sharedByRoot.get(a) ?? []), ...(sharedByRoot.get(b) ?? []), ...shared]));
    }
  }
  const groups = new Map<string, EventCore[]>();
  for (const e of events) groups.set(find(e.id), [...(groups.get(find(e.id)) ?? []), e]);
  return [...groups].map(([root, members]) => {
    const ordered = [...members].sort((x, y) => (x.dateStart ?? '9999').localeCompare(y.dateStart ?? '9999') || x.id.localeCompare(y.id));
    return { id: `storyline:${root.replace(/^event:/, '')}`, eventIds: ordered.map((e) => e.id), shared: [...(sharedByRoot.get(root) ?? [])].sort() };
  });
}
