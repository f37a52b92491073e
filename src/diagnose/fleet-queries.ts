// Cross-machine questions the KMS rules ask: which machine is the host a client named, what did
// that host log for the client, which names share a CMID.
import type { KmsHostRequestFact, KmsRequestFact } from '../decode/index.js';
import type { Fleet, Machine, TimeSpan } from '../evidence/index.js';
import { followOneAnother, machineKey } from '../evidence/index.js';
import { toMs } from './time.js';

export const DEFAULT_KMS_PORT = 1688;

const hostsOf = new WeakMap<Fleet, Machine[]>();

/** KMS hosts of the snapshot (computed once per fleet: every client's rules ask). */
export function kmsHosts(fleet: Fleet): Machine[] {
  let hosts = hostsOf.get(fleet);
  if (!hosts) hostsOf.set(fleet, (hosts = fleet.machines.filter((m) => m.roles.includes('kms-host'))));
  return hosts;
}

/** The snapshot's machine for a host name or IP as a client wrote it. */
export function hostMachine(fleet: Fleet, host: string): Machine | undefined {
  if (!host) return undefined;
  return fleet.find(host);
}

const sortedLogs = new WeakMap<Fleet, Map<string, KmsHostRequestFact[]>>();

/** 12290 records a host logged, oldest first (sorted once per fleet and host). */
export function hostLog(fleet: Fleet, hostKey: string): KmsHostRequestFact[] {
  let perHost = sortedLogs.get(fleet);
  if (!perHost) sortedLogs.set(fleet, (perHost = new Map()));
  let log = perHost.get(hostKey);
  if (!log) {
    log = [...(fleet.hostRequests.get(hostKey) ?? [])].sort((a, b) => (toMs(a.time) ?? 0) - (toMs(b.time) ?? 0));
    perHost.set(hostKey, log);
  }
  return log;
}

/** The host's 12290 closest in time to `at` (binary search over the sorted log; clients can be thousands). */
export function nearestHostEntry(fleet: Fleet, hostKey: string, at: number): KmsHostRequestFact | undefined {
  const log = hostLog(fleet, hostKey);
  if (log.length === 0) return undefined;
  let lo = 0;
  let hi = log.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((toMs(log[mid].time) ?? 0) < at) lo = mid + 1;
    else hi = mid;
  }
  const before = log[Math.max(0, lo - 1)];
  const after = log[lo];
  const distance = (f: KmsHostRequestFact): number => Math.abs((toMs(f.time) ?? 0) - at);
  return distance(before) <= distance(after) ? before : after;
}

export interface Span {
  first: number;
  last: number;
}

const spans = new WeakMap<Fleet, Map<string, Span | undefined>>();

export function hostLogSpan(fleet: Fleet, hostKey: string): Span | undefined {
  let perHost = spans.get(fleet);
  if (!perHost) spans.set(fleet, (perHost = new Map()));
  if (perHost.has(hostKey)) return perHost.get(hostKey);
  let span: Span | undefined;
  for (const f of hostLog(fleet, hostKey)) {
    const t = toMs(f.time);
    if (t === undefined) continue;
    span = span ? { first: Math.min(span.first, t), last: Math.max(span.last, t) } : { first: t, last: t };
  }
  perHost.set(hostKey, span);
  return span;
}

/** True when a 12290 names this client: the same CMID, or the same machine name. */
export function namesClient(entry: KmsHostRequestFact, client: Machine): boolean {
  if (entry.cmid && client.cmids.includes(entry.cmid.toLowerCase())) return true;
  return entry.clientName !== '' && machineKey(entry.clientName) === client.key;
}

/** 12290s on `hostKey` that answer `request`: same CMID (or client name) within ±skew of the request. */
export function matchingHostEntries(
  fleet: Fleet,
  hostKey: string,
  request: KmsRequestFact,
  client: Machine,
  skewMs: number,
  requestAt: number,
): KmsHostRequestFact[] {
  const index = clientIndex(fleet);
  const candidates = [...(index.byCmid.get(request.cmid.toLowerCase()) ?? []), ...hostEntriesForClient(fleet, client)];
  const out: KmsHostRequestFact[] = [];
  for (const { hostKey: h, entry } of candidates) {
    if (h !== hostKey || out.includes(entry)) continue;
    const t = toMs(entry.time);
    if (t !== undefined && Math.abs(t - requestAt) <= skewMs) out.push(entry);
  }
  return out.sort((a, b) => (toMs(a.time) ?? 0) - (toMs(b.time) ?? 0));
}

interface ClientIndex {
  byCmid: Map<string, { hostKey: string; entry: KmsHostRequestFact }[]>;
  byName: Map<string, { hostKey: string; entry: KmsHostRequestFact }[]>;
}

// Built once per fleet: a fleet of thousands of clients asks this for every client.
const clientIndexes = new WeakMap<Fleet, ClientIndex>();

function clientIndex(fleet: Fleet): ClientIndex {
  let index = clientIndexes.get(fleet);
  if (index) return index;
  index = { byCmid: new Map(), byName: new Map() };
  const push = (map: ClientIndex['byCmid'], key: string, value: { hostKey: string; entry: KmsHostRequestFact }): void => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  for (const [hostKey, entries] of fleet.hostRequests) {
    for (const entry of entries) {
      if (entry.cmid) push(index.byCmid, entry.cmid.toLowerCase(), { hostKey, entry });
      if (entry.clientName) push(index.byName, machineKey(entry.clientName), { hostKey, entry });
    }
  }
  clientIndexes.set(fleet, index);
  return index;
}

/** Every 12290 on any other host that names this client (by CMID or name). */
export function hostEntriesForClient(fleet: Fleet, client: Machine): { hostKey: string; entry: KmsHostRequestFact }[] {
  const index = clientIndex(fleet);
  const found = new Set<KmsHostRequestFact>();
  const out: { hostKey: string; entry: KmsHostRequestFact }[] = [];
  const hits = [...client.cmids.flatMap((c) => index.byCmid.get(c) ?? []), ...(index.byName.get(client.key) ?? [])];
  for (const hit of hits) {
    if (hit.hostKey === client.key || found.has(hit.entry)) continue;
    found.add(hit.entry);
    out.push(hit);
  }
  return out;
}

/** True when some machine of the snapshot other than `except` is the client a 12290 names. */
export function clientInFleet(fleet: Fleet, entry: KmsHostRequestFact, exceptKey: string): boolean {
  const byName = entry.clientName ? fleet.find(entry.clientName) : undefined;
  if (byName && byName.key !== exceptKey) return true;
  return (cmidOwners(fleet).get(entry.cmid.toLowerCase()) ?? []).some((m) => m.key !== exceptKey);
}

// Built once per fleet: a host's log asks this for every entry, and a fleet can hold 100,000 machines.
const cmidOwnerIndexes = new WeakMap<Fleet, Map<string, Machine[]>>();

/** CMID → the machines that reported it about themselves (12288, slmgr), in fleet order. */
function cmidOwners(fleet: Fleet): Map<string, Machine[]> {
  let index = cmidOwnerIndexes.get(fleet);
  if (index) return index;
  index = new Map();
  for (const m of fleet.machines) {
    for (const cmid of m.cmids) {
      const list = index.get(cmid);
      if (list) list.push(m);
      else index.set(cmid, [m]);
    }
  }
  cmidOwnerIndexes.set(fleet, index);
  return index;
}

const keyIndexes = new WeakMap<Fleet, Map<string, Machine>>();

/** The machine with this key (the first, as fleet.machines.find would give it). */
export function machineByKey(fleet: Fleet, key: string): Machine | undefined {
  let index = keyIndexes.get(fleet);
  if (!index) {
    index = new Map();
    for (const m of fleet.machines) if (!index.has(m.key)) index.set(m.key, m);
    keyIndexes.set(fleet, index);
  }
  return index.get(key);
}

/** The port a KMS host listens on: slmgr "Listening on Port", else the default 1688. */
const ports = new WeakMap<Machine, { port: number; stated: boolean }>();

/** The port a KMS host listens on: slmgr "Listening on Port", else the default 1688 (once per host: its log can be huge). */
export function listeningPort(host: Machine): { port: number; stated: boolean } {
  let port = ports.get(host);
  if (!port) {
    const stated = host.facts.find((f) => f.kind === 'license' && f.kmsHost?.listeningPort !== undefined);
    port = stated?.kind === 'license' && stated.kmsHost?.listeningPort !== undefined ? { port: stated.kmsHost.listeningPort, stated: true } : { port: DEFAULT_KMS_PORT, stated: false };
    ports.set(host, port);
  }
  return port;
}

/** Distinct client names (by machine key) per CMID, from one host's 12290s. */
/** True when the names one CMID came under in a host's log follow one another in time (see followOneAnother). */
export function namesFollowEachOther(names: ReadonlyMap<string, readonly KmsHostRequestFact[]>): boolean {
  const spans = [...names.values()].map((list) => {
    const times = list.map((e) => toMs(e.time)).filter((t): t is number => t !== undefined);
    return times.length ? { first: Math.min(...times), last: Math.max(...times) } : undefined;
  });
  if (spans.some((s) => s === undefined)) return false;
  return followOneAnother(spans as TimeSpan[]) !== undefined;
}

export function namesByCmid(entries: readonly KmsHostRequestFact[]): Map<string, Map<string, KmsHostRequestFact[]>> {
  const out = new Map<string, Map<string, KmsHostRequestFact[]>>();
  for (const e of entries) {
    if (!e.cmid || !e.clientName) continue;
    const cmid = e.cmid.toLowerCase();
    let names = out.get(cmid);
    if (!names) out.set(cmid, (names = new Map()));
    const key = machineKey(e.clientName);
    const list = names.get(key);
    if (list) list.push(e);
    else names.set(key, [e]);
  }
  return out;
}
