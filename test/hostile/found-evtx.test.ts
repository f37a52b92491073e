// Regression tests for what the fuzzer found. Each input is kept under fixtures/hostile/found/ (minimized where
// the minimizer could); the larger generated inputs make a regression to quadratic time hit the test timeout.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkInput, readInput } from '../fuzz/lib/index.js';
import type { ReaderItem } from '../../src/types.js';

const found = (name: string): Buffer => readFileSync(path.join(import.meta.dirname, '../../fixtures/hostile/found', name));
const events = (items: ReaderItem[]) => items.flatMap((i) => (i.kind === 'event' ? [i.event] : []));
const reasons = (items: ReaderItem[]) => items.flatMap((i) => (i.kind === 'rejected' ? [i.rejection.reason] : []));
const ALL_CHECKS = { compareFilter: true, compareChunking: true, compareAccount: true } as const;

describe('fuzz findings stay fixed', () => {
  it('rejects an EVTX record whose TimeCreated is not an ISO time instead of passing it on', async () => {
    for (const name of ['evtx-time-garbage.evtx', 'evtx-time-out-of-range.evtx']) {
      const bytes = found(name);
      const result = await checkInput(bytes, { filter: false, chunkSize: 65536, ...ALL_CHECKS });
      expect(result.violations).toEqual([]);
      const read = await readInput(bytes, { filter: false, chunkSize: 65536 });
      expect(reasons(read.items).some((r) => /TimeCreated SystemTime is not an ISO time/.test(r))).toBe(true);
      for (const e of events(read.items)) expect(e.timeCreated).toMatch(/^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z)?$/);
    }
  });
});
