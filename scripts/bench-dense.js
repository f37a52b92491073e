// The activation-dense bench: a 200 MB export where three quarters of the records are activation events
// (12288/12289 of 5,000 clients interleaved with one KMS host's 12290s, plus unrelated Application events),
// the shape of a Windows Event Forwarding collector or a busy KMS host's logs. Each command runs the CLI
// end to end in its own process (start-up, read, decode, rules, render, write to /dev/null); /usr/bin/time
// gives wall time and peak RSS.
//   npm run build && node scripts/bench-dense.js [sizeMB]
import { createWriteStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { denseExportChunks } from '../test/helpers/dense-export.js';
import { timeCli } from './time-cli.js';

const targetMb = Number(process.argv[2] ?? 200);
const CLIENTS = 5000;
const dir = path.join(tmpdir(), 'volact-bench');
const file = path.join(dir, `dense-${targetMb}mb-${CLIENTS}.xml`);
const NOW = '2024-02-01T00:00:00Z';

async function generate() {
  mkdirSync(dir, { recursive: true });
  const out = createWriteStream(file);
  for (const chunk of denseExportChunks({ clients: CLIENTS, targetBytes: targetMb * 1024 * 1024 })) {
    if (!out.write(chunk)) await new Promise((r) => out.once('drain', r));
  }
  await new Promise((r) => out.end(r));
}

if (!existsSync(file) || statSync(file).size < targetMb * 1024 * 1024) {
  process.stdout.write(`generating ${file} …\n`);
  await generate();
}
const mb = statSync(file).size / 1024 / 1024;
console.log(`dense export: ${mb.toFixed(1)} MB, ${CLIENTS} clients, three quarters activation events (one host's 12290s interleaved)`);
const cases = [
  ['analyze -f json', ['analyze', file, '-f', 'json', '--now', NOW], '≥ 40 MB/s, ≤ 300 MB'],
  ['analyze -f md', ['analyze', file, '-f', 'md', '--now', NOW], '≥ 40 MB/s, ≤ 300 MB'],
  ['events -f jsonl', ['events', file, '-f', 'jsonl'], '≥ 60 MB/s'],
];
for (const [label, args, floor] of cases) {
  const r = timeCli(args);
  console.log(`  ${label.padEnd(16)} wall ${r.seconds.toFixed(2).padStart(6)} s ${(mb / r.seconds).toFixed(1).padStart(6)} MB/s | cpu ${r.cpuSeconds.toFixed(2).padStart(6)} s ${(mb / r.cpuSeconds).toFixed(1).padStart(6)} MB/s | peak RSS ${r.rssMb.toFixed(0).padStart(5)} MB   (floor ${floor})`);
}
