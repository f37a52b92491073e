// Cross-machine questions the KMS rules ask: which machine is the host a client named, what did
// that host log for the client, which names share a CMID.
import type { KmsHostRequestFact, KmsRequestFact } from '../decode/index.js';
import type { Fleet, Machine } from '../evidence/index.js';
import { machineKey } from '../evidence/index.js';
import { toMs } from './time.js';

export const DEFAULT_KMS_PORT = 1688;

export function kmsHosts(fleet: Fleet): Machine[] {
  return fleet.machines.filter((m) => m.roles.includes('kms-host'));
}

/** The snapshot's machine for a host name or IP as a client wrote it. */
export function hostMachine(fleet: Fleet, host: string): Machine | undefined {
  if (!host) return undefined;
  return fleet.find(host);
}

/** 12290 records a host logged, oldest first. */
export function hostLog(fleet: Fleet, hostKey: string): KmsHostRequestFact[] {
  return [...(fleet.hostRequests.get(hostKey) ?? [])].sort((a, b) => (toMs(a.time) ?? 0) - (toMs(b.time) ?? 0));
}

export interface Span {
  first: number;
  last: number;
}

export function hostLogSpan(fleet: Fleet, hostKey: string): Span | undefined {
  const times = hostLog(fleet, hostKey)
    .map((f) => toMs(f.time))
    .filter((t): t is number => t !== undefined);
  if (!times.length) return undefined;
  return { first: Math.min(...times), last: Math.max(...times) };
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
  const cmid = request.cmid.toLowerCase();
  return hostLog(fleet, hostKey).filter((e) => {
    const t = toMs(e.time);
    if (t === undefined || Math.abs(t - requestAt) > skewMs) return false;
    return (cmid !== '' && e.cmid.toLowerCase() === cmid) || namesClient(e, client);
  });
}

/** Every 12290 on any host that names this client. */
export function hostEntriesForClient(fleet: Fleet, client: Machine): { hostKey: string; entry: KmsHostRequestFact }[] {
  const out: { hostKey: string; entry: KmsHostRequestFact }[] = [];
  for (const [hostKey, entries] of fleet.hostRequests) {
    if (hostKey === client.key) continue;
    for (const entry of entries) if (namesClient(entry, client)) out.push({ hostKey, entry });
  }
  return out;
}

/** The port a KMS host listens on: slmgr "Listening on Port", else the default 1688. */
export function listeningPort(host: Machine): { port: number; stated: boolean } {
  for (const f of host.facts) {
    if (f.kind === 'license' && f.kmsHost?.listeningPort !== undefined) return { port: f.kmsHost.listeningPort, stated: true };
  }
  return { port: DEFAULT_KMS_PORT, stated: false };
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
