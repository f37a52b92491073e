// `npm run bench`: every throughput bench, one after the other, in separate processes.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
// [script, args]: the XML bench with activation events as a tenth of an Application export, as half of it,
// and a Key Management Service log (every record a 12290, so every record a fact kept for the rules).
const benches = [
  ['bench-xml.js', ['200', '27']],
  ['bench-xml.js', ['200', '3']],
  ['bench-xml.js', ['200', 'kms']],
  // Three quarters activation events: 5,000 and 50,000 clients' 12288/12289 with one host's 12290s, record ids per
  // channel and interleaved, end to end through the CLI.
  ['bench-dense.js', ['200']],
  ['bench-evtx.js', []],
];
let failed = false;
for (const [bench, args] of benches) {
  const script = path.join(here, bench);
  if (!existsSync(script)) continue;
  console.log(`\n== ${bench} ${args.join(' ')}`);
  const run = spawnSync(process.execPath, [script, ...args], { stdio: 'inherit' });
  if (run.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
