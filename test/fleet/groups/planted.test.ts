// A generated fleet with three planted causes (a host that stopped, clones of one image, a DNS zone without
// its SRV records) and random noise: grouping finds exactly those three groups, with exactly their machines,
// and nothing from the noise. 2,000 machines here (the rule chain over 10,000 takes half a minute on a shared
// machine); `npm run bench:groups` runs the same generator at 10,000 and checks the same.
import { describe, expect, it } from 'vitest';
import { diagnoseFacts } from '../../../src/analyze.js';
import { renderMessage } from '../../../src/report/index.js';
import { CLONE_CMID, plantedFleet } from '../../helpers/planted-fleet.js';

describe('a generated fleet of 2,000 machines with three planted causes', () => {
  const fleet = plantedFleet({ machines: 2000, seed: 25 });
  const analysis = diagnoseFacts([], fleet.facts, {});

  it('has noise on the same rules as the planted causes (so the test can fail)', () => {
    const noisy = new Set(fleet.noise);
    const noiseRules = new Set(analysis.findings.filter((f) => f.severity !== 'info' && noisy.has(f.machine!)).map((f) => f.rule));
    expect(fleet.noise.length).toBeGreaterThan(10);
    expect(noiseRules).toContain('kms-client/no-response');
  });

  it('finds exactly the three planted groups, each with exactly its machines', () => {
    const groups = Object.fromEntries(analysis.groups.map((g) => [g.id, [...g.machines].sort()]));
    expect(groups).toEqual({
      'host:kms03.corp.contoso.com': [...fleet.planted.kms03].sort(),
      [`cmid:${CLONE_CMID}`]: [...fleet.planted.clones].sort(),
      'dns-suffix:branch.contoso.com': [...fleet.planted.branch].sort(),
    });
    const grouped = new Set(analysis.groups.flatMap((g) => g.machines));
    expect(fleet.noise.filter((m) => grouped.has(m))).toEqual([]);
  });

  it('says why, with the host state and the onset', () => {
    const host = analysis.groups.find((g) => g.id === 'host:kms03.corp.contoso.com')!;
    expect(renderMessage(host.message, 'en')).toMatch(
      /^40 of 4\d machines with “KMS request got no response” ask kms03\.corp\.contoso\.com; its last 12290 is 2024-03-05 03:10 UTC, 26 h before the newest record in the snapshot/,
    );
    expect(host.onset.changes).toEqual([{ kind: 'host-last-request', machine: 'kms03.corp.contoso.com', time: '2024-03-05T03:10:00.000Z' }]);
    expect(host.healthy.sharing).toBeGreaterThan(0);
    expect(host.healthy.sharing / host.healthy.of).toBeLessThan(0.05);
  });
});
