// Cross-machine questions the KMS rules ask: which machine is the host a client named, what did
// that host log for the client, which names share a CMID.
import type { KmsHostRequestFact, KmsRequestFact, LicenseFact } from '../decode/index.js';
import type { Fleet, Machine, TimeSpan } from '../evidence/index.js';
import { followOneAnother, machineKey } from '../evidence/index.js';
import { firstIndex } from './search.js';
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

/** A host's 12290s in time order with their times, for window look-ups by binary search. */
interface TimedEntries {
  times: number[];
  entries: KmsHostRequestFact[];
}

interface HostIndex {
  /** Lower-case CMID → the host's 12290s with it. */
  byCmid: Map<string, TimedEntries>;
  /** Client machine key → the host's 12290s under that name. */
  byName: Map<string, TimedEntries>;
}

// Built once per fleet and host: every unanswered request of every client asks.
const hostIndexes = new WeakMap<Fleet, Map<string, HostIndex>>();

function hostIndex(fleet: Fleet, hostKey: string): HostIndex {
  let perHost = hostIndexes.get(fleet);
  if (!perHost) hostIndexes.set(fleet, (perHost = new Map()));
  let index = perHost.get(hostKey);
  if (index) return index;
  index = { byCmid: new Map(), byName: new Map() };
  const add = (map: Map<string, TimedEntries>, key: string, t: number, entry: KmsHostRequestFact): void => {
    const held = map.get(key);
    if (held) {
      held.times.push(t);
      held.entries.push(entry);
    } else map.set(key, { times: [t], entries: [entry] });
  };
  for (const entry of hostLog(fleet, hostKey)) {
    const t = toMs(entry.time);
    if (t === undefined) continue;
    if (entry.cmid) add(index.byCmid, entry.cmid.toLowerCase(), t, entry);
    if (entry.clientName) add(index.byName, machineKey(entry.clientName), t, entry);
  }
  perHost.set(hostKey, index);
  return index;
}

/** The first entry at or after `from` that is not after `to`. */
function firstWithin(list: TimedEntries | undefined, from: number, to: number): { t: number; entry: KmsHostRequestFact } | undefined {
  if (!list) return undefined;
  const lo = firstIndex(list.times.length, (i) => list.times[i] >= from);
  return lo < list.times.length && list.times[lo] <= to ? { t: list.times[lo], entry: list.entries[lo] } : undefined;
}

/**
 * The earliest 12290 on `hostKey` that answers `request`: the request's CMID, or the client's name, within ±skew
 * of the request. Two binary searches, whatever the size of the log or the number of the client's CMIDs.
 */
export function firstMatchingHostEntry(
  fleet: Fleet,
  hostKey: string,
  request: KmsRequestFact,
  client: Machine,
  skewMs: number,
  requestAt: number,
): KmsHostRequestFact | undefined {
  const index = hostIndex(fleet, hostKey);
  const from = requestAt - skewMs;
  const to = requestAt + skewMs;
  const byCmid = request.cmid ? firstWithin(index.byCmid.get(request.cmid.toLowerCase()), from, to) : undefined;
  const byName = firstWithin(index.byName.get(client.key), from, to);
  if (byCmid && byName) return byName.t < byCmid.t ? byName.entry : byCmid.entry;
  return (byCmid ?? byName)?.entry;
}

/** A 12290 and the host whose log holds it. */
export interface HostEntry {
  hostKey: string;
  entry: KmsHostRequestFact;
}

interface ClaimIndex {
  /** Machine key → the 12290s (any host but its own) whose client name is that machine, in time order. */
  byClient: Map<string, HostEntry[]>;
  /** Lower-case CMID → 12290s whose client name is no machine of the snapshot, in time order. */
  unclaimedByCmid: Map<string, HostEntry[]>;
  /** Lower-case CMID → every 12290 with it, on any host, in time order. */
  byCmid: Map<string, HostEntry[]>;
}

const claimIndexes = new WeakMap<Fleet, ClaimIndex>();

/**
 * Every 12290 of the snapshot, given to the client it names: to the machine its client name is, else (no such
 * machine) kept by CMID. Clones share a CMID, so asking "which 12290s carry my CMID" would hand each clone every
 * other clone's requests; a name that is another machine of the snapshot belongs to that machine.
 */
function claimIndex(fleet: Fleet): ClaimIndex {
  let index = claimIndexes.get(fleet);
  if (index) return index;
  index = { byClient: new Map(), unclaimedByCmid: new Map(), byCmid: new Map() };
  const all: Array<HostEntry & { t: number }> = [];
  for (const [hostKey, entries] of fleet.hostRequests) for (const entry of entries) all.push({ hostKey, entry, t: toMs(entry.time) ?? -Infinity });
  all.sort((a, b) => (a.t < b.t ? -1 : a.t > b.t ? 1 : 0));
  for (const { hostKey, entry } of all) {
    const hit = { hostKey, entry };
    const cmid = entry.cmid.toLowerCase();
    if (cmid) push(index.byCmid, cmid, hit);
    const owner = entry.clientName ? fleet.find(entry.clientName) : undefined;
    if (owner) {
      if (owner.key !== hostKey) push(index.byClient, owner.key, hit);
    } else if (cmid) push(index.unclaimedByCmid, cmid, hit);
  }
  claimIndexes.set(fleet, index);
  return index;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** 12290s on other hosts whose client name is this machine, oldest first. */
export function entriesNamingClient(fleet: Fleet, client: Machine): readonly HostEntry[] {
  return claimIndex(fleet).byClient.get(client.key) ?? [];
}

/** 12290s with this CMID whose client name is no machine of the snapshot, oldest first (shared by the CMID's owners). */
export function unclaimedEntries(fleet: Fleet, cmid: string): readonly HostEntry[] {
  return claimIndex(fleet).unclaimedByCmid.get(cmid.toLowerCase()) ?? [];
}

/** Every 12290 with this CMID on any host, oldest first. */
export function entriesWithCmid(fleet: Fleet, cmid: string): readonly HostEntry[] {
  return claimIndex(fleet).byCmid.get(cmid.toLowerCase()) ?? [];
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
export function cmidOwners(fleet: Fleet): Map<string, Machine[]> {
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

export interface ListeningPort {
  port: number;
  stated: boolean;
  /** The slmgr block that states it. */
  statedBy?: LicenseFact;
}

const ports = new WeakMap<Machine, ListeningPort>();

/** The port a KMS host listens on: slmgr "Listening on Port", else the default 1688 (once per host: its log can be huge). */
export function listeningPort(host: Machine): ListeningPort {
  let port = ports.get(host);
  if (!port) {
    const stated = host.facts.find((f): f is LicenseFact => f.kind === 'license' && f.kmsHost?.listeningPort !== undefined);
    port = stated?.kmsHost?.listeningPort !== undefined ? { port: stated.kmsHost.listeningPort, stated: true, statedBy: stated } : { port: DEFAULT_KMS_PORT, stated: false };
    ports.set(host, port);
  }
  return port;
}

/** Distinct client names (by machine key) per CMID, from one host's 12290s. */
/** True when the names one CMID came under in a host's log follow one another in time (see followOneAnother). */
export function namesFollowEachOther(names: ReadonlyMap<string, readonly KmsHostRequestFact[]>): boolean {
  const spans: TimeSpan[] = [];
  for (const list of names.values()) {
    // A loop, not Math.min(...times): one name can have more requests than a call takes arguments.
    let first = Infinity;
    let last = -Infinity;
    for (const e of list) {
      const t = toMs(e.time);
      if (t === undefined) continue;
      if (t < first) first = t;
      if (t > last) last = t;
    }
    if (first === Infinity) return false;
    spans.push({ first, last });
  }
  return followOneAnother(spans) !== undefined;
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
