// Groups decoded facts by machine and builds the cross-machine indexes.
import type { Fact } from '../decode/index.js';
import { betterDisplayName, machineKey } from './machine-name.js';
import type { Fleet, Machine, Role, TimeRange } from './model.js';

export interface FactWithOwner {
  fact: Fact;
  /** The machine the fact belongs to when its event names none (slmgr text, exports without Computer). */
  fallbackMachine: string;
}

export interface BuildFleetOptions {
  /** ISO time; pins "now". */
  now?: string;
}

export function buildFleet(items: Iterable<FactWithOwner>, options: BuildFleetOptions = {}): Fleet {
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
    const owner = fact.computer || fallbackMachine || 'unknown';
    const machine = machineFor(owner);
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
const KMS_CLIENT_FACTS = new Set<Fact['kind']>(['kms-request', 'kms-response']);

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
