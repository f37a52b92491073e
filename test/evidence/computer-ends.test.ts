import { describe, expect, it } from 'vitest';
import { computerEndOf, machineKey, type RecordSpan } from '../../src/evidence/index.js';

const span = (names: string[]): RecordSpan => ({
  file: 'fwd.xml',
  channel: 'ForwardedEvents',
  records: names.length,
  newest: '2024-01-02T00:00:00.000Z',
  computers: names.map((computer, i) => ({ computer, records: i + 1, newest: `2024-01-0${i + 1}T00:00:00.000Z` })),
  idRuns: [[1, names.length]],
});

describe('computerEndOf', () => {
  it('finds the first named computer with the key, as a scan would, and counts the named ones', () => {
    const s = span(['', 'PC1.corp.contoso.com', 'pc2', 'pc1']);
    for (const key of ['pc1', 'pc2', 'pc3']) {
      const named = s.computers.filter((c) => c.computer);
      expect(computerEndOf(s, key)).toEqual({ end: named.find((c) => machineKey(c.computer) === key), named: named.length });
    }
    expect(computerEndOf(s, 'pc1').end?.records).toBe(2);
  });

  it('sees computers added to the span after a first question', () => {
    const s = span(['pc1']);
    expect(computerEndOf(s, 'pc2')).toEqual({ end: undefined, named: 1 });
    s.computers.push({ computer: 'PC2', records: 4, newest: '' });
    expect(computerEndOf(s, 'pc2')).toEqual({ end: s.computers[1], named: 2 });
  });
});
