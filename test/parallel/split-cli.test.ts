// The built CLI with worker threads reading one file in byte ranges must write the same report as one thread
// reading it whole, also when a cut is wrong and the file is read again whole (the pool's fallback). The
// split sizes are made small through the environment (the defaults split only files of tens of MB).
// Spawns dist/ (npm run build first).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { denseExport } from '../helpers/dense-export.js';

const BIN = path.resolve('bin/volact.js');
const dir = mkdtempSync(path.join(tmpdir(), 'volact-split-cli-'));

function run(args: string[], env: Record<string, string>): string {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 1 << 28 });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

const SPLIT = { VOLACT_THREADS: '2', VOLACT_SPLIT_MIN_BYTES: '1', VOLACT_SPLIT_RANGE_BYTES: '40000' };
const WHOLE = { VOLACT_THREADS: '0' };
const withoutClock = (json: string): string => json.replace(/"generatedAt": ?"[^"]*"/g, '');

describe('analyze with one file split over worker threads', () => {
  const dense = path.join(dir, 'dense.xml');
  writeFileSync(dense, denseExport({ clients: 60, targetBytes: 600_000 }));
  const commented = path.join(dir, 'commented.xml');
  const text = denseExport({ clients: 30, targetBytes: 200_000 });
  // A comment full of <Event> tags in the middle: cuts land in it, the ranges refuse to join, the file is read whole.
  const middle = text.indexOf('<Event', text.length / 2);
  writeFileSync(commented, `${text.slice(0, middle)}<!-- ${'<Event x="1"> '.repeat(8000)} -->\r\n${text.slice(middle)}`);

  it.each([
    ['a dense export', dense],
    ['an export with a comment full of <Event> tags', commented],
  ])('%s: the JSON report is the same as from one thread', (_, file) => {
    const args = ['analyze', file, '-f', 'json', '--now', '2024-02-01T00:00:00Z'];
    const split = run(args, SPLIT);
    const whole = run(args, WHOLE);
    expect(withoutClock(split)).toBe(withoutClock(whole));
    const report = JSON.parse(whole) as { summary: { records: number; decoded: number; ignored: number; rejected: number } };
    expect(report.summary.decoded).toBeGreaterThan(100);
    expect(report.summary.records).toBe(report.summary.decoded + report.summary.ignored + report.summary.rejected);
  });
});
