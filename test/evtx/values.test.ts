// FILETIME rendering has a fast path in doubles; check it against exact BigInt arithmetic,
// including the boundary where it switches to BigInt.
import { describe, expect, it } from 'vitest';
import { fileTimeIso } from '../../src/ingest/evtx/values.js';

function exact(t: bigint): string {
  const secs = t / 10000000n;
  const frac = t % 10000000n;
  return new Date(Number(secs - 11644473600n) * 1000).toISOString().replace('.000Z', `.${String(frac).padStart(7, '0')}Z`);
}

describe('fileTimeIso', () => {
  it.each([0n, 1n, 9999999n, 132960000000000000n, 133500000001234567n, 0x0fffffffffffffffn, 0x1000000000000000n, 0x7fffffffffffffffn])('renders %s exactly', (t) => {
    const b = Buffer.alloc(8);
    b.writeBigUInt64LE(t);
    expect(fileTimeIso(b, 0)).toBe(exact(t));
  });

  it('gives 7 fractional digits, as Windows 10 prints TimeCreated', () => {
    const b = Buffer.alloc(8);
    b.writeBigUInt64LE(133293643494670860n);
    expect(fileTimeIso(b, 0)).toBe('2023-05-24T01:12:29.4670860Z');
  });
});
