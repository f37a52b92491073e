// Event Viewer "Copy details as text": a description of 100 000 blank lines used to take seconds to trim.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkInput, readInput } from '../fuzz/lib/index.js';

describe('fuzz findings stay fixed', () => {
  it('reads a details copy whose description is a long run of blank lines', async () => {
    const bytes = readFileSync(path.join(import.meta.dirname, '../../fixtures/hostile/found/eventviewer-details-blank-description.txt'));
    const result = await checkInput(bytes, { filter: false, chunkSize: 65536, compareChunking: true, compareAccount: true });
    expect(result.kind).toBe('text-eventviewer');
    expect(result.violations).toEqual([]);
    // Four times longer: quadratic would take minutes.
    const text = bytes.toString('utf8').replace(/\n{1000,}/, (run) => `${run}${'\n'.repeat(300_000)}x\n`);
    const read = await readInput(Buffer.from(text), { filter: false, chunkSize: 65536 });
    expect(read.kind).toBe('text-eventviewer');
    expect(read.items.length).toBeGreaterThan(0);
  });
});
