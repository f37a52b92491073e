// The guide's SCCM license reports (02A/02B, 03A/03B, 04A/04B, 05A), computed from a snapshot, plus the two
// cross-machine questions a KMS operator asks next: which CMIDs are shared, and which clients no host saw.
import { isSuccessHresult, type KmsHostRequestFact, type LicenseFact } from '../decode/index.js';
import { judgedAt, machineKey, type Fleet, type Machine } from '../evidence/index.js';
import { licenseRecords, type LicenseRecord } from './license-records.js';
import type { AbsentClient, DnsPublishing, ExpiringLicense, ExpiryRange, FleetViews, KmsHostProductCount, KmsHostView, ProductCount, ProductLineName } from './types.js';
import { utcIsoMs } from '../base/index.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** The host's current count is the distinct clients of the last 30 days (what the KMS service keeps). */
const COUNT_WINDOW = 30 * DAY;
/** A client request may be logged on the host a few hours off the client's clock. */
const SKEW = 4 * 60 * MINUTE;

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

/**
 * `now` is the clock of a pinned run; without --now (fleet.nowPinned false) each machine's licenses and
 * host counts are judged as of the newest record in its own files.
 */
export function computeFleetViews(fleet: Fleet, now: string): FleetViews {
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
    kmsHosts: fleet.machines.filter((m) => m.roles.includes('kms-host')).map((m) => kmsHostView(fleet, m, nowOf(m), known)),
    duplicateCmids: duplicateCmids(fleet),
    unseenClients: unseenClients(fleet),
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

function kmsHostView(fleet: Fleet, host: Machine, nowMs: number, known: ReadonlySet<string>): KmsHostView {
  const log = fleet.hostRequests.get(host.key) ?? [];
  const slmgr = host.facts.find((f): f is LicenseFact => f.kind === 'license' && f.kmsHost !== undefined);
  const view: KmsHostView = {
    name: host.name,
    currentCountSource: 'unknown',
    clientsSeen: distinctCmids(log, () => true),
    dnsPublishing: dnsPublishing(host, slmgr),
    requestsPerDay: requestsPerDay(log),
    clientsNotInSnapshot: clientsNotInSnapshot(fleet, log, known),
  };
  if (slmgr?.kmsHost?.currentCount !== undefined) {
    view.currentCount = slmgr.kmsHost.currentCount;
    view.currentCountSource = 'slmgr';
  } else if (log.length > 0 && Number.isFinite(nowMs)) {
    view.currentCount = distinctCmids(log, (t) => t <= nowMs && t > nowMs - COUNT_WINDOW);
    view.currentCountSource = '12290';
  }
  let required: number | undefined;
  let last = '';
  for (const e of log) {
    if (e.requiredCount > 0) required = Math.max(required ?? 0, e.requiredCount);
    if (e.time > last) last = e.time;
  }
  if (required !== undefined) view.requiredCount = required;
  if (last) view.lastActivity = last;
  const byProduct = productCountsOf(host, log, nowMs);
  if (byProduct) {
    // The Windows line's figures stand at the top; Office's sit beside them.
    const windows = byProduct.find((p) => p.product === 'Windows');
    delete view.currentCount;
    delete view.requiredCount;
    view.currentCountSource = 'unknown';
    view.clientsSeen = windows?.clientsSeen ?? 0;
    if (windows?.currentCount !== undefined) {
      view.currentCount = windows.currentCount;
      view.currentCountSource = windows.currentCountSource === 'wmi' ? 'slmgr' : windows.currentCountSource;
    }
    if (windows?.requiredCount !== undefined) view.requiredCount = windows.requiredCount;
    view.products = byProduct;
  }
  return view;
}

/**
 * A host's count per product line, when it serves Office: the host counts Office apart from Windows (its Office
 * KMS host product states its own count; each 12290 names the requesting product). Undefined for a Windows-only host.
 */
function productCountsOf(host: Machine, log: readonly KmsHostRequestFact[], nowMs: number): KmsHostProductCount[] | undefined {
  const stated = (line: ProductLineName): LicenseFact | undefined =>
    host.facts.find((f): f is LicenseFact => f.kind === 'license' && f.kmsHost?.currentCount !== undefined && (f.product ?? 'Windows') === line);
  const officeLog = log.filter((e) => e.product === 'Office');
  if (officeLog.length === 0 && !stated('Office')) return undefined;
  const windowsLog = log.filter((e) => e.product !== 'Office');
  const out: KmsHostProductCount[] = [];
  for (const [line, entries] of [['Windows', windowsLog], ['Office', officeLog]] as const) {
    const own = stated(line);
    if (!own && entries.length === 0) continue;
    const row: KmsHostProductCount = { product: line, currentCountSource: 'unknown', clientsSeen: distinctCmids(entries, () => true) };
    if (own?.kmsHost?.currentCount !== undefined) {
      row.currentCount = own.kmsHost.currentCount;
      row.currentCountSource = own.form === 'wmi' ? 'wmi' : 'slmgr';
    } else if (entries.length > 0 && Number.isFinite(nowMs)) {
      row.currentCount = distinctCmids(entries, (t) => t <= nowMs && t > nowMs - COUNT_WINDOW);
      row.currentCountSource = '12290';
    }
    const required = line === 'Office' ? 5 : entries.reduce<number | undefined>((n, e) => (e.requiredCount > 0 ? Math.max(n ?? 0, e.requiredCount) : n), undefined);
    if (required !== undefined) row.requiredCount = required;
    out.push(row);
  }
  return out;
}

function distinctCmids(log: readonly KmsHostRequestFact[], when: (ms: number) => boolean): number {
  const seen = new Set<string>();
  for (const e of log) {
    if (!e.cmid) continue;
    if (!when(timeMs(e.time))) continue;
    seen.add(e.cmid.toLowerCase());
  }
  return seen.size;
}

function dnsPublishing(host: Machine, slmgr: LicenseFact | undefined): DnsPublishing {
  // Publishing switched off is the configuration at collection time: it outranks older events.
  if (slmgr?.kmsHost?.dnsPublishing === false) return 'disabled';
  let newest: { time: string; ok: boolean } | undefined;
  for (const f of host.facts) {
    if (f.kind !== 'kms-service' || (f.event !== 'dns-publish-ok' && f.event !== 'dns-publish-failed')) continue;
    if (!newest || f.time >= newest.time) newest = { time: f.time, ok: f.event === 'dns-publish-ok' };
  }
  if (newest) return newest.ok ? 'ok' : 'failed';
  return slmgr?.kmsHost?.dnsPublishing === true ? 'enabled' : 'unknown';
}

function requestsPerDay(log: readonly KmsHostRequestFact[]): KmsHostView['requestsPerDay'] {
  const days = new Map<string, { day: string; requests: number; failed: number }>();
  for (const e of log) {
    if (!e.time) continue;
    const day = e.time.slice(0, 10);
    let row = days.get(day);
    if (!row) days.set(day, (row = { day, requests: 0, failed: 0 }));
    row.requests++;
    if (!isSuccessHresult(e.result)) row.failed++;
  }
  return [...days.values()].sort((a, b) => a.day.localeCompare(b.day));
}

/**
 * Clients the host logged that the snapshot holds no exports of: neither their name nor their CMID belongs to
 * a machine of the snapshot. One row per (CMID, name), so clones sharing a CMID stay apart.
 */
function clientsNotInSnapshot(fleet: Fleet, log: readonly KmsHostRequestFact[], known: ReadonlySet<string>): AbsentClient[] {
  const rows = new Map<string, AbsentClient>();
  for (const e of log) {
    const cmid = e.cmid.toLowerCase();
    if (known.has(cmid)) continue;
    const name = e.clientName;
    if (name && fleet.find(name)) continue;
    const key = `${cmid}\u0000${machineKey(name)}`;
    const row = rows.get(key);
    if (!row) rows.set(key, { name, cmid: e.cmid, lastRequest: e.time, lastResult: e.result, requests: 1 });
    else {
      row.requests++;
      if (e.time >= row.lastRequest) {
        row.lastRequest = e.time;
        row.lastResult = e.result;
        if (name.length > row.name.length) row.name = name;
      }
    }
  }
  return [...rows.values()].sort((a, b) => b.lastRequest.localeCompare(a.lastRequest) || a.name.localeCompare(b.name));
}

/** Every CMID a machine of the snapshot reported about itself (once per fleet: each host's view asks). */
function ownCmids(fleet: Fleet): Set<string> {
  const known = new Set<string>();
  for (const m of fleet.machines) for (const cmid of m.cmids) known.add(cmid);
  return known;
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

interface HostCoverage {
  host: Machine;
  first: number;
  last: number;
  cmids: Set<string>;
  clientKeys: Set<string>;
}

/** Clients whose requests fall inside a host's logged time span, with no 12290 naming them on that host. */
function unseenClients(fleet: Fleet): FleetViews['unseenClients'] {
  const coverage = new Map<string, HostCoverage | null>();
  const coverageOf = (host: Machine): HostCoverage | null => {
    let held = coverage.get(host.key);
    if (held !== undefined) return held;
    const log = fleet.hostRequests.get(host.key) ?? [];
    held = null;
    if (log.length > 0) {
      const c: HostCoverage = { host, first: Infinity, last: -Infinity, cmids: new Set(), clientKeys: new Set() };
      for (const e of log) {
        const t = timeMs(e.time);
        if (Number.isFinite(t)) {
          c.first = Math.min(c.first, t);
          c.last = Math.max(c.last, t);
        }
        if (e.cmid) c.cmids.add(e.cmid.toLowerCase());
        if (e.clientName) c.clientKeys.add(machineKey(e.clientName));
      }
      held = c;
    }
    coverage.set(host.key, held);
    return held;
  };

  const out: FleetViews['unseenClients'] = [];
  for (const client of fleet.machines) {
    const reported = new Set<string>();
    // Whether a host's log names this client by name or by any of its CMIDs: asked once per host, not per request
    // (a client can have thousands of requests and of CMIDs).
    const named = new Map<string, boolean>();
    for (const fact of client.facts) {
      if (fact.kind !== 'kms-request' || !fact.host) continue;
      const host = fleet.find(fact.host);
      if (!host || host.key === client.key || reported.has(host.key)) continue;
      const c = coverageOf(host);
      if (!c) continue;
      const at = timeMs(fact.time);
      if (!Number.isFinite(at) || at < c.first - SKEW || at > c.last + SKEW) continue;
      let names = named.get(host.key);
      if (names === undefined) named.set(host.key, (names = c.clientKeys.has(client.key) || client.cmids.some((cmid) => c.cmids.has(cmid))));
      if (names || c.cmids.has(fact.cmid.toLowerCase())) continue;
      reported.add(host.key);
      out.push({ machine: client.name, host: host.name });
    }
  }
  return out;
}

/** Date.parse, without its cost on the usual ISO shape (host logs hold hundreds of thousands of times). */
function timeMs(iso: string): number {
  return utcIsoMs(iso) ?? Date.parse(iso);
}
