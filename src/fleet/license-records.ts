// One license record per machine and product: what the SCCM-style views count. slmgr output is the machine's
// own statement at collection time, so it wins; without it, the newest 12288 (the state the client sent to its
// KMS host) or 8230 (rules-engine state) stands in.
import { licenseStateFromSlStatus, type Fact, type KmsRequestFact, type LicenseFact, type LicenseStateDataFact } from '../decode/index.js';
import type { Machine } from '../evidence/index.js';

export interface LicenseRecord {
  machine: string;
  /** Identity of the product on the machine: activation id when known, else the product name. */
  productKey: string;
  product: string;
  edition: string;
  family: string;
  channel: string;
  status: string;
  /** Minutes left when the record was taken, and when that was ('' = collection time, i.e. now). */
  minutesLeft?: number;
  /** When the state ends, where the source printed a date rather than minutes (slmgr /xpr). */
  expiresAt?: string;
  takenAt: string;
  source: { file: string; line?: number; record?: number };
  /** Where the state comes from: slmgr text, the newest 12288, or 8230. */
  basis: 'slmgr' | '12288' | '8230';
  /** From slmgr: key type (Volume:GVLK …) and the last five characters of the key. */
  keyType?: string;
  partialKey?: string;
  rank: number;
}

/** slmgr beats event-derived state; among equals, the newer record wins. */
const RANK = { slmgr: 3, 'kms-request': 2, 'license-state-data': 1 } as const;

export function licenseRecords(machine: Machine): LicenseRecord[] {
  const best = new Map<string, LicenseRecord>();
  for (const fact of machine.facts) {
    const record = toRecord(machine.name, fact);
    if (!record) continue;
    const held = best.get(record.productKey);
    if (!held || record.rank > held.rank || (record.rank === held.rank && record.takenAt >= held.takenAt)) best.set(record.productKey, record);
  }
  return [...best.values()];
}

function toRecord(machine: string, fact: Fact): LicenseRecord | undefined {
  switch (fact.kind) {
    case 'license':
      return fromSlmgr(machine, fact);
    case 'kms-request':
      return fromRequest(machine, fact);
    case 'license-state-data':
      return fromStateData(machine, fact);
    default:
      return undefined;
  }
}

function fromSlmgr(machine: string, fact: LicenseFact): LicenseRecord | undefined {
  if (fact.notInUse) return undefined;
  const record: LicenseRecord = {
    machine,
    productKey: (fact.activationId ?? fact.name).toLowerCase(),
    product: fact.name,
    edition: fact.edition ?? fact.name,
    family: fact.family ?? '',
    channel: fact.channel || fact.keyType,
    status: fact.licenseStatus,
    takenAt: fact.time,
    source: { file: fact.source.file, line: fact.lineStart },
    basis: 'slmgr',
    keyType: fact.keyType,
    rank: RANK.slmgr,
  };
  if (fact.partialKey) record.partialKey = fact.partialKey;
  // A licensed volume product counts down to renewal; any other state counts down its grace period.
  const minutes = fact.licenseStatus === 'Licensed' ? fact.volumeExpiryMinutes : (fact.graceMinutes ?? fact.volumeExpiryMinutes);
  if (minutes !== undefined) record.minutesLeft = minutes;
  else if (fact.expiresAt) record.expiresAt = fact.expiresAt;
  return record;
}

function fromRequest(machine: string, fact: KmsRequestFact): LicenseRecord | undefined {
  if (!fact.activationId && !fact.edition) return undefined;
  const record: LicenseRecord = {
    machine,
    productKey: (fact.activationId ?? fact.edition ?? '').toLowerCase(),
    product: fact.edition ?? fact.activationId ?? '',
    edition: fact.edition ?? fact.activationId ?? '',
    family: fact.family ?? '',
    channel: 'VOLUME_KMSCLIENT',
    status: fact.licenseStateName ?? 'Unknown',
    takenAt: fact.time,
    source: sourceOf(fact),
    basis: '12288',
    rank: RANK['kms-request'],
  };
  if (fact.minutesToExpiry !== undefined) record.minutesLeft = fact.minutesToExpiry;
  return record;
}

function fromStateData(machine: string, fact: LicenseStateDataFact): LicenseRecord | undefined {
  if (!fact.skuId && !fact.edition) return undefined;
  const record: LicenseRecord = {
    machine,
    productKey: (fact.skuId ?? fact.edition ?? '').toLowerCase(),
    product: fact.edition ?? fact.skuId ?? '',
    edition: fact.edition ?? fact.skuId ?? '',
    family: fact.family ?? '',
    channel: fact.keyType,
    status: licenseStateFromSlStatus(fact.licenseState),
    takenAt: fact.time,
    source: sourceOf(fact),
    basis: '8230',
    keyType: fact.keyType,
    rank: RANK['license-state-data'],
  };
  if (fact.graceEnd) {
    const end = Date.parse(fact.graceEnd);
    const at = Date.parse(fact.time);
    if (Number.isFinite(end) && Number.isFinite(at)) record.minutesLeft = Math.round((end - at) / 60_000);
  }
  return record;
}

function sourceOf(fact: Fact): LicenseRecord['source'] {
  const out: LicenseRecord['source'] = { file: fact.source.file };
  if (fact.source.line !== undefined) out.line = fact.source.line;
  if (fact.source.record !== undefined) out.record = fact.source.record;
  return out;
}
