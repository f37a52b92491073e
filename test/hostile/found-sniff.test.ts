// Regression tests for what the fuzzer found. Each input is kept under fixtures/hostile/found/ (minimized where
// the minimizer could); the larger generated inputs make a regression to quadratic time hit the test timeout.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readInput } from '../fuzz/lib/index.js';
import type { ReaderItem } from '../../src/types.js';

const found = (name: string): Buffer => readFileSync(path.join(import.meta.dirname, '../../fixtures/hostile/found', name));
const events = (items: ReaderItem[]) => items.flatMap((i) => (i.kind === 'event' ? [i.event] : []));

describe('fuzz findings stay fixed', () => {
  it('sniffs the same first 8 KiB however the input is cut (encoding guessed from more bytes when read in one piece)', async () => {
    // The first 9 KB are UTF-8; a Shift_JIS row comes later. Read whole, the sniffer used to see it and pick Shift_JIS.
    const bytes = found('csv-late-shift-jis.csv');
    const whole = await readInput(bytes, { filter: false, chunkSize: bytes.length });
    const cut = await readInput(bytes, { filter: false, chunkSize: 4096 });
    expect(whole.kind).toBe('csv-powershell');
    expect(events(whole.items)).toHaveLength(17);
    expect(events(whole.items).at(-1)!.message).toMatch(/^\uFFFD+ scheduled Software Protection/);
    expect(JSON.stringify(whole.items)).toBe(JSON.stringify(cut.items));
  });
});
