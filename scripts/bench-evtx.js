// Times volact's EVTX reading against libevtx's `evtxexport -f xml` on files built from real logs.
//   npm run build && node scripts/bench-evtx.js [--mb 64] [--keep]
// Two bench files are built at run time in os.tmpdir() (nothing from the samples is committed):
//   - distinct: every distinct chunk of every real sample log in ../shared/samples/evtx, each once. Only chunks
//     whose signature and both CRCs check out are taken, and only from files that `evtxexport` reads whole.
//     Every chunk carries its own templates, so template caches see what they would see on many different logs.
//   - one log: the chunks of the largest such real log only, repeated up to --mb (the common case: one
//     channel's log, whose templates recur chunk after chunk).
// The samples under synthetic/ are ours, not real logs, and are left out. Each chunk is self-contained, so
// chunks behind a fresh file header make a valid EVTX file. Each reader runs in its own process, so its peak
// RSS is its own; evtxexport runs in the same bench run as volact, so both see the same machine load.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32 } from 'node:zlib';
import { timeCli } from './time-cli.js';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const CHUNK = 65536;

if (process.argv[2] === '--child') {
  // Child mode: read one file with volact's reader alone and report counts, time and peak RSS as JSON.
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
  console.log(`bench-evtx: ${samples} not found (the real sample logs live in ../shared); nothing to measure.`);
  process.exit(0);
}
if (!existsSync(join(HERE, '../dist/ingest/evtx/index.js'))) {
  console.error('bench-evtx: dist/ingest/evtx/index.js missing; run `npm run build` first.');
  process.exit(2);
}
const haveEvtxexport = spawnSync('evtxexport', ['-V']).error === undefined;
if (!haveEvtxexport) console.log('evtxexport not installed (apt-get install libevtx-utils): volact only, and every sample file is taken.');

/** Real sample logs (synthetic/ left out) that evtxexport exports without error, each with its clean chunks. */
function realLogs() {
  const out = [];
  const files = readdirSync(samples, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.evtx') && !f.split(/[\\/]/).includes('synthetic'))
    .sort();
  for (const f of files) {
    const path = join(samples, f);
    if (haveEvtxexport && spawnSync('evtxexport', ['-f', 'xml', path], { stdio: 'ignore' }).status !== 0) continue;
    out.push({ name: f, chunks: cleanChunks(readFileSync(path)) });
  }
  return out;
}

/** Chunks whose signature and both CRCs check out. */
function cleanChunks(b) {
  const out = [];
  for (let o = 4096; o + CHUNK <= b.length; o += CHUNK) {
    const c = b.subarray(o, o + CHUNK);
    if (c.toString('latin1', 0, 8) !== 'ElfChnk\0') continue;
    const free = c.readUInt32LE(48);
    if (free < 512 || free > CHUNK) continue;
    const headerOk = crc32(c.subarray(128, 512), crc32(c.subarray(0, 120))) === c.readUInt32LE(124);
    const dataOk = crc32(c.subarray(512, free)) === c.readUInt32LE(52);
    if (headerOk && dataOk) out.push(Buffer.from(c));
  }
  return out;
}

/** Every chunk once: copies of the same log (the sample sets share some files) add nothing new. */
function distinct(logs) {
  const seen = new Set();
  const out = [];
  for (const log of logs) {
    for (const c of log.chunks) {
      const key = createHash('sha256').update(c).digest('hex');
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(c);
    }
  }
  return out;
}

function writeEvtx(path, chunks) {
  const n = chunks.length;
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
  writeFileSync(path, Buffer.concat([header, ...chunks]));
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

function timeEvtxexport(file) {
  if (!haveEvtxexport || !existsSync('/usr/bin/time')) return undefined;
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M %U %S', 'evtxexport', '-f', 'xml', file], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`evtxexport failed on the bench file: ${r.stderr.slice(0, 500)}`);
  const [secs, kb, user, sys] = r.stderr.trim().split('\n').at(-1).split(' ').map(Number);
  return { seconds: secs, cpu: user + sys, rss: kb / 1024 };
}

const row = (label, r, mb) =>
  `  ${label.padEnd(30)} wall ${r.seconds.toFixed(2).padStart(6)} s ${(mb / r.seconds).toFixed(1).padStart(6)} MB/s | cpu ${r.cpu.toFixed(2).padStart(6)} s | peak RSS ${r.rss.toFixed(0).padStart(5)} MiB`;

/**
 * The commands a user runs, end to end through the CLI (start-up and output included, stdout to /dev/null),
 * against evtxexport timed in the same run: `events --all` prints every record, `analyze` keeps only the
 * activation-related ones. The ratio is evtxexport's time over volact's: above 1, volact is faster.
 */
async function measure(label, file) {
  const mb = statSync(file).size / 1e6;
  console.log(`\n${label}: ${(statSync(file).size / 1048576).toFixed(1)} MiB (load average ${loadavg().map((x) => x.toFixed(2)).join(' ')})`);
  const lib = timeEvtxexport(file);
  if (lib) console.log(row('evtxexport -f xml', lib, mb));
  const cases = [
    ['volact events --all -f jsonl', ['events', file, '--all', '-f', 'jsonl'], 4],
    ['volact analyze -f json', ['analyze', file, '-f', 'json', '--now', '2024-03-01T00:00:00Z'], 5],
  ];
  for (const [what, args, floor] of cases) {
    // The one-log file is a Security log: analyze reads it whole and then says no machine could be judged (exit 2).
    const t = timeCli(args, { exitCodes: [0, 1, 2] });
    const r = { seconds: t.seconds, cpu: t.cpuSeconds, rss: t.rssMb };
    const ratio = lib ? ` | ${(lib.seconds / r.seconds).toFixed(2)}× evtxexport wall, ${(lib.cpu / r.cpu).toFixed(2)}× cpu (floor ${floor}× wall)` : '';
    console.log(row(what, r, mb) + ratio);
  }
  // The reader alone, without the CLI around it.
  for (const [what, threads] of [['reader only, in-thread', '0'], ['reader only, 2 decoder threads', '2']]) {
    const c = await runChild(process.execPath, [fileURLToPath(import.meta.url), '--child', file], { VOLACT_EVTX_THREADS: threads });
    const j = JSON.parse(c.out);
    console.log(row(what, { seconds: j.seconds, cpu: j.cpuSeconds, rss: j.maxRssKb / 1024 }, mb) + ` | ${j.events} events, ${j.rejected} rejected`);
  }
}

const dir = mkdtempSync(join(tmpdir(), 'volact-bench-evtx-'));
try {
  const logs = realLogs();
  const all = distinct(logs);
  if (all.length === 0) throw new Error('no clean chunks in the real samples');
  const distinctFile = join(dir, 'distinct.evtx');
  writeEvtx(distinctFile, all);
  const largest = logs.reduce((a, b) => (b.chunks.length > a.chunks.length ? b : a));
  const oneLog = [];
  while ((oneLog.length + largest.chunks.length) * CHUNK <= targetBytes || oneLog.length === 0) oneLog.push(...largest.chunks);
  const oneLogFile = join(dir, 'one-log.evtx');
  writeEvtx(oneLogFile, oneLog);
  console.log(`${logs.length} real sample logs that evtxexport reads whole; ${all.length} distinct clean chunks`);
  await measure(`distinct chunks (${all.length} chunks, each once, from ${logs.length} logs)`, distinctFile);
  await measure(`one log (${largest.name}: its ${largest.chunks.length} chunks, repeated to ${oneLog.length} chunks)`, oneLogFile);
} finally {
  if (keep) console.log(`kept ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}
