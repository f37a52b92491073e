// Groups decoded facts by machine and builds the cross-machine indexes.
import { isKmsClientCode, type Fact, type KmsClientInfo } from '../decode/index.js';
import { betterDisplayName, machineKey } from './machine-name.js';
import type { Fleet, Machine, Role, TimeRange } from './model.js';
import type { RecordSpan } from './record-ledger.js';
import { followOneAnother } from './time-spans.js';

export interface FactWithOwner {
  fact: Fact;
  /** The machine the fact belongs to when its event names none (slmgr text, exports without Computer). */
  fallbackMachine: string;
}

export interface BuildFleetOptions {
  /** ISO time; pins "now". */
  now?: string;
  /** Every record read, per file (from the readers' ledgers): each machine's evidence end and log holes. */
  records?: readonly RecordSpan[];
}

export function buildFleet(input: Iterable<FactWithOwner>, options: BuildFleetOptions = {}): Fleet {
  const items = Array.isArray(input) ? (input as FactWithOwner[]) : [...input];
  const renamed = findRenames(items);
  const machines = new Map<string, Machine>();
  const aliasIndex = new Map<string, Machine>();
  // What each machine's lists already hold: a machine can have thousands of files and CMIDs, and a scan per
  // fact would grow with them.
  const held = new Map<Machine, { aliases: Set<string>; files: Set<string>; cmids: Set<string> }>();
  let newest = '';

  const addTo = (list: string[], seen: Set<string>, value: string): void => {
    if (seen.has(value)) return;
    seen.add(value);
    list.push(value);
  };

  const machineFor = (name: string): Machine => {
    const key = machineKey(name);
    let machine = machines.get(key);
    if (!machine) {
      machine = { key, name, aliases: [], cmids: [], files: [], facts: [], roles: [], records: [], evidenceEnd: '' };
      machines.set(key, machine);
      held.set(machine, { aliases: new Set(), files: new Set(), cmids: new Set() });
    }
    // Most facts repeat the name already taken: only a new spelling can change the display name or aliases.
    if (name !== machine.name) machine.name = betterDisplayName(machine.name, name);
    addTo(machine.aliases, held.get(machine)!.aliases, name);
    return machine;
  };

  for (const { fact, fallbackMachine } of items) {
    const named = fact.computer || fallbackMachine || 'unknown';
    const renamedTo = renamed.get(machineKey(named));
    const machine = machineFor(renamedTo ?? named);
    const seen = held.get(machine)!;
    // The old name stays visible as an alias of the machine it became.
    if (renamedTo) addTo(machine.aliases, seen.aliases, named);
    machine.facts.push(fact);
    addTo(machine.files, seen.files, fact.source.file);
    const cmid = ownCmid(fact);
    if (cmid) addTo(machine.cmids, seen.cmids, cmid);
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
    nowPinned: options.now !== undefined,
  };

  for (const machine of fleet.machines) {
    for (const alias of machine.aliases) aliasIndex.set(alias.toLowerCase(), machine);
    machine.roles = deriveRoles(machine);
    const range = timeRange(machine.facts);
    fleet.machineTimes.set(machine.key, range);
    machine.evidenceEnd = range.last;
    for (const fact of machine.facts) indexFact(fleet, machine, fact);
  }
  const byFile = new Map<string, Machine[]>();
  for (const m of fleet.machines) for (const f of m.files) push(byFile, f, m);
  for (const span of options.records ?? []) {
    const holders = new Set<Machine>();
    for (const end of span.computers) {
      for (const machine of ownersOf(fleet, byFile, span.file, end.computer, renamed)) {
        holders.add(machine);
        if (later(end.newest, machine.evidenceEnd)) machine.evidenceEnd = end.newest;
      }
    }
    for (const machine of holders) machine.records.push(span);
    if (!options.now && later(span.newest, fleet.now)) fleet.now = span.newest;
  }
  return fleet;
}

/** The machine records belong to: the computer they name, else the machines their file gave facts to. */
function ownersOf(fleet: Fleet, byFile: ReadonlyMap<string, Machine[]>, file: string, computer: string, renamed: ReadonlyMap<string, string>): Machine[] {
  if (computer) {
    const owner = fleet.find(renamed.get(machineKey(computer)) ?? computer);
    return owner ? [owner] : [];
  }
  return byFile.get(file) ?? [];
}

function later(a: string, b: string): boolean {
  if (!a) return false;
  if (!b) return true;
  const ma = Date.parse(a);
  const mb = Date.parse(b);
  return Number.isFinite(ma) && (!Number.isFinite(mb) || ma > mb);
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
  if (fact.kind === 'licensing-service') return fact.cmid?.toLowerCase();
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

// A KMS client is what the evidence shows: KMS client codes, a KMS client setup key installed, a KMS host set
// with /skms, the client block of /dli. "Configured Activation Type: All" is printed by every Windows 8 and
// later, so it alone makes nothing a client.
export function deriveRoles(machine: Pick<Machine, 'facts'>): Role[] {
  const roles = new Set<Role>();
  for (const fact of machine.facts) {
    if (KMS_HOST_FACTS.has(fact.kind)) roles.add('kms-host');
    if (KMS_CLIENT_FACTS.has(fact.kind)) roles.add('kms-client');
    // `/dlv all` lists every product Windows knows, most of them "not in use" (no key): such a block says what
    // the machine could be, not what it is. A KMS host's /dlv all prints a client block for each unused
    // VOLUME_KMSCLIENT product ("Configured Activation Type: All"), which made every host a client too.
    if (fact.kind === 'license' && !fact.notInUse) {
      if (fact.kmsHost || /^VOLUME_KMS(?!CLIENT)/.test(fact.channel) || fact.keyType === 'Volume:CSVLK') roles.add('kms-host');
      if (fact.channel === 'VOLUME_KMSCLIENT' || fact.keyType === 'Volume:GVLK' || showsKmsClient(fact.kmsClient)) roles.add('kms-client');
      if (fact.channel.startsWith('VOLUME_MAK') || fact.keyType === 'Volume:MAK') roles.add('mak');
      if (fact.errors.some(isKmsClientCode)) roles.add('kms-client');
    }
    // The licensing service of a KMS host (WMI SoftwareLicensingService with IsKeyManagementServiceMachine 1).
    if (fact.kind === 'licensing-service' && fact.kmsHost) roles.add('kms-host');
    if (fact.kind === 'slmgr-error' && fact.code && isKmsClientCode(fact.code)) roles.add('kms-client');
    if (fact.kind === 'kms-host-set' || (fact.kind === 'key-installed' && fact.gvlkFor)) roles.add('kms-client');
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

/** A /dli client block with something of a client in it (not only the activation type every Windows prints). */
function showsKmsClient(c: KmsClientInfo | undefined): boolean {
  if (!c) return false;
  const { activationType: _everyWindows, kmsNameSource, ...rest } = c;
  return kmsNameSource !== 'unknown' || Object.values(rest).some((v) => v !== undefined);
}

/** The time a machine is judged at: `--now` when pinned, else the newest record of its own files. */
export function judgedAt(fleet: Pick<Fleet, 'now' | 'nowPinned'>, machine: Pick<Machine, 'evidenceEnd'>): string {
  return fleet.nowPinned ? fleet.now : machine.evidenceEnd || fleet.now;
}
