// When a group's trouble began, and what else changed around then: a host's last 12290, a 12293, 8198s on other
// machines, a host's count falling under what its clients need. Facts as the decoder makes them, built directly.
import { describe, expect, it } from 'vitest';
import type { KmsHostRequestFact } from '../../../src/decode/index.js';
import type { Fleet, Machine } from '../../../src/evidence/index.js';
import { onsetSentence } from '../../../src/fleet/groups/describe.js';
import { groupOnset } from '../../../src/fleet/groups/onset.js';
import { renderMessage } from '../../../src/report/index.js';
import type { MachineTraits } from '../../../src/fleet/groups/traits.js';

const T = (iso: string): number => Date.parse(iso);
const traits = (o: Partial<MachineTraits>): MachineTraits => ({ cmids: [], suffixes: [], subnets: [], products: [], codes: [], failures: [], signals: [], ...o });

/** kms01's log: ten clients last seen at 02:00 on 4 February (they age out of the 30-day count at 02:00 on 5 March), twenty seen on 4 March. */
function hostLog(): KmsHostRequestFact[] {
  const out: KmsHostRequestFact[] = [];
  const add = (time: string, n: number): void => {
    out.push({ kind: 'kms-host-request', time, computer: 'kms01', source: { file: 'kms01.xml', format: 'xml' }, result: '0x0', requiredCount: 25, clientName: `pc${n}`, cmid: `cmid-${n}` });
  };
  for (let n = 20; n < 30; n++) add('2024-02-04T02:00:00Z', n);
  for (let n = 0; n < 20; n++) add('2024-03-04T10:00:00Z', n);
  return out;
}

describe('groupOnset', () => {
  const host = { key: 'kms01', name: 'kms01.corp.contoso.com' } as Machine;
  const fleet = { hostRequests: new Map([['kms01', hostLog()]]) } as unknown as Fleet;
  const members = [
    traits({ lastSuccess: T('2024-03-05T01:00:00Z'), failures: [T('2024-03-05T03:00:00Z'), T('2024-03-05T05:00:00Z')] }),
    traits({ lastSuccess: T('2024-03-04T22:00:00Z'), failures: [T('2024-03-05T02:30:00Z')] }),
  ];

  it('the first failure after the newest success, and what changed within a day before it', () => {
    const onset = groupOnset(members, new Set(['pc-a', 'pc-b']), {
      fleet,
      hosts: [
        { name: 'kms02.corp.contoso.com', lastActivity: '2024-03-05T01:40:00Z' } as never,
        { name: 'kms03.corp.contoso.com', lastActivity: '2024-03-06T05:00:00Z' } as never,
      ],
      signals: [
        { machine: 'kms01.corp.contoso.com', signal: { kind: 'dns-publish-failed', at: T('2024-03-05T02:00:00Z'), code: '0x8007232B' } },
        { machine: 'pc-x', signal: { kind: 'online-activation-failed', at: T('2024-03-05T02:10:00Z'), code: '0x80072EE7' } },
        { machine: 'pc-y', signal: { kind: 'online-activation-failed', at: T('2024-03-05T02:20:00Z'), code: '0x80072EE7' } },
        // The group's own 8198s are its trouble, not something else that changed.
        { machine: 'pc-a', signal: { kind: 'online-activation-failed', at: T('2024-03-05T02:00:00Z') } },
        // A week earlier: not around the onset.
        { machine: 'pc-z', signal: { kind: 'online-activation-failed', at: T('2024-02-27T02:00:00Z') } },
      ],
      newest: T('2024-03-06T05:00:00Z'),
    }, host);
    expect(onset).toEqual({
      lastSuccess: '2024-03-05T01:00:00.000Z',
      firstFailure: '2024-03-05T02:30:00.000Z',
      changes: [
        { kind: 'host-last-request', machine: 'kms02.corp.contoso.com', time: '2024-03-05T01:40:00.000Z' },
        { kind: 'dns-publish-failed', machine: 'kms01.corp.contoso.com', time: '2024-03-05T02:00:00.000Z', code: '0x8007232B' },
        { kind: 'online-activation-failed', machine: 'pc-x', time: '2024-03-05T02:10:00.000Z', count: 2, code: '0x80072EE7' },
        { kind: 'count-below-threshold', machine: 'kms01.corp.contoso.com', time: '2024-03-05T02:30:00.000Z', count: 20, required: 25 },
      ],
    });
  });

  it('says it in one sentence', () => {
    const onset = groupOnset(members, new Set(), { fleet, hosts: [], signals: [{ machine: 'kms01.corp.contoso.com', signal: { kind: 'dns-publish-failed', at: T('2024-03-05T02:00:00Z'), code: '0x8007232B' } }] }, host);
    expect(renderMessage(onsetSentence(onset)!, 'en')).toBe(
      'It began between 2024-03-05 01:00 UTC (the newest success among these machines) and 2024-03-05 02:30 UTC (the first failure after it); around then, kms01.corp.contoso.com logged 12293 (SRV record not published, 0x8007232B (DNS_ERROR_RCODE_NAME_ERROR)) at 2024-03-05 02:00 UTC and kms01.corp.contoso.com\'s count fell to 20, under 25, by 2024-03-05 02:30 UTC.',
    );
    expect(renderMessage(onsetSentence(onset)!, 'ja')).toBe(
      'これらのコンピューターで最後に成功した 2024/03/05 01:00 UTC から、その後の最初の失敗の 2024/03/05 02:30 UTC までの間に始まりました。同じころの変化: kms01.corp.contoso.com の 12293 (SRV レコードを発行できない、0x8007232B (DNS_ERROR_RCODE_NAME_ERROR)、2024/03/05 02:00 UTC)、kms01.corp.contoso.com のカウントの低下 (2024/03/05 02:30 UTC までに 20、必要数 25 未満)。',
    );
  });

  it('no count change when the host already was below, and no onset without a dated failure', () => {
    const late = [traits({ lastSuccess: T('2024-03-05T20:00:00Z'), failures: [T('2024-03-05T21:00:00Z')] })];
    expect(groupOnset(late, new Set(), { fleet, hosts: [], signals: [] }, host).changes).toEqual([]);
    expect(groupOnset([traits({ codes: ['0xC004F074'] })], new Set(), { fleet, hosts: [], signals: [] }, host)).toEqual({ changes: [] });
  });
});
