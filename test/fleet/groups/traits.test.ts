// What grouping reads from one machine: the host it asks, DNS suffixes from its names and from `ipconfig /all`,
// subnets, products by family, the build, failure codes after its last success and when its failures began.
import { describe, expect, it } from 'vitest';
import { readFleet } from '../../../src/analyze.js';
import { traitsOf } from '../../../src/fleet/groups/traits.js';

describe('traitsOf', () => {
  it('reads DNS suffixes and subnets from a real ipconfig /all paste (connected adapters only)', async () => {
    const { fleet } = await readFleet(['fixtures/paste/en-ipconfig.txt'], { threads: 0, machine: 'dan-mobl' });
    const t = traitsOf(fleet.find('dan-mobl')!, fleet);
    expect(t.suffixes).toEqual(expect.arrayContaining(['amr.corp.foo.com', 'corp.foo.com', 'foo.com']));
    expect(t.subnets).toEqual(['192.168.56.0/24']);
  });

  it('a client that moved asks its newest host; its state after the last success', async () => {
    const { fleet } = await readFleet(['fixtures/timeline/two-hosts'], { threads: 0 });
    const move = traitsOf(fleet.find('pc-move')!, fleet);
    expect(move.host).toBe('kms02.corp.contoso.com');
    expect(move.suffixes).toEqual(['corp.contoso.com', 'contoso.com']);
    expect(move.products).toEqual(['Windows client: Windows 10/11 Enterprise']);
    // Activated on 5 March: nothing failed after it.
    expect(move.codes).toEqual([]);
    expect(move.onset).toBeUndefined();
    expect(new Date(move.lastSuccess!).toISOString()).toBe('2024-03-05T14:00:05.000Z');
  });

  it('failures after the last success: their codes and the first of them', async () => {
    const { fleet } = await readFleet(['fixtures/groups/host-down/c01', 'fixtures/groups/edition/srv01'], { threads: 0 });
    const c01 = traitsOf(fleet.find('c01')!, fleet);
    expect(new Date(c01.onset!).toISOString()).toBe('2024-03-05T05:00:04.000Z');
    expect(c01.failures).toHaveLength(3);
    const srv = traitsOf(fleet.find('srv01')!, fleet);
    expect(srv.codes).toEqual(['0xC004F042']);
    expect(srv.products).toEqual(['Windows Server: Windows Server 2022 Datacenter']);
    expect(srv.lastSuccess).toBeUndefined();
  });
});
