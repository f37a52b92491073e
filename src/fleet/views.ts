// The guide's SCCM license reports (02A/02B, 03A/03B, 04A/04B, 05A), computed from a snapshot, plus the two
// cross-machine questions a KMS operator asks next: which CMIDs are shared, and which clients no host saw.
import { judgedAt, kmsHosts, machineKey, machineView, MINUTE, requestsNoHostSaw, type Fleet, type Machine } from '../evidence/index.js';
import { kmsHostView, ownCmids } from './kms-host-view.js';
import { licenseRecords, type LicenseRecord } from './license-records.js';
import type { ExpiringLicense, ExpiryRange, FleetViews, ProductCount, ProductLineName } from './types.js';


/** Upper bound (days, inclusive) of each range; the first range that holds the remaining time wins. */
const RANGES: ReadonlyArray<{ range: ExpiryRange; upToDays: number }> = [
  { range: 'expired', upToDays: 0 },
  { range: '0-7d', upToDays: 7 },
  { range: '8-30d', upToDays: 30 },
  { range: '31-60d', upToDays: 60 },
  { range: '61-90d', upToDays: 90 },
  { range: '>90d', upToDays: Infinity },
];

export const EXPIRY_RANGES: readonly ExpiryRange[] = RANGES.map((r) => r.range);

export function expiryRange(minutesLeft: number): ExpiryRange {
  if (minutesLeft <= 0) return 'expired';
  const days = Math.ceil(minutesLeft / (24 * 60));
  return RANGES.find((r) => r.range !== 'expired' && days <= r.upToDays)!.range;
}

/** What the views share with the rule chain: the clock-skew allowance (DiagnoseOptions.skewHours). */
export interface FleetViewOptions {
  skewHours: number;
}

/**
 * `now` is the clock of a pinned run; without --now (fleet.nowPinned false) each machine's licenses and
 * host counts are judged as of the newest record in its own files.
 */
export function computeFleetViews(fleet: Fleet, now: string, options: FleetViewOptions): FleetViews {
  const nowOf = (m: Machine): number => Date.parse(fleet.nowPinned ? now : judgedAt(fleet, m) || now);
  const expiring: ExpiringLicense[] = [];
  const records: LicenseRecord[] = [];
  for (const m of fleet.machines) {
    const own = licenseRecords(m);
    // Loops, not push(...own): one machine can list more products than a call takes arguments.
    for (const r of own) records.push(r);
    for (const e of expiringLicenses(own, nowOf(m))) expiring.push(e);
  }
  const known = ownCmids(fleet);
  expiring.sort((a, b) => a.minutesLeft - b.minutesLeft || a.machine.localeCompare(b.machine));
  const expiringByRange = Object.fromEntries(EXPIRY_RANGES.map((r) => [r, 0])) as Record<ExpiryRange, number>;
  for (const e of expiring) expiringByRange[e.range]++;
  // Office beside Windows: the product line is written where the snapshot holds Office at all, so the reports of
  // a Windows-only fleet stay as they were.
  const office = records.some((r) => r.productLine === 'Office');
  if (office) for (const e of expiring) e.productLine = e.productLine ?? 'Windows';
  return {
    statusCounts: statusCounts(records),
    ...(office ? { statusCountsByProduct: statusCountsByProduct(records) } : {}),
    expiring,
    expiringByRange,
    products: productCounts(records),
    kmsHosts: kmsHosts(fleet).map((m) => kmsHostView(fleet, m, nowOf(m), known)),
    duplicateCmids: duplicateCmids(fleet),
    unseenClients: unseenClients(fleet, nowOf, options.skewHours),
  };
}

/** 03A per product line; a record without a line is Windows's (Office licenses always name theirs). */
function statusCountsByProduct(records: LicenseRecord[]): Partial<Record<ProductLineName, Record<string, number>>> {
  const lines: Record<ProductLineName, LicenseRecord[]> = { Windows: [], Office: [] };
  for (const r of records) lines[r.productLine ?? 'Windows'].push(r);
  const out: Partial<Record<ProductLineName, Record<string, number>>> = {};
  for (const line of ['Windows', 'Office'] as const) if (lines[line].length) out[line] = statusCounts(lines[line]);
  return out;
}

function statusCounts(records: LicenseRecord[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of records) counts[r.status] = (counts[r.status] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
}

/** When a record's activation or grace period ends, from when it was taken ('' = slmgr text, collected "now"). */
export function recordExpiry(r: LicenseRecord, nowMs: number): { expires: string; minutesLeft: number } | undefined {
  if (r.minutesLeft === undefined && r.expiresAt !== undefined) {
    const expiresMs = Date.parse(r.expiresAt);
    if (!Number.isFinite(expiresMs) || !Number.isFinite(nowMs)) return undefined;
    return { expires: new Date(expiresMs).toISOString(), minutesLeft: Math.round((expiresMs - nowMs) / MINUTE) };
  }
  if (r.minutesLeft === undefined) return undefined;
  const taken = r.takenAt ? Date.parse(r.takenAt) : nowMs;
  const base = Number.isFinite(taken) ? taken : nowMs;
  if (!Number.isFinite(base)) return undefined;
  const expiresMs = base + r.minutesLeft * MINUTE;
  const minutesLeft = Number.isFinite(nowMs) ? Math.round((expiresMs - nowMs) / MINUTE) : r.minutesLeft;
  return { expires: new Date(expiresMs).toISOString(), minutesLeft };
}

function expiringLicenses(records: LicenseRecord[], nowMs: number): ExpiringLicense[] {
  const out: ExpiringLicense[] = [];
  for (const r of records) {
    const end = recordExpiry(r, nowMs);
    if (!end) continue;
    out.push({
      machine: r.machine,
      product: r.edition || r.product,
      ...(r.productLine === 'Office' ? { productLine: 'Office' as const } : {}),
      status: r.status,
      expires: end.expires,
      minutesLeft: end.minutesLeft,
      range: expiryRange(end.minutesLeft),
      source: r.source,
    });
  }
  return out.sort((a, b) => a.minutesLeft - b.minutesLeft || a.machine.localeCompare(b.machine));
}

function productCounts(records: LicenseRecord[]): ProductCount[] {
  const byProduct = new Map<string, ProductCount & { seen: Set<string> }>();
  for (const r of records) {
    const key = `${r.edition}\u0000${r.channel}`;
    let row = byProduct.get(key);
    if (!row) byProduct.set(key, (row = { edition: r.edition, family: r.family, channel: r.channel, machines: 0, licensed: 0, seen: new Set() }));
    if (!row.family && r.family) row.family = r.family;
    if (!row.productLine && r.productLine) row.productLine = r.productLine;
    if (row.seen.has(r.machine)) continue;
    row.seen.add(r.machine);
    row.machines++;
    if (r.status === 'Licensed') row.licensed++;
  }
  return [...byProduct.values()]
    .map(({ seen: _seen, ...row }) => row)
    .sort((a, b) => b.machines - a.machines || a.edition.localeCompare(b.edition) || a.channel.localeCompare(b.channel));
}

function duplicateCmids(fleet: Fleet): FleetViews['duplicateCmids'] {
  const out: FleetViews['duplicateCmids'] = [];
  for (const [cmid, names] of fleet.cmidNames) {
    // FQDN and short name of one machine are one name.
    const byKey = new Map<string, string>();
    for (const name of names) {
      if (!name) continue;
      const key = machineKey(name);
      const held = byKey.get(key);
      if (!held || name.length > held.length) byKey.set(key, name);
    }
    if (byKey.size > 1) out.push({ cmid, names: [...byKey.values()].sort((a, b) => a.localeCompare(b)) });
  }
  return out.sort((a, b) => b.names.length - a.names.length || a.cmid.localeCompare(b.cmid));
}

/**
 * Clients with a request the host it named never logged (the question kms-client/not-seen-by-host asks, over the
 * same exchanges and with the same skew allowance): one row per client and host.
 */
function unseenClients(fleet: Fleet, nowOf: (m: Machine) => number, skewHours: number): FleetViews['unseenClients'] {
  const out: FleetViews['unseenClients'] = [];
  for (const client of fleet.machines) {
    if (!client.facts.some((f) => f.kind === 'kms-request')) continue;
    const hosts = new Set<string>();
    for (const { host } of requestsNoHostSaw(fleet, client, machineView(fleet, client, nowOf(client)).recentExchanges(), skewHours)) {
      if (hosts.has(host.key)) continue;
      hosts.add(host.key);
      out.push({ machine: client.name, host: host.name });
    }
  }
  return out;
}
