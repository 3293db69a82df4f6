// Reads the link stage's fixture cases (test/fixtures/link/<case>/).
import { readFileSync } from 'node:fs';

export function readCase(name: string, file: string): string {
  return readFileSync(new URL(`../fixtures/link/${name}/${file}`, import.meta.url), 'utf8');
}

export function readExpected<T>(name: string): T {
  return JSON.parse(readCase(name, 'expected.json')) as T;
}
