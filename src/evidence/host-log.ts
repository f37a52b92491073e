// One KMS host's 12290 log, asked by client: sorted once, its span, the entry nearest a time, and the entry that
// answers a request within the clock-skew allowance (binary searches: clients can be thousands).
import type { KmsHostRequestFact, KmsRequestFact } from '../decode/index.js';
import type { Fleet, Machine } from './model.js';
import { machineKey } from './machine-name.js';
import { firstIndex } from './search.js';
import { DAY, toMs } from './time.js';

export const DEFAULT_KMS_PORT = 1688;

/** A KMS host's current count is the distinct CMIDs it saw over the last 30 days (what the service keeps). */
export const COUNT_WINDOW = 30 * DAY;

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
