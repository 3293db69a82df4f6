// Reads the link stage's fixture cases (test/fixtures/link/<case>/).
import { readFileSync } from 'node:fs';

export function readCase(name: string, file: string): string {
  return readFileSync(new URL(`../fixtures/link/${name}/${file}`, import.meta.url), 'utf8');
}

export function readExpected<T>(name: string): T {
  return JSON.parse(readCase(name, 'expected.json')) as T;
}

const SYLLABLES = ['ber', 'lin', 'gen', 'stadt', 'rat', 'haus', 'wald', 'feld', 'mark', 'burg', 'see', 'tal', 'brück', 'dorf', 'land', 'amt', 'schul', 'bahn', 'hof', 'werk'];

/**
 * A German-looking paragraph of 24 invented words, different for every `seed`: long bulk texts
 * for the size tests without the repeated phrases that templated text would have.
 */
export function inventedParagraph(seed: number): string {
  let state = (seed * 2654435761 + 12345) >>> 0;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state >>> 8;
  };
  const word = () => SYLLABLES[next() % SYLLABLES.length]! + SYLLABLES[next() % SYLLABLES.length]! + SYLLABLES[next() % SYLLABLES.length]!;
  const words = Array.from({ length: 24 }, word);
  words[0] = words[0]![0]!.toUpperCase() + words[0]!.slice(1);
  return `${words.join(' ')}.`;
}
