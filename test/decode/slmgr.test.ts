import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lacks } from '../helpers/needs.js';
import { looksLikeSlmgr, parseSlmgr, type Fact, type LicenseFact, type SlmgrErrorFact } from '../../src/decode/index.js';

const fixtureDir = fileURLToPath(new URL('../../fixtures/slmgr/', import.meta.url));
const seedFile = fileURLToPath(new URL('../../../shared/seeds/000_0bf07abc51afb2ec.txt', import.meta.url));

function parse(name: string) {
  const text = readFileSync(fixtureDir + name, 'utf8');
  return { text, ...parseSlmgr(text, { file: name, format: 'slmgr' }) };
}

function licenses(facts: Fact[]): LicenseFact[] {
  return facts.filter((f): f is LicenseFact => f.kind === 'license');
}

describe('slmgr English', () => {
  it('/dli on a KMS client (CRLF, banner, registered KMS name)', () => {
    const r = parse('en-dli-kms-client.txt');
    expect(r.text).toContain('\r\n');
    const [l] = licenses(r.facts);
    expect(r.facts).toHaveLength(1);
    expect(l).toMatchObject({
      form: 'dli',
      name: 'Windows(R), Enterprise edition',
      channel: 'VOLUME_KMSCLIENT',
      keyType: 'Volume:GVLK',
      partialKey: '2YT43',
      licenseStatus: 'Licensed',
      licenseStatusText: 'Licensed',
      volumeExpiryMinutes: 254880,
      lineStart: 4,
      lineEnd: 17,
      kmsClient: {
        cmid: '5a7c2e10-3f4b-4d8e-9a61-0c2b7d9e4f13',
        kmsName: 'kms02.corp.example',
        kmsPort: 1688,
        kmsNameSource: 'registered',
        kmsIp: '10.20.30.40',
        activationInterval: 120,
        renewalInterval: 10080,
        hostCaching: true,
      },
    });
    expect(l.source).toEqual({ file: 'en-dli-kms-client.txt', format: 'slmgr', line: 4 });
    expect(r.unknownLines).toEqual([]);
  });

  it('/dlv on a KMS host: version, ids, rearm, trusted time, host block and counters', () => {
    const r = parse('en-dlv-kms-host.txt');
    const [l] = licenses(r.facts);
    expect(l).toMatchObject({
      form: 'dlv',
      serviceVersion: '10.0.17763.1',
      channel: 'VOLUME_KMS_2012-R2_WIN10',
      keyType: 'Volume:CSVLK',
      activationId: '7dc26449-db21-4e09-ba37-28f2958506a6',
      applicationId: '55c92734-d682-4d71-983e-d6ec3f16059f',
      rearmCount: 1000,
      skuRearmCount: 1001,
      trustedTime: '2024-03-04T09:15:02Z',
      kmsHost: {
        currentCount: 17,
        listeningPort: 1688,
        dnsPublishing: false,
        priority: 'Low',
        requests: { total: 412, failed: 37, byState: { Unlicensed: 0, Licensed: 350, OOBGrace: 25, OOTGrace: 0, NonGenuineGrace: 0, Notification: 37 } },
      },
    });
    expect(l.other?.['Use License URL']).toBe('http://go.microsoft.com/fwlink/?LinkID=88345');
    expect(r.unknownLines).toEqual([]);
  });

  it('several products in one output', () => {
    const r = parse('en-dli-several-products.txt');
    const ls = licenses(r.facts);
    expect(ls.map((l) => [l.channel, l.licenseStatus])).toEqual([
      ['VOLUME_MAK', 'Notification'],
      ['VOLUME_KMSCLIENT', 'OOBGrace'],
      ['VOLUME_MAK', 'Unlicensed'],
    ]);
    expect(ls[0].notificationReason).toBe('0xC004F009');
    expect(ls[1].graceMinutes).toBe(41760);
    expect(ls[1].kmsClient).toEqual({ kmsNameSource: 'dns', cmid: '0f2d4c6e-8a1b-4c3d-9e5f-7a6b5c4d3e2f', activationInterval: 120, renewalInterval: 10080, hostCaching: false });
    expect(ls[2].notInUse).toBe(true);
    expect(ls.map((l) => [l.lineStart, l.lineEnd])).toEqual([[1, 5], [7, 18], [20, 23]]);
  });

  it('/xpr names the product from the line above the status', () => {
    const [l] = licenses(parse('en-xpr.txt').facts);
    expect(l).toMatchObject({ form: 'xpr', name: 'Windows(R), ServerDatacenter edition', licenseStatus: 'Licensed', expiryText: '9/14/2024 1:12:49 AM', lineStart: 4, lineEnd: 5 });
    const [n] = licenses(parse('en-xpr-notification.txt').facts);
    expect(n).toMatchObject({ name: 'Windows(R), Enterprise edition', licenseStatus: 'Notification' });
  });

  it('/ato failure wrapped at 80 columns keeps the code with the product', () => {
    const r = parse('en-ato-failed-wrapped.txt');
    expect(r.facts).toHaveLength(1);
    expect(licenses(r.facts)[0]).toMatchObject({
      form: 'ato',
      name: 'Windows(R), Enterprise edition',
      activationId: '73111121-5638-40f6-bc11-f1d7b0d64300',
      activation: 'failed',
      errors: ['0xC004F074'],
      edition: 'Windows 10/11 Enterprise',
      lineStart: 4,
      lineEnd: 8,
    });
    expect(r.unknownLines).toEqual([]);
  });

  it('/ato success', () => {
    const [l] = licenses(parse('en-ato-ok.txt').facts);
    expect(l).toMatchObject({ activation: 'succeeded', licenseStatus: 'Licensed', edition: 'Windows Server 2022 Datacenter' });
  });

  it('an error with no product around it becomes slmgr-error, wrapped text joined', () => {
    const r = parse('en-error-only.txt');
    const e = r.facts[0] as SlmgrErrorFact;
    expect(e.kind).toBe('slmgr-error');
    expect(e.code).toBe('0xC004F012');
    expect(e.line).toBe(1);
    expect(e.text).toContain("run 'slui.exe 0x2a 0xC004F012' to display");
  });

  it('malformed values name the line and why; unknown lines are kept', () => {
    const r = parse('en-dli-malformed.txt');
    const [l] = licenses(r.facts);
    expect(l.problems).toEqual([
      'line 3 (partial key "2Y-T43!" is not five key characters)',
      'line 4 (license status "Sort of licensed" is not one we know)',
      'line 5 (expiry "soon" has no minutes)',
      'line 8 (CMID "not-a-guid" is not a GUID)',
      'line 10 (activation interval "often" is not a number)',
    ]);
    expect(l.licenseStatus).toBe('Unknown');
    expect(l.licenseStatusText).toBe('Sort of licensed');
    expect(l.kmsClient).toMatchObject({ kmsNameSource: 'dns', kmsName: 'kms.example.com' });
    expect(r.unknownLines).toEqual([{ line: 11, text: '    Some line a future slmgr prints' }]);
  });

  it('never throws on junk', () => {
    for (const junk of ['', '\u0000\u0001', 'Name:', ':::', 'Error:', 'Activating', '   \r\n\r\n', 'x'.repeat(500)]) {
      expect(() => parseSlmgr(junk, { file: 'j', format: 'slmgr' })).not.toThrow();
    }
    expect(parseSlmgr('Error:', { file: 'j', format: 'slmgr' }).facts[0]).toMatchObject({ kind: 'slmgr-error', text: '' });
  });
});

describe('slmgr Japanese', () => {
  it('/dli on a KMS client with the seed labels', () => {
    const r = parse('ja-dli-kms-client.txt');
    const [l] = licenses(r.facts);
    expect(l).toMatchObject({
      licenseStatus: 'Licensed',
      licenseStatusText: 'ライセンスされています',
      volumeExpiryMinutes: 86400,
      channel: 'VOLUME_KMSCLIENT',
      kmsClient: { kmsNameSource: 'dns', kmsName: 'kms01.example.local', kmsPort: 1688, activationInterval: 120, renewalInterval: 10080, hostCaching: true },
    });
    expect(r.unknownLines).toEqual([]);
  });

  it('/dlv on a KMS host: unlicensed, space-less rearm label, counter line without colon', () => {
    const r = parse('ja-dlv-kms-host.txt');
    const [l] = licenses(r.facts);
    expect(l).toMatchObject({
      form: 'dlv',
      licenseStatus: 'Unlicensed',
      rearmCount: 1001,
      trustedTime: '2024-03-04T09:15:02Z',
      kmsHost: { currentCount: 4, dnsPublishing: true, priority: 'Normal', requests: { total: 12, failed: 12, byState: { Licensed: 0, OOBGrace: 12 } } },
    });
    expect(r.unknownLines).toEqual([]);
  });
});

describe.skipIf(lacks('the guide in ../shared/seeds', existsSync(seedFile)))('slmgr Japanese samples in the seed', () => {
  // The seed quotes /dli (client), /dli (host) and /dlv (host) with prose lines between them.
  const lines = existsSync(seedFile) ? readFileSync(seedFile, 'utf8').split(/\r?\n/) : [];
  const text = lines.slice(194, 262).join('\n');
  const r = parseSlmgr(text, { file: 'seed', format: 'slmgr' });
  const ls = licenses(r.facts);

  it('finds the three products', () => {
    expect(ls.map((l) => [l.form, l.channel])).toEqual([
      ['dli', 'VOLUME_KMSCLIENT'],
      ['dli', 'VOLUME_KMS_C'],
      ['dlv', 'VOLUME_KMS_C'],
    ]);
  });

  it('reads the client block', () => {
    expect(ls[0]).toMatchObject({
      name: 'Windows(R) 7, Enterprise edition',
      partialKey: 'DVQ7P',
      licenseStatus: 'Licensed',
      volumeExpiryMinutes: 243720,
      kmsClient: {
        cmid: '2ffcfc30-6a6a-49ec-92b8-f6150c7df211',
        kmsName: 'emeronb10-rc3.sppvltest.net',
        kmsPort: 1688,
        kmsNameSource: 'dns',
        activationInterval: 15,
        renewalInterval: 25,
        hostCaching: true,
      },
    });
  });

  it('reads the host blocks, including the counter line without a colon', () => {
    for (const l of ls.slice(1)) {
      expect(l.keyType).toBe('Volume:CSVLK');
      expect(l.kmsHost).toMatchObject({ currentCount: 2, listeningPort: 1688, dnsPublishing: true, priority: 'Normal' });
      expect(l.kmsHost?.requests).toEqual({ total: 826, failed: 0, byState: { Unlicensed: 0, Licensed: 826, OOBGrace: 0, OOTGrace: 0, NonGenuineGrace: 0, Notification: 0 } });
    }
    expect(ls[2]).toMatchObject({ activationId: 'fed62577-3bef-4309-90e8-671abdc076d8', rearmCount: 3, trustedTime: '2009-04-28T14:32:10Z', evaluationEnd: '2010-06-01T16:59:59Z' });
  });

  it('reports the prose lines between the samples as unknown', () => {
    expect(r.unknownLines.map((u) => [u.line, u.text[0]])).toEqual([[14, '次'], [35, '詳'], [68, '注']]);
  });
});

describe('looksLikeSlmgr', () => {
  it('says yes to every fixture', () => {
    for (const f of ['en-dli-kms-client.txt', 'en-dlv-kms-host.txt', 'en-xpr.txt', 'en-ato-ok.txt', 'en-ato-failed-wrapped.txt', 'en-error-only.txt', 'ja-dli-kms-client.txt', 'ja-dlv-kms-host.txt']) {
      expect(looksLikeSlmgr(readFileSync(fixtureDir + f, 'utf8')), f).toBe(true);
    }
  });

  it('says no to event exports and prose', () => {
    expect(looksLikeSlmgr('<Events><Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"></Event></Events>')).toBe(false);
    expect(looksLikeSlmgr('Event[0]:\n  Log Name: Application\n  Source: Microsoft-Windows-Security-SPP\n  Event ID: 12288\n  Description:\n')).toBe(false);
    expect(looksLikeSlmgr('Level,Date and Time,Source,Event ID,Task Category\nInformation,1/1/2024,Security-SPP,902,None')).toBe(false);
    expect(looksLikeSlmgr('Name: Alice\nAge: 4')).toBe(false);
    expect(looksLikeSlmgr('')).toBe(false);
  });
});
