// Fuzz harness: mutates seed inputs for every reader and checks that nothing escapes, nothing hangs, memory
// stays bounded and the accounting holds. Each reader family runs in a worker thread behind a watchdog: a
// synchronous hang is stopped by terminating the thread, and the hung input is rebuilt from (seed, index).
//
// Usage: npm run fuzz -- [--time SECONDS | --count N] [--seed N] [--families a,b] [--jobs N] [--out DIR]
//                        [--no-samples] [--minimize N]
//   --time     seconds per reader family (default 20); --count stops each family after N inputs
//   --jobs     families fuzzed at once (default: cores, at most 4)
//   --out      where minimized failing inputs are written (default: $TMPDIR/volact-fuzz)
// Exit code 1 when anything was found. Found inputs become fixtures under fixtures/hostile/found/.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { getHeapStatistics } from 'node:v8';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// The harness is test tooling (test/fuzz/lib/), not part of the build: it runs from the TypeScript sources.
// Each thread registers the loader itself, since worker threads do not inherit the parent's hooks.
register();
const fuzz = await import(path.join(root, 'test/fuzz/lib/index.ts'));

// The EVTX reader would start its own decoder threads for big inputs; the fuzzer runs them in-thread.
process.env.VOLACT_EVTX_THREADS = '0';

/** A stuck input: no progress for this long (plus a per-byte allowance) means a hang. */
const HANG_BASE_MS = 15_000;
/** An input slower than this (base + per KB) breaks the time bound, reported but not a hang. */
const SLOW_BASE_MS = 2_000;
const SLOW_PER_KB_MS = 20;
/** Heap a reader family may use; beyond it the worker dies with ERR_WORKER_OUT_OF_MEMORY. */
const HEAP_LIMIT_MB = 768;

if (isMainThread) await main();
else await workerMain();

function parseArgs(argv) {
  const opts = { time: undefined, count: undefined, seed: 1, families: undefined, jobs: Math.min(4, availableParallelism()), out: path.join(tmpdir(), 'volact-fuzz'), samples: true, minimize: 400 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => argv[++i];
    if (a === '--time') opts.time = Number(next());
    else if (a === '--count') opts.count = Number(next());
    else if (a === '--seed') opts.seed = Number(next());
    else if (a === '--families') opts.families = next().split(',');
    else if (a === '--jobs') opts.jobs = Number(next());
    else if (a === '--out') opts.out = next();
    else if (a === '--no-samples') opts.samples = false;
    else if (a === '--minimize') opts.minimize = Number(next());
    else throw new Error(`unknown option ${a}`);
  }
  if (opts.time === undefined && opts.count === undefined) opts.time = 20;
  return opts;
}

function seedDirs(opts) {
  const dirs = [path.join(root, 'fixtures')];
  const samples = path.resolve(root, '../shared/samples');
  if (opts.samples && existsSync(samples)) dirs.push(samples);
  return dirs;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const dirs = seedDirs(opts);
  const seeds = fuzz.loadSeeds(dirs);
  const families = [...seeds.keys()].filter((f) => !opts.families || opts.families.includes(f)).sort();
  console.log(`seeds from ${dirs.join(', ')}: ${families.map((f) => `${f} ${seeds.get(f).length}`).join(', ')}`);
  console.log(`budget per family: ${opts.time !== undefined ? `${opts.time} s` : ''}${opts.time !== undefined && opts.count !== undefined ? ' or ' : ''}${opts.count !== undefined ? `${opts.count} inputs` : ''}; ${opts.jobs} at once; run seed ${opts.seed}`);
  mkdirSync(opts.out, { recursive: true });

  const started = Date.now();
  const results = [];
  const queue = [...families];
  const runners = Array.from({ length: Math.max(1, opts.jobs) }, async () => {
    for (let family = queue.shift(); family; family = queue.shift()) {
      const result = await fuzzFamily(family, seeds.get(family), opts);
      results.push(result);
      // One line per family as it ends, so a long run interrupted later still leaves its figures.
      console.log(`done ${family}: ${result.inputs} inputs in ${(result.ms / 1000).toFixed(0)} s, ${result.findings.length} finding(s), by reader ${JSON.stringify(result.byKind)}`);
    }
  });
  await Promise.all(runners);
  report(results, opts, Date.now() - started);
}

/** Runs one family to its budget, restarting the worker after a hang or an out-of-memory death. */
async function fuzzFamily(family, seeds, opts) {
  const total = { family, inputs: 0, ms: 0, bytes: 0, byKind: {}, records: 0, events: 0, rejected: 0, findings: [], peakHeapMb: 0, slowest: { ms: 0, bytes: 0, index: -1 } };
  const deadline = opts.time !== undefined ? Date.now() + opts.time * 1000 : Infinity;
  let start = 0;
  while (Date.now() < deadline && (opts.count === undefined || total.inputs < opts.count)) {
    const remainingCount = opts.count === undefined ? undefined : opts.count - total.inputs;
    const remainingMs = deadline === Infinity ? undefined : deadline - Date.now();
    const outcome = await runWorker(family, opts, start, remainingCount, remainingMs, total);
    if (outcome.done) break;
    // The worker died on input `outcome.index`: keep that input, go on after it.
    const input = fuzz.makeInput(family, seeds, opts.seed, outcome.index);
    total.findings.push(save(opts.out, { family, index: outcome.index, property: outcome.property, detail: outcome.detail, bytes: input.bytes, mutations: input.mutations, options: input.options }));
    total.inputs++;
    start = outcome.index + 1;
  }
  return total;
}

function runWorker(family, opts, startIndex, count, timeMs, total) {
  return new Promise((resolve) => {
    const progress = new Int32Array(new SharedArrayBuffer(8));
    progress[0] = startIndex;
    const worker = new Worker(fileURLToPath(import.meta.url), {
      workerData: { family, dirs: seedDirs(opts), runSeed: opts.seed, startIndex, count, timeMs, minimize: opts.minimize, progress },
      resourceLimits: { maxOldGenerationSizeMb: HEAP_LIMIT_MB },
    });
    let lastBeat = -1;
    let lastChange = Date.now();
    let settled = false;
    const finish = (value) => {
      if (settled) return;
      settled = true;
      if (latest) add(latest.stats, latest.peakHeapMb);
      clearInterval(watch);
      resolve(value);
    };
    const watch = setInterval(() => {
      const index = Atomics.load(progress, 0);
      const beat = Atomics.load(progress, 1);
      if (beat !== lastBeat) {
        lastBeat = beat;
        lastChange = Date.now();
        return;
      }
      if (Date.now() - lastChange > HANG_BASE_MS) {
        void worker.terminate();
        finish({ done: false, index, property: 'hang', detail: `no progress for ${HANG_BASE_MS} ms` });
      }
    }, 500);
    // Running totals of this worker: what it did before a hang or a crash still counts.
    let latest;
    const add = (s, peakHeapMb) => {
      total.inputs += s.inputs;
      total.ms += s.ms;
      total.bytes += s.bytes;
      total.records += s.records;
      total.events += s.events;
      total.rejected += s.rejected;
      total.peakHeapMb = Math.max(total.peakHeapMb, peakHeapMb);
      for (const [k, n] of Object.entries(s.byKind)) total.byKind[k] = (total.byKind[k] ?? 0) + n;
      if (s.slowest.ms > total.slowest.ms) total.slowest = s.slowest;
    };
    worker.on('message', (msg) => {
      if (msg.type === 'finding') total.findings.push(save(opts.out, msg.finding));
      if (msg.type === 'progress') latest = msg;
      if (msg.type === 'stats') {
        latest = undefined;
        add(msg.stats, msg.peakHeapMb);
        finish({ done: true });
      }
    });
    worker.on('error', (error) => {
      const index = Atomics.load(progress, 0);
      const property = error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : 'exception';
      finish({ done: false, index, property, detail: `worker died: ${error.message}` });
    });
    worker.on('exit', () => finish({ done: true }));
  });
}

function save(out, finding) {
  const base = path.join(out, `${finding.family}-${finding.index}-${finding.property}`);
  writeFileSync(`${base}.bin`, finding.bytes);
  const { bytes, ...meta } = finding;
  writeFileSync(`${base}.json`, JSON.stringify({ ...meta, size: bytes.length }, null, 2) + '\n');
  return { ...meta, file: `${base}.bin`, size: bytes.length };
}

function report(results, opts, wallMs) {
  results.sort((a, b) => a.family.localeCompare(b.family));
  console.log('\nfamily                 inputs   seconds  inputs/s  records   events  rejected  peak heap  slowest');
  const byKind = {};
  let inputs = 0;
  let findings = 0;
  for (const r of results) {
    inputs += r.inputs;
    findings += r.findings.length;
    for (const [k, n] of Object.entries(r.byKind)) byKind[k] = (byKind[k] ?? 0) + n;
    const rate = r.ms > 0 ? (r.inputs / (r.ms / 1000)).toFixed(0) : '-';
    console.log(
      `${r.family.padEnd(22)} ${String(r.inputs).padStart(7)} ${(r.ms / 1000).toFixed(1).padStart(9)} ${rate.padStart(9)} ${String(r.records).padStart(8)} ${String(r.events).padStart(8)} ${String(r.rejected).padStart(9)} ${`${r.peakHeapMb.toFixed(0)} MB`.padStart(10)}  ${r.slowest.ms.toFixed(0)} ms (${r.slowest.bytes} B)`,
    );
  }
  console.log(`\ninputs by the reader that read them: ${Object.entries(byKind).sort().map(([k, n]) => `${k} ${n}`).join(', ')}`);
  console.log(`total: ${inputs} inputs in ${(wallMs / 1000).toFixed(0)} s wall (${(inputs / (wallMs / 1000)).toFixed(0)} inputs/s with ${opts.jobs} jobs)`);
  if (findings === 0) {
    console.log('nothing found: no exception, hang, memory blow-up, slow input or broken accounting');
    return;
  }
  console.log(`\n${findings} finding(s), minimized inputs in ${opts.out}/:`);
  for (const r of results) for (const f of r.findings) console.log(`  ${f.file} (${f.size} B) ${f.property}: ${String(f.detail).split('\n')[0].slice(0, 160)}`);
  process.exitCode = 1;
}

async function workerMain() {
  const { family, dirs, runSeed, startIndex, count, timeMs, minimize, progress } = workerData;
  const seeds = fuzz.loadSeeds(dirs).get(family);
  let peakHeap = 0;
  let sinceHeapCheck = 0;
  const stats = await fuzz.runCampaign({
    family,
    seeds,
    runSeed,
    startIndex,
    ...(count !== undefined ? { count } : {}),
    ...(timeMs !== undefined ? { timeMs } : {}),
    minimizeTries: minimize,
    onProgress: (running) => parentPort.postMessage({ type: 'progress', stats: running, peakHeapMb: peakHeap / 1024 / 1024 }),
    maxFindingsPerProperty: 3,
    onHeartbeat: () => Atomics.add(progress, 1, 1),
    onInput: (index) => {
      Atomics.store(progress, 0, index);
      if (++sinceHeapCheck >= 64) {
        sinceHeapCheck = 0;
        peakHeap = Math.max(peakHeap, getHeapStatistics().used_heap_size);
      }
    },
    onFinding: (f) => {
      parentPort.postMessage({
        type: 'finding',
        finding: {
          family, index: f.index, property: f.violations[0].property, detail: f.violations.map((v) => `${v.property}: ${v.detail}`).join('\n'),
          bytes: f.minimized, originalSize: f.original.length, mutations: f.mutations, seed: f.seed, options: f.options,
        },
      });
    },
    onSlow: (index, ms, bytes) => {
      if (ms <= SLOW_BASE_MS + (bytes / 1024) * SLOW_PER_KB_MS) return;
      const input = fuzz.makeInput(family, seeds, runSeed, index);
      parentPort.postMessage({
        type: 'finding',
        finding: { family, index, property: 'slow', detail: `${ms.toFixed(0)} ms for ${bytes} bytes`, bytes: input.bytes, mutations: input.mutations, seed: input.seed, options: input.options },
      });
    },
  });
  parentPort.postMessage({ type: 'stats', stats, peakHeapMb: peakHeap / 1024 / 1024 });
}
