// When a group's trouble began (the first failure after the newest success any of its machines had) and what
// else the snapshot shows changing around then: a host's last 12290, a 12293, 8198s, a host's count falling
// under what its clients need.
import type { Fleet, Machine } from '../../evidence/index.js';
import type { KmsHostView } from '../types.js';
import { msOf, type MachineTraits, type Signal } from './traits.js';
import type { GroupOnset, OnsetChange } from './types.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** The KMS service counts the distinct clients of the last 30 days. */
const COUNT_WINDOW = 30 * DAY;
/** Around the onset: this much before the last success and after the first failure. */
const SLACK = HOUR;
/** What changed is looked for at most this long before the first failure (and after the last success). */
const LOOK_BACK = DAY;

export interface OnsetContext {
  fleet: Fleet;
  hosts: readonly KmsHostView[];
  signals: ReadonlyArray<{ machine: string; signal: Signal }>;
  /** Newest record of the snapshot (ms). */
  newest?: number;
}

/** `members`: names of the group's machines, whose own 8198s and 12293s are the trouble, not something else that changed. */
export function groupOnset(traits: readonly MachineTraits[], members: ReadonlySet<string>, ctx: OnsetContext, host: Machine | undefined): GroupOnset {
  let last: number | undefined;
  for (const t of traits) if (t.lastSuccess !== undefined && (last === undefined || t.lastSuccess > last)) last = t.lastSuccess;
  let first: number | undefined;
  for (const t of traits) for (const at of t.failures) if ((last === undefined || at > last) && (first === undefined || at < first)) first = at;
  if (first === undefined) return { changes: [] };
  const from = Math.max(last ?? -Infinity, first - LOOK_BACK) - SLACK;
  const to = first + SLACK;
  const changes = [...hostsThatStopped(ctx, from, to), ...signalsIn(ctx, members, from, to)];
  const fell = host ? countFell(ctx.fleet, host, last ?? first - LOOK_BACK, first) : undefined;
  if (fell) changes.push(fell);
  changes.sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
  return { ...(last !== undefined ? { lastSuccess: iso(last) } : {}), firstFailure: iso(first), changes };
}

/** Hosts whose newest 12290 falls inside the window, well before the snapshot ends: they stopped answering then. */
function hostsThatStopped(ctx: OnsetContext, from: number, to: number): OnsetChange[] {
  const out: OnsetChange[] = [];
  for (const h of ctx.hosts) {
    const t = msOf(h.lastActivity);
    if (t === undefined || t < from || t > to) continue;
    if (ctx.newest === undefined || ctx.newest - t < HOUR) continue;
    out.push({ kind: 'host-last-request', machine: h.name, time: iso(t) });
  }
  return out;
}

/** 12293s (the first per host) and 8198s (counted by machine) inside the window. */
function signalsIn(ctx: OnsetContext, members: ReadonlySet<string>, from: number, to: number): OnsetChange[] {
  const dns = new Map<string, OnsetChange>();
  const online = { machines: new Set<string>(), first: Infinity, firstMachine: '', codes: new Map<string, number>() };
  for (const { machine, signal } of ctx.signals) {
    if (signal.at < from || signal.at > to || members.has(machine)) continue;
    if (signal.kind === 'dns-publish-failed') {
      const held = dns.get(machine);
      if (!held || iso(signal.at) < held.time) dns.set(machine, { kind: 'dns-publish-failed', machine, time: iso(signal.at), ...(signal.code ? { code: signal.code } : {}) });
      continue;
    }
    online.machines.add(machine);
    if (signal.at < online.first) {
      online.first = signal.at;
      online.firstMachine = machine;
    }
    if (signal.code) online.codes.set(signal.code, (online.codes.get(signal.code) ?? 0) + 1);
  }
  const out = [...dns.values()];
  if (online.machines.size > 0) {
    const code = [...online.codes.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
    out.push({ kind: 'online-activation-failed', machine: online.firstMachine, time: iso(online.first), count: online.machines.size, ...(code ? { code } : {}) });
  }
  return out;
}

/** The host's count (distinct CMIDs of the 30 days before) at the first failure, when it was enough at the last success and is not now. */
function countFell(fleet: Fleet, host: Machine, before: number, at: number): OnsetChange | undefined {
  const log = fleet.hostRequests.get(host.key);
  if (!log || log.length === 0) return undefined;
  const [then, now] = countsAt(log, [before, at]);
  if (now.need === 0 || then.need === 0 || now.count >= now.need || then.count < then.need) return undefined;
  return { kind: 'count-below-threshold', machine: host.name, time: iso(at), count: now.count, required: now.need };
}

/** The host's count and the most any client needed, over the 30 days before each moment: one pass over its log. */
function countsAt(log: ReadonlyArray<{ time: string; cmid: string; requiredCount: number }>, moments: readonly number[]): Array<{ count: number; need: number }> {
  const windows = moments.map((at) => ({ at, cmids: new Set<string>(), need: 0 }));
  for (const e of log) {
    const t = msOf(e.time);
    if (t === undefined) continue;
    for (const w of windows) {
      if (t > w.at || t < w.at - COUNT_WINDOW) continue;
      w.cmids.add(e.cmid.toLowerCase());
      if (e.requiredCount > w.need) w.need = e.requiredCount;
    }
  }
  return windows.map((w) => ({ count: w.cmids.size, need: w.need }));
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
