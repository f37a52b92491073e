// Smaller questions about the snapshot's machines and KMS hosts: a machine by key, the port a host listens on,
// and the names one CMID came under in a host's log.
import type { KmsHostRequestFact, LicenseFact } from '../decode/index.js';
import { DEFAULT_KMS_PORT } from './host-log.js';
import type { Fleet, Machine } from './model.js';
import { machineKey } from './machine-name.js';
import { followOneAnother, type TimeSpan } from './time-spans.js';
import { toMs } from './time.js';

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

/** Distinct client names (by machine key) per CMID, from one host's 12290s. */
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
