// The activation-dense bench: a 200 MB export where three quarters of the records are activation events
// (12288/12289 of many clients interleaved with one KMS host's 12290s, plus unrelated Application events),
// the shape of a Windows Event Forwarding collector or a busy KMS host's logs. Four shapes: 5,000 and 50,000
// clients, each with record ids numbered per channel and with one counter across channels (so that every
// channel's ids jump). Each command runs the CLI end to end in its own process (start-up, read, decode, rules,
// render, write to /dev/null); /usr/bin/time gives wall time, CPU time (all threads) and peak RSS.
//   npm run build && node scripts/bench-dense.js [sizeMB] [--clients 5000,50000] [--ids per-channel,interleaved] [--only json,md,events]
import { createWriteStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { denseExportChunks } from '../test/helpers/dense-export.js';
import { timeCli } from './time-cli.js';

const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : dflt;
};
const targetMb = Number(process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : 200);
const clientCounts = arg('--clients', '5000,50000').split(',').map(Number);
const idShapes = arg('--ids', 'per-channel,interleaved').split(',');
const only = arg('--only', 'json,md,events').split(',');
const dir = path.join(tmpdir(), 'volact-bench');
const NOW = '2024-02-01T00:00:00Z';

async function generate(file, clients, ids) {
  mkdirSync(dir, { recursive: true });
  const out = createWriteStream(file);
  for (const chunk of denseExportChunks({ clients, targetBytes: targetMb * 1024 * 1024, ids })) {
    if (!out.write(chunk)) await new Promise((r) => out.once('drain', r));
  }
  await new Promise((r) => out.end(r));
}

const cases = [
  ['json', 'analyze -f json', (file) => ['analyze', file, '-f', 'json', '--now', NOW], 40, '≥ 40 MB/s, ≤ 300 MB'],
  ['md', 'analyze -f md', (file) => ['analyze', file, '-f', 'md', '--now', NOW], 40, '≥ 40 MB/s, ≤ 300 MB'],
  ['events', 'events -f jsonl', (file) => ['events', file, '-f', 'jsonl'], 60, '≥ 60 MB/s'],
].filter(([key]) => only.includes(key));

for (const clients of clientCounts) {
  for (const ids of idShapes) {
    const file = path.join(dir, `dense-${targetMb}mb-${clients}-${ids}.xml`);
    if (!existsSync(file) || statSync(file).size < targetMb * 1024 * 1024) {
      process.stdout.write(`generating ${file} …\n`);
      await generate(file, clients, ids);
    }
    const mb = statSync(file).size / 1024 / 1024;
    console.log(`\ndense export: ${mb.toFixed(1)} MB, ${clients} clients, record ids ${ids}, three quarters activation events`);
    for (const [, label, args, , floor] of cases) {
      const load = loadavg()[0];
      const r = timeCli(args(file));
      console.log(`  ${label.padEnd(16)} wall ${r.seconds.toFixed(2).padStart(6)} s ${(mb / r.seconds).toFixed(1).padStart(6)} MB/s | cpu ${r.cpuSeconds.toFixed(2).padStart(6)} s ${(mb / r.cpuSeconds).toFixed(1).padStart(6)} MB/s | peak RSS ${r.rssMb.toFixed(0).padStart(5)} MB | load ${load.toFixed(1)}   (floor ${floor})`);
    }
  }
}
