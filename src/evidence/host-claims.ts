// Which client each 12290 of the snapshot belongs to: by the machine its client name is, else by CMID. Clones share
// a CMID, so a 12290 is given to the machine it names before anyone asks by CMID.
import type { KmsHostRequestFact } from '../decode/index.js';
import type { Fleet, Machine } from './model.js';
import { toMs } from './time.js';

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
