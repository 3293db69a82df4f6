// Runs every bench/*.bench.mjs in turn (`npm run bench` builds first), after a header with the machine
// facts the numbers depend on. Each benchmark is a standalone script that prints its own result lines.
//   node --expose-gc bench/run.mjs [name-filter…]
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const benchDir = fileURLToPath(new URL('.', import.meta.url));
const filters = process.argv.slice(2);
const benches = readdirSync(benchDir)
  .filter((name) => name.endsWith('.bench.mjs'))
  .filter((name) => filters.length === 0 || filters.some((f) => name.includes(f)))
  .sort();

const cpu = cpus();
const gb = (bytes) => (bytes / 2 ** 30).toFixed(1);
console.log(`# storytrace benchmarks, ${new Date().toISOString()}`);
console.log(`# node ${process.version} on ${process.platform}/${process.arch}; ${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown CPU'})`);
// Load average matters on a shared machine: a busy neighbour halves every number below.
console.log(`# memory ${gb(totalmem())} GB (${gb(freemem())} GB free); load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
const benchEnv = Object.entries(process.env).filter(([key]) => key.startsWith('BENCH_')).map(([k, v]) => `${k}=${v} `);
console.log(`# command: ${benchEnv.join('')}node ${process.execArgv.join(' ')} bench/run.mjs ${filters.join(' ')}`.trimEnd());

let failed = 0;
for (const name of benches) {
  const args = [...process.execArgv, join(benchDir, name)];
  console.log(`\n## ${name}: node ${[...process.execArgv, `bench/${name}`].join(' ')}`);
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { stdio: 'inherit', env: process.env });
  const seconds = ((performance.now() - start) / 1000).toFixed(1);
  if (result.status !== 0) failed += 1;
  console.log(`## ${name}: ${result.status === 0 ? 'done' : `failed (exit ${result.status})`} in ${seconds} s`);
}
if (benches.length === 0) console.log(`no bench/*.bench.mjs matches ${filters.join(' ')}`);
process.exitCode = failed > 0 || benches.length === 0 ? 1 : 0;
