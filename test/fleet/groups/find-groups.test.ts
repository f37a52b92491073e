// The grouping rule on its own: most of a rule's failing machines share the value, few healthy ones do, chance
// would rarely give it, at least --group-min machines; what is left is grouped again; identical groups merge.
import { describe, expect, it } from 'vitest';
import { upperTail } from '../../../src/fleet/groups/chance.js';
import { findGroups, HealthyCounts, type Baseline, type Member } from '../../../src/fleet/groups/find-groups.js';
import type { MachineTraits } from '../../../src/fleet/groups/traits.js';
import { DEFAULT_GROUP_OPTIONS } from '../../../src/fleet/index.js';

const traits = (o: Partial<MachineTraits>): MachineTraits => ({ cmids: [], suffixes: [], subnets: [], products: [], codes: [], failures: [], signals: [], ...o });
const members = (n: number, o: (i: number) => Partial<MachineTraits>, from = 0): Member[] => Array.from({ length: n }, (_, i) => ({ key: `m${from + i}`, traits: traits({ cmids: [`cmid-${from + i}`], ...o(from + i) }) }));

function baseline(healthy: number, o: (i: number) => Partial<MachineTraits>, extra: Partial<Baseline> = {}): Baseline {
  const counts = new HealthyCounts();
  for (let i = 0; i < healthy; i++) counts.add(traits({ cmids: [`healthy-${i}`], ...o(i) }));
  return { healthy: counts, implied: new Set(), span: 30 * 86_400_000, ...extra };
}

const ids = (groups: ReturnType<typeof findGroups>): string[] => groups.map((g) => g.shared.map((a) => `${a.kind}:${a.value}`).join(' + '));

describe('findGroups', () => {
  it('groups machines that share a host few healthy machines ask', () => {
    const groups = findGroups(members(10, () => ({ host: 'kms02' })), baseline(100, (i) => ({ host: i < 5 ? 'kms02' : 'kms01' })), DEFAULT_GROUP_OPTIONS);
    expect(ids(groups)).toEqual(['host:kms02']);
    expect(groups[0].members).toHaveLength(10);
    expect(groups[0].healthy).toEqual({ sharing: 5, of: 100 });
  });

  it('not when half the healthy machines ask it too', () => {
    expect(findGroups(members(10, () => ({ host: 'kms02' })), baseline(100, (i) => ({ host: i < 60 ? 'kms02' : 'kms01' })), DEFAULT_GROUP_OPTIONS)).toEqual([]);
  });

  it('needs --group-share of the failing machines', () => {
    const failing = members(10, (i) => ({ host: i < 7 ? 'kms02' : `other${i}` }));
    const healthy = baseline(100, () => ({ host: 'kms01' }));
    expect(findGroups(failing, healthy, DEFAULT_GROUP_OPTIONS)).toEqual([]);
    expect(ids(findGroups(failing, healthy, { ...DEFAULT_GROUP_OPTIONS, share: 0.7 }))).toEqual(['host:kms02']);
  });

  it('needs --group-min machines', () => {
    const failing = members(3, () => ({ host: 'kms02' }));
    const healthy = baseline(100, () => ({ host: 'kms01' }));
    expect(ids(findGroups(failing, healthy, DEFAULT_GROUP_OPTIONS))).toEqual(['host:kms02']);
    expect(findGroups(failing, healthy, { ...DEFAULT_GROUP_OPTIONS, min: 4 })).toEqual([]);
  });

  it('not what chance gives: four of five asking a host that 45% of the healthy machines ask', () => {
    const failing = members(5, (i) => ({ host: i < 4 ? 'kms02' : 'kms01' }));
    expect(findGroups(failing, baseline(100, (i) => ({ host: i < 45 ? 'kms02' : 'kms01' })), DEFAULT_GROUP_OPTIONS)).toEqual([]);
    expect(upperTail(5, 4, 0.45)).toBeGreaterThan(0.1);
    expect(upperTail(40, 40, 0.05)).toBeLessThan(1e-40);
  });

  it('groups what is left again: 170 ask kms02, the other 10 are clones', () => {
    const failing = [...members(170, () => ({ host: 'kms02' })), ...members(10, () => ({ host: 'kms01', cmids: ['clone'] }), 170)];
    const groups = findGroups(failing, baseline(1000, (i) => ({ host: i % 2 ? 'kms01' : 'kms03' })), DEFAULT_GROUP_OPTIONS);
    expect(ids(groups)).toEqual(['host:kms02', 'cmid:clone']);
    expect(groups.map((g) => g.members.length)).toEqual([170, 10]);
  });

  it('says values the same machines share, specific ones only, in one group; the longest DNS suffix leads', () => {
    const failing = members(8, () => ({ host: 'kms03', suffixes: ['lab.corp.contoso.com', 'corp.contoso.com', 'contoso.com'] }));
    const healthy = baseline(100, () => ({ host: 'kms01', suffixes: ['corp.contoso.com', 'contoso.com'] }));
    expect(ids(findGroups(failing, healthy, DEFAULT_GROUP_OPTIONS))).toEqual(['host:kms03 + dns-suffix:lab.corp.contoso.com']);
  });

  it('leaves out the codes the rule is about, and codes or onsets among the few left over', () => {
    const failing = members(6, () => ({ codes: ['0xC004F06C'] }));
    expect(ids(findGroups(failing, baseline(50, () => ({})), DEFAULT_GROUP_OPTIONS))).toEqual(['code:0xC004F06C']);
    expect(findGroups(failing, baseline(50, () => ({}), { implied: new Set(['0xC004F06C']) }), DEFAULT_GROUP_OPTIONS)).toEqual([]);
    const rest = [...members(20, () => ({ host: 'kms02' })), ...members(4, () => ({ host: 'kms01', codes: ['0xC004F074'] }), 20)];
    expect(ids(findGroups(rest, baseline(100, () => ({ host: 'kms01' })), DEFAULT_GROUP_OPTIONS))).toEqual(['host:kms02']);
  });

  it('finds failures that began together, against how long the snapshot runs', () => {
    const t0 = Date.parse('2024-03-06T14:00:00Z');
    const failing = members(5, (i) => ({ onset: t0 + i * 6 * 60_000, failures: [t0 + i * 6 * 60_000] }));
    const groups = findGroups(failing, baseline(20, () => ({})), DEFAULT_GROUP_OPTIONS);
    expect(ids(groups)).toEqual(['onset:2024-03-06T13:30:00.000Z/2024-03-06T14:30:00.000Z']);
    // Over a snapshot of two hours, five failures in one hour are what chance gives.
    expect(findGroups(failing, baseline(20, () => ({}), { span: 2 * 3_600_000 }), DEFAULT_GROUP_OPTIONS)).toEqual([]);
  });
});
