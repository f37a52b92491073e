// `npm run bench:scaling`: grows each input shape of scripts/scaling/shapes.ts from N to 4N and runs the built
// CLI on both as a user would (`volact analyze <folder> -f json -o <file>`), each in its own process. Prints per
// shape: wall and CPU seconds (user + sys, all threads, from /usr/bin/time), the growth of CPU time from N to 4N
// (linear is 4; the bound is 5.5), peak RSS, the report's size, and whether the run threw (a RangeError or
// out-of-memory crash, an internal-error finding, or a record rejected because the reader threw).
//
//   npm run bench:scaling                          every shape at N and 4N
//   npm run bench:scaling -- --shape clones,exchanges
//   npm run bench:scaling -- --quick               N/4 and N (a quick look; growth is less telling)
//   npm run bench:scaling -- --scale 2 --timeout 300 --json results.json
//   VOLACT_ROOT=/path/to/other/checkout npm run bench:scaling   (another build, to compare before and after)
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NOW, SHAPES, type Shape } from './scaling/shapes.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = process.env.VOLACT_ROOT ?? path.resolve(here, '..');
const GROWTH_BOUND = 5.5;

interface Options {
  shapes: Shape[];
  scale: number;
  timeoutS: number;
  json?: string;
  keep: boolean;
}

interface Run {
  n: number;
  inputMb: number;
  wallS: number;
  cpuS: number;
  rssMb: number;
  outMb: number;
  /** '' when the run finished cleanly; else what went wrong. */
  threw: string;
}

function parseArgs(argv: string[]): Options {
  const opts: Options = { shapes: SHAPES, scale: 1, timeoutS: 240, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--shape') {
      const names = value().split(',');
      const unknown = names.filter((n) => !SHAPES.some((s) => s.name === n));
      if (unknown.length) throw new Error(`unknown shape ${unknown.join(', ')}; shapes: ${SHAPES.map((s) => s.name).join(', ')}`);
      opts.shapes = SHAPES.filter((s) => names.includes(s.name));
    } else if (a === '--quick') opts.scale = 0.25;
    else if (a === '--scale') opts.scale = Number(value());
    else if (a === '--timeout') opts.timeoutS = Number(value());
    else if (a === '--json') opts.json = value();
    else if (a === '--keep') opts.keep = true;
    else if (a === '--list') {
      for (const s of SHAPES) console.log(`${s.name.padEnd(22)} N=${String(s.n).padStart(6)} ${s.unit}: ${s.input}`);
      process.exit(0);
    } else throw new Error(`unknown option ${a}`);
  }
  return opts;
}

function bytesBelow(dir: string): number {
  let total = 0;
  const walk = (p: string): void => {
    const st = statSync(p);
    if (st.isDirectory()) for (const name of readdirSync(p)) walk(path.join(p, name));
    else total += st.size;
  };
  walk(dir);
  return total;
}

/** Looks for signs of a throw in the report without loading it (it can be hundreds of MB). */
function throwsIn(file: string): string {
  if (!existsSync(file)) return 'no report';
  const needles = ['volact/internal-error', 'Maximum call stack', 'RangeError', 'Invalid string length'];
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(1 << 20);
    let carry = '';
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) return '';
      const text = carry + buf.toString('latin1', 0, n);
      const hit = needles.find((s) => text.includes(s));
      if (hit) return hit === 'volact/internal-error' ? 'internal-error finding' : hit;
      carry = text.slice(-64);
    }
  } finally {
    closeSync(fd);
  }
}

function runCli(args: string[], timeoutS: number): Promise<{ code: number | null; signal: string | null; stderr: string; wallS: number; timedOut: boolean }> {
  return new Promise((resolve) => {
    const t0 = process.hrtime.bigint();
    const child = spawn('/usr/bin/time', ['-f', 'TIME %e %M %U %S', process.execPath, path.join(root, 'bin/volact.js'), ...args], {
      stdio: ['ignore', 'ignore', 'pipe'],
      detached: true,
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (stderr.length > 1 << 20) stderr = stderr.slice(-(1 << 19));
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }, timeoutS * 1000);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stderr, wallS: Number(process.hrtime.bigint() - t0) / 1e9, timedOut });
    });
  });
}

async function measure(shape: Shape, n: number, opts: Options): Promise<Run> {
  const dir = mkdtempSync(path.join(tmpdir(), `volact-scaling-${shape.name}-`));
  const input = path.join(dir, 'input');
  const out = path.join(dir, 'report.out');
  try {
    shape.write(input, n);
    const inputMb = bytesBelow(input) / 1e6;
    const args = shape.args?.(input, out) ?? ['analyze', input, '-f', 'json', '-o', out, '--now', NOW];
    const r = await runCli(args, opts.timeoutS);
    const line = r.stderr.split('\n').reverse().find((l) => l.startsWith('TIME '));
    const [wall, kb, user, sys] = (line ?? 'TIME NaN NaN NaN NaN').slice(5).split(' ').map(Number);
    let threw = '';
    if (r.timedOut) threw = `timeout ${opts.timeoutS} s`;
    else if (/heap out of memory|Allocation failed/i.test(r.stderr)) threw = 'out of memory';
    else if (/RangeError|Maximum call stack/.test(r.stderr)) threw = 'RangeError';
    else if (!line || /Command (exited with non-zero status|terminated by signal)/.test(r.stderr)) threw = `exit: ${r.stderr.trim().split('\n').filter((l) => !l.startsWith('TIME ')).slice(-1)[0] ?? '?'}`;
    else threw = throwsIn(out);
    const outMb = existsSync(out) ? statSync(out).size / 1e6 : 0;
    return { n, inputMb, wallS: r.timedOut ? r.wallS : wall, cpuS: user + sys, rssMb: kb / 1024, outMb, threw };
  } finally {
    if (!opts.keep) rmSync(dir, { recursive: true, force: true });
    else console.log(`  kept ${dir}`);
  }
}

const fmt = (x: number, digits = 1): string => (Number.isFinite(x) ? x.toFixed(digits) : '—');

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  if (!existsSync(path.join(root, 'dist', 'cli', 'index.js'))) {
    console.error(`bench-scaling: ${root}/dist is missing; run \`npm run build\` first`);
    process.exit(2);
  }
  if (!existsSync('/usr/bin/time')) {
    console.error('bench-scaling: needs /usr/bin/time (Debian package "time") for CPU time and peak RSS');
    process.exit(2);
  }
  const load = (): string => loadavg().map((l) => l.toFixed(2)).join(' ');
  console.log(`volact at ${root}; node ${process.version}; ${availableParallelism()} cores; load average ${load()}`);
  console.log(`growth = CPU time at 4N / CPU time at N (linear: 4, bound: ${GROWTH_BOUND}); times in seconds, memory in MB\n`);
  const head = 'shape                   N       4N     input MB    wall s       cpu s       growth  peak RSS      report MB   threw';
  console.log(head);
  const results: Array<{ shape: string; input: string; unit: string; runs: Run[]; growth: number; ok: boolean }> = [];
  for (const shape of opts.shapes) {
    const n = Math.max(1, Math.round(shape.n * opts.scale));
    const small = await measure(shape, n, opts);
    const big = await measure(shape, 4 * n, opts);
    const growth = big.cpuS / small.cpuS;
    const threw = [small.threw && `N: ${small.threw}`, big.threw && `4N: ${big.threw}`].filter(Boolean).join('; ');
    const ok = !threw && growth <= GROWTH_BOUND;
    results.push({ shape: shape.name, input: shape.input, unit: shape.unit, runs: [small, big], growth, ok });
    console.log(
      `${shape.name.padEnd(22)} ${String(n).padStart(6)} ${String(4 * n).padStart(7)}  ${fmt(small.inputMb).padStart(5)} ${fmt(big.inputMb).padStart(6)}  ` +
        `${fmt(small.wallS).padStart(5)} ${fmt(big.wallS).padStart(6)}  ${fmt(small.cpuS).padStart(5)} ${fmt(big.cpuS).padStart(6)}  ` +
        `${fmt(growth, 2).padStart(5)} ${ok ? 'ok' : '✘ '}  ${fmt(small.rssMb, 0).padStart(5)} ${fmt(big.rssMb, 0).padStart(6)}  ` +
        `${fmt(small.outMb, 2).padStart(6)} ${fmt(big.outMb, 2).padStart(7)}  ${threw || 'no'}`,
    );
  }
  console.log(`\nload average at the end: ${load()}`);
  const failed = results.filter((r) => !r.ok);
  console.log(failed.length ? `${failed.length} shape(s) out of bounds: ${failed.map((r) => r.shape).join(', ')}` : 'every shape within bounds');
  if (opts.json) writeFileSync(opts.json, JSON.stringify({ root, node: process.version, loadEnd: loadavg(), results }, null, 2));
  process.exitCode = failed.length ? 1 : 0;
}

await main();
