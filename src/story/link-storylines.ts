/**
 * Storylines: events linked across time because they share their protagonists (the December video
 * call, the February joint statement and the May visit all have the same two leaders at their core).
 * Every event is in exactly one storyline; a lone event is a storyline of one.
 */

export interface EventCore {
  readonly id: string;
  readonly dateStart: string | null;
  /** Its storyline entities (storylineEntitiesOf), most named first. */
  readonly core: readonly string[];
}

export interface Storyline {
  readonly id: string;
  /** Events in date order (undated last). */
  readonly eventIds: readonly string[];
  /** Core entities shared by the links that made it. */
  readonly shared: readonly string[];
}

/** Two events link when they share this many storyline entities. */
const SHARED_SPECIFIC_CORE = 2;
const BROAD_ENTITY = /^(country|gov):/;
/**
 * Share of an event's members that must name an entity (two members at least) for it to link the
 * event besides its core. A third, not the majority that makes the core: reports of one event take
 * different angles, so the farmers' leaders named in a third of the reports on a treaty are still
 * that treaty's people. Events of one or two articles link by their core alone (a third of them is
 * one article, and one article's passing mentions are not its protagonists).
 */
const STORYLINE_SHARE = 1 / 3;
const MIN_STORYLINE_CARRIERS = 2;
/** At most this many per event, so a large event does not link through every name its reports carry. */
const MAX_STORYLINE_ENTITIES = 12;

/** An entity that can link events into a storyline (a country or government alone is too broad). */
export function isSpecificEntity(key: string): boolean {
  return !BROAD_ENTITY.test(key);
}

/**
 * The entities that link an event into storylines: its specific core entities (most telling first),
 * then the specific ones at least a third of its members name (by most members, then most often).
 * `members` holds each member's entity keys with how often it names them.
 */
export function storylineEntitiesOf(core: readonly string[], members: readonly ReadonlyMap<string, number>[]): string[] {
  const carriers = new Map<string, number>();
  const mentions = new Map<string, number>();
  for (const entities of members) {
    for (const [key, count] of entities) {
      carriers.set(key, (carriers.get(key) ?? 0) + 1);
      mentions.set(key, (mentions.get(key) ?? 0) + count);
    }
  }
  const needed = Math.max(MIN_STORYLINE_CARRIERS, Math.ceil(members.length * STORYLINE_SHARE));
  const coreKeys = new Set(core);
  const named = [...carriers]
    .filter(([key, n]) => n >= needed && !coreKeys.has(key))
    .sort((a, b) => b[1] - a[1] || mentions.get(b[0])! - mentions.get(a[0])! || (a[0] < b[0] ? -1 : 1))
    .map(([key]) => key);
  return [...core, ...named].filter(isSpecificEntity).slice(0, MAX_STORYLINE_ENTITIES);
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
