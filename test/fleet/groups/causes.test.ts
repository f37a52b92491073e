// Groups follow the diagnosis's causes (issue 25 §1 with issue 23's cause/consequence): a finding that follows
// from another on its machine is grouped under that cause, and each failing machine is explained once.
import { describe, expect, it } from 'vitest';
import { diagnoseFacts } from '../../../src/analyze.js';
import { explainOnce, type Explaining } from '../../../src/fleet/groups/explain-once.js';
import { computeGroups } from '../../../src/fleet/index.js';
import { renderMessage } from '../../../src/report/index.js';
import type { Finding } from '../../../src/types.js';
import { CLONE_CMID, PINNED_HOST, plantedFleet } from '../../helpers/planted-fleet.js';

describe('a generated fleet where clients pinned to a retired host get no response, beside kms03 that stopped', () => {
  // 40 clients of kms03 get no response because kms03 stopped; 40 others because they ask kms-old, which is gone.
  // By rule alone, "no response" holds 80+ machines split in two halves: neither host is shared by 80% of them.
  const fleet = plantedFleet({ machines: 2000, seed: 25, pinned: 40 });
  const analysis = diagnoseFacts([], fleet.facts, {});
  const byId = new Map(analysis.groups.map((g) => [g.id, g]));

  it('the pinned clients carry no response as a consequence of host-mismatch (so the test can fail)', () => {
    const pinned = new Set(fleet.planted.pinned);
    const noResponse = analysis.findings.filter((f) => f.rule === 'kms-client/no-response' && pinned.has(f.machine!));
    expect(noResponse).toHaveLength(40);
    expect(noResponse.every((f) => f.cause === 'kms-client/host-mismatch')).toBe(true);
  });

  it('finds the four planted groups, each with exactly its machines, and no machine twice', () => {
    expect(Object.fromEntries(analysis.groups.map((g) => [g.id, [...g.machines].sort()]))).toEqual({
      'host:kms03.corp.contoso.com': [...fleet.planted.kms03].sort(),
      [`cmid:${CLONE_CMID}`]: [...fleet.planted.clones].sort(),
      'dns-suffix:branch.contoso.com': [...fleet.planted.branch].sort(),
      [`host:${PINNED_HOST}`]: [...fleet.planted.pinned].sort(),
    });
    const all = analysis.groups.flatMap((g) => g.machines);
    expect(new Set(all).size).toBe(all.length);
  });

  it('the pinned clients are grouped under their cause, with what follows from it, and not again under no response', () => {
    const pinned = byId.get(`host:${PINNED_HOST}`)!;
    expect(pinned.rules).toEqual([{ rule: 'kms-client/host-mismatch', machines: 40, of: 40, follows: [{ rule: 'kms-client/no-response', machines: 40 }] }]);
    expect(renderMessage(pinned.message, 'en')).toBe(
      '40 of 40 machines with “Client contacts a machine that is not a KMS host of the snapshot, or the wrong port” (and what follows from it: “KMS request got no response” on 40) ask kms-old.corp.contoso.com; the snapshot holds no export of that host.',
    );
    expect(renderMessage(pinned.message, 'ja')).toBe(
      '「クライアントの接続先がスナップショット内の KMS ホストではない、またはポートが違う」 (これに起因する「KMS 要求に応答がない」40 台を含む) の 40 台のうち 40 台に共通するのは、要求先の KMS ホスト kms-old.corp.contoso.com です。スナップショットにはそのホストのエクスポートがありません。',
    );
    // kms03's group counts only the machines whose "no response" is a cause of its own.
    const kms03 = byId.get('host:kms03.corp.contoso.com')!;
    const own = new Set(analysis.findings.filter((f) => f.rule === 'kms-client/no-response' && f.cause === undefined).map((f) => f.machine));
    expect(kms03.rules).toEqual([{ rule: 'kms-client/no-response', machines: 40, of: own.size }]);
    expect(own.size).toBeLessThan(50);
  });

  it('by rule alone (the links removed), the consequences mix with kms03 and its group is lost', () => {
    const unlinked: Finding[] = analysis.findings.map(({ cause: _cause, consequences: _consequences, ...f }) => f);
    const ids = computeGroups(analysis.fleet, unlinked, analysis.views).map((g) => g.id);
    expect(ids).not.toContain('host:kms03.corp.contoso.com');
    expect(ids).toContain(`host:${PINNED_HOST}`);
  });
});

describe('explainOnce', () => {
  const group = (id: string, kind: Explaining['kind'], byRule: Record<string, string[]>, healthyShare = 0): Explaining => ({
    id,
    kind,
    healthyShare,
    byRule: new Map(Object.entries(byRule).map(([rule, keys]) => [rule, new Set(keys)])),
  });
  const members = (groups: Explaining[]): Record<string, string[]> => Object.fromEntries(groups.map((g) => [g.id, [...g.byRule.values()].flatMap((s) => [...s]).sort()]));

  it("keeps a machine two groups explain in its likely cause's group", () => {
    const host = group('host:kms02', 'host', { 'kms-client/no-response': ['a', 'b', 'c', 'x'] });
    const cmid = group('cmid:c1', 'cmid', { 'kms-host/duplicate-cmid': ['d', 'e', 'f', 'x'] });
    const kept = explainOnce([host, cmid], new Map([['x', 'kms-client/no-response']]), 3);
    expect(members(kept)).toEqual({ 'host:kms02': ['a', 'b', 'c', 'x'], 'cmid:c1': ['d', 'e', 'f'] });
  });

  it('else in the group of the more specific kind, then the one fewer healthy machines share', () => {
    const host = group('host:kms02', 'host', { r1: ['a', 'b', 'c', 'x'] });
    const cmid = group('cmid:c1', 'cmid', { r2: ['d', 'e', 'f', 'x'] });
    expect(members(explainOnce([host, cmid], new Map(), 3))).toEqual({ 'host:kms02': ['a', 'b', 'c'], 'cmid:c1': ['d', 'e', 'f', 'x'] });
    const wide = group('product:a', 'product', { r1: ['a', 'b', 'c', 'y'] }, 0.3);
    const narrow = group('product:b', 'product', { r2: ['d', 'e', 'f', 'y'] }, 0.1);
    expect(members(explainOnce([wide, narrow], new Map(), 3))).toEqual({ 'product:a': ['a', 'b', 'c'], 'product:b': ['d', 'e', 'f', 'y'] });
  });

  it('drops a group left under the minimum, and the rule a group no longer explains', () => {
    const cmid = group('cmid:c1', 'cmid', { r1: ['a', 'b', 'c'] });
    const onset = group('onset:w', 'onset', { r1: ['a', 'b', 'z'], r2: ['c'] });
    const kept = explainOnce([cmid, onset], new Map(), 2);
    expect(members(kept)).toEqual({ 'cmid:c1': ['a', 'b', 'c'] });
    const loose = group('onset:w', 'onset', { r1: ['a', 'y', 'z'], r2: ['c'] });
    const [, rest] = explainOnce([group('cmid:c1', 'cmid', { r1: ['a', 'b', 'c'] }), loose], new Map(), 2);
    expect([...rest.byRule.keys()]).toEqual(['r1']);
    expect(members([rest])).toEqual({ 'onset:w': ['y', 'z'] });
  });

  it('a group that falls under the minimum gives its machines back to the next group that holds them', () => {
    // x prefers the CMID group, which alone is too small; the host group keeps x and stays at the minimum.
    const cmid = group('cmid:c1', 'cmid', { r1: ['a', 'x'] });
    const host = group('host:kms02', 'host', { r2: ['b', 'c', 'x'] });
    expect(members(explainOnce([cmid, host], new Map(), 3))).toEqual({ 'host:kms02': ['b', 'c', 'x'] });
    const again = (): Explaining[] => [group('host:kms02', 'host', { r2: ['b', 'c', 'x'] }), group('cmid:c1', 'cmid', { r1: ['a', 'x'] })];
    expect(members(explainOnce(again(), new Map(), 3))).toEqual({ 'host:kms02': ['b', 'c', 'x'] });
  });
});
