// Times volact's EVTX reader against libevtx's `evtxexport -f xml` on the same large file.
//   npm run build && node scripts/bench-evtx.js [--mb 64] [--keep]
// The file is built in os.tmpdir() from the sample chunks (../shared/samples/evtx) that libevtx
// reads cleanly: each chunk is self-contained, so copies of CRC-valid chunks behind a fresh file
// header make a valid EVTX file of any size. Each reader runs in its own process, so peak RSS is
// that reader's alone.
import { spawn, spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32 } from 'node:zlib';
import { timeCli } from './time-cli.js';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const CHUNK = 65536;

if (process.argv[2] === '--child') {
  // Child mode: read one file with volact and report counts, time and peak RSS as JSON.
  const { readEvtx } = await import('../dist/ingest/evtx/index.js');
  const file = process.argv[3];
  const t0 = process.hrtime.bigint();
  let events = 0, rejected = 0;
  for await (const it of readEvtx(createReadStream(file, { highWaterMark: 1 << 20 }), { file })) {
    if (it.kind === 'event') events++;
    else if (it.kind === 'rejected') rejected++;
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const ru = process.resourceUsage(); // CPU of all threads of this process, including start-up
  const cpuSeconds = (ru.userCPUTime + ru.systemCPUTime) / 1e6;
  process.stdout.write(JSON.stringify({ events, rejected, seconds, cpuSeconds, maxRssKb: ru.maxRSS }));
  process.exit(0);
}

const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : dflt;
};
const targetBytes = Number(arg('--mb', '64')) * 1024 * 1024;
const keep = process.argv.includes('--keep');

const samples = join(HERE, '../../shared/samples/evtx');
if (!existsSync(samples)) {
  console.log(`bench-evtx: ${samples} not found; nothing to measure.`);
  process.exit(0);
}
if (!existsSync(join(HERE, '../dist/ingest/evtx/index.js'))) {
  console.error('bench-evtx: dist/ingest/evtx/index.js missing; run `npm run build` first.');
  process.exit(2);
}
const haveEvtxexport = spawnSync('evtxexport', ['-V']).error === undefined;

/** Chunks whose signature and both CRCs check out, from files libevtx exports without error. */
function cleanChunks() {
  const out = [];
  const files = readdirSync(samples, { recursive: true }).filter((f) => String(f).endsWith('.evtx')).sort();
  for (const f of files) {
    const path = join(samples, String(f));
    if (haveEvtxexport && spawnSync('evtxexport', ['-f', 'xml', path], { stdio: 'ignore' }).status !== 0) continue;
    const b = readFileSync(path);
    for (let o = 4096; o + CHUNK <= b.length; o += CHUNK) {
      const c = b.subarray(o, o + CHUNK);
      if (c.toString('latin1', 0, 8) !== 'ElfChnk\0') continue;
      const free = c.readUInt32LE(48);
      if (free < 512 || free > CHUNK) continue;
      const headerOk = crc32(c.subarray(128, 512), crc32(c.subarray(0, 120))) === c.readUInt32LE(124);
      const dataOk = crc32(c.subarray(512, free)) === c.readUInt32LE(52);
      if (headerOk && dataOk) out.push(Buffer.from(c));
    }
  }
  return out;
}

function buildFile(path) {
  const chunks = cleanChunks();
  if (chunks.length === 0) throw new Error('no clean chunks in the samples');
  const n = Math.ceil(targetBytes / CHUNK);
  const header = Buffer.alloc(4096);
  header.write('ElfFile\0', 0, 'latin1');
  header.writeBigUInt64LE(0n, 8);
  header.writeBigUInt64LE(BigInt(n - 1), 16);
  header.writeBigUInt64LE(1n, 24);
  header.writeUInt32LE(128, 32);
  header.writeUInt16LE(1, 36);
  header.writeUInt16LE(3, 38);
  header.writeUInt16LE(4096, 40);
  header.writeUInt16LE(Math.min(n, 0xffff), 42);
  header.writeUInt32LE(crc32(header.subarray(0, 120)), 124);
  const parts = [header];
  for (let i = 0; i < n; i++) parts.push(chunks[i % chunks.length]);
  writeFileSync(path, Buffer.concat(parts));
  return { chunks: n, distinct: chunks.length };
}

function runChild(cmd, args, env) {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const p = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'ignore'], env: { ...process.env, ...env } });
    let out = '';
    p.stdout.on('data', (d) => {
      if (out.length < 4096) out += d;
    });
    p.on('error', reject);
    p.on('close', (code) => resolve({ code, seconds: Number(process.hrtime.bigint() - t0) / 1e9, out }));
  });
}

/**
 * The commands a user runs, end to end through the CLI (start-up and output included, stdout to /dev/null),
 * against evtxexport timed in the same run: `events --all` prints every record, `analyze` keeps only the
 * activation-related ones.
 */
function cliAgainstEvtxexport(file, mb, libevtx) {
  const cases = [
    ['volact events --all -f jsonl', ['events', file, '--all', '-f', 'jsonl'], 4],
    ['volact analyze -f json', ['analyze', file, '-f', 'json', '--now', '2024-03-01T00:00:00Z'], 5],
  ];
  console.log('CLI end to end:');
  for (const [label, args, floor] of cases) {
    const r = timeCli(args);
    const ratio = libevtx ? ` | ${(libevtx.seconds / r.seconds).toFixed(2)}× evtxexport (floor ${floor}×)` : '';
    const cpuRatio = libevtx && Number.isFinite(libevtx.cpu) ? `, cpu ${(libevtx.cpu / r.cpuSeconds).toFixed(2)}×` : '';
    console.log(`${label.padEnd(30)} wall ${r.seconds.toFixed(2).padStart(6)} s ${(mb / r.seconds).toFixed(1).padStart(7)} MB/s | cpu ${r.cpuSeconds.toFixed(2).padStart(6)} s | peak RSS ${r.rssMb.toFixed(0).padStart(5)} MiB${ratio}${cpuRatio}`);
  }
}

const dir = mkdtempSync(join(tmpdir(), 'volact-bench-evtx-'));
const file = join(dir, 'bench.evtx');
try {
  const built = buildFile(file);
  const size = statSync(file).size;
  const mb = size / 1e6;
  console.log(`bench file: ${file} — ${(size / 1048576).toFixed(1)} MiB, ${built.chunks} chunks (${built.distinct} distinct clean sample chunks)`);

  const results = [];
  for (const [label, threads] of [['volact (in-thread)', '0'], ['volact (2 worker threads)', '2']]) {
    const r = await runChild(process.execPath, [fileURLToPath(import.meta.url), '--child', file], { VOLACT_EVTX_THREADS: threads });
    const j = JSON.parse(r.out);
    results.push({ label, mbps: mb / j.seconds, seconds: j.seconds, cpu: j.cpuSeconds, events: j.events, rss: j.maxRssKb / 1024 });
  }
  let libevtx;
  if (haveEvtxexport) {
    const timeBin = existsSync('/usr/bin/time');
    const r = timeBin
      ? spawnSync('/usr/bin/time', ['-f', '%e %M %U %S', 'evtxexport', '-f', 'xml', file], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 26 })
      : null;
    if (r && r.status === 0) {
      const [secs, kb, user, sys] = r.stderr.trim().split('\n').at(-1).split(' ').map(Number);
      libevtx = { label: 'evtxexport -f xml', mbps: mb / secs, seconds: secs, cpu: user + sys, rss: kb / 1024 };
    } else {
      const t = await runChild('evtxexport', ['-f', 'xml', file], {});
      libevtx = { label: 'evtxexport -f xml', mbps: mb / t.seconds, seconds: t.seconds, cpu: NaN, rss: NaN };
    }
    results.push(libevtx);
  } else {
    console.log('evtxexport not installed (apt-get install libevtx-utils): volact only.');
  }
  // Wall time is what a user waits for; CPU time (all threads) is steadier on a busy machine.
  for (const r of results) {
    console.log(`${r.label.padEnd(26)} wall ${r.seconds.toFixed(2).padStart(6)} s ${r.mbps.toFixed(1).padStart(7)} MB/s | cpu ${r.cpu.toFixed(2).padStart(6)} s ${(mb / r.cpu).toFixed(1).padStart(7)} MB/s per cpu-second | peak RSS ${r.rss.toFixed(0).padStart(5)} MiB${r.events !== undefined ? ` | ${r.events} events` : ''}`);
  }
  if (libevtx) {
    for (const r of results.slice(0, 2)) {
      console.log(`ratio ${r.label} / evtxexport: wall ${(r.mbps / libevtx.mbps).toFixed(2)}×, cpu ${(libevtx.cpu / r.cpu).toFixed(2)}× (target ≥ 3×)`);
    }
  }
  cliAgainstEvtxexport(file, mb, libevtx);
} finally {
  if (keep) console.log(`kept ${file}`);
  else rmSync(dir, { recursive: true, force: true });
}
