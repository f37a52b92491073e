// Office in the diagnosis: a KMS host counts Office apart from Windows and needs 5 for it; findings about a
// machine's own licenses name the products they are about; an information code on a licensed product is never a
// failure. Fleets built with the rule kit's helpers (events as wevtutil writes them), plus the transcribed ospp pastes.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { CMID, at, ev12290, host, kmsLog, wevtutilXml } from '../rules/kit.js';

const NOW = '2024-03-07T12:00:00Z';
const OFFICE_2019_PROPLUS = '85dd8b5f-eaa4-4af3-a628-cce9e77c9a03';

function fleetWith(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'volact-office-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

/** A host whose log holds 30 Windows clients (required count 25) over the day, and `office` Office clients. */
function hostLog(office: number, refused: boolean): string {
  const windows = kmsLog('kms01', at(0, 10), at(20, 0), 30001);
  const officeRequests = Array.from({ length: office }, (_, i) =>
    ev12290(host('kms01'), at(10, i), 40001 + i, {
      client: host(`pc-office${i}`), cmid: CMID.pc(60 + i), need: 5, activationId: OFFICE_2019_PROPLUS, result: refused && i === 0 ? '0xC004F038' : '0x0',
    }),
  );
  return wevtutilXml([...windows, ...officeRequests]);
}

describe('a KMS host counts Office apart from Windows', () => {
  it('reports an Office count below 5 although the host counts 30 Windows clients', async () => {
    const analysis = await analyze([fleetWith({ 'kms01/KeyManagementService.xml': hostLog(2, true) })], { now: NOW, threads: 0 });
    const found = analysis.findings.filter((f) => f.rule === 'kms-host/count-below-threshold');
    expect(found.map((f) => [f.machine?.toLowerCase().split('.')[0], f.messages.title])).toEqual([
      ['kms01', { id: 'kms-host/count-below-threshold.title-count-office', data: { count: 2 } }],
    ]);
    const step = analysis.walks.get('kms01')?.find((s) => s.id === 'kms-host/count');
    expect(step?.status).toBe('fail');
  });

  it('stays quiet with 6 Office clients, and the walk says both counts', async () => {
    const analysis = await analyze([fleetWith({ 'kms01/KeyManagementService.xml': hostLog(6, true) })], { now: NOW, threads: 0 });
    expect(analysis.findings.filter((f) => f.rule === 'kms-host/count-below-threshold')).toEqual([]);
    const step = analysis.walks.get('kms01')?.find((s) => s.id === 'kms-host/count');
    expect(step?.status).toBe('pass');
    expect(JSON.stringify(step?.messages.note)).toContain('walk.note.count-office-ok');
    expect(JSON.stringify(step?.messages.note)).toContain('walk.note.count-ok');
  });
});

describe('findings about a machine with Windows and Office', () => {
  it('name the products they are about', async () => {
    const analysis = await analyze(['fixtures/office/snapshot'], { now: NOW, threads: 0 });
    const client = (rule: string) => analysis.findings.find((f) => f.rule === rule && f.machine?.toLowerCase().startsWith('client01'));
    expect(client('kms-client/request-failed')?.products).toEqual(['Office Professional Plus 2019', 'Office LTSC Professional Plus 2024']);
    expect(client('kms-client/not-activated')?.products).toEqual(['Windows 10/11 Enterprise']);
    expect(client('kms-client/request-failed')?.messages.detail.at(-1)).toEqual({
      id: 'common.about-products',
      data: { products: { list: ['Office Professional Plus 2019', 'Office LTSC Professional Plus 2024'] } },
    });
  });

  it('do not on a Windows-only machine (its reports stay as they were)', async () => {
    const analysis = await analyze(['fixtures/example'], { now: NOW, threads: 0 });
    expect(analysis.findings.length).toBeGreaterThan(0);
    expect(analysis.findings.filter((f) => f.products)).toEqual([]);
  });
});

describe('information codes on licensed Office products', () => {
  it('are never a failure: 0x4004F040 on a licensed KMS client gives "activated" and nothing failing', async () => {
    const analysis = await analyze(['fixtures/office/ospp-act-dstatus-kms-licensed.txt'], { now: NOW, threads: 0 });
    const rules = analysis.findings.map((f) => [f.rule, f.severity]);
    expect(rules).toContainEqual(['kms-client/activated', 'info']);
    expect(rules.filter(([, severity]) => severity !== 'info')).toEqual([]);
  });

  it('are never a failure: 0x4004F00C in the out-of-box grace period of a subscription SKU', async () => {
    const analysis = await analyze(['fixtures/office/ospp-dstatus-oob-grace-subscription.txt'], { now: NOW, threads: 0 });
    expect(analysis.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(analysis.findings.filter((f) => f.rule === 'error/unknown-code' || f.rule === 'kms-client/request-failed')).toEqual([]);
  });
});

describe('an Office product that is no KMS client', () => {
  it("fails as an online activation, not as a KMS request: a Retail Grace SKU's 0xC004F017 beside a licensed KMS client", async () => {
    const analysis = await analyze(['fixtures/office/ospp-session-2013-zh-banner.txt'], { now: NOW, threads: 0 });
    const failing = analysis.findings.filter((f) => f.severity !== 'info');
    expect(failing.map((f) => [f.rule, f.messages.title, f.products])).toEqual([
      ['mak/ato-error', { id: 'mak/ato-error.title-codes', data: { codes: { list: ['0xC004F017'] } } }, ['Office 2013 Professional Plus']],
    ]);
    expect(analysis.findings.filter((f) => f.rule === 'kms-client/activated').map((f) => f.products)).toEqual([['Office 2013 Standard']]);
  });
});

describe('fleet views show Office beside Windows', () => {
  it('03A per product line, 04A with the product line, 02A marks the Office licenses', async () => {
    const analysis = await analyze(['fixtures/office/snapshot', 'fixtures/wmi/slp-inventory-3-machines.csv'], { now: NOW, threads: 0 });
    const v = analysis.views;
    expect(v.statusCountsByProduct).toEqual({ Windows: { Licensed: 3, OOBGrace: 1, Unlicensed: 1 }, Office: { Licensed: 1, Unknown: 2 } });
    expect(v.products.filter((p) => p.productLine === 'Office').map((p) => p.edition).sort()).toEqual([
      'Office LTSC Professional Plus 2024', 'Office Professional Plus 2016', 'Office Professional Plus 2019',
    ]);
    const office = v.expiring.filter((e) => e.productLine === 'Office');
    expect(office.map((e) => [e.machine, e.product, e.minutesLeft])).toEqual([['WS03', 'Office Professional Plus 2016', 258642]]);
    expect(v.expiring.every((e) => e.productLine !== undefined)).toBe(true);
  });

  it("05A counts a host's Office clients apart, and a Windows-only host keeps its single count", async () => {
    const withOffice = await analyze([fleetWith({ 'kms01/KeyManagementService.xml': hostLog(2, true) })], { now: NOW, threads: 0 });
    const host = withOffice.views.kmsHosts[0];
    expect(host.products).toEqual([
      // 18 of the 30 Windows clients asked before "now" (12:00); the log runs to 20:00.
      { product: 'Windows', currentCountSource: '12290', clientsSeen: 30, currentCount: 18, requiredCount: 25 },
      { product: 'Office', currentCountSource: '12290', clientsSeen: 2, currentCount: 2, requiredCount: 5 },
    ]);
    expect([host.currentCount, host.clientsSeen, host.requiredCount]).toEqual([18, 30, 25]);
    const windowsOnly = await analyze(['fixtures/example'], { now: NOW, threads: 0 });
    expect(windowsOnly.views.kmsHosts.every((h) => h.products === undefined)).toBe(true);
    expect(windowsOnly.views.statusCountsByProduct).toBeUndefined();
  });
});
