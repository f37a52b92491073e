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
import { v, writeEvtx, type EventSpec } from '../helpers/evtx-writer.js';

const BIN = path.resolve('bin/volact.js');
const dir = mkdtempSync(path.join(tmpdir(), 'volact-split-cli-'));

function run(args: string[], env: Record<string, string>): string {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 1 << 28 });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

const SPLIT = { VOLACT_SPLIT: '1', VOLACT_THREADS: '2', VOLACT_SPLIT_MIN_BYTES: '1', VOLACT_SPLIT_RANGE_BYTES: '40000', VOLACT_TRACE_RANGES: '1' };
const WHOLE = { VOLACT_THREADS: '0' };
const withoutClock = (json: string): string => json.replace(/"generatedAt": ?"[^"]*"/g, '');

const dense = path.join(dir, 'dense.xml');
writeFileSync(dense, denseExport({ clients: 60, targetBytes: 600_000 }));
const commented = path.join(dir, 'commented.xml');
const text = denseExport({ clients: 30, targetBytes: 200_000 });
// A comment full of <Event> tags in the middle: cuts land in it, the ranges refuse to join, the file is read whole.
const middle = text.indexOf('<Event', text.length / 2);
writeFileSync(commented, `${text.slice(0, middle)}<!-- ${'<Event x="1"> '.repeat(8000)} -->\r\n${text.slice(middle)}`);
// PowerShell 5.1 redirection: UTF-16LE with a BOM, pretty-printed, one broken event (a rejection with its line).
const wide = path.join(dir, 'wide.xml');
const pretty = denseExport({ clients: 20, targetBytes: 150_000 }).replace(/></g, '>\r\n  <').replace('<EventID Qualifiers="16384">12289', '<EventID Qualifiers="16384">12x89');
writeFileSync(wide, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(pretty, 'utf16le')]));
// EVTX of many chunks with a broken chunk signature in the middle.
const evtx = path.join(dir, 'many.evtx');
const spp = { provider: 'Microsoft-Windows-Security-SPP', providerGuid: '{E23B33B0-C8C9-472C-A5F9-F2BDFEA0F156}', channel: 'Application', computer: 'PC1.contoso.test' };
const specs: EventSpec[] = Array.from({ length: 2500 }, (_, i) => ({
  ...spp, recordId: i + 1, eventId: i % 3 === 0 ? 12288 : 1000 + (i % 5), qualifiers: 16384, level: 4, timeCreated: '2024-03-01T10:00:00.1234567Z',
  eventData: [{ value: v.string('0x0, 0x0, kms01.contoso.test:1688, 5d6c0001-1b2a-4c3d-8e4f-a5b6c7d8e9f0, 2024/03/01 10:00, 0, 2, 30240, 73111121-5638-40f6-bc11-f1d7b0d64300, 25') }, { value: v.string('x'.repeat(i % 300)) }],
}));
const evtxBytes = writeEvtx(specs);
evtxBytes.write('XXXX', 4096 + 5 * 65536, 'latin1');
writeFileSync(evtx, evtxBytes);

describe('events with one file split over worker threads', () => {
  const SMALL = { ...SPLIT, VOLACT_SPLIT_RANGE_BYTES: '30000' };
  it.each([
    ['a dense export', dense, [], /read in \d+ ranges: joined/],
    ['a dense export, --all as CSV', dense, ['--all', '-f', 'csv'], /read in \d+ ranges: joined/],
    ['an export with a comment full of <Event> tags (the ranges do not join: read again, the rows written so far skipped)', commented, ['--all'], /did not join, read again after [1-9]\d* items/],
    ['UTF-16LE, pretty-printed, with a broken event', wide, ['--all'], /read in \d+ ranges: joined/],
    ['EVTX with a broken chunk', evtx, ['--all'], /read in \d+ ranges: joined/],
  ])('%s: the same rows and the same rejections as from one thread', (_, file, flags, trace) => {
    const args = ['events', file as string, ...(flags as string[])];
    const split = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, ...SMALL }, maxBuffer: 1 << 28 });
    const whole = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, ...WHOLE }, maxBuffer: 1 << 28 });
    expect(split.status).toBe(whole.status);
    expect(split.stdout).toBe(whole.stdout);
    const traced = split.stderr.split('\n').filter((l) => l.startsWith('volact: ') && l.includes(' ranges: '));
    expect(traced.join('\n')).toMatch(trace as RegExp);
    expect(split.stderr.split('\n').filter((l) => !traced.includes(l)).join('\n')).toBe(whole.stderr);
    expect(whole.stdout.split('\n').length).toBeGreaterThan(100);
  });

  it('numbers the lines of later ranges as the whole read does', () => {
    const rows = spawnSync(process.execPath, [BIN, 'events', wide, '--all'], { encoding: 'utf8', env: { ...process.env, ...SMALL } }).stdout.trim().split('\n');
    const lines = rows.map((r) => (JSON.parse(r) as { source: { line: number } }).source.line);
    expect(lines.length).toBeGreaterThan(100);
    expect(lines.every((l, i) => i === 0 || l > lines[i - 1])).toBe(true);
    expect(Math.max(...lines)).toBeGreaterThan(3000);
  });
});

describe('analyze with one file split over worker threads', () => {
  it.each([
    ['a dense export', dense],
    ['an export with a comment full of <Event> tags', commented],
  ])('%s: the JSON report is the same as from one thread', (_, file) => {
    const args = ['analyze', file, '-f', 'json', '--now', '2024-02-01T00:00:00Z'];
    const traced = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, ...SPLIT }, maxBuffer: 1 << 28 });
    expect(traced.stderr).toMatch(file === dense ? /read in \d+ ranges: joined/ : /did not join, read again whole/);
    const split = run(args, SPLIT);
    const whole = run(args, WHOLE);
    expect(withoutClock(split)).toBe(withoutClock(whole));
    const report = JSON.parse(whole) as { summary: { records: number; decoded: number; ignored: number; rejected: number } };
    expect(report.summary.decoded).toBeGreaterThan(100);
    expect(report.summary.records).toBe(report.summary.decoded + report.summary.ignored + report.summary.rejected);
  });
});
