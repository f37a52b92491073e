// What grouping reads from one machine: the host it asks, DNS suffixes from its names and from `ipconfig /all`,
// subnets, products by family, the build, failure codes after its last success and when its failures began.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFleet } from '../../../src/analyze.js';
import { namesHostsLogged, traitsOf } from '../../../src/fleet/groups/traits.js';
import { KMS_CLIENT_WIN10, at, ev12290, slmgrText, wevtutilXml } from '../../rules/kit.js';

describe('traitsOf', () => {
  it('reads DNS suffixes and subnets from a real ipconfig /all paste (connected adapters only)', async () => {
    const { fleet } = await readFleet(['fixtures/paste/en-ipconfig.txt'], { threads: 0, machine: 'dan-mobl' });
    const t = traitsOf(fleet.find('dan-mobl')!, fleet);
    expect(t.suffixes).toEqual(expect.arrayContaining(['amr.corp.foo.com', 'corp.foo.com', 'foo.com']));
    expect(t.subnets).toEqual(['192.168.56.0/24']);
  });

  it('a machine known only by its short name takes its DNS suffix from the name its host logged', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'volact-traits-'));
    try {
      mkdirSync(path.join(dir, 'pc01'));
      mkdirSync(path.join(dir, 'kms01'));
      const cmid = '11112222-3333-4444-8555-666677778888';
      writeFileSync(path.join(dir, 'pc01', 'slmgr-dli.txt'), slmgrText('en', [KMS_CLIENT_WIN10({ kmsClient: { cmid, source: 'dns' } })]));
      writeFileSync(path.join(dir, 'kms01', 'KeyManagementService.xml'), wevtutilXml([ev12290('kms01.corp.contoso.com', at(9, 0, 6), 1, { client: 'PC01.lab.contoso.com', cmid })]));
      const { fleet } = await readFleet([dir], { threads: 0 });
      const pc01 = fleet.find('pc01')!;
      expect(pc01.aliases.some((a) => a.includes('.'))).toBe(false);
      const logged = namesHostsLogged(fleet);
      expect(logged.get('pc01')).toEqual(['PC01.lab.contoso.com']);
      expect(traitsOf(pc01, fleet, logged.get('pc01')).suffixes).toEqual(['lab.contoso.com', 'contoso.com']);
      expect(traitsOf(pc01, fleet).suffixes).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
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
