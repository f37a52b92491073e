// Questions the DNS and network rules (and the KMS client walk) ask of SRV lookups and port checks.
import { isIP } from 'node:net';
import type { DnsSrvLookupFact, PortCheckFact, SrvRecord } from '../decode/index.js';
import { machineKey } from '../evidence/index.js';
import type { MachineView } from '../evidence/machine-view/index.js';

/** A machine's SRV lookups for _vlmcs._tcp (the query was shown, or the tool was pointed at it). */
export function srvLookups(view: MachineView): DnsSrvLookupFact[] {
  return view.facts('dns-srv-lookup');
}

/** Lookups that found no SRV record, for domains that no other lookup of this machine answered. */
export function failedLookups(view: MachineView): DnsSrvLookupFact[] {
  const lookups = srvLookups(view);
  const answered = new Set(lookups.filter((l) => l.outcome === 'answer').map((l) => l.domain ?? ''));
  return lookups.filter((l) => l.outcome !== 'answer' && !answered.has(l.domain ?? '') && !(l.domain === undefined && answered.size > 0));
}

export interface SrvTarget {
  lookup: DnsSrvLookupFact;
  record: SrvRecord;
}

/** Every SRV answer of the machine's lookups, once per target and port. */
export function srvTargets(view: MachineView): SrvTarget[] {
  const seen = new Set<string>();
  const out: SrvTarget[] = [];
  for (const lookup of srvLookups(view)) {
    for (const record of lookup.records) {
      const key = `${record.target.toLowerCase()}:${record.port}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ lookup, record });
    }
  }
  return out;
}

interface CheckIndex {
  /** Full lower-case name → checks aimed at it by that name. */
  byName: Map<string, number[]>;
  /** Machine key → checks aimed at a short name (no dot) with that key. */
  byShortName: Map<string, number[]>;
  /** Machine key → every check aimed at a name with that key. */
  byKey: Map<string, number[]>;
  /** Address as written → checks aimed at it. */
  byAddress: Map<string, number[]>;
}

const checkIndexes = new WeakMap<MachineView, CheckIndex>();

function checkIndex(view: MachineView): CheckIndex {
  let index = checkIndexes.get(view);
  if (index) return index;
  const built: CheckIndex = { byName: new Map(), byShortName: new Map(), byKey: new Map(), byAddress: new Map() };
  view.facts('port-check').forEach((check, i) => {
    if (isIP(check.host)) return addTo(built.byAddress, check.host, i);
    const name = normalName(check.host);
    const key = machineKey(check.host);
    addTo(built.byName, name, i);
    addTo(built.byKey, key, i);
    if (!name.includes('.')) addTo(built.byShortName, key, i);
  });
  checkIndexes.set(view, built);
  return built;
}

/**
 * The machine's port checks aimed at `host`, in the order they were read: by name ("kms01" matches
 * "kms01.contoso.com"; "kms01.a.com" does not match "kms01.b.com"), or by an address DNS gave for it when the check
 * named an address (two names that share an address, a load balancer or a test, stay apart). Found through an
 * index: a paste can hold thousands of SRV answers and of checks.
 */
export function portChecksFor(view: MachineView, host: string, addresses: readonly string[] = []): PortCheckFact[] {
  const index = checkIndex(view);
  const all = view.facts('port-check');
  const found = new Set<number>();
  const take = (list: readonly number[] | undefined): void => {
    for (const i of list ?? []) found.add(i);
  };
  const name = normalName(host);
  const key = machineKey(host);
  if (!name.includes('.')) take(index.byKey.get(key));
  else {
    take(index.byName.get(name));
    take(index.byShortName.get(key));
  }
  for (const address of addresses) take(index.byAddress.get(address));
  return [...found].sort((a, b) => a - b).map((i) => all[i]);
}

function addTo(map: Map<string, number[]>, key: string, i: number): void {
  const list = map.get(key);
  if (list) list.push(i);
  else map.set(key, [i]);
}

function normalName(host: string): string {
  return host.toLowerCase().replace(/\.$/, '');
}


/** The newest port check per host and port (a later success means the earlier failure is over). */
export function latestPortChecks(view: MachineView): PortCheckFact[] {
  const latest = new Map<string, PortCheckFact>();
  for (const check of view.facts('port-check')) {
    const key = `${check.host.toLowerCase()}:${check.port}`;
    const before = latest.get(key);
    if (!before || !before.time || !check.time || check.time >= before.time) latest.set(key, check);
  }
  return [...latest.values()];
}

/** Whether the machine is set to a KMS host by hand (slmgr /skms), so DNS discovery is not what it uses. */
export function usesRegisteredHost(view: MachineView): boolean {
  const clients = view.licenses('kms-client').filter((l) => l.kmsClient);
  return clients.length > 0 && clients.every((l) => l.kmsClient?.kmsNameSource === 'registered');
}
