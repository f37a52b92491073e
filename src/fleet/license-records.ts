// One license record per machine and product: what the SCCM-style views count. slmgr output is the machine's
// own statement at collection time, so it wins; without it, the newest 12288 (the state the client sent to its
// KMS host) or 8230 (rules-engine state) stands in.
//
// One product is often described twice: by its activation id in events (12288 → "Windows 10/11 Enterprise")
// and by name in `slmgr /dli` ("Windows(R), Enterprise edition", no activation id). Those are joined into one
// record that lists both sources, so the fleet views count each (machine, product) once.
import {
  keyTypeForChannel, licenseStateFromSlStatus, productLine, slmgrNameMatchesEdition,
  type Fact, type KmsRequestFact, type LicenseFact, type LicenseStateDataFact, type ProductLine,
} from '../decode/index.js';
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
  /** Where the state comes from: slmgr, ospp.vbs or WMI (the machine's own statement), the newest 12288, or 8230. */
  basis: LicenseBasis;
  /** Windows or Office, when the description says. */
  productLine?: ProductLine;
  /** Office as sold ('2019', 'LTSC 2024' …), when the description says. */
  version?: string;
  /** Every description the record was built from (one per kind, the newest of each): the basis first. */
  sources: LicenseSource[];
  /** Lower-case activation (SKU) id, when a description carried one. */
  activationId?: string;
  /** From slmgr (or 8230): key type (Volume:GVLK …) and the last five characters of the key. */
  keyType?: string;
  partialKey?: string;
  rank: number;
}

export type LicenseBasis = 'slmgr' | 'ospp' | 'wmi' | '12288' | '8230';

export interface LicenseSource {
  basis: LicenseBasis;
  /** ISO time of the event; absent for slmgr text (collected "now"). */
  time?: string;
  file: string;
  line?: number;
  record?: number;
}

/** The output a license block came from: each is the machine's own statement at collection time. */
function basisOf(form: LicenseFact['form']): 'slmgr' | 'ospp' | 'wmi' {
  return form === 'wmi' ? 'wmi' : form.startsWith('ospp') ? 'ospp' : 'slmgr';
}

/** slmgr (ospp, WMI) beats event-derived state; among equals, the newer record wins. */
const RANK = { slmgr: 3, 'kms-request': 2, 'license-state-data': 1 } as const;

export function licenseRecords(machine: Machine): LicenseRecord[] {
  const best = new Map<string, LicenseRecord>();
  for (const fact of machine.facts) {
    const record = toRecord(machine.name, fact);
    if (!record) continue;
    const held = best.get(record.productKey);
    best.set(record.productKey, held ? combine(held, record) : record);
  }
  return joinDescriptions(joinSlmgrPairs([...best.values()]));
}

/**
 * `slmgr /dli` and `/dlv` of one product print the same name, channel and partial key; only `/dlv` adds the
 * activation id. Such a pair is one license: the `/dli` block joins the `/dlv` one as a source.
 */
function joinSlmgrPairs(records: LicenseRecord[]): LicenseRecord[] {
  const pairKey = (r: LicenseRecord): string => `${r.product.toLowerCase()}\u0000${r.channel}\u0000${r.partialKey?.toUpperCase() ?? ''}`;
  const withId = new Map<string, LicenseRecord>();
  for (const r of records) if (r.basis === 'slmgr' && r.activationId && r.partialKey && !withId.has(pairKey(r))) withId.set(pairKey(r), r);
  if (withId.size === 0) return records;
  const out: LicenseRecord[] = [];
  for (const r of records) {
    const twin = r.basis === 'slmgr' && !r.activationId && r.partialKey ? withId.get(pairKey(r)) : undefined;
    if (!twin) {
      out.push(r);
      continue;
    }
    const held = new Set(twin.sources.map((t) => `${t.file}\u0000${t.line}`));
    for (const source of r.sources) if (!held.has(`${source.file}\u0000${source.line}`)) twin.sources.push(source);
  }
  return out;
}

/** The better of two descriptions of one product, carrying the sources of both. */
function combine(a: LicenseRecord, b: LicenseRecord): LicenseRecord {
  const bWins = b.rank > a.rank || (b.rank === a.rank && b.takenAt >= a.takenAt);
  const [winner, other] = bWins ? [b, a] : [a, b];
  const sources = [...winner.sources];
  for (const s of other.sources) {
    const i = sources.findIndex((x) => x.basis === s.basis);
    if (i < 0) sources.push(s);
    else if ((s.time ?? '') > (sources[i].time ?? '')) sources[i] = s;
  }
  return { ...winner, sources };
}

/**
 * Joins each slmgr block that carries no activation id (`/dli`) with the event-derived record of the same
 * product: same product line (Windows, Office), same key type, no contradicting partial key, and an
 * edition the slmgr edition id stands for. Where the slmgr name is not one the table knows, the join needs
 * the event record to be the only candidate. The joined record keeps the slmgr state and takes the exact
 * edition (and activation-id key) from the event.
 */
function joinDescriptions(records: LicenseRecord[]): LicenseRecord[] {
  const byName = records.filter((r) => r.basis === 'slmgr' && !r.activationId);
  if (byName.length === 0) return records;
  const taken = new Set<LicenseRecord>();
  const joining = new Set(byName);
  const out = records.filter((r) => !joining.has(r));
  const at = new Map(out.map((r, i) => [r, i]));
  // Event-derived records by product line: a block only ever joins one of its own line.
  const byLine = new Map<string, LicenseRecord[]>();
  for (const r of out) {
    if (r.basis === 'slmgr') continue;
    const line = productLine(r.family) || productLine(r.product) || productLine(r.edition);
    const list = byLine.get(line);
    if (list) list.push(r);
    else byLine.set(line, [r]);
  }
  for (const slmgr of byName) {
    const line = productLine(slmgr.family) || productLine(slmgr.product);
    const candidates = (line ? (byLine.get(line) ?? []) : []).filter((r) => !taken.has(r) && sameKeyType(slmgr, r) && !partialKeysDiffer(slmgr, r));
    const named = candidates.filter((r) => slmgrNameMatchesEdition(slmgr.product, { edition: r.edition, family: r.family }) === true);
    const unknownName = candidates.length > 0 && slmgrNameMatchesEdition(slmgr.product, { edition: candidates[0].edition, family: candidates[0].family }) === undefined;
    const pick = named.length > 0 ? newest(named) : unknownName && candidates.length === 1 ? candidates[0] : undefined;
    if (!pick) {
      out.push(slmgr);
      continue;
    }
    taken.add(pick);
    const joined = combine(pick, slmgr);
    joined.productKey = pick.productKey;
    joined.edition = pick.edition || joined.edition;
    joined.family = pick.family || joined.family;
    if (pick.activationId) joined.activationId = pick.activationId;
    out[at.get(pick)!] = joined;
  }
  return out;
}

function newest(records: LicenseRecord[]): LicenseRecord {
  return records.reduce((a, b) => (b.takenAt > a.takenAt ? b : a));
}

function keyTypeOf(r: LicenseRecord): string {
  return r.keyType && r.keyType !== 'Unknown' ? r.keyType : keyTypeForChannel(r.channel);
}

function sameKeyType(a: LicenseRecord, b: LicenseRecord): boolean {
  const ka = keyTypeOf(a);
  const kb = keyTypeOf(b);
  return !ka || !kb || ka === 'Unknown' || kb === 'Unknown' || ka.toLowerCase() === kb.toLowerCase();
}

function partialKeysDiffer(a: LicenseRecord, b: LicenseRecord): boolean {
  return !!a.partialKey && !!b.partialKey && a.partialKey.toUpperCase() !== b.partialKey.toUpperCase();
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
    basis: basisOf(fact.form),
    sources: [{ basis: basisOf(fact.form), file: fact.source.file, line: fact.lineStart }],
    keyType: fact.keyType,
    rank: RANK.slmgr,
  };
  if (fact.product) record.productLine = fact.product;
  if (fact.productVersion) record.version = fact.productVersion;
  if (fact.activationId) record.activationId = fact.activationId.toLowerCase();
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
    sources: [{ basis: '12288', ...(fact.time ? { time: fact.time } : {}), ...sourceOf(fact) }],
    rank: RANK['kms-request'],
  };
  if (fact.product) record.productLine = fact.product;
  if (fact.activationId) record.activationId = fact.activationId.toLowerCase();
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
    sources: [{ basis: '8230', ...(fact.time ? { time: fact.time } : {}), ...sourceOf(fact) }],
    keyType: fact.keyType,
    rank: RANK['license-state-data'],
  };
  if (fact.skuId) record.activationId = fact.skuId.toLowerCase();
  if (fact.partialKey) record.partialKey = fact.partialKey;
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
