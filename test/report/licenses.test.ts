import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { buildReport, renderMarkdown } from '../../src/report/index.js';

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

describe('an slmgr /xpr end date', () => {
  // /xpr prints when the activation ends (slmgr.vbs adds the minutes left to the machine's clock), so the date
  // stands on its own: without --now there is no time left to count, but the end is still known and shown.
  async function xprReport(now?: string) {
    const dir = mkdtempSync(path.join(tmpdir(), 'volact-xpr-'));
    mkdirSync(path.join(dir, 'pc1'));
    copyFileSync('fixtures/slmgr/en-xpr.txt', path.join(dir, 'pc1/xpr.txt'));
    return buildReport(await analyze([dir], { threads: 0, ...(now ? { now } : {}) }));
  }

  it('is kept and shown without --now', async () => {
    const report = await xprReport();
    const [license] = report.machines[0].licenses;
    expect(license).toMatchObject({ status: 'Licensed', expires: '2024-09-14T01:12:49.000Z' });
    expect(license.minutesLeft).toBeUndefined();
    expect(renderMarkdown(report)).toContain('**Licensed** · until 2024-09-14T01:12:49.000Z (from slmgr)');
  });

  it('with --now also counts the time left', async () => {
    const [license] = (await xprReport('2024-09-01T00:00:00Z')).machines[0].licenses;
    expect(license).toMatchObject({ expires: '2024-09-14T01:12:49.000Z', minutesLeft: 18793 });
  });
});
