// Inventories of the WMI licensing classes (fixtures/wmi/README.md) → licenses and licensing-service facts,
// through the real entry point: sniffed from the bytes, read by the form's reader, decoded per object.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeFile } from '../../src/analyze.js';
import { decodeWmiObject, type Fact, type LicenseFact, type LicensingServiceFact } from '../../src/decode/index.js';
import { sniffFormat } from '../../src/ingest/index.js';
import { readFileSync } from 'node:fs';

const DIR = 'fixtures/wmi';

async function read(name: string) {
  const file = path.join(DIR, name);
  const { account, facts } = await analyzeFile({ path: file, display: file });
  return { account, facts: facts.map((f) => f.fact) };
}

const licenses = (facts: Fact[]): LicenseFact[] => facts.filter((f): f is LicenseFact => f.kind === 'license');

describe('SoftwareLicensingProduct as Format-List', () => {
  it('reads the unlicensed Retail PC that used to be misread as slmgr text: one license, its state and reason, no invented product', async () => {
    const { account, facts } = await read('slp-list-retail-unlicensed.txt');
    expect(account).toMatchObject({ format: 'wmi', records: 1, decoded: 1, ignored: 0, rejected: [] });
    expect(account.unknownLines).toBeUndefined();
    expect(facts).toHaveLength(1);
    expect(facts[0]).toMatchObject({
      kind: 'license',
      form: 'wmi',
      name: 'Windows(R), Professional edition',
      description: 'Windows(R) Operating System, RETAIL channel',
      channel: 'RETAIL',
      keyType: 'Retail',
      licenseStatus: 'Unlicensed',
      statusReason: '0xC004F014',
      product: 'Windows',
      rearmCount: 1001,
      problems: ['line 1 (ApplicationID "<REDACTED_GUID>" is not a GUID)', 'line 1 (PartialProductKey "<REDACTED>" is not five key characters)'],
    });
    const l = facts[0] as LicenseFact;
    expect(l.partialKey).toBeUndefined();
    expect(l.statusReasonInformational).toBeUndefined();
    expect(JSON.stringify(facts)).not.toContain('OfflineInstallationId');
  });

  it('reads the redirected UTF-16LE file to the same facts', async () => {
    const a = await read('slp-list-retail-unlicensed.txt');
    const b = await read('slp-list-retail-unlicensed-utf16le.txt');
    const strip = (f: Fact): unknown => ({ ...f, source: { ...f.source, file: '' } });
    expect(b.facts.map(strip)).toEqual(a.facts.map(strip));
  });

  it('reads a licensed OEM product with German dates; the prompt line and the author\'s "..." are listed', async () => {
    const { account, facts } = await read('slp-list-oem-licensed.txt');
    expect(account.unknownLines?.map((u) => u.line)).toEqual([1, 45]);
    expect(licenses(facts)).toEqual([
      expect.objectContaining({
        activationId: 'bd3762d7-270d-4760-8fb3-d829ca45278a',
        applicationId: '55c92734-d682-4d71-983e-d6ec3f16059f',
        channel: 'OEM_DM',
        keyType: 'OEM:DM',
        licenseStatus: 'Licensed',
        partialKey: 'WFG6P',
        statusReason: '0x4004F401',
        statusReasonInformational: true,
        lineStart: 4,
      }),
    ]);
    const l = licenses(facts)[0];
    expect(l.evaluationEnd).toBeUndefined();
    expect(l.kmsClient).toBeUndefined();
    expect(l.volumeExpiryMinutes).toBeUndefined();
  });

  it('reads a Select-Object list; the prompt the console wrapped is two listed lines', async () => {
    const { account, facts } = await read('slp-select-list-prompt-wrapped.txt');
    expect(account.unknownLines?.map((u) => u.line)).toEqual([1, 2]);
    expect(licenses(facts)).toEqual([expect.objectContaining({ name: 'Windows(R), Professional edition', keyType: 'OEM:DM', partialKey: 'F6YP2', extendedPid: '03612-03305-061-702771-02-1033-17763.0000-0712019' })]);
  });
});

describe('SoftwareLicensingService', () => {
  it('reads Get-WmiObject output: version, rearm count, the machine from PSComputerName / __SERVER', async () => {
    const { facts } = await read('sls-list-wmiobject.txt');
    expect(facts).toEqual([expect.objectContaining<Partial<LicensingServiceFact>>({ kind: 'licensing-service', form: 'wmi', computer: 'DESKTOP-7AAMJLF', version: '10.0.17134.471', rearmCount: 1001 })]);
    const s = facts[0] as LicensingServiceFact;
    expect(s.kmsHost).toBeUndefined();
    expect(s.cmid).toBeUndefined();
  });

  it('gives a KMS host its count and counters; 4294967295 is "not applicable", never a number', () => {
    const r = decodeWmiObject({
      source: { file: 'x', format: 'wmi', line: 3 },
      properties: {
        ClientMachineID: '8415f1f2-58e4-46c9-9359-39cd2bef2739', IsKeyManagementServiceMachine: '1', KeyManagementServiceCurrentCount: '4',
        KeyManagementServiceListeningPort: '1688', KeyManagementServiceDnsPublishing: 'True', KeyManagementServiceLowPriority: 'False',
        KeyManagementServiceTotalRequests: '12', KeyManagementServiceFailedRequests: '2', KeyManagementServiceLicensedRequests: '10',
        KeyManagementServiceOOTGraceRequests: '4294967295', PSComputerName: 'KMS01',
      },
    });
    expect(r).toEqual({
      status: 'decoded',
      facts: [
        expect.objectContaining({
          kind: 'licensing-service',
          computer: 'KMS01',
          cmid: '8415f1f2-58e4-46c9-9359-39cd2bef2739',
          kmsHost: { currentCount: 4, listeningPort: 1688, dnsPublishing: true, priority: 'Normal', requests: { total: 12, failed: 2, byState: { Licensed: 10 } } },
        }),
      ],
    });
  });
});

describe('SoftwareLicensingProduct as JSON, CSV and Format-Table', () => {
  it('reads a JSON array of Office KMS clients without a PartialProductKey column: licensed means a key is installed', async () => {
    const { account, facts } = await read('slp-office-kms-array.json');
    expect(account).toMatchObject({ format: 'wmi', records: 3, decoded: 3 });
    expect(licenses(facts).map((l) => [l.edition, l.licenseStatus, l.volumeExpiryMinutes, l.product, l.productVersion])).toEqual([
      ['Office Project Pro 2016', 'Licensed', 254861, 'Office', '2016'],
      ['Office Visio Pro 2016', 'Licensed', 254861, 'Office', '2016'],
      ['Office Professional Plus 2016', 'Licensed', 254861, 'Office', '2016'],
    ]);
  });

  it('reads one ConvertTo-Json object', async () => {
    const { facts } = await read('slp-windows-one-object.json');
    expect(licenses(facts)).toEqual([expect.objectContaining({ activationId: '2de67392-b7a7-462a-b1ca-108dd189f588', licenseStatus: 'Licensed', volumeExpiryMinutes: 254896, product: 'Windows' })]);
  });

  it('reads a CSV of three machines as three machines; the SKU without a key is counted, not a license', async () => {
    const { account, facts } = await read('slp-inventory-3-machines.csv');
    expect(account).toMatchObject({ format: 'wmi', records: 5, decoded: 4, ignored: 1, rejected: [] });
    expect(licenses(facts).map((l) => [l.computer, l.product, l.licenseStatus, l.partialKey ?? null, l.statusReason])).toEqual([
      ['WS01', 'Windows', 'Unlicensed', null, '0xC004F014'],
      ['WS02', 'Windows', 'Licensed', 'F6YP2', '0x4004F401'],
      ['WS03', 'Windows', 'Licensed', 'WFG6P', '0x4004F401'],
      ['WS03', 'Office', 'Licensed', 'WFG99', '0x4004F040'],
    ]);
    expect(licenses(facts)[3]).toMatchObject({ keyType: 'Volume:GVLK', kmsClient: { kmsName: '42.193.139.78', kmsPort: 16886, kmsNameSource: 'registered' }, volumeExpiryMinutes: 258642 });
  });

  it('reads the #TYPE, semicolon, UTF-16LE CSV to the same facts, lines shifted by the #TYPE line', async () => {
    const a = await read('slp-inventory-3-machines.csv');
    const b = await read('slp-inventory-typed-semicolon-utf16le.csv');
    expect(b.account).toMatchObject({ records: 5, decoded: 4, ignored: 1 });
    const strip = (f: Fact): unknown => ({ ...f, source: { ...f.source, file: '', line: 0 }, lineStart: 0, lineEnd: 0, problems: f.problems?.map((p) => p.replace(/^line \d+/, 'line')) });
    expect(b.facts.map(strip)).toEqual(a.facts.map(strip));
    expect(b.facts.map((f) => f.source.line)).toEqual(a.facts.map((f) => (f.source.line ?? 0) + 1));
  });

  it('reads an unambiguous Format-Table', async () => {
    const { account, facts } = await read('slp-table-select.txt');
    expect(account.unknownLines?.map((u) => u.line)).toEqual([1]);
    expect(licenses(facts).map((l) => [l.name, l.licenseStatus, l.keyType, l.partialKey, l.lineStart])).toEqual([
      ['Windows(R), Professional edition', 'Licensed', 'OEM:DM', 'F6YP2', 5],
      ['Office 16, Office16ProPlusVL_KMS_Client edition', 'Licensed', 'Volume:GVLK', 'WFG99', 6],
    ]);
  });

  it('refuses a table row whose text crosses the columns, and leaves a value the console cut short out', async () => {
    const text = [
      'Name                             LicenseStatus PartialProductKey',
      '----                             ------------- -----------------',
      'Office 16, Office16ProPlusVL_KMS_Client edition 1 WFG99',
      'Windows(R), Professional edit...             1 F6YP2',
    ].join('\n');
    const { PropertyTableReader } = await import('../../src/ingest/wmi/property-table.js');
    const out = { objects: [], unknown: [], rejected: [] } as import('../../src/ingest/wmi/property-table.js').TableParse;
    const reader = new PropertyTableReader({ file: 'x', format: 'wmi' });
    text.split('\n').forEach((t, i) => reader.line({ line: i + 1, text: t }, out));
    reader.end(out);
    expect(out.rejected).toEqual([{ line: 3, reason: expect.stringContaining('crosses the space between columns Name and LicenseStatus') }]);
    expect(out.objects.map((o) => o.properties)).toEqual([{ LicenseStatus: '1', PartialProductKey: 'F6YP2' }]);
  });
});

describe('sniffing inventories', () => {
  it('names each form, and never slmgr or an event export', () => {
    const kinds = Object.fromEntries(
      ['slp-list-retail-unlicensed.txt', 'slp-list-retail-unlicensed-utf16le.txt', 'slp-list-oem-licensed.txt', 'sls-list-wmiobject.txt', 'slp-select-list-prompt-wrapped.txt', 'slp-office-kms-array.json', 'slp-windows-one-object.json', 'slp-inventory-3-machines.csv', 'slp-inventory-typed-semicolon-utf16le.csv', 'slp-table-select.txt'].map((n) => [n, sniffFormat(readFileSync(path.join(DIR, n))).kind]),
    );
    expect(kinds).toEqual({
      'slp-list-retail-unlicensed.txt': 'wmi-list',
      'slp-list-retail-unlicensed-utf16le.txt': 'wmi-list',
      'slp-list-oem-licensed.txt': 'wmi-list',
      'sls-list-wmiobject.txt': 'wmi-list',
      'slp-select-list-prompt-wrapped.txt': 'wmi-list',
      'slp-office-kms-array.json': 'wmi-json',
      'slp-windows-one-object.json': 'wmi-json',
      'slp-inventory-3-machines.csv': 'wmi-csv',
      'slp-inventory-typed-semicolon-utf16le.csv': 'wmi-csv',
      'slp-table-select.txt': 'wmi-table',
    });
  });
});

describe('machine names from Office and inventory file names', () => {
  it('takes the ospp, WMI and inventory words off a file name', async () => {
    const { machineFromPath } = await import('../../src/evidence/index.js');
    expect(machineFromPath('in/client01-ospp-dstatus.txt')).toBe('client01');
    expect(machineFromPath('in/client01_slp.csv')).toBe('client01');
    expect(machineFromPath('in/PC-07.SoftwareLicensingProduct.txt')).toBe('PC-07');
  });
});

describe('licensing-service facts in the fleet', () => {
  it('give the machine its CMID, and a KMS host its role', async () => {
    const { buildFleet } = await import('../../src/evidence/index.js');
    const service = (props: Record<string, string>) => {
      const r = decodeWmiObject({ source: { file: 'sls.csv', format: 'wmi', line: 2 }, properties: props });
      if (r.status !== 'decoded') throw new Error(r.status);
      return r.facts[0];
    };
    const fleet = buildFleet([
      { fact: service({ PSComputerName: 'KMS01', ClientMachineID: 'aaaaaaaa-58e4-46c9-9359-39cd2bef2739', IsKeyManagementServiceMachine: '1', KeyManagementServiceCurrentCount: '30', KeyManagementServiceListeningPort: '1688' }), fallbackMachine: 'sls' },
      { fact: service({ PSComputerName: 'WS01', ClientMachineID: 'bbbbbbbb-58e4-46c9-9359-39cd2bef2739', IsKeyManagementServiceMachine: '0' }), fallbackMachine: 'sls' },
    ]);
    expect(fleet.machines.map((m) => [m.name, m.roles, m.cmids])).toEqual([
      ['KMS01', ['kms-host'], ['aaaaaaaa-58e4-46c9-9359-39cd2bef2739']],
      ['WS01', ['unknown'], ['bbbbbbbb-58e4-46c9-9359-39cd2bef2739']],
    ]);
  });
});

describe('the block readers a console-paste splitter drives', () => {
  it('WMI Format-List: takes property lines, says no to others, decodes the objects at the end', async () => {
    const { WmiListBlockReader } = await import('../../src/decode/wmi-block.js');
    const lines = readFileSync(path.join(DIR, 'slp-list-oem-licensed.txt'), 'utf8').split(/\r?\n/).map((text, i) => ({ no: i + 1, text }));
    const reader = new WmiListBlockReader({ file: 'paste.txt', format: 'text' });
    const refused: number[] = [];
    for (const l of lines) if (!reader.read(l)) { refused.push(l.no); reader.unknown(l); }
    const r = reader.end();
    expect(refused).toEqual([1, 45]);
    expect(r.unknown.map((u) => u.no)).toEqual([1, 45]);
    expect(r.facts).toEqual([expect.objectContaining({ kind: 'license', partialKey: 'WFG6P', lineStart: 4, source: { file: 'paste.txt', format: 'text', line: 4 } })]);
  });

  it('ospp: takes ospp lines with the command of the prompt that opened the block', async () => {
    const { OsppReader } = await import('../../src/decode/ospp-block.js');
    const reader = new OsppReader({ file: 'paste.txt', format: 'text' }, {}, '/inpkey', (t) => t.startsWith('Name:'));
    const lines = ['---Processing--------------------------', 'ERROR CODE: 0xC004F069', 'ERROR DESCRIPTION: The Software Licensing Service reported that the product SKU is not found.', 'Name: Windows(R), Professional edition'];
    const taken = lines.map((text, i) => reader.read({ no: 10 + i, text }));
    expect(taken).toEqual([true, true, true, false]);
    const r = reader.end();
    expect(r.facts).toEqual([expect.objectContaining({ kind: 'slmgr-error', tool: 'ospp', command: 'inpkey', code: '0xC004F069', line: 11 })]);
  });
});
