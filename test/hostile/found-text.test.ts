// Regression tests for what the fuzzer found. Each input is kept under fixtures/hostile/found/ (minimized where
// the minimizer could); the larger generated inputs make a regression to quadratic time hit the test timeout.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkInput, readInput } from '../fuzz/lib/index.js';
import type { ReaderItem } from '../../src/types.js';

const found = (name: string): Buffer => readFileSync(path.join(import.meta.dirname, '../../fixtures/hostile/found', name));
const events = (items: ReaderItem[]) => items.flatMap((i) => (i.kind === 'event' ? [i.event] : []));
const ALL_CHECKS = { compareFilter: true, compareChunking: true, compareAccount: true } as const;

describe('fuzz findings stay fixed', () => {
  it('reads a wevtutil text block with a 100 KB blank line (label matching used to backtrack quadratically)', async () => {
    const bytes = found('wevtutil-long-blank-line.txt');
    const result = await checkInput(bytes, { filter: false, chunkSize: 65536, ...ALL_CHECKS });
    expect(result.kind).toBe('text-wevtutil');
    expect(result.violations).toEqual([]);
    expect(result.records).toBeGreaterThan(0);
    // Four times longer: quadratic would take minutes, linear takes milliseconds.
    const big = Buffer.concat([Buffer.from('Event[0]:\r\n  Log Name: Application\r\n  Source: SPP\r\n'), Buffer.alloc(400_000, 0x20), Buffer.from('x\r\n')]);
    const bigRead = await readInput(big, { filter: false, chunkSize: 65536 });
    expect(bigRead.kind).toBe('text-wevtutil');
    expect(bigRead.items.length).toBeGreaterThan(0);
  });

  it('reads an Event Viewer CSV message made of blank lines (trailing-blank trimming used to be quadratic)', async () => {
    const bytes = found('eventviewer-csv-blank-message.csv');
    const result = await checkInput(bytes, { filter: false, chunkSize: 65536, ...ALL_CHECKS });
    expect(result.kind).toBe('csv-eventviewer');
    expect(result.violations).toEqual([]);
    const header = 'Level,Date and Time,Source,Event ID,Task Category\r\n';
    const row = `Information,3/5/2024 4:30:00 AM,Microsoft-Windows-Security-SPP,12288,None,"text${' \n'.repeat(200_000)}x"\r\n`;
    const read = await readInput(Buffer.from(header + row), { filter: false, chunkSize: 65536 });
    expect(events(read.items)).toHaveLength(1);
  });
});
