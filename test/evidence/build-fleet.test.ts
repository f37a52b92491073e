import { describe, expect, it } from 'vitest';
import type { KmsRequestFact } from '../../src/decode/index.js';
import { buildFleet, machineFromPath, machineKey } from '../../src/evidence/index.js';

function request(computer: string, time: string, cmid: string, file = 'Application.evtx'): KmsRequestFact {
  return {
    kind: 'kms-request', source: { file, format: 'evtx', record: 1 }, computer, time, eventId: 12288,
    result: '0x00000000', statusFlags: 0, flags: [], host: 'kms01.corp.contoso.com', port: 1688, cmid,
  };
}
const CMID = '169721ce-2886-4832-a037-e9459281751a';

describe('buildFleet', () => {
  it('treats FQDN and short name as one machine and shows the FQDN', () => {
    const fleet = buildFleet([
      { fact: request('CLIENT01', '2024-03-01T00:00:00Z', CMID), fallbackMachine: '' },
      { fact: request('client01.corp.contoso.com', '2024-03-02T00:00:00Z', CMID, 'other.xml'), fallbackMachine: '' },
    ]);
    expect(fleet.machines.map((m) => [m.name, m.aliases])).toEqual([['client01.corp.contoso.com', ['CLIENT01', 'client01.corp.contoso.com']]]);
    expect(fleet.find('CLIENT01.CORP.CONTOSO.COM')?.key).toBe('client01');
  });

  it('joins a renamed machine: one CMID, one log, the old name stops before the new one starts', () => {
    const fleet = buildFleet([
      { fact: request('EC2AMAZ-U1F32CD', '2023-05-24T01:12:29Z', CMID), fallbackMachine: '' },
      { fact: request('WinADController.aperture.sci', '2023-05-31T01:12:49Z', CMID), fallbackMachine: '' },
      { fact: request('WinADController.aperture.sci', '2023-06-07T01:12:50Z', CMID), fallbackMachine: '' },
    ]);
    expect(fleet.machines).toHaveLength(1);
    expect(fleet.machines[0].name).toBe('WinADController.aperture.sci');
    expect(fleet.machines[0].aliases).toContain('EC2AMAZ-U1F32CD');
    expect(fleet.machines[0].facts).toHaveLength(3);
  });

  it('keeps clones apart: one CMID whose requests interleave in time, or come from different logs', () => {
    const interleaved = buildFleet([
      { fact: request('lab-pc07', '2024-03-01T00:00:00Z', CMID, 'merged.xml'), fallbackMachine: '' },
      { fact: request('lab-pc08', '2024-03-02T00:00:00Z', CMID, 'merged.xml'), fallbackMachine: '' },
      { fact: request('lab-pc07', '2024-03-08T00:00:00Z', CMID, 'merged.xml'), fallbackMachine: '' },
    ]);
    expect(interleaved.machines.map((m) => m.key)).toEqual(['lab-pc07', 'lab-pc08']);
    const separate = buildFleet([
      { fact: request('lab-pc07', '2024-03-01T00:00:00Z', CMID, 'lab-pc07/app.xml'), fallbackMachine: '' },
      { fact: request('lab-pc08', '2024-03-02T00:00:00Z', CMID, 'lab-pc08/app.xml'), fallbackMachine: '' },
    ]);
    expect(separate.machines.map((m) => m.key)).toEqual(['lab-pc07', 'lab-pc08']);
    expect([...separate.cmidNames.get(CMID)!].sort()).toEqual(['lab-pc07', 'lab-pc08']);
  });

  it('"now" is the newest fact unless pinned', () => {
    const items = [{ fact: request('a', '2024-03-01T00:00:00Z', CMID), fallbackMachine: '' }];
    expect(buildFleet(items).now).toBe('2024-03-01T00:00:00Z');
    expect(buildFleet(items, { now: '2025-01-01T00:00:00.000Z' }).now).toBe('2025-01-01T00:00:00.000Z');
  });
});

describe('machine names', () => {
  it('keys on the first DNS label, keeps IPs whole', () => {
    expect(machineKey('CLIENT01.corp.contoso.com.')).toBe('client01');
    expect(machineKey('169.254.169.250')).toBe('169.254.169.250');
  });

  it('takes slmgr text owners from the folder, else the file name', () => {
    expect(machineFromPath('snap/ws17/slmgr-dli.txt', 'ws17')).toBe('ws17');
    expect(machineFromPath('fixtures/example/kms01/slmgr-dlv.txt')).toBe('kms01');
    expect(machineFromPath('client01.dlv.txt')).toBe('client01');
    expect(machineFromPath('x/client01-slmgr.txt')).toBe('client01');
    expect(machineFromPath('a/b/WS-17_dli.txt')).toBe('WS-17');
  });
});
