import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { buildReport } from '../../src/report/index.js';

describe('machine licenses in the report', () => {
  it('come from slmgr where there is one, else from the newest 12288, and agree with the fleet views', async () => {
    const report = buildReport(await analyze(['fixtures/example'], { now: '2024-03-07T12:00:00Z', threads: 0 }));
    const byMachine = Object.fromEntries(report.machines.map((m) => [m.key, m.licenses]));
    expect(byMachine.client01).toEqual([
      expect.objectContaining({ edition: 'Windows 10/11 Enterprise', channel: 'VOLUME_KMSCLIENT', status: 'OOBGrace', basis: 'slmgr', partialKey: '2YT43', minutesLeft: 29640 }),
    ]);
    expect(byMachine.client02).toEqual([
      expect.objectContaining({ edition: 'Windows Server 2019 Standard', status: 'Licensed', basis: '12288', source: { file: 'fixtures/example/client02/Application.xml', line: 2, record: 7201 } }),
    ]);
    // 249120 minutes from the 12288 at 06:40:02 UTC, seen from 12:00 UTC.
    expect(byMachine.client02[0].minutesLeft).toBe(249120 - 320);
    const soon = report.fleet.expiring.find((e) => e.machine === 'client01.corp.contoso.com');
    expect(soon?.expires).toBe(byMachine.client01[0].expires);
  });
});
