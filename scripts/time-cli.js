// Times one volact CLI command end to end in its own process (start-up, read, rules, render, output to
// /dev/null): wall seconds and peak RSS from /usr/bin/time when it is installed.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// VOLACT_ROOT points at another checkout's build, to compare two versions in one run.
const root = process.env.VOLACT_ROOT ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Runs one CLI command with stdout to /dev/null; returns wall seconds, CPU seconds (user + system, all threads)
 * and peak RSS (MiB). On a shared machine CPU time is the steadier figure; wall time is what a user waits for.
 */
export function timeCli(args, { exitCodes = [0, 1] } = {}) {
  const devNull = openSync('/dev/null', 'w');
  try {
    const haveTime = existsSync('/usr/bin/time');
    const cmd = haveTime ? '/usr/bin/time' : process.execPath;
    const argv = haveTime ? ['-f', '%e %M %U %S', process.execPath, path.join(root, 'bin/volact.js'), ...args] : [path.join(root, 'bin/volact.js'), ...args];
    const t0 = process.hrtime.bigint();
    const run = spawnSync(cmd, argv, { stdio: ['ignore', devNull, 'pipe'], encoding: 'utf8', maxBuffer: 1 << 26 });
    const wall = Number(process.hrtime.bigint() - t0) / 1e9;
    // analyze exits 0; check may exit 1 for findings. Anything else is a failure of the bench, unless the caller
    // expects it (analyze exits 2 when no machine could be judged, e.g. a Security log alone).
    if (!exitCodes.includes(run.status)) throw new Error(`volact ${args.join(' ')} exited ${run.status}: ${run.stderr.slice(-2000)}`);
    if (!haveTime) return { seconds: wall, cpuSeconds: NaN, rssMb: NaN };
    const [secs, kb, user, sys] = run.stderr.trim().split('\n').at(-1).split(' ').map(Number);
    return { seconds: secs, cpuSeconds: user + sys, rssMb: kb / 1024 };
  } finally {
    closeSync(devNull);
  }
}

