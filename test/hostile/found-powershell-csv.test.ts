// PowerShell CSV: whether the first line is a "#TYPE" line used to be decided on whatever text had arrived,
// so the same bytes read in other-sized pieces gave other line numbers, a different header, or no item at all.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readInput } from '../fuzz/lib/index.js';

const found = (name: string): Buffer => readFileSync(path.join(import.meta.dirname, '../../fixtures/hostile/found', name));

describe('fuzz findings stay fixed', () => {
  const cases: Array<[string, string]> = [
    ['powershell-csv-type-line-split.csv', 'line 3: the input ends inside a quoted field'],
    ['powershell-csv-type-line-split-2.csv', 'line 3: the header names no Id/ProviderName columns'],
    ['powershell-csv-long-type-line.csv', 'line 1: the header names no Id/ProviderName columns'],
  ];
  for (const [name, expected] of cases) {
    it(`${name}: the same result in pieces of 1, 7, 4096 bytes and whole`, async () => {
      const bytes = found(name);
      const results = [];
      for (const chunkSize of [1, 7, 4096, bytes.length]) {
        const r = await readInput(bytes, { filter: false, chunkSize });
        expect(r.kind).toBe('csv-powershell');
        results.push(r.items.map((i) => (i.kind === 'rejected' ? `${i.rejection.where}: ${i.rejection.reason}` : i.kind)));
      }
      expect(results[0]).toHaveLength(1);
      expect(results[0][0].startsWith(expected)).toBe(true);
      for (const r of results) expect(r).toEqual(results[0]);
    });
  }
});
