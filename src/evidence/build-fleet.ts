// Groups decoded facts by machine and builds the cross-machine indexes.
import type { Fact } from '../decode/index.js';
import { betterDisplayName, machineKey } from './machine-name.js';
import type { Fleet, Machine, Role, TimeRange } from './model.js';
import { followOneAnother } from './time-spans.js';

export interface FactWithOwner {
  fact: Fact;
  /** The machine the fact belongs to when its event names none (slmgr text, exports without Computer). */
  fallbackMachine: string;
}

export interface BuildFleetOptions {
  /** ISO time; pins "now". */
  now?: string;
}

export function buildFleet(input: Iterable<FactWithOwner>, options: BuildFleetOptions = {}): Fleet {
  const items = Array.isArray(input) ? (input as FactWithOwner[]) : [...input];
  const renamed = findRenames(items);
  const machines = new Map<string, Machine>();
  const aliasIndex = new Map<string, Machine>();
  let newest = '';

  const machineFor = (name: string): Machine => {
    const key = machineKey(name);
    let machine = machines.get(key);
    if (!machine) {
      machine = { key, name, aliases: [], cmids: [], files: [], facts: [], roles: [] };
      machines.set(key, machine);
    }
    machine.name = betterDisplayName(machine.name, name);
    if (!machine.aliases.includes(name)) machine.aliases.push(name);
    return machine;
  };

  for (const { fact, fallbackMachine } of items) {
    const named = fact.computer || fallbackMachine || 'unknown';
    const renamedTo = renamed.get(machineKey(named));
    const machine = machineFor(renamedTo ?? named);
    // The old name stays visible as an alias of the machine it became.
    if (renamedTo && !machine.aliases.includes(named)) machine.aliases.push(named);
    machine.facts.push(fact);
    if (!machine.files.includes(fact.source.file)) machine.files.push(fact.source.file);
    const cmid = ownCmid(fact);
    if (cmid && !machine.cmids.includes(cmid)) machine.cmids.push(cmid);
    if (fact.time > newest) newest = fact.time;
  }

  const fleet: Fleet = {
    machines: [...machines.values()].sort((a, b) => a.key.localeCompare(b.key)),
    find: (name) => aliasIndex.get(name.toLowerCase()) ?? machines.get(machineKey(name)),
    hostRequests: new Map(),
    cmidNames: new Map(),
    clientHosts: new Map(),
    machineTimes: new Map(),
    now: options.now ?? newest,
  };

  for (const machine of fleet.machines) {
    for (const alias of machine.aliases) aliasIndex.set(alias.toLowerCase(), machine);
    machine.roles = deriveRoles(machine);
    fleet.machineTimes.set(machine.key, timeRange(machine.facts));
    for (const fact of machine.facts) indexFact(fleet, machine, fact);
  }
  return fleet;
}

/**
 * A renamed machine keeps its CMID: in its own Application log, 12288s under the old name stop and 12288s
 * under the new name begin, with the same CMID. Cloned machines share a CMID too, but their requests
 * interleave in time; only names whose requests follow one another in one file are taken as a rename.
 * Returns old machine key → new name.
 */
function findRenames(items: readonly FactWithOwner[]): Map<string, string> {
  const spans = new Map<string, Map<string, { name: string; first: string; last: string }>>();
  for (const { fact } of items) {
    if (fact.kind !== 'kms-request' || !fact.computer || !fact.time || !fact.cmid) continue;
    const group = `${fact.source.file}\u0000${fact.cmid.toLowerCase()}`;
    let names = spans.get(group);
    if (!names) spans.set(group, (names = new Map()));
    const key = machineKey(fact.computer);
    const span = names.get(key);
    if (!span) names.set(key, { name: fact.computer, first: fact.time, last: fact.time });
    else {
      if (fact.time < span.first) span.first = fact.time;
      if (fact.time > span.last) span.last = fact.time;
    }
  }
  const renames = new Map<string, string>();
  for (const names of spans.values()) {
    if (names.size < 2) continue;
    const ordered = followOneAnother([...names.entries()].map(([key, span]) => ({ key, ...span })));
    if (!ordered) continue;
    const newest = ordered[ordered.length - 1];
    for (const { key } of ordered.slice(0, -1)) renames.set(key, newest.name);
  }
  return renames;
}

function ownCmid(fact: Fact): string | undefined {
  if (fact.kind === 'kms-request') return fact.cmid.toLowerCase();
  if (fact.kind === 'license') return fact.kmsClient?.cmid?.toLowerCase();
  return undefined;
}

function indexFact(fleet: Fleet, machine: Machine, fact: Fact): void {
  if (fact.kind === 'kms-host-request') {
    push(fleet.hostRequests, machine.key, fact);
    addToSet(fleet.cmidNames, fact.cmid.toLowerCase(), fact.clientName);
  } else if (fact.kind === 'kms-request') {
    addToSet(fleet.cmidNames, fact.cmid.toLowerCase(), machine.name);
    addToSet(fleet.clientHosts, machine.key, fact.port === undefined ? fact.host : `${fact.host}:${fact.port}`);
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function addToSet<K>(map: Map<K, Set<string>>, key: K, value: string): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}

function timeRange(facts: Fact[]): TimeRange {
  let first = '';
  let last = '';
  for (const f of facts) {
    if (!f.time) continue;
    if (!first || f.time < first) first = f.time;
    if (f.time > last) last = f.time;
  }
  return { first, last };
}

const KMS_HOST_FACTS = new Set<Fact['kind']>(['kms-host-request', 'kms-service']);
// A _vlmcs._tcp lookup or a test of the KMS port is what a KMS client (or an admin for it) runs.
const KMS_CLIENT_FACTS = new Set<Fact['kind']>(['kms-request', 'kms-response', 'dns-srv-lookup', 'port-check']);

export function deriveRoles(machine: Pick<Machine, 'facts'>): Role[] {
  const roles = new Set<Role>();
  for (const fact of machine.facts) {
    if (KMS_HOST_FACTS.has(fact.kind)) roles.add('kms-host');
    if (KMS_CLIENT_FACTS.has(fact.kind)) roles.add('kms-client');
    if (fact.kind === 'license') {
      if (fact.kmsHost || /^VOLUME_KMS(?!CLIENT)/.test(fact.channel)) roles.add('kms-host');
      if (fact.channel === 'VOLUME_KMSCLIENT' || fact.kmsClient) roles.add('kms-client');
      if (fact.channel.startsWith('VOLUME_MAK') || fact.keyType === 'Volume:MAK') roles.add('mak');
    }
    if (fact.kind === 'license-state-data') {
      if (fact.keyType === 'Volume:GVLK') roles.add('kms-client');
      if (fact.keyType === 'Volume:MAK') roles.add('mak');
      if (fact.keyType === 'Volume:CSVLK') roles.add('kms-host');
    }
  }
  if (roles.size === 0) roles.add('unknown');
  const order: Role[] = ['kms-client', 'kms-host', 'mak', 'unknown'];
  return order.filter((r) => roles.has(r));
}
