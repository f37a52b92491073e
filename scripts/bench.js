// `npm run bench`: every throughput bench, one after the other, in separate processes.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const benches = ['bench-xml.js', 'bench-evtx.js'];
let failed = false;
for (const bench of benches) {
  const script = path.join(here, bench);
  if (!existsSync(script)) continue;
  console.log(`\n== ${bench}`);
  const run = spawnSync(process.execPath, [script, ...process.argv.slice(2)], { stdio: 'inherit' });
  if (run.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
