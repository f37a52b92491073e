import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utcIsoMs } from '../../src/base/index.js';

describe('utcIsoMs', () => {
  it('gives what Date.parse gives for every time it reads', () => {
    fc.assert(
      fc.property(fc.integer({ min: -62_000_000_000_000, max: 253_000_000_000_000 }), fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 9_999_999 }), (ms, digits, extra) => {
        const base = new Date(ms).toISOString();
        if (base.length !== 24) return; // ±YYYYYY years are left to Date.parse
        const fraction = digits === 0 ? '' : `.${(base.slice(20, 23) + String(extra).padStart(7, '0')).slice(0, digits)}`;
        const text = `${base.slice(0, 19)}${fraction}Z`;
        expect(utcIsoMs(text)).toBe(Date.parse(text));
      }),
      { numRuns: 5000 },
    );
  });

  it('cuts fraction digits past the millisecond, as Date.parse does', () => {
    expect(utcIsoMs('2024-01-01T00:00:00.1239999Z')).toBe(Date.parse('2024-01-01T00:00:00.123Z'));
    expect(utcIsoMs('2024-02-29T23:59:59.9999999Z')).toBe(Date.UTC(2024, 1, 29, 23, 59, 59, 999));
  });

  it('leaves to Date.parse what it would roll over or not read', () => {
    for (const text of ['2023-02-29T00:00:00Z', '2024-04-31T00:00:00Z', '2024-01-01T24:00:00Z', '2024-01-01T00:00:00.Z', '2024-01-01 00:00:00Z', '2024-01-01T00:00:00+01:00', '2024-01-01T00:00Z', '', 'x'.repeat(24)]) {
      expect(utcIsoMs(text)).toBeUndefined();
    }
  });
});
