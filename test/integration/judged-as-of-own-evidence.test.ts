// Issue 13 point 3: without --now each machine is judged as of the newest record in its own files (ignored
// records included); with --now a machine whose evidence ends more than 7 days earlier gets input/stale-export,
// and its time-based findings say they extrapolate from that date.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { buildReport, renderMarkdown } from '../../src/report/index.js';
import { ev12288, ev12289, eventViewerXml } from '../helpers/activation-exports.js';
import { v, writeEvtx, type EventSpec } from '../helpers/evtx-writer.js';
import { english } from '../helpers/english.js';

const SPP = { provider: 'Microsoft-Windows-Security-SPP', providerGuid: '{E23B33B0-C8C9-472C-A5F9-F2BDFEA0F156}', eventSourceName: 'Software Protection Platform Service', channel: 'Application', qualifiers: 16384, level: 4 };
const PC01 = 'PC01.corp.contoso.com';
let dir = '';

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'volact-own-now-'));
  mkdirSync(path.join(dir, 'pc01'));
  mkdirSync(path.join(dir, 'pc02'));
  // pc01: an Application.evtx that ends 2023-05-31 07:12 UTC. Its last renewal (07:10) left 180 days; the newest
  // record is an MsiInstaller event the EVTX pre-filter skips without decoding.
  const events: EventSpec[] = [
    { ...SPP, computer: PC01, recordId: 7001, eventId: 12288, timeCreated: '2023-05-31T07:10:00.1234567Z', eventData: [{ value: v.string('0x0, 0x0, kms01.corp.contoso.com:1688, 5d6c0001-1b2a-4c3d-8e4f-a5b6c7d8e9f0, 2023/05/31 07:10, 0, 1, 259200, 73111121-5638-40f6-bc11-f1d7b0d64300, 25') }] },
    { ...SPP, computer: PC01, recordId: 7002, eventId: 12289, timeCreated: '2023-05-31T07:10:01.1234567Z', eventData: [{ value: v.string('0x0, 0x0, 1, 0, 50, 120, 10080, 2023/05/31 07:10') }] },
    { provider: 'MsiInstaller', channel: 'Application', computer: PC01, recordId: 7003, eventId: 1033, qualifiers: 0, level: 4, timeCreated: '2023-05-31T07:12:33.5000000Z', eventData: [{ value: v.string('Contoso Agent') }, { value: v.string('1.2.3') }] },
  ];
  writeFileSync(path.join(dir, 'pc01', 'Application.evtx'), writeEvtx(events));
  // pc02: an Event Viewer XML export of November 2024.
  writeFileSync(
    path.join(dir, 'pc02', 'Application.xml'),
    eventViewerXml([
      ev12288('PC02.corp.contoso.com', '2024-11-18T09:00:00Z', 90001, { cmid: '5d6c0002-1b2a-4c3d-8e4f-a5b6c7d8e9f0', minutes: 259200 }),
      ev12289('PC02.corp.contoso.com', '2024-11-18T09:00:01Z', 90002),
    ]),
  );
});

describe('"now" per machine', () => {
  it('without --now: the 2023 machine is judged as of 2023-05-31 07:12 and its activation has not expired', async () => {
    const a = await analyze([dir], { threads: 0 });
    expect(a.now).toBe('2024-11-18T09:00:01.0090002Z');
    const pc01 = a.fleet.machines.find((m) => m.key === 'pc01')!;
    expect(pc01.evidenceEnd).toBe('2023-05-31T07:12:33.5000000Z');
    expect(a.findings.filter((f) => f.machine === PC01).map((f) => f.rule)).toEqual(['kms-client/activated']);
    expect(a.findings.map((f) => f.rule)).not.toContain('input/stale-export');
    const expiry = a.views.expiring.find((e) => e.machine === PC01)!;
    expect(expiry.range).toBe('>90d');
    expect(expiry.minutesLeft).toBe(259200 - 3);

    const report = buildReport(a, { machines: 'all' });
    expect(report.machines.find((m) => m.key === 'pc01')).toMatchObject({ evidenceEnds: '2023-05-31T07:12:33.5000000Z', judgedAt: '2023-05-31T07:12:33.5000000Z' });
    const md = renderMarkdown(report);
    expect(md).toContain('- Evidence ends 2023-05-31 07:12 UTC');
    expect(md).toContain('- Evidence ends 2024-11-18 09:00 UTC');
    expect(md).toContain("“Now” is each machine's newest record (no --now; the newest of all is 2024-11-18T09:00:01.0090002Z).");
  });

  it('with --now: input/stale-export on the 2023 machine, and its expiry says it extrapolates', async () => {
    const a = await analyze([dir], { now: '2024-11-20T00:00:00Z', threads: 0 });
    const stale = a.findings.filter((f) => f.rule === 'input/stale-export');
    expect(stale.map((f) => [f.machine, f.severity])).toEqual([[PC01, 'info']]);
    expect(english.finding(stale[0]).detail).toContain('ends 2023-05-31 07:12 UTC, 538.7 days before --now (2024-11-20 00:00 UTC)');
    // Evidence also carries its wording as a catalog message (for other languages); the place and the English text:
    expect(english.finding(stale[0]).evidence.map(({ message: _message, ...e }) => e)).toEqual([{ file: path.join(dir, 'pc01', 'Application.evtx'), record: 7003, summary: '3 records of Application, the newest at 2023-05-31 07:12 UTC' }]);
    expect(stale[0].evidence[0].message?.id).toBe('input/stale-export.span');
    const expiring = a.findings.find((f) => f.rule === 'kms-client/activation-expiring' && f.machine === PC01)!;
    expect(expiring.severity).toBe('error');
    expect(english.finding(expiring).detail).toContain("This machine's evidence ends 2023-05-31 07:12 UTC, 538.7 days before --now: this extrapolates from that date (input/stale-export).");
    expect(a.findings.filter((f) => f.machine === 'PC02.corp.contoso.com').map((f) => f.rule)).toEqual(['kms-client/activated']);
  });
});
