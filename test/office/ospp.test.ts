// ospp.vbs output transcribed from public pastes (fixtures/office/README.md) → license facts, through the real
// reader (sniff → whole text → parseDocument), and the block parser on its own.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeFile } from '../../src/analyze.js';
import type { Fact, LicenseFact, LicensingServiceFact, SlmgrErrorFact } from '../../src/decode/index.js';
import { parseOspp, parseOsppLines } from '../../src/decode/ospp.js';
import { sniffFormat } from '../../src/ingest/index.js';

const DIR = 'fixtures/office';

async function read(name: string) {
  const file = path.join(DIR, name);
  const { account, facts } = await analyzeFile({ path: file, display: file });
  return { account, facts: facts.map((f) => f.fact) };
}

const licenses = (facts: Fact[]): LicenseFact[] => facts.filter((f): f is LicenseFact => f.kind === 'license');

describe('ospp.vbs /dstatus and /act', () => {
  it('reads /act then /dstatus of an Office 2016 KMS client: two blocks, the status block with its KMS lines', async () => {
    const { account, facts } = await read('ospp-act-dstatus-kms-licensed.txt');
    expect(account).toMatchObject({ format: 'ospp', records: 1, decoded: 1, rejected: [] });
    expect(account.unknownLines).toBeUndefined();
    const [act, status] = licenses(facts);
    expect(act).toMatchObject({
      form: 'ospp-act',
      activation: 'succeeded',
      activationId: 'd450596f-894d-49e0-966a-fd39ed4c4c64',
      name: 'Office 16, Office16ProPlusVL_KMS_Client edition',
      channel: 'VOLUME_KMSCLIENT',
      keyType: 'Volume:GVLK',
      licenseStatus: 'Unknown',
      partialKey: 'WFG99',
      product: 'Office',
      productVersion: '2016',
      edition: 'Office Professional Plus 2016',
      lineStart: 7,
      lineEnd: 12,
    });
    expect(status).toMatchObject({
      form: 'ospp-status',
      licenseStatus: 'Licensed',
      licenseStatusText: '---LICENSED---',
      statusReason: '0x4004F040',
      statusReasonInformational: true,
      volumeExpiryMinutes: 258642,
      errors: [],
      applicationId: '0ff1ce15-a989-479d-af46-f275c6370663',
      other: { 'PRODUCT ID': '00339-10000-00000-AA718' },
      kmsClient: {
        kmsNameSource: 'registered',
        kmsName: '42.193.139.78',
        kmsPort: 16886,
        activationType: 'ALL',
        activationInterval: 120,
        renewalInterval: 10080,
        hostCaching: true,
      },
      lineStart: 22,
      lineEnd: 36,
    });
    expect(status.graceMinutes).toBeUndefined();
  });

  it('reads a subscription SKU in OOB grace: 0x4004F00C is information, the grace is minutes, 1601 is no date', async () => {
    const { account, facts } = await read('ospp-dstatus-oob-grace-subscription.txt');
    expect(account.unknownLines).toBeUndefined();
    expect(licenses(facts)).toEqual([
      expect.objectContaining({
        name: 'Office 16, Office16O365ProPlusR_Subscription1 edition',
        description: 'Office 16, TIMEBASED_SUB channel',
        channel: 'TIMEBASED_SUB',
        licenseStatus: 'OOBGrace',
        statusReason: '0x4004F00C',
        statusReasonInformational: true,
        graceMinutes: 14316,
        partialKey: 'M96P2',
        productVersion: 'Microsoft 365',
        edition: 'Microsoft 365 Apps for enterprise',
      }),
    ]);
    expect(licenses(facts)[0].evaluationEnd).toBeUndefined();
  });

  it('reads Office 2019 and LTSC 2024 side by side as two licenses, each failing 0xC004F074', async () => {
    const { account, facts } = await read('ospp-act-failed-2019-2024.txt');
    expect(account.unknownLines).toBeUndefined();
    const ls = licenses(facts);
    expect(ls.map((l) => [l.productVersion, l.edition, l.partialKey, l.activation, l.errors])).toEqual([
      ['2019', 'Office Professional Plus 2019', '6MWKP', 'failed', ['0xC004F074']],
      ['LTSC 2024', 'Office LTSC Professional Plus 2024', 'GCVGB', 'failed', ['0xC004F074']],
    ]);
    expect(ls.every((l) => l.form === 'ospp-act' && l.licenseStatus === 'Unknown')).toBe(true);
  });

  it('reads a //nologo /act of two LTSC 2024 products, both activated', async () => {
    const { facts } = await read('ospp-act-ok-2024.txt');
    expect(licenses(facts).map((l) => [l.edition, l.activation, l.partialKey])).toEqual([
      ['Office LTSC Professional Plus 2024', 'succeeded', 'GCVGB'],
      ['Office Visio LTSC Standard 2024', 'succeeded', 'WQQTV'],
    ]);
  });

  it('reads a Chinese-banner session: the Retail Grace SKU fails 0xC004F017, Standard KMS succeeds, then /dstatus', async () => {
    const { account, facts } = await read('ospp-session-2013-zh-banner.txt');
    // "d:" and "cd …" are prompt lines of other commands: the console's own, with no output to read.
    expect(account.unknownLines).toBeUndefined();
    const ls = licenses(facts);
    expect(ls.map((l) => [l.form, l.name, l.channel, l.activation, l.errors, l.licenseStatus])).toEqual([
      ['ospp-act', 'Office 15, OfficeProPlusR_Grace edition', 'RETAIL', 'failed', ['0xC004F017'], 'Unknown'],
      ['ospp-act', 'Office 15, OfficeStandardVL_KMS_Client edition', 'VOLUME_KMSCLIENT', 'succeeded', [], 'Unknown'],
      ['ospp-status', 'Office 15, OfficeStandardVL_KMS_Client edition', 'VOLUME_KMSCLIENT', undefined, [], 'Licensed'],
    ]);
    expect(ls[2]).toMatchObject({
      productVersion: '2013',
      volumeExpiryMinutes: 259188,
      kmsClient: { kmsName: 'kms.03k.org', kmsPort: 1688, kmsNameSource: 'registered', activationInterval: 1, renewalInterval: 23303 },
    });
  });

  it('reads a lone /inpkey ERROR CODE block as an ospp error that names its command', async () => {
    const { account, facts } = await read('ospp-inpkey-sku-not-found.txt');
    expect(account).toMatchObject({ format: 'ospp', decoded: 1 });
    expect(facts).toEqual([expect.objectContaining<Partial<SlmgrErrorFact>>({ kind: 'slmgr-error', tool: 'ospp', command: 'inpkey', code: '0xC004F069', line: 4 })]);
    expect((facts[0] as SlmgrErrorFact).text).toBe('The Software Licensing Service reported that the product SKU is not found.');
    const zh = await read('ospp-inpkey-sku-not-found-zh-banner.txt');
    expect(zh.facts).toEqual([expect.objectContaining({ kind: 'slmgr-error', tool: 'ospp', code: '0xC004F069' })]);
    expect(zh.account.unknownLines).toBeUndefined();
  });
});

describe('ospp.vbs forms read but not modelled', () => {
  const source = { file: 'x.txt', format: 'ospp' as const };

  it('recognises /dhistorykms and says it is not read yet, listing its lines (shape from the script strings)', () => {
    const r = parseOspp(['---Processing--------------------------', '---------------------------------------', 'Searching for KMS activation events on machine: PC01', 'Event ID: 12288', '', '---Exiting-----------------------------'].join('\r\n'), source);
    expect(r.facts).toEqual([]);
    expect(r.unknown.map((l) => l.no)).toEqual([3, 4]);
    expect(r.notes).toEqual([expect.stringContaining('/dhistorykms output is recognised but not read yet')]);
  });

  it('takes a /dcmid line as the machine CMID', () => {
    const r = parseOspp('Client Machine ID (CMID): 8415f1f2-58e4-46c9-9359-39cd2bef2739', source);
    expect(r.facts).toEqual([expect.objectContaining<Partial<LicensingServiceFact>>({ kind: 'licensing-service', form: 'ospp-dcmid', cmid: '8415f1f2-58e4-46c9-9359-39cd2bef2739' })]);
  });

  it('reads a block of lines with the whole file\'s line numbers (for a splitter of mixed pastes)', () => {
    const r = parseOsppLines(
      [
        { no: 40, text: 'SKU ID: 85dd8b5f-eaa4-4af3-a628-cce9e77c9a03' },
        { no: 41, text: 'LICENSE NAME: Office 19, Office19ProPlus2019VL_KMS_Client_AE edition' },
        { no: 42, text: 'LICENSE STATUS:  ---NOTIFICATIONS---' },
        { no: 43, text: 'ERROR CODE: 0xC004F009' },
        { no: 44, text: 'what is this' },
      ],
      source,
    );
    expect(r.facts).toEqual([expect.objectContaining({ lineStart: 40, lineEnd: 43, licenseStatus: 'Notification', statusReason: '0xC004F009', notificationReason: '0xC004F009' })]);
    expect((r.facts[0] as LicenseFact).statusReasonInformational).toBeUndefined();
    expect(r.unknown).toEqual([{ no: 44, text: 'what is this' }]);
  });

  it('keeps a value it cannot read as a problem of the block, never as a wrong value', () => {
    const r = parseOspp(['SKU ID: not-a-guid', 'LICENSE NAME: Office 16, Office16StandardVL_KMS_Client edition', 'REMAINING GRACE: soon', 'Last 5 characters of installed product key: TOO-LONG'].join('\n'), source);
    const l = r.facts[0] as LicenseFact;
    expect(l.activationId).toBeUndefined();
    expect(l.graceMinutes).toBeUndefined();
    expect(l.partialKey).toBeUndefined();
    expect(l.problems).toEqual([
      'line 1 (SKU ID "not-a-guid" is not a GUID)',
      'line 3 (remaining grace "soon" has no minutes)',
      'line 4 (partial key "TOO-LONG" is not five key characters)',
    ]);
  });
});

describe('sniffing ospp text', () => {
  it('names every ospp fixture ospp, and never slmgr (the console copy with slmgr beside it is a paste)', async () => {
    const { readFileSync, readdirSync } = await import('node:fs');
    for (const name of readdirSync(DIR).filter((n) => n.endsWith('.txt'))) {
      const kind = name.startsWith('console-') ? 'text-paste' : 'ospp';
      expect(sniffFormat(readFileSync(path.join(DIR, name))).kind, name).toBe(kind);
    }
  });
});

describe('Office products in slmgr /dlv all', () => {
  it('are named as ospp and WMI name them (product, version, edition)', async () => {
    const { parseDocument } = await import('../../src/decode/index.js');
    // The Office block of a status listing pasted in massgravel/Microsoft-Activation-Scripts#71 (values the
    // poster removed are left empty).
    const text = [
      'Name: Office 19, Office19ProPlus2019VL_KMS_Client_AE edition',
      'Description: Office 19, VOLUME_KMSCLIENT channel',
      'Activation ID: ',
      'Extended PID: ',
      'Product Key Channel: Volume:GVLK',
      'Partial Product Key: ',
      'License Status: Licensed',
      'Volume activation expiration:  minute(s) (180 day(s))',
      'Configured Activation Type: All',
    ].join('\r\n');
    const r = parseDocument({ source: { file: 'x', format: 'slmgr' }, text });
    expect(r.facts).toEqual([expect.objectContaining({ product: 'Office', productVersion: '2019', edition: 'Office 2019 Professional Plus', family: 'Office', keyType: 'Volume:GVLK', licenseStatus: 'Licensed' })]);
  });
});
