import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  APPLICATION_IDS,
  OFFICE_APP_ID,
  WINDOWS_APP_ID,
  allChannels,
  allEditions,
  allStatusFlags,
  applicationName,
  channelFromDescription,
  channelInfo,
  editionByActivationId,
  editionByName,
  editionNameKey,
  keyTypeForChannel,
  licenseStateFromSlStatus,
  licenseStateName,
  licenseStateNames,
  roleForKeyType,
  statusFlagNames,
} from '../../src/decode/index.js';

const dataDir = fileURLToPath(new URL('../../src/decode/data/', import.meta.url));
function tsv(name: string): Record<string, string>[] {
  const [head, ...rows] = readFileSync(dataDir + name, 'utf8').split(/\r?\n/).filter(Boolean);
  const cols = head.split('\t');
  return rows.map((r) => Object.fromEntries(r.split('\t').map((v, i) => [cols[i], v])));
}

describe('editions', () => {
  it('loads every row of products.tsv (≥ 200 editions)', () => {
    expect(allEditions().length).toBe(tsv('products.tsv').length);
    expect(allEditions().length).toBeGreaterThanOrEqual(200);
  });

  it('finds every edition by its activation id (first row wins for a shared id)', () => {
    for (const e of allEditions()) {
      if (!e.activationId) continue;
      const hit = editionByActivationId(e.activationId.toUpperCase());
      expect(hit?.activationId, e.edition).toBe(e.activationId);
    }
  });

  it('finds every edition by name or by its key', () => {
    for (const e of allEditions()) {
      // Two source rows differ only in punctuation ('Datacenter: Azure Edition'); they share a key.
      expect(editionNameKey(editionByName(e.edition)?.edition ?? '')).toBe(editionNameKey(e.edition));
      if (e.gvlk) expect(editionByName(e.gvlk)?.gvlk).toBe(e.gvlk);
    }
  });

  it('maps the real 12288 activation id to Windows Server 2022 Datacenter, threshold 5', () => {
    const e = editionByActivationId('{EF6CFC9F-8C5D-44AC-9AAD-DE6A2EA0AE03}');
    expect(e).toMatchObject({ edition: 'Windows Server 2022 Datacenter', family: 'Windows Server', threshold: 5, applicationId: WINDOWS_APP_ID });
  });

  it('gives client editions threshold 25 and Office the Office application id', () => {
    expect(editionByActivationId('ae2ee509-1b34-41c0-acb7-6d4650168915')).toMatchObject({ edition: 'Windows 7 Enterprise', threshold: 25 });
    const office = allEditions().filter((e) => e.family === 'Office');
    expect(office.length).toBeGreaterThan(100);
    for (const e of office) expect(e.threshold).toBe(5);
    expect(office.some((e) => e.applicationId === OFFICE_APP_ID)).toBe(true);
  });

  it('folds (R) and punctuation in names, and misses unknown ones', () => {
    expect(editionByName('windows(R) server 2019  datacenter')?.activationId).toBe('34e1ae55-27f8-4950-8877-7a03be5fb181');
    expect(editionByName('Windows 95')).toBeUndefined();
    expect(editionByActivationId('00000000-0000-0000-0000-000000000000')).toBeUndefined();
  });
});

describe('application ids', () => {
  it('names Windows, Office and Office 2010 from the data file', () => {
    expect(APPLICATION_IDS.size).toBe(tsv('application-ids.tsv').length);
    expect(applicationName('55C92734-D682-4D71-983E-D6EC3F16059F')).toBe('Windows');
    expect(applicationName(OFFICE_APP_ID)).toBe('Office');
    expect(applicationName('59a52881-a989-479d-af46-f275c6370663')).toBe('Office 2010');
    expect(applicationName('11111111-1111-1111-1111-111111111111')).toBeUndefined();
  });
});

describe('license states', () => {
  it('names 0..6 and nothing else', () => {
    expect(licenseStateNames()).toEqual(['Unlicensed', 'Licensed', 'OOBGrace', 'OOTGrace', 'NonGenuineGrace', 'Notification', 'ExtendedGrace']);
    expect(licenseStateName(5)).toBe('Notification');
    expect(licenseStateName(7)).toBe('Unknown');
    expect(licenseStateName(-1)).toBe('Unknown');
  });

  it('reads the SL enum names 8230 prints', () => {
    expect(licenseStateFromSlStatus('SL_LICENSING_STATUS_NOTIFICATION')).toBe('Notification');
    expect(licenseStateFromSlStatus('sl_licensing_status_licensed')).toBe('Licensed');
    expect(licenseStateFromSlStatus('SL_LICENSING_STATUS_IN_GRACE_PERIOD')).toBe('OOBGrace');
    expect(licenseStateFromSlStatus('SL_LICENSING_STATUS_UNLICENSED')).toBe('Unlicensed');
    expect(licenseStateFromSlStatus('SL_LICENSING_STATUS_LAST')).toBe('Unknown');
  });
});

describe('channels', () => {
  it('knows every row of channels.tsv', () => {
    const rows = tsv('channels.tsv');
    expect(allChannels()).toHaveLength(rows.length);
    for (const r of rows) expect(channelInfo(r.token)).toMatchObject({ token: r.token, keyType: r.key_type, role: r.role });
  });

  it('maps KMS host variants by prefix and keeps the KMS client apart', () => {
    expect(channelInfo('VOLUME_KMSCLIENT').role).toBe('kms-client');
    expect(channelInfo('VOLUME_KMS_C').role).toBe('kms-host');
    expect(channelInfo('VOLUME_KMS_2016_X').role).toBe('kms-host');
    expect(keyTypeForChannel('volume_mak')).toBe('Volume:MAK');
    expect(keyTypeForChannel('OEM_SOMETHING')).toBe('OEM');
    expect(channelInfo('BANANA')).toEqual({ token: 'BANANA', keyType: 'Unknown', role: 'unknown' });
  });

  it('reads the channel token out of slmgr descriptions', () => {
    expect(channelFromDescription('Windows Operating System - Windows(R) 7, VOLUME_KMSCLIENT channel')).toBe('VOLUME_KMSCLIENT');
    expect(channelFromDescription('Windows(R) Operating System, OEM_DM Channel')).toBe('OEM_DM');
    expect(channelFromDescription('Office 16, RETAIL channel')).toBe('RETAIL');
    expect(channelFromDescription('Windows(R) Operating System, VOLUME_KMS_2012-R2_WIN10 channel')).toBe('VOLUME_KMS_2012-R2_WIN10');
    expect(channelFromDescription('Something else')).toBeUndefined();
  });

  it('maps 8230 key types to roles', () => {
    expect(roleForKeyType('Volume:GVLK')).toBe('kms-client');
    expect(roleForKeyType('Volume:MAK')).toBe('mak');
    expect(roleForKeyType('Retail')).toBe('retail');
    expect(roleForKeyType('Nope')).toBe('unknown');
  });
});

describe('status flags', () => {
  it('names every bit of status-flags.tsv', () => {
    const rows = tsv('status-flags.tsv');
    expect(allStatusFlags()).toHaveLength(rows.length);
    for (const r of rows) expect(statusFlagNames(parseInt(r.bit, 16))).toEqual([r.name]);
  });

  it('splits combined words and keeps unknown bits visible', () => {
    expect(statusFlagNames(0x4000008)).toEqual(['OTHER_PC', 'NOT_ENOUGH_COUNT']);
    expect(statusFlagNames(0x08000000)).toEqual(['NOT_WINDOWS_SLP']);
    expect(statusFlagNames(0)).toEqual([]);
    expect(statusFlagNames(0x10000001)).toEqual(['0x00000001', '0x10000000']);
  });
});
