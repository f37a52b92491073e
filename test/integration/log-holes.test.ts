// Issue 13 point 4: kms-host/log-cleared counts every record read. A record of another provider in the
// Key Management Service channel fills its place in the record ids; an export filtered to 12290 has holes
// that say nothing; where the export cannot tell, the finding speaks of holes in the exported records.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { ev12290, ev12294, wevtutilXml, type EventSpec } from '../helpers/activation-exports.js';
import { v, writeEvtx, type EventSpec as EvtxEvent } from '../helpers/evtx-writer.js';
import { english } from '../helpers/english.js';

const HOST = 'kms01.corp.contoso.com';
const NOW = '2024-03-08T00:00:00Z';
const cmid = (n: number): string => `5d6c${String(n % 10000).padStart(4, '0')}-1b2a-4c3d-8e4f-a5b6c7d8e9f0`;
const time = (i: number): string => new Date(Date.parse('2024-03-01T00:00:00Z') + i * 20 * 60_000).toISOString().replace('.000', '');

/** A record of another provider that writes into the Key Management Service channel. */
function foreign(record: number, i: number): EventSpec {
  return { id: 1, time: time(i), record, computer: HOST, channel: 'Key Management Service', provider: 'Contoso-KmsMonitor', qualifiers: 0, level: 4, data: ['probe ok'] };
}

/** Records 1..n: 12290s, with every 7th record written by `other` (a foreign provider or 12294). */
function kmsLog(n: number, other: (record: number, i: number) => EventSpec, skip: (record: number) => boolean = () => false): EventSpec[] {
  const out: EventSpec[] = [];
  for (let r = 1; r <= n; r++) {
    if (skip(r)) continue;
    out.push(r % 7 === 0 ? other(r, r) : ev12290(HOST, time(r), r, { client: `pc${r}.corp.contoso.com`, cmid: cmid(r) }));
  }
  return out;
}

async function run(files: Record<string, string | Buffer>) {
  const dir = mkdtempSync(path.join(tmpdir(), 'volact-holes-'));
  mkdirSync(path.join(dir, 'kms01'));
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, 'kms01', name), content);
  const a = await analyze([dir], { now: NOW, threads: 0 });
  return a.findings.filter((f) => f.rule === 'kms-host/log-cleared');
}

describe('kms-host/log-cleared counts every record read', () => {
  it('whole log (wevtutil qe /f:xml) with another provider\'s records between the 12290s: no holes, quiet', async () => {
    expect(await run({ 'KeyManagementService.xml': wevtutilXml(kmsLog(200, foreign)) })).toEqual([]);
  });

  it('whole log as EVTX: records the pre-filter skips still fill their ids', async () => {
    const events: EvtxEvent[] = kmsLog(150, foreign).map((e) => ({
      provider: e.provider ?? 'Microsoft-Windows-Security-SPP',
      ...(e.provider ? {} : { providerGuid: '{E23B33B0-C8C9-472C-A5F9-F2BDFEA0F156}', eventSourceName: 'KmsRequests' }),
      channel: 'Key Management Service', computer: HOST, recordId: e.record, eventId: e.id, qualifiers: e.provider ? 0 : 16384, level: 4, timeCreated: e.time,
      eventData: e.data.map((value) => ({ value: v.string(value) })),
    }));
    expect(await run({ 'KeyManagementService.evtx': writeEvtx(events) })).toEqual([]);
  });

  it('whole log with records 50–69 gone: fires, naming the hole', async () => {
    const [f] = await run({ 'KeyManagementService.xml': wevtutilXml(kmsLog(200, foreign, (r) => r >= 50 && r <= 69)) });
    const w = english.finding(f);
    expect(w.title).toBe('Key Management Service log was cleared or has holes');
    expect(w.evidence.map((e) => [e.record, e.summary.split(' (')[0]])).toEqual([[70, 'records 50–69']]);
    expect(w.evidence[0].summary).toBe('records 50–69 (20) are missing before record 70 (2024-03-01T16:00:00.0000048Z – 2024-03-01T23:40:00.0000071Z)');
  });

  it('an export filtered to 12290 (wevtutil qe /q:"*[System[(EventID=12290)]]"): the 12294s leave a pattern of holes, quiet', async () => {
    const filtered = kmsLog(200, (r, i) => ev12294(HOST, time(i), r, 'corp.contoso.com')).filter((e) => e.id === 12290);
    expect(await run({ 'KeyManagementService-12290.xml': wevtutilXml(filtered) })).toEqual([]);
  });

  it('only 12290s and one long hole: cannot tell, so it speaks of holes in the exported records', async () => {
    const only = kmsLog(120, (r, i) => ev12290(HOST, time(i), r, { client: `pc${r}.corp.contoso.com`, cmid: cmid(r) }), (r) => r >= 30 && r <= 90);
    const [f] = await run({ 'KeyManagementService.xml': wevtutilXml(only) });
    const w = english.finding(f);
    expect(w.title).toBe('Holes in the exported Key Management Service records');
    expect(w.remedy).toEqual(['Export the whole log, unfiltered, and analyze it again: wevtutil epl "Key Management Service" kms.evtx']);
    expect(w.evidence.map((e) => [e.record, e.summary])).toEqual([[91, 'records 30–90 (61) are missing before record 91 (2024-03-01T09:40:00.0000029Z – 2024-03-02T06:20:00.0000091Z)']]);
  });
});
