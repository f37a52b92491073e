// Issue 13 point 2: a client described by its Application log (12288/12289: activation id → "Windows 10/11
// Enterprise") and by `slmgr /dli` (no activation id: "Windows(R), Enterprise edition") holds one license, built
// from both. The fleet views count each (machine, product) pair once.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze, type Analysis } from '../../src/analyze.js';
import { buildReport, renderMarkdown } from '../../src/report/index.js';
import { ACT, ev12288, ev12289, eventViewerXml, slmgrText } from '../helpers/activation-exports.js';

const CLIENTS = 40;
let analysis: Analysis;

beforeAll(async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'volact-once-'));
  for (let i = 1; i <= CLIENTS; i++) {
    const name = `pc${String(i).padStart(2, '0')}`;
    const fqdn = `${name.toUpperCase()}.corp.contoso.com`;
    const cmid = `5d6c${String(i).padStart(4, '0')}-1b2a-4c3d-8e4f-a5b6c7d8e9f0`;
    mkdirSync(path.join(dir, name));
    writeFileSync(
      path.join(dir, name, 'Application.xml'),
      eventViewerXml([ev12288(fqdn, '2024-03-07T06:00:00Z', 100, { cmid, activationId: ACT.win10Enterprise }), ev12289(fqdn, '2024-03-07T06:00:01Z', 101)]),
    );
    // Every fourth machine's slmgr was collected on a Japanese system; the product name is not translated.
    const lang = i % 4 === 0 ? 'ja' : 'en';
    const status = lang === 'ja' ? 'ライセンスされています' : 'Licensed';
    writeFileSync(
      path.join(dir, name, 'slmgr-dli.txt'),
      slmgrText(lang, [{
        name: 'Windows(R), Enterprise edition', description: 'Windows(R) Operating System, VOLUME_KMSCLIENT channel', partialKey: 'T83GX', status,
        volumeExpiryMinutes: 259000, kmsClient: { cmid, kmsName: 'kms01.corp.contoso.com', source: 'dns' },
      }]),
    );
  }
  // A server whose slmgr names a different product than its events: two products, never joined.
  mkdirSync(path.join(dir, 'srv01'));
  writeFileSync(
    path.join(dir, 'srv01', 'Application.xml'),
    eventViewerXml([ev12288('SRV01.corp.contoso.com', '2024-03-07T06:00:00Z', 5, { cmid: '9d6c0001-1b2a-4c3d-8e4f-a5b6c7d8e9f0', activationId: ACT.server2019Datacenter, need: 5 }), ev12289('SRV01.corp.contoso.com', '2024-03-07T06:00:01Z', 6)]),
  );
  writeFileSync(
    path.join(dir, 'srv01', 'slmgr-dli.txt'),
    slmgrText('en', [{ name: 'Windows(R), Enterprise edition', description: 'Windows(R) Operating System, VOLUME_KMSCLIENT channel', partialKey: 'T83GX', status: 'Licensed', volumeExpiryMinutes: 259000 }]),
  );
  analysis = await analyze([dir], { now: '2024-03-07T12:00:00Z', threads: 0 });
});

describe('one product, counted once', () => {
  it('fleet status counts add up to the (machine, product) pairs of the snapshot', () => {
    const pairs = CLIENTS + 2;
    const total = Object.values(analysis.views.statusCounts).reduce((a, b) => a + b, 0);
    expect(total).toBe(pairs);
    expect(analysis.views.statusCounts).toEqual({ Licensed: pairs });
  });

  it('one product row per edition: the slmgr edition id maps to the exact edition of the events', () => {
    const rows = analysis.views.products.map((p) => [p.edition, p.channel, p.machines, p.licensed]);
    expect(rows).toEqual([
      ['Windows 10/11 Enterprise', 'VOLUME_KMSCLIENT', CLIENTS, CLIENTS],
      ['Windows Server 2019 Datacenter', 'VOLUME_KMSCLIENT', 1, 1],
      ['Windows(R), Enterprise edition', 'VOLUME_KMSCLIENT', 1, 1],
    ]);
  });

  it('each joined license says which sources it was built from, in JSON and Markdown', () => {
    const report = buildReport(analysis, { machines: 'all' });
    const pc01 = report.machines.find((m) => m.key === 'pc01')!;
    expect(pc01.licenses).toHaveLength(1);
    const l = pc01.licenses[0];
    expect(l).toMatchObject({ edition: 'Windows 10/11 Enterprise', basis: 'slmgr', status: 'Licensed', partialKey: 'T83GX' });
    expect((l.sources ?? []).map((s) => [s.basis, path.basename(s.file), s.record ?? s.line])).toEqual([
      ['slmgr', 'slmgr-dli.txt', 4],
      ['12288', 'Application.xml', 100],
    ]);
    expect(renderMarkdown(report)).toContain('- License: Windows 10/11 Enterprise · VOLUME\\_KMSCLIENT · …T83GX · **Licensed** · ');
    expect(renderMarkdown(report)).toContain('(from slmgr + from the newest 12288)');
    const srv = report.machines.find((m) => m.key === 'srv01')!;
    expect(srv.licenses.map((x) => (x.sources ?? []).map((s) => s.basis).join('+'))).toEqual(['12288', 'slmgr']);
  });
});
