// 05A, the KMS host view: a host's count (stated, else its 12290 log over 30 days) per product line, the clients it
// saw, its DNS publishing, its requests per day and the clients it logged that the snapshot holds no exports of.
import { isSuccessHresult, type KmsHostRequestFact, type LicenseFact } from '../decode/index.js';
import { COUNT_WINDOW, machineKey, type Fleet, type Machine } from '../evidence/index.js';
import type { AbsentClient, DnsPublishing, KmsHostProductCount, KmsHostView, ProductLineName } from './types.js';
import { utcIsoMs } from '../base/index.js';

export function kmsHostView(fleet: Fleet, host: Machine, nowMs: number, known: ReadonlySet<string>): KmsHostView {
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
export function ownCmids(fleet: Fleet): Set<string> {
  const known = new Set<string>();
  for (const m of fleet.machines) for (const cmid of m.cmids) known.add(cmid);
  return known;
}

/** Date.parse, without its cost on the usual ISO shape (host logs hold hundreds of thousands of times). */
function timeMs(iso: string): number {
  return utcIsoMs(iso) ?? Date.parse(iso);
}
