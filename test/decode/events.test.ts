import { describe, expect, it } from 'vitest';
import type { RawEvent } from '../../src/types.js';
import {
  ACTIVATION_EVENT_IDS,
  decodeEvent,
  isActivationEvent,
  type DecodeResult,
  type Fact,
} from '../../src/decode/index.js';

const SPP = 'Microsoft-Windows-Security-SPP';

function ev(eventId: number, data: string[], extra: Partial<RawEvent> = {}): RawEvent {
  return {
    source: { file: 'app.xml', format: 'xml', record: 8056 },
    provider: SPP,
    eventId,
    qualifiers: 16384,
    channel: 'Application',
    computer: 'EC2AMAZ-U1F32CD',
    timeCreated: '2023-05-24T01:12:29.467Z',
    data,
    ...extra,
  };
}

function one(r: DecodeResult): Fact {
  if (r.status !== 'decoded') throw new Error(`expected decoded, got ${JSON.stringify(r)}`);
  expect(r.facts).toHaveLength(1);
  return r.facts[0];
}

function factOf<K extends Fact['kind']>(r: DecodeResult, kind: K): Extract<Fact, { kind: K }> {
  const f = one(r);
  expect(f.kind).toBe(kind);
  return f as Extract<Fact, { kind: K }>;
}

const REAL_12288 =
  '0x00000000, 0x00000000, 169.254.169.250:1688, 169721ce-2886-4832-a037-e9459281751a, 2023/05/24 01:12, 1, 5, 0, ef6cfc9f-8c5d-44ac-9aad-de6a2ea0ae03, 5';

describe('12288 (KMS client request)', () => {
  it('decodes the real single-Data layout', () => {
    const f = factOf(decodeEvent(ev(12288, [REAL_12288])), 'kms-request');
    expect(f).toMatchObject({
      result: '0x00000000',
      statusFlags: 0,
      flags: [],
      host: '169.254.169.250',
      port: 1688,
      cmid: '169721ce-2886-4832-a037-e9459281751a',
      clientTime: '2023-05-24T01:12:00Z',
      isVm: true,
      licenseState: 5,
      licenseStateName: 'Notification',
      minutesToExpiry: 0,
      activationId: 'ef6cfc9f-8c5d-44ac-9aad-de6a2ea0ae03',
      edition: 'Windows Server 2022 Datacenter',
      requiredCount: 5,
      computer: 'EC2AMAZ-U1F32CD',
      time: '2023-05-24T01:12:29.467Z',
      eventId: 12288,
    });
    expect(f.source.record).toBe(8056);
    expect(f.problems).toBeUndefined();
  });

  it('decodes the same values given one Data per field', () => {
    const split = REAL_12288.split(', ');
    const a = factOf(decodeEvent(ev(12288, split)), 'kms-request');
    const b = factOf(decodeEvent(ev(12288, [REAL_12288])), 'kms-request');
    expect(a).toEqual(b);
  });

  it('tolerates the Vista doc form: unpadded hex and dates, flag 0x8', () => {
    const f = factOf(
      decodeEvent(ev(12288, ['0x0, 0x8, kms01.contoso.com:1688, 08c3bda0-1f2e-4d3c-9b8a-7f6e5d4c3b2a, 2006/1/14 2:30, 1, 2, 40123, cf67834d-db4a-402c-ab1f-2c134f02b700, 25'])),
      'kms-request',
    );
    expect(f).toMatchObject({ result: '0x00000000', statusFlags: 8, flags: ['OTHER_PC'], host: 'kms01.contoso.com', clientTime: '2006-01-14T02:30:00Z', licenseStateName: 'OOBGrace', minutesToExpiry: 40123, requiredCount: 25 });
  });

  it('tolerates a trailing empty field and reports placeholder values per field', () => {
    const f = factOf(
      decodeEvent(ev(12288, ['0xC004F06C, 0x00000000, azkms.core.windows.net:1688, <CMID>, <DateTime>, 1, 5, 0, 34e1ae55-27f8-4950-8877-7a03be5fb181, '])),
      'kms-request',
    );
    expect(f.result).toBe('0xC004F06C');
    expect(f.host).toBe('azkms.core.windows.net');
    expect(f.requiredCount).toBeUndefined();
    expect(f.edition).toBe('Windows Server 2019 Datacenter');
    expect(f.problems).toEqual(['field 3 (CMID): "<CMID>" is not a GUID', 'field 4 (client time): "<DateTime>" is not a date and time']);
  });

  it('reads the Office (OSPP) host form with underscores', () => {
    const f = factOf(
      decodeEvent(ev(12288, ['0x00000000, 0x00000000, _key.management.server:_1688, 1b2c3d4e-b604-4b8c-9a48-99d4348fcf37, 2012/12/04 07:06, 0, 2, 972, 6f327760-8c5c-417c-9b61-836a98287e0c, 5'])),
      'kms-request',
    );
    expect(f).toMatchObject({ host: '_key.management.server', port: 1688, isVm: false });
  });

  it('names NOT_ENOUGH_COUNT and NOT_WINDOWS_SLP bits', () => {
    const f = factOf(decodeEvent(ev(12288, [REAL_12288.replace('0x00000000, 0x00000000', '0xC004F038, 0x0C000000')])), 'kms-request');
    expect(f.flags).toEqual(['NOT_ENOUGH_COUNT', 'NOT_WINDOWS_SLP']);
  });

  it('rejects an event whose result is not an HRESULT, naming the field', () => {
    const r = decodeEvent(ev(12288, [REAL_12288.replace('0x00000000, 0x00000000', 'oops, 0x00000000')]));
    expect(r).toEqual({ status: 'rejected', reason: '12288 field 0 (result): "oops" is not an HRESULT' });
  });

  it('rejects a truncated event', () => {
    const r = decodeEvent(ev(12288, ['0x0, 0x0']));
    expect(r.status).toBe('rejected');
    if (r.status === 'rejected') expect(r.reason).toMatch(/at least 4/);
  });

  it('keeps the valid fields when others are malformed', () => {
    const f = factOf(
      decodeEvent(ev(12288, ['0x0, zz, host:1688, 169721ce-2886-4832-a037-e9459281751a, 2023/13/40 01:12, 2, 9, -5, nope, many'])),
      'kms-request',
    );
    expect(f.cmid).toBe('169721ce-2886-4832-a037-e9459281751a');
    expect(f.statusFlags).toBe(0);
    expect(f.clientTime).toBeUndefined();
    expect(f.problems).toEqual([
      'field 1 (status flags): "zz" is not a flags word',
      'field 8 (activation id): "nope" is not a GUID',
      'field 6 (license state): 9 is more than 6',
      'field 4 (client time): "2023/13/40 01:12" is not a date and time',
      'field 5 (VM): "2" is neither 0 nor 1',
      'field 7 (minutes to expiry): -5 is less than 0',
      'field 9 (required count): "many" is not a whole number',
    ]);
  });
});

describe('12289 (KMS client response)', () => {
  it('decodes the real record', () => {
    const f = factOf(decodeEvent(ev(12289, ['0x00000000, 0x00000000, 1, 0, 50, 120, 10080, 2023/05/24 01:12'])), 'kms-response');
    expect(f).toMatchObject({ result: '0x00000000', activated: true, currentCount: 50, activationInterval: 120, renewalInterval: 10080, clientTime: '2023-05-24T01:12:00Z' });
  });

  it('decodes the doc example with a count below threshold and M/d/yyyy time', () => {
    const f = factOf(decodeEvent(ev(12289, ['0xC004F038, 0x4000008, 0, 0, 4, 120, 10080, 1/14/2006 2:30'])), 'kms-response');
    expect(f).toMatchObject({ result: '0xC004F038', activated: false, currentCount: 4, flags: ['OTHER_PC', 'NOT_ENOUGH_COUNT'], clientTime: '2006-01-14T02:30:00Z' });
  });

  it('keeps no count from a 12289 whose exchange failed: its field 4 is no count (events prints none)', () => {
    const f = factOf(decodeEvent(ev(12289, ['0xC004F06C, 0x4000000, 0, 0, 0, 120, 10080, 2024/03/07 09:12'])), 'kms-response');
    expect(f.result).toBe('0xC004F06C');
    expect(f).not.toHaveProperty('currentCount');
    expect(Object.keys(JSON.parse(JSON.stringify(f)) as object)).not.toContain('currentCount');
  });

  it('reports a malformed activated flag', () => {
    const f = factOf(decodeEvent(ev(12289, ['0x0, 0x0, yes, 0, 50, 120, 10080, 2023/05/24 01:12'])), 'kms-response');
    expect(f.activated).toBe(false);
    expect(f.problems).toEqual(['field 2 (activated): "yes" is neither 0 nor 1']);
  });
});

describe('12290 (KMS host request)', () => {
  const fields = ['0x0', '25', 'PC01.contoso.com', '6b1e0a9c-2d3f-4e5a-8b7c-9d0e1f2a3b4c', '2024/1/5 8:03', '0', '2', '43200', '73111121-5638-40f6-bc11-f1d7b0d64300'];
  const host: Partial<RawEvent> = { channel: 'Key Management Service', eventSourceName: 'KmsRequests', computer: 'KMSHOST.contoso.com' };

  it('decodes the 10-Data layout (combined string, then each field)', () => {
    const f = factOf(decodeEvent(ev(12290, [fields.join(','), ...fields], host)), 'kms-host-request');
    expect(f).toMatchObject({
      result: '0x00000000',
      requiredCount: 25,
      clientName: 'PC01.contoso.com',
      cmid: '6b1e0a9c-2d3f-4e5a-8b7c-9d0e1f2a3b4c',
      clientTime: '2024-01-05T08:03:00Z',
      isVm: false,
      licenseStateName: 'OOBGrace',
      minutesToExpiry: 43200,
      edition: 'Windows 10/11 Enterprise',
    });
  });

  it('decodes the single combined Data (no spaces) the same way', () => {
    const a = factOf(decodeEvent(ev(12290, [fields.join(',')], host)), 'kms-host-request');
    const b = factOf(decodeEvent(ev(12290, [fields.join(','), ...fields], host)), 'kms-host-request');
    expect(a).toEqual(b);
  });

  it('decodes the Microsoft doc example under the Vista provider name', () => {
    const f = factOf(
      decodeEvent(ev(12290, ['0xC004F06C,5,<KMS Client name>,36f27b39-2fd5-440b-be67-a09996d27a38,2010/9/29 21:46,0,2,41520,68531fb9-5511-4989-97be-d11a0f55633f'], { ...host, provider: 'Microsoft-Windows-Security-Licensing-SLC' })),
      'kms-host-request',
    );
    expect(f).toMatchObject({ result: '0xC004F06C', requiredCount: 5, clientTime: '2010-09-29T21:46:00Z', edition: 'Windows Server 2008 R2 Standard' });
  });

  it('ignores a foreign writer in the Key Management Service log', () => {
    expect(decodeEvent(ev(12290, [fields.join(',')], { ...host, provider: 'Persistence', eventSourceName: undefined }))).toEqual({ status: 'ignored' });
  });

  it('reports a bad CMID but keeps the request', () => {
    const bad = [...fields];
    bad[3] = 'not-a-cmid';
    const f = factOf(decodeEvent(ev(12290, bad, host)), 'kms-host-request');
    expect(f.cmid).toBe('not-a-cmid');
    expect(f.problems).toEqual(['field 3 (CMID): "not-a-cmid" is not a GUID']);
  });
});

describe('12291–12294 (KMS service, DNS publishing)', () => {
  it('12293 carries the HRESULT and domain', () => {
    const f = factOf(decodeEvent(ev(12293, ['0x80072338', 'contoso.com'])), 'kms-service');
    expect(f).toMatchObject({ event: 'dns-publish-failed', result: '0x80072338', domain: 'contoso.com' });
  });
  it('12294 carries the domain', () => {
    expect(factOf(decodeEvent(ev(12294, ['contoso.com'])), 'kms-service')).toMatchObject({ event: 'dns-publish-ok', domain: 'contoso.com' });
  });
  it('12291 and 12292 carry an HRESULT', () => {
    expect(factOf(decodeEvent(ev(12291, ['0xC004F015'])), 'kms-service')).toMatchObject({ event: 'start-failed', result: '0xC004F015' });
    expect(factOf(decodeEvent(ev(12292, ['0x80070005'])), 'kms-service')).toMatchObject({ event: 'renewal-timer-failed', result: '0x80070005' });
  });
  it('keeps a non-HRESULT value as detail with a problem', () => {
    const f = factOf(decodeEvent(ev(12291, ['service broke'])), 'kms-service');
    expect(f.detail).toBe('service broke');
    expect(f.problems).toEqual(['field 0 (result): "service broke" is not an HRESULT']);
  });
});

describe('online activation failures', () => {
  it('8198 reads hr= and the RuleId/AppId/SkuId list', () => {
    const f = factOf(
      decodeEvent(ev(8198, ['hr=0x800704CF', 'RuleId=31e71c49-8da7-4a2f-ad92-45d98a1c79ba;Action=AutoActivate;AppId=55c92734-d682-4d71-983e-d6ec3f16059f;SkuId=4de7cb65-cdf1-4de9-8ae8-e3cce27b9f2c;NotificationInterval=1440;Trigger=UserLogon;SessionId=2'], { qualifiers: 49152, level: 2 })),
      'online-activation-failure',
    );
    expect(f).toMatchObject({
      result: '0x800704CF',
      ruleId: '31e71c49-8da7-4a2f-ad92-45d98a1c79ba',
      appId: '55c92734-d682-4d71-983e-d6ec3f16059f',
      skuId: '4de7cb65-cdf1-4de9-8ae8-e3cce27b9f2c',
    });
    expect(f.fields.Trigger).toBe('UserLogon');
    expect(f.fields.Action).toBe('AutoActivate');
  });
  it('8198 from Windows 7 has only the code', () => {
    expect(factOf(decodeEvent(ev(8198, ['hr=0x80072EE7'])), 'online-activation-failure').result).toBe('0x80072EE7');
  });
  it('8200 reads hr=', () => {
    expect(factOf(decodeEvent(ev(8200, ['hr=0x80072EE7'])), 'online-activation-failure').result).toBe('0x80072EE7');
  });
  it('8208 reads hr= and the template id', () => {
    const f = factOf(decodeEvent(ev(8208, ['hr=0xC004C4A2', '{66c92734-d682-4d71-983e-d6ec3f16059f}'])), 'online-activation-failure');
    expect(f).toMatchObject({ result: '0xC004C4A2', templateId: '66c92734-d682-4d71-983e-d6ec3f16059f' });
  });
  it('rejects an 8200 without a code', () => {
    expect(decodeEvent(ev(8200, ['nothing here'])).status).toBe('rejected');
  });
});

describe('8209, 8230, informational events', () => {
  it('8209 keeps the reason code and application id', () => {
    const f = factOf(decodeEvent(ev(8209, ['0x00000000', '55c92734-d682-4d71-983e-d6ec3f16059f'])), 'non-genuine');
    expect(f).toMatchObject({ reason: '0x00000000', appId: '55c92734-d682-4d71-983e-d6ec3f16059f' });
    expect(factOf(decodeEvent(ev(8209, ['tampered', 'x'])), 'non-genuine')).toMatchObject({ reason: 'tampered', problems: ['field 1 (application id): "x" is not a GUID'] });
  });

  it('8230 reads license state, key type and partial key from the real state data', () => {
    const f = factOf(
      decodeEvent(ev(8230, ['Security-SPP-Action-StateData (REG_SZ) =AppId=55c92734-d682-4d71-983e-d6ec3f16059f;LastConsumptionReason=0xc004f056;LastNotificationId=VolumeUnlicensed;LicenseState=SL_LICENSING_STATUS_NOTIFICATION;PartialProductKey=6VM33;ProductKeyType=Volume:GVLK;SkuId=ef6cfc9f-8c5d-44ac-9aad-de6a2ea0ae03;ruleId=eeba1977-569e-4571-b639-7623d8bfecc0;uxDifferentiator=ENVIRONMENT;volumeActivationOrder=normal'])),
      'license-state-data',
    );
    expect(f).toMatchObject({
      licenseState: 'SL_LICENSING_STATUS_NOTIFICATION',
      keyType: 'Volume:GVLK',
      partialKey: '6VM33',
      skuId: 'ef6cfc9f-8c5d-44ac-9aad-de6a2ea0ae03',
      appId: '55c92734-d682-4d71-983e-d6ec3f16059f',
      lastConsumptionReason: '0xC004F056',
      lastNotificationId: 'VolumeUnlicensed',
      edition: 'Windows Server 2022 Datacenter',
    });
    expect(f.fields.volumeActivationOrder).toBe('normal');
  });

  it('8230 reads GraceEndDate and reports a bad partial key', () => {
    const f = factOf(decodeEvent(ev(8230, ['Security-SPP-Action-StateData (REG_SZ) =GraceEndDate=2024/02/03:22:33:07;LicenseState=SL_LICENSING_STATUS_IN_GRACE_PERIOD;PartialProductKey=12;ProductKeyType=Volume:MAK'])), 'license-state-data');
    expect(f.graceEnd).toBe('2024-02-03T22:33:07Z');
    expect(f.partialKey).toBeUndefined();
    expect(f.problems).toEqual(['PartialProductKey: "12" is not five key characters']);
  });

  it('8230 without state rejects', () => {
    expect(decodeEvent(ev(8230, ['Security-SPP-Action-StateData (REG_SZ) =foo=bar'])).status).toBe('rejected');
  });

  it('8233 reports the failed VL attempt with reason, ids and trigger', () => {
    const f = factOf(decodeEvent(ev(8233, ['0x8007007B', '0ff1ce15-a989-479d-af46-f275c6370663', 'd450596f-894d-49e0-966a-fd39ed4c4c64', 'TimerEvent'])), 'service-info');
    expect(f).toMatchObject({ what: 'vl-activation-failed', result: '0x8007007B', appId: '0ff1ce15-a989-479d-af46-f275c6370663', trigger: 'TimerEvent' });
  });

  it('902 gives the service version, 1003 the application id', () => {
    expect(factOf(decodeEvent(ev(902, ['10.0.20348.1726'], { level: 0 })), 'service-info')).toMatchObject({ what: 'service-started', version: '10.0.20348.1726' });
    const f = factOf(decodeEvent(ev(1003, ['55c92734-d682-4d71-983e-d6ec3f16059f', '1: ef6cfc9f-8c5d-44ac-9aad-de6a2ea0ae03, 1, 1 [(0 [0xC004F014, 0, 0], …)]'])), 'service-info');
    expect(f).toMatchObject({ what: 'licensing-status-check', appId: '55c92734-d682-4d71-983e-d6ec3f16059f' });
    expect(f.detail).toMatch(/ef6cfc9f/);
  });

  it('902 with a non-version value reports it', () => {
    expect(factOf(decodeEvent(ev(902, ['soon'])), 'service-info').problems).toEqual(['field 0 (version): "soon" is not a version']);
  });

  it('16388: qualifiers decide between current time and authorized upgrade', () => {
    const t = factOf(decodeEvent(ev(16388, ['2023-05-24T01:12:22Z', '2023-05-24T01:12:22Z'], { qualifiers: 16384 })), 'service-info');
    expect(t.what).toBe('current-time');
    const u = factOf(decodeEvent(ev(16388, ['00330-80000-00000-AA123'], { qualifiers: 49152 })), 'service-info');
    expect(u.what).toBe('authorized-upgrade');
    expect(u.fields?.pid).toBe('00330-80000-00000-AA123');
    // No qualifiers (text export): the data's shape decides.
    expect(factOf(decodeEvent(ev(16388, ['2023-05-24T01:12:22Z', 'x'], { qualifiers: undefined })), 'service-info').what).toBe('current-time');
  });
});

describe('provider collisions and System 104', () => {
  it('ignores MsiInstaller 1033/1034/1040 but decodes SPP 1040', () => {
    for (const id of [1033, 1034, 1040]) expect(decodeEvent(ev(id, ['x'], { provider: 'MsiInstaller' }))).toEqual({ status: 'ignored' });
    const f = factOf(decodeEvent(ev(1040, ['55c92734-d682-4d71-983e-d6ec3f16059f', 'ef6cfc9f-8c5d-44ac-9aad-de6a2ea0ae03'])), 'service-info');
    expect(f).toMatchObject({ what: 'hardware-changed', skuId: 'ef6cfc9f-8c5d-44ac-9aad-de6a2ea0ae03' });
  });

  it('ignores SPP ids we have no decoder for', () => {
    expect(decodeEvent(ev(16394, []))).toEqual({ status: 'ignored' });
  });

  it('accepts the legacy source names', () => {
    expect(isActivationEvent('Software Protection Platform Service', 12288)).toBe(true);
    expect(isActivationEvent('KmsRequests', 12290)).toBe(true);
    expect(isActivationEvent('Application Error', 1000)).toBe(false);
    expect(isActivationEvent('MsiInstaller', 1040)).toBe(false);
  });

  it('decodes System 104 for the Key Management Service log and keeps other channels', () => {
    const base: Partial<RawEvent> = { provider: 'Microsoft-Windows-Eventlog', channel: 'System', qualifiers: undefined };
    const kms = factOf(decodeEvent(ev(104, [], { ...base, userData: { SubjectUserName: 'admmig', SubjectDomainName: 'OFFSEC', Channel: 'Key Management Service', BackupPath: '' } })), 'log-cleared');
    expect(kms).toMatchObject({ channel: 'Key Management Service', kmsLog: true, user: 'admmig', domain: 'OFFSEC' });
    const sys = factOf(decodeEvent(ev(104, [], { ...base, userData: { 'LogFileCleared.Channel': 'System' } })), 'log-cleared');
    expect(sys).toMatchObject({ channel: 'System', kmsLog: false });
    const fromText = factOf(decodeEvent(ev(104, [], { ...base, message: 'The Key Management Service log file was cleared.' })), 'log-cleared');
    expect(fromText.kmsLog).toBe(true);
    expect(decodeEvent(ev(104, [], base)).status).toBe('rejected');
    expect(decodeEvent(ev(104, [], { ...base, provider: 'SomethingElse' }))).toEqual({ status: 'ignored' });
  });

  it('lists the activation ids for reader filters', () => {
    for (const id of [12288, 12289, 12290, 12291, 12292, 12293, 12294, 8198, 8200, 8208, 8209, 8230, 8233, 1003, 902, 104]) {
      expect(ACTIVATION_EVENT_IDS.has(id), String(id)).toBe(true);
    }
    expect(ACTIVATION_EVENT_IDS.has(4624)).toBe(false);
  });
});
