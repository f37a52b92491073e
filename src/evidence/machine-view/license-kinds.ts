// Which kind of volume product a license block is (KMS client, MAK, KMS host), and the channel an slmgr /ato
// block leaves out, borrowed from its twin: the /dli or /dlv block of the same product on the machine.
import type { LicenseFact } from '../../decode/index.js';

export type ProductKind = 'kms-client' | 'mak' | 'kms-host';

export const isKmsClientLicense = (f: LicenseFact): boolean => f.channel === 'VOLUME_KMSCLIENT' || f.keyType === 'Volume:GVLK';
export const isMakLicense = (f: LicenseFact): boolean => /^VOLUME_MAK/.test(f.channel) || f.keyType === 'Volume:MAK';
const isKmsHostLicense = (f: LicenseFact): boolean =>
  (/^VOLUME_KMS/.test(f.channel) && f.channel !== 'VOLUME_KMSCLIENT') || f.keyType === 'Volume:CSVLK';

export const LICENSE_TEST: Record<ProductKind, (f: LicenseFact) => boolean> = {
  'kms-client': isKmsClientLicense,
  mak: isMakLicense,
  'kms-host': isKmsHostLicense,
};
/** The key type a license-state event (1003-style SL data) names for each kind. */
export const KEY_TYPE: Record<ProductKind, string> = { 'kms-client': 'Volume:GVLK', mak: 'Volume:MAK', 'kms-host': 'Volume:CSVLK' };

interface Twin {
  license: LicenseFact;
  /** Its place among the machine's license facts. */
  at: number;
}

export interface TwinIndex {
  byActivationId: Map<string, Twin>;
  byName: Map<string, Twin>;
}

/** Blocks that print a channel, first by activation id and by name (a machine can list thousands of products). */
export function indexTwins(licenses: readonly LicenseFact[]): TwinIndex {
  const byActivationId = new Map<string, Twin>();
  const byName = new Map<string, Twin>();
  licenses.forEach((license, at) => {
    if (license.channel === '') return;
    if (license.activationId && !byActivationId.has(license.activationId)) byActivationId.set(license.activationId, { license, at });
    if (!byName.has(license.name)) byName.set(license.name, { license, at });
  });
  return { byActivationId, byName };
}

/** The block with its twin's channel and key type, or the block itself when it prints a channel or has no twin. */
export function withTwinChannel(l: LicenseFact, twins: TwinIndex): LicenseFact {
  if (l.channel) return l;
  const byId = l.activationId ? twins.byActivationId.get(l.activationId) : undefined;
  const byName = twins.byName.get(l.name);
  // The first block in fact order that matches either way, as a scan from the start would find it.
  const twin = byId && byName ? (byId.at <= byName.at ? byId : byName) : (byId ?? byName);
  return twin ? { ...l, channel: twin.license.channel, keyType: twin.license.keyType } : l;
}
