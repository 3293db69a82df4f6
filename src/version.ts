/** storytrace's version, read from package.json (one level above src/ and dist/), for --version, the API and the User-Agent. */
import { readFileSync } from 'node:fs';

export const STORYTRACE_VERSION: string = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
