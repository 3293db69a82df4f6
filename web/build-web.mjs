// Builds the web UI into dist/web/: the TypeScript in web/src compiled by tsc (browser ES modules,
// no bundler needed), plus index.html, style.css and favicon.svg copied beside it. Run by `npm run build`.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const webDir = fileURLToPath(new URL('.', import.meta.url));
const outDir = fileURLToPath(new URL('../dist/web/', import.meta.url));
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

execFileSync(process.execPath, [tsc, '-p', `${webDir}tsconfig.json`], { stdio: 'inherit' });
mkdirSync(outDir, { recursive: true });
for (const file of ['index.html', 'style.css', 'favicon.svg']) copyFileSync(`${webDir}${file}`, `${outDir}${file}`);
