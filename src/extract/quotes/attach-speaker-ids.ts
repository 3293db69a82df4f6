/**
 * Gives each quote's speaker the identity of the entity it names: "Kirby" → person:john-kirby (shown as
 * "John Kirby"), "er" → the nearest person named before it. Runs after entities and quotes are found.
 */
import type { EntityMention, Quote } from '../../article.js';

/** Personal pronouns, and possessives where the possessor speaks ("nach ihren Worten", "seiner Ansicht nach"). */
const PRONOUN = /^(er|sie|Er|Sie|he|she|He|She|[sS]eine[nmr]?|[iI]hre[nmr]?|his|her|His|Her)$/;

export function attachSpeakerIds(quotes: readonly Quote[], entities: readonly EntityMention[], text: string): Quote[] {
  const speakers = entities.filter((e) => e.canonical !== null && (e.type === 'person' || e.type === 'organization'));
  const displayName = bestNames(speakers);
  return quotes.map((q) => {
    if (q.speakerStart === null || q.speakerEnd === null) return { ...q, speakerId: null };
    const inside = speakers.filter((e) => e.start < q.speakerEnd! && e.end > q.speakerStart!);
    const mention = text.slice(q.speakerStart, q.speakerEnd);
    // the head of a German noun phrase comes last: "Putins außenpolitischer Berater Juri Uschakow" is Uschakow
    const chosen =
      inside.filter((e) => e.type === 'person').pop() ??
      inside[inside.length - 1] ??
      (PRONOUN.test(mention) && !pluralVerbAfter(text, q.speakerEnd) ? nearestPersonBefore(speakers, q.speakerStart) : undefined) ??
      personIntroducedAs(mention, speakers, text, q.speakerStart);
    if (!chosen) return { ...q, speakerId: null };
    return { ...q, speakerId: chosen.canonical, speaker: displayName.get(chosen.canonical!) ?? q.speaker };
  });
}

/** The longest way the article writes each entity's name ("John Kirby" over "Kirby"), offices left aside. */
function bestNames(entities: readonly EntityMention[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const e of entities) {
    if (!/^\p{Lu}/u.test(e.text)) continue; // "russische Präsident" is an office, not a name
    const current = names.get(e.canonical!);
    if (!current || e.text.length > current.length) names.set(e.canonical!, e.text);
  }
  return names;
}

function nearestPersonBefore(entities: readonly EntityMention[], offset: number): EntityMention | undefined {
  let best: EntityMention | undefined;
  for (const e of entities) if (e.type === 'person' && e.end <= offset && (!best || e.start > best.start)) best = e;
  return best;
}

/** "Sie riefen …", "sie erklärten": a plural verb after the pronoun, so it stands for a group, not the last person. */
function pluralVerbAfter(text: string, offset: number): boolean {
  const next = /^\s+(\p{Ll}+)/u.exec(text.slice(offset, offset + 40))?.[1];
  return !!(next !== undefined && /en$/.test(next) && !/^(haben|hatten)$/.test(next) );
}

/**
 * "so der Berater weiter" after "… Berater Juri Uschakow …": a role noun that stood right before a
 * person's name earlier in the article stands for that person.
 */
function personIntroducedAs(mention: string, entities: readonly EntityMention[], text: string, before: number): EntityMention | undefined {
  const head = /(\p{Lu}[\p{L}-]+)$/u.exec(mention)?.[1];
  if (!head || head.length < 4) return undefined;
  const introduces = new RegExp(`${head}[\\p{L}]*\\s+(?:[\\p{L}-]+\\s+){0,2}$`, 'u');
  let found: EntityMention | undefined;
  for (const e of entities) {
    if (e.type !== 'person' || e.start >= before) continue;
    if (introduces.test(text.slice(Math.max(0, e.start - head.length - 40), e.start))) found = e;
  }
  return found;
}
