// Copies the data files that sit beside the code in src/ (lexicons, models: *.tsv, *.json) to dist/,
// so `new URL('./agencies.tsv', import.meta.url)` finds them both under tsx and in the build.
import { cpSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const DATA_FILE = /\.(tsv|json|txt)$/;
function copyData(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) copyData(path);
    else if (DATA_FILE.test(name)) cpSync(path, join('dist', relative('src', path)));
  }
}
copyData('src');
