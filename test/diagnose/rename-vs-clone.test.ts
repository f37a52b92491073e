// One CMID under two names is a clone pair, unless the machine's own log shows it was renamed.
import { describe, expect, it } from 'vitest';
import type { Fact, KmsHostRequestFact, KmsRequestFact } from '../../src/decode/index.js';
import { diagnose } from '../../src/diagnose/index.js';
import { buildFleet } from '../../src/evidence/index.js';
import { english } from '../helpers/english.js';

const CMID = '169721ce-2886-4832-a037-e9459281751a';
const HOST = 'kms01.corp.contoso.com';

function served(client: string, time: string, record: number): KmsHostRequestFact {
  return {
    kind: 'kms-host-request', source: { file: 'kms01/kms.xml', format: 'xml', record }, computer: HOST, time, eventId: 12290,
    result: '0x00000000', requiredCount: 5, clientName: client, cmid: CMID, licenseState: 1,
  };
}
function asked(client: string, time: string, record: number): KmsRequestFact {
  return {
    kind: 'kms-request', source: { file: 'client/Application.xml', format: 'xml', record }, computer: client, time, eventId: 12288,
    result: '0x00000000', statusFlags: 0, flags: [], host: HOST, port: 1688, cmid: CMID, requiredCount: 5, licenseState: 1,
  };
}
const run = (facts: Fact[]) => diagnose(buildFleet(facts.map((fact) => ({ fact, fallbackMachine: '' }))), { now: '2024-06-08T00:00:00Z' });
const duplicates = (facts: Fact[]) => run(facts).findings.filter((f) => f.rule === 'kms-host/duplicate-cmid');

describe('kms-host/duplicate-cmid: renames and clones', () => {
  const hostLog = [served('ec2amaz-u1f32cd', '2024-05-24T01:12:30Z', 1), served('winadcontroller.aperture.sci', '2024-05-31T01:12:49Z', 2), served('winadcontroller.aperture.sci', '2024-06-07T01:12:50Z', 3)];

  it('stays quiet when the client\'s own log shows the rename (same CMID, old name ends before the new one starts)', () => {
    const clientLog = [asked('EC2AMAZ-U1F32CD', '2024-05-24T01:12:29Z', 10), asked('WinADController.aperture.sci', '2024-05-31T01:12:49Z', 11), asked('WinADController.aperture.sci', '2024-06-07T01:12:50Z', 12)];
    expect(duplicates([...hostLog, ...clientLog])).toEqual([]);
  });

  it('fires on the host log alone, and says the names could be one machine renamed', () => {
    const found = duplicates(hostLog);
    expect(found).toHaveLength(1);
    expect(found[0].machine).toBe(HOST);
    expect(english.finding(found[0]).detail).toContain('if one machine was renamed, this is not a clone');
  });

  it('fires without that caveat when the names interleave (clones renewing on their own schedules)', () => {
    const clones = [served('lab-pc07', '2024-06-01T00:00:00Z', 1), served('lab-pc08', '2024-06-02T00:00:00Z', 2), served('lab-pc07', '2024-06-03T00:00:00Z', 3)];
    const found = duplicates(clones);
    expect(found).toHaveLength(1);
    expect(english.finding(found[0]).detail).toContain('CMID 169721ce-2886-4832-a037-e9459281751a came from 2 machines: lab-pc07, lab-pc08.');
  });
});
