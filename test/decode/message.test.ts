import { describe, expect, it } from 'vitest';
import type { RawEvent } from '../../src/types.js';
import { dataFromMessage, decodeEvent } from '../../src/decode/index.js';

// English texts follow the message templates (reference/spp-message-templates.md) and Microsoft's
// pasted examples. The reference has no Japanese templates, so the Japanese sentences below are our
// own approximations; the recovery keys on the values (codes, GUIDs, key=value lists), not the words.

function textEvent(eventId: number, message: string, extra: Partial<RawEvent> = {}): RawEvent {
  return {
    source: { file: 'export.txt', format: 'text', line: 12 },
    provider: 'Microsoft-Windows-Security-SPP',
    eventId,
    channel: 'Application',
    computer: 'PC01',
    timeCreated: '2010-09-29T17:52:00Z',
    timeIsLocal: true,
    data: [],
    message,
    ...extra,
  };
}

describe('dataFromMessage', () => {
  it('16384: restart time and reason, English and Japanese; nothing without a time', () => {
    expect(dataFromMessage(16384, 'Successfully scheduled Software Protection service for re-start at 2024-03-06T09:30:00Z. Reason: RulesEngine.')).toEqual(['2024-03-06T09:30:00Z', 'RulesEngine']);
    expect(dataFromMessage(16384, 'ソフトウェア保護サービスの再起動が 2024-03-06T09:30:00Z に正常にスケジュールされました。理由: RulesEngine。')).toEqual(['2024-03-06T09:30:00Z', 'RulesEngine']);
    expect(dataFromMessage(16384, 'Successfully scheduled Software Protection service for re-start at soon.')).toBeUndefined();
  });

  it('12288 English (Event Viewer copy)', () => {
    const msg =
      'The client has sent an activation request to the key management service machine.\r\nInfo:\r\n0xC004F06C, 0x00000000, kms.contoso.com:1688, 36f27b39-2fd5-440b-be67-a09996d27a38, 2010/09/29 17:52, 0, 2, 41760, 68531fb9-5511-4989-97be-d11a0f55633f, 5';
    expect(dataFromMessage(12288, msg)).toEqual([
      '0xC004F06C, 0x00000000, kms.contoso.com:1688, 36f27b39-2fd5-440b-be67-a09996d27a38, 2010/09/29 17:52, 0, 2, 41760, 68531fb9-5511-4989-97be-d11a0f55633f, 5',
    ]);
  });

  it('12288 Japanese, with the value on the label line', () => {
    const msg =
      'クライアントはキー管理サービス コンピューターにライセンス認証要求を送信しました。\n情報: 0xC004F074, 0x00000000, kms.contoso.com:1688, 36f27b39-2fd5-440b-be67-a09996d27a38, 2010/09/29 17:52, 0, 2, 41760, 68531fb9-5511-4989-97be-d11a0f55633f, 5';
    const r = decodeEvent(textEvent(12288, msg));
    expect(r.status).toBe('decoded');
    if (r.status === 'decoded') expect(r.facts[0]).toMatchObject({ kind: 'kms-request', result: '0xC004F074', host: 'kms.contoso.com', requiredCount: 5 });
  });

  it('12288 wrapped by PowerShell Format-List mid-token', () => {
    const msg =
      'The client has sent an activation request to the key management service machine.\nInfo:\n0x00000000, 0x00000000, 169.254.169.250:1688, 169721ce-2886-4832-a037-e9459281751a, 2023/05/24 01:12, 1, 5, 0, ef6cfc9f-8c5d-44ac-9aad-de6a\n2ea0ae03, 5';
    const r = decodeEvent(textEvent(12288, msg));
    expect(r.status === 'decoded' && r.facts[0].kind === 'kms-request' && r.facts[0].activationId).toBe('ef6cfc9f-8c5d-44ac-9aad-de6a2ea0ae03');
  });

  it('12290 English', () => {
    const msg = 'An activation request has been processed.\nInfo:\n0xC004F06C,5,client7.contoso.com,36f27b39-2fd5-440b-be67-a09996d27a38,2010/9/29 21:46,0,2,41520,68531fb9-5511-4989-97be-d11a0f55633f';
    const r = decodeEvent(textEvent(12290, msg, { channel: 'Key Management Service' }));
    expect(r.status === 'decoded' && r.facts[0]).toMatchObject({ kind: 'kms-host-request', clientName: 'client7.contoso.com', clientTime: '2010-09-29T21:46:00Z' });
  });

  it('12289 Japanese', () => {
    const msg = 'クライアントはキー管理サービス コンピューターからのライセンス認証応答を処理しました。\n情報:\n0x00000000, 0x00000000, 1, 0, 50, 120, 10080, 2023/05/24 01:12';
    expect(dataFromMessage(12289, msg)).toEqual(['0x00000000, 0x00000000, 1, 0, 50, 120, 10080, 2023/05/24 01:12']);
  });

  it('12293 English (Microsoft text with backquoted domain) and Japanese', () => {
    expect(dataFromMessage(12293, "Publishing the Key Managment Service (KMS) to DNS in the `contoso.com` domain failed.\nInfo:  0x80072338")).toEqual(['0x80072338', 'contoso.com']);
    expect(dataFromMessage(12293, "キー管理サービス (KMS) を 'corp.example.jp' ドメインの DNS に発行できませんでした。\n情報:\n0x8007232B")).toEqual(['0x8007232B', 'corp.example.jp']);
    expect(dataFromMessage(12294, "Publishing the Key Management Service (KMS) to DNS in the 'contoso.com' domain is successful.")).toEqual(['contoso.com']);
  });

  it('8200, 8208, 8209 from Microsoft tables', () => {
    expect(dataFromMessage(8200, 'License acquisition failure details.\nhr=0x80072EE7')).toEqual(['hr=0x80072EE7']);
    expect(dataFromMessage(8208, 'Acquisition of genuine ticket failed (hr=0x80072EE7) for template Id {99d92734-d682-4d71-983e-d6ec3f16059f}')).toEqual(['hr=0x80072EE7', '{99d92734-d682-4d71-983e-d6ec3f16059f}']);
    const r = decodeEvent(textEvent(8209, 'Genuine state set to non-genuine (0x00000000) for application Id 55c92734-d682-4d71-983e-d6ec3f16059f'));
    expect(r.status === 'decoded' && r.facts[0]).toMatchObject({ kind: 'non-genuine', reason: '0x00000000', appId: '55c92734-d682-4d71-983e-d6ec3f16059f' });
  });

  it('8198 with command-line arguments', () => {
    const msg = 'License Activation (slui.exe) failed with the following error code:\nhr=0x800704CF\nCommand-line arguments:\nRuleId=31e71c49-8da7-4a2f-ad92-45d98a1c79ba;Action=AutoActivate;AppId=55c92734-d682-4d71-983e-d6ec3f16059f;SkuId=4de7cb65-cdf1-4de9-8ae8-e3cce27b9f2c;NotificationInterval=1440;Trigger=UserLogon;SessionId=2';
    const r = decodeEvent(textEvent(8198, msg));
    expect(r.status === 'decoded' && r.facts[0]).toMatchObject({ kind: 'online-activation-failure', result: '0x800704CF', skuId: '4de7cb65-cdf1-4de9-8ae8-e3cce27b9f2c' });
  });

  it('8230, 8233, 902, 1003', () => {
    const r = decodeEvent(textEvent(8230, 'The rules engine successfully re-evaluated the schedule.\nKernel policies:\nSecurity-SPP-Action-StateData (REG_SZ) =LicenseState=SL_LICENSING_STATUS_LICENSED;PartialProductKey=6VM33;ProductKeyType=Volume:GVLK'));
    expect(r.status === 'decoded' && r.facts[0]).toMatchObject({ kind: 'license-state-data', licenseState: 'SL_LICENSING_STATUS_LICENSED', partialKey: '6VM33' });
    expect(dataFromMessage(8233, 'The rules engine reported a failed VL activation attempt.\nReason:0x8007267C\nAppId = 0ff1ce15-a989-479d-af46-f275c6370663, SkuId = d450596f-894d-49e0-966a-fd39ed4c4c64\nTrigger=NetworkAvailable')).toEqual([
      '0x8007267C',
      '0ff1ce15-a989-479d-af46-f275c6370663',
      'd450596f-894d-49e0-966a-fd39ed4c4c64',
      'NetworkAvailable',
    ]);
    expect(dataFromMessage(902, 'ソフトウェア保護サービスが開始されました。\n10.0.22621.2428')).toEqual(['10.0.22621.2428']);
    expect(dataFromMessage(1003, 'The Software Protection service has completed licensing status check.\nApplication Id=55c92734-d682-4d71-983e-d6ec3f16059f\nLicensing Status=\n1: ef6cfc9f-8c5d-44ac-9aad-de6a2ea0ae03, 1, 1')?.[0]).toBe('55c92734-d682-4d71-983e-d6ec3f16059f');
  });

  it('gives up cleanly', () => {
    expect(dataFromMessage(12288, 'The client has sent an activation request.')).toBeUndefined();
    expect(dataFromMessage(4624, 'An account was logged on.')).toBeUndefined();
    expect(dataFromMessage(8200, '')).toBeUndefined();
    const r = decodeEvent(textEvent(12288, 'The client has sent an activation request.'));
    expect(r.status).toBe('rejected');
  });
});
