// One machine's activation history, in time order, across every file and machine: its own requests (12288),
// answers (12289), license states as they change, errors; and what each KMS host logged about it (12290 naming
// its CMID or its name). One pass over its facts and one over the hosts' 12290s, then one sort.
import { isSuccessHresult, licenseStateFromSlStatus, type Fact, type KmsHostRequestFact } from '../../decode/index.js';
import { machineKey, type Fleet, type Machine } from '../../evidence/index.js';
import { code, msg, time, type MessageRef } from '../../messages/index.js';
import { utcIsoMs } from '../../base/index.js';
import type { TimelineEntry } from './types.js';

const MINUTE = 60_000;
/** An end date that moves by more than this is news (a renewal, a rearm); less is the same end read twice. */
const EXPIRY_MOVES = 24 * 60 * MINUTE;

interface Reading {
  at: string;
  state: string;
  expires?: string;
  fact: Fact;
}

/** A machine's timeline as a report keeps it: the newest entries, in time order, and how many there were. */
export interface KeptTimeline {
  entries: TimelineEntry[];
  total: number;
}

/**
 * The timeline of each machine asked for, keeping the newest `keep` entries of each. The hosts' 12290s are read
 * once and only those naming one of the machines are held; then each machine's entries are built, sorted and
 * cut in turn, so memory follows one machine's history, not the fleet's.
 */
export function machineTimelines(fleet: Fleet, machines: readonly Machine[], keep: number | 'all' = 'all'): Map<string, KeptTimeline> {
  const about = new Map<string, TimelineEntry[]>();
  const byCmid = new Map<string, string>();
  for (const m of machines) {
    about.set(m.key, []);
    for (const cmid of m.cmids) byCmid.set(cmid.toLowerCase(), m.key);
  }
  const names = new Map(fleet.machines.map((m) => [m.key, m.name]));
  for (const [hostKey, log] of fleet.hostRequests) {
    const host = names.get(hostKey) ?? hostKey;
    for (const f of log) {
      // By name first (clones share one CMID), else by CMID (a renamed machine keeps it).
      const byName = f.clientName ? machineKey(f.clientName) : undefined;
      const named = byName !== undefined && about.has(byName) ? byName : byCmid.get(f.cmid.toLowerCase());
      // A host's own timeline already holds what it logged.
      const into = named !== undefined && named !== hostKey ? about.get(named) : undefined;
      if (into) into.push(hostLogged(f, host));
    }
  }
  const out = new Map<string, KeptTimeline>();
  for (const m of machines) {
    const entries = ownEntries(m);
    for (const e of about.get(m.key) ?? []) entries.push(e);
    about.delete(m.key);
    sortEntries(entries);
    const total = entries.length;
    out.set(m.key, { entries: keep === 'all' || total <= keep ? entries : entries.slice(total - keep), total });
  }
  return out;
}

export function machineTimeline(fleet: Fleet, machine: Machine): TimelineEntry[] {
  return machineTimelines(fleet, [machine]).get(machine.key)?.entries ?? [];
}

/** Dated entries oldest first (stable), then the undated (slmgr text, pasted checks) as collected. */
export function sortEntries(entries: TimelineEntry[]): void {
  const ms = new Map<TimelineEntry, number>();
  for (const e of entries) ms.set(e, e.time ? (utcIsoMs(e.time) ?? Date.parse(e.time)) : Infinity);
  entries.sort((a, b) => (ms.get(a)! - ms.get(b)!) || 0);
}

/** Entries from the machine's own facts, license state changes included (in no particular order). */
export function ownEntries(machine: Machine): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  const readings = new Map<string, Reading[]>();
  const read = (product: string, r: Reading): void => {
    const list = readings.get(product);
    if (list) list.push(r);
    else readings.set(product, [r]);
  };
  let lastProduct = 'product';
  for (const fact of machine.facts) {
    const entry = entryOf(fact, machine.name);
    if (entry) entries.push(entry);
    switch (fact.kind) {
      case 'kms-request':
        lastProduct = fact.activationId ?? fact.edition ?? 'product';
        if (fact.licenseStateName && fact.time) read(lastProduct, { at: fact.time, state: fact.licenseStateName, ...endOf(fact.time, fact.minutesToExpiry), fact });
        break;
      case 'kms-response':
        if (fact.activated && isSuccessHresult(fact.result) && fact.time) read(lastProduct, { at: fact.time, state: 'Licensed', fact });
        break;
      case 'license-state-data':
        if (fact.time) read(fact.skuId ?? fact.edition ?? 'product', { at: fact.time, state: licenseStateFromSlStatus(fact.licenseState), ...(fact.graceEnd ? { expires: fact.graceEnd } : {}), fact });
        break;
      default:
        break;
    }
  }
  for (const list of readings.values()) for (const change of stateChanges(list, machine.name)) entries.push(change);
  return entries;
}

/** A state entry where the state differs from the one before it, or where its end date moved. */
function stateChanges(readings: Reading[], machine: string): TimelineEntry[] {
  readings.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const out: TimelineEntry[] = [];
  let before: Reading | undefined;
  for (const r of readings) {
    const moved = before?.expires && r.expires && Math.abs(Date.parse(r.expires) - Date.parse(before.expires)) > EXPIRY_MOVES;
    if (!before || r.state !== before.state || moved) {
      const data = { state: r.state, expires: r.expires ? time(r.expires) : undefined };
      const from = before && r.state !== before.state ? before.state : undefined;
      const message = from ? msg('timeline.state-change', { from, ...data }) : msg('timeline.state', data);
      out.push({ ...place(r.fact), time: r.at, machine, kind: 'state', message, state: r.state, ...(from ? { from } : {}), ...(r.expires ? { expires: r.expires } : {}) });
    }
    before = r;
  }
  return out;
}

function endOf(at: string, minutes: number | undefined): { expires?: string } {
  if (minutes === undefined || minutes <= 0) return {};
  const t = Date.parse(at);
  return Number.isFinite(t) ? { expires: new Date(t + minutes * MINUTE).toISOString() } : {};
}

function place(fact: Fact): Pick<TimelineEntry, 'file' | 'record' | 'line' | 'eventId'> {
  const p: Pick<TimelineEntry, 'file' | 'record' | 'line' | 'eventId'> = { file: fact.source.file };
  if (fact.kind === 'license') p.line = fact.lineStart;
  else if (fact.kind === 'slmgr-error') p.line = fact.line;
  else if (fact.source.record !== undefined) p.record = fact.source.record;
  else if (fact.source.line !== undefined) p.line = fact.source.line;
  if (fact.eventId !== undefined) p.eventId = fact.eventId;
  return p;
}

const failure = (result: string | undefined): string | undefined => (result && !isSuccessHresult(result) ? result : undefined);

function entry(fact: Fact, machine: string, kind: TimelineEntry['kind'], message: MessageRef, extra: Partial<TimelineEntry> = {}): TimelineEntry {
  return { time: fact.time, machine, ...place(fact), kind, message, ...extra };
}

/** A host's 12290 about a client: in the client's timeline (`host` logged it) or the host's own (it served `client`). */
function hostLogged(f: KmsHostRequestFact, host: string, own = false): TimelineEntry {
  const result = failure(f.result);
  const message = own
    ? msg('timeline.host-served', { client: f.clientName, result: result ? code(result) : undefined })
    : msg('timeline.host-logged', { host, result: result ? code(result) : undefined });
  return entry(f, host, 'host-logged', message, { host, client: f.clientName, ...(result ? { result } : {}) });
}

function entryOf(fact: Fact, machine: string): TimelineEntry | undefined {
  switch (fact.kind) {
    case 'kms-request': {
      const result = failure(fact.result);
      const host = fact.port !== undefined ? `${fact.host}:${fact.port}` : fact.host;
      return entry(fact, machine, 'request', msg('timeline.request', { host, result: result ? code(result) : undefined }), { host, ...(result ? { result } : {}) });
    }
    case 'kms-response': {
      const result = failure(fact.result);
      if (fact.activated && !result) return entry(fact, machine, 'response', msg('timeline.response-ok', { count: fact.currentCount }));
      return entry(fact, machine, 'response', msg('timeline.response-failed', { result: code(fact.result), count: fact.currentCount }), { result: fact.result });
    }
    case 'kms-host-request':
      return hostLogged(fact, machine, true);
    case 'kms-service': {
      const result = failure(fact.result);
      const kind = fact.event === 'dns-publish-ok' ? 'service' : 'error';
      return entry(fact, machine, kind, msg(`timeline.service.${fact.event}`, { domain: fact.domain, result: result ? code(result) : undefined }), result ? { result } : {});
    }
    case 'online-activation-failure':
      return entry(fact, machine, 'error', msg('timeline.online-failed', { event: fact.eventId ?? '', result: code(fact.result) }), { result: fact.result });
    case 'non-genuine':
      return entry(fact, machine, 'error', msg('timeline.non-genuine', { reason: fact.reason }));
    case 'service-info':
      if (fact.what !== 'vl-activation-failed' || !failure(fact.result)) return undefined;
      return entry(fact, machine, 'error', msg('timeline.vl-failed', { result: code(fact.result!) }), { result: fact.result! });
    case 'log-cleared':
      return entry(fact, machine, 'error', msg('timeline.log-cleared', { channel: fact.channel }));
    case 'license':
      if (fact.licenseStatus === 'Unknown' || fact.notInUse) return undefined;
      return entry(fact, machine, 'state', msg('timeline.slmgr-state', { product: fact.name, state: fact.licenseStatus, expires: fact.expiresAt ? time(fact.expiresAt) : undefined }), {
        state: fact.licenseStatus,
        ...(fact.expiresAt ? { expires: fact.expiresAt } : {}),
      });
    case 'slmgr-error':
      return fact.code ? entry(fact, machine, 'error', msg('timeline.slmgr-error', { result: code(fact.code) }), { result: fact.code }) : undefined;
    case 'dns-srv-lookup':
      return entry(fact, machine, 'check', msg('timeline.dns-lookup', { query: fact.query || fact.domain || '', outcome: fact.outcome }));
    case 'port-check':
      return entry(fact, machine, 'check', msg('timeline.port-check', { host: fact.host, port: fact.port, outcome: fact.outcome }), { host: fact.host });
    default:
      return undefined;
  }
}
