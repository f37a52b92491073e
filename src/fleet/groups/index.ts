// "Likely shared causes", computed after every machine is diagnosed: the failing machines of each rule grouped
// by what they share. One pass over the fleet reads each machine's traits (failing machines keep theirs,
// healthy ones are only counted); then each rule's failing machines are hashed by attribute value.
import { CODE_OWNERS } from '../../diagnose/index.js';
import type { Fleet, Machine } from '../../evidence/index.js';
import type { Finding } from '../../types.js';
import type { FleetViews, KmsHostView } from '../types.js';
import { groupHost, groupSentence, hostState, onsetSentence, type DescribeContext } from './describe.js';
import { attributeValues, findGroups, HealthyCounts, idOf, type FoundGroup, type Member } from './find-groups.js';
import { groupOnset } from './onset.js';
import { msOf, namesHostsLogged, traitsOf, type MachineTraits, type Signal } from './traits.js';
import { ATTRIBUTE_KINDS, DEFAULT_GROUP_OPTIONS, type FleetGroup, type GroupOptions, type GroupRule } from './types.js';

export type * from './types.js';
export { DEFAULT_GROUP_OPTIONS, ATTRIBUTE_KINDS } from './types.js';

/** Rules whose findings say nothing about activation (a rule that threw). */
const NOT_GROUPED = new Set(['volact/internal-error']);

/**
 * What a failing finding is grouped under: its rule. When the diagnosis names a finding's likely cause, the
 * cause's id goes here, so consequences fold into their cause's groups.
 */
export function groupKeyOf(finding: Finding): string | undefined {
  if (finding.machine === undefined || finding.severity === 'info' || NOT_GROUPED.has(finding.rule)) return undefined;
  return finding.rule;
}

export function computeGroups(fleet: Fleet, findings: readonly Finding[], views: Pick<FleetViews, 'kmsHosts'>, given: Partial<GroupOptions> = {}): FleetGroup[] {
  const options: GroupOptions = { ...DEFAULT_GROUP_OPTIONS, ...given };
  const byName = new Map(fleet.machines.map((m) => [m.name, m]));
  const failing = new Map<string, Set<Machine>>();
  const findingsOn = new Map<string, string[]>();
  for (const f of findings) {
    const key = groupKeyOf(f);
    const machine = f.machine !== undefined ? byName.get(f.machine) : undefined;
    if (key === undefined || !machine) continue;
    let set = failing.get(key);
    if (!set) failing.set(key, (set = new Set()));
    set.add(machine);
    const on = findingsOn.get(machine.key);
    if (!on) findingsOn.set(machine.key, [f.rule]);
    else if (!on.includes(f.rule)) on.push(f.rule);
  }
  if (failing.size === 0) return [];

  // The failing machines first (their values are the ones worth counting among the healthy), then the healthy
  // ones: each machine's facts are read once.
  const traits = new Map<string, MachineTraits>();
  const signals: Array<{ machine: string; signal: Signal }> = [];
  let newest: number | undefined;
  let oldest: number | undefined;
  const logged = namesHostsLogged(fleet);
  const read = (machine: Machine): MachineTraits => {
    const t = traitsOf(machine, fleet, logged.get(machine.key));
    for (const signal of t.signals) signals.push({ machine: machine.name, signal });
    const end = msOf(machine.evidenceEnd);
    if (end !== undefined && (newest === undefined || end > newest)) newest = end;
    const start = msOf(fleet.machineTimes.get(machine.key)?.first);
    if (start !== undefined && (oldest === undefined || start < oldest)) oldest = start;
    return t;
  };
  const wanted = new Set<string>();
  for (const machine of fleet.machines) {
    if (!findingsOn.has(machine.key)) continue;
    const t = read(machine);
    traits.set(machine.key, t);
    for (const kind of ATTRIBUTE_KINDS) for (const v of attributeValues(t, kind)) wanted.add(idOf(kind, v));
  }
  const healthy = new HealthyCounts(wanted);
  for (const machine of fleet.machines) if (!findingsOn.has(machine.key)) healthy.add(read(machine));

  const span = newest !== undefined && oldest !== undefined ? newest - oldest : 0;
  const found: Array<{ rule: string; of: number; group: FoundGroup }> = [];
  for (const rule of [...failing.keys()].sort()) {
    const machines = [...failing.get(rule)!].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    if (machines.length < options.min) continue;
    const members: Member[] = machines.map((m) => ({ key: m.key, traits: traits.get(m.key)! }));
    for (const group of findGroups(members, { healthy, implied: impliedCodes(rule), span }, options)) found.push({ rule, of: machines.length, group });
  }

  const hostViews = new Map<string, KmsHostView>(views.kmsHosts.map((h) => [h.name, h]));
  const ctx: DescribeContext = { fleet, hostViews, healthy, findingsOn, share: options.share, ...(newest !== undefined ? { newest } : {}) };
  const names = new Map(fleet.machines.map((m) => [m.key, m.name]));
  return mergeByAttribute(found)
    .map((g) => describe(g, ctx, names, signals))
    .sort((a, b) => b.machines.length - a.machines.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The codes a rule is about (src/diagnose/codes.ts): its machines all show one, which tells nothing more. */
function impliedCodes(rule: string): Set<string> {
  const out = new Set<string>();
  for (const owner of CODE_OWNERS) if (owner.rule === rule) for (const c of owner.codes) out.add(c);
  return out;
}

interface Merged {
  id: string;
  /** The biggest of the rules' groups: its shared attributes and healthy share speak for the merged group. */
  lead: FoundGroup;
  rules: GroupRule[];
  members: Map<string, MachineTraits>;
}

/** One group per shared attribute: the rules whose machines it explains are listed together, the biggest first. */
function mergeByAttribute(found: ReadonlyArray<{ rule: string; of: number; group: FoundGroup }>): Merged[] {
  const merged = new Map<string, Merged>();
  for (const { rule, of, group } of found) {
    const id = idOf(group.shared[0].kind, group.shared[0].value);
    let m = merged.get(id);
    if (!m) merged.set(id, (m = { id, lead: group, rules: [], members: new Map() }));
    if (group.members.length > m.lead.members.length) m.lead = group;
    m.rules.push({ rule, machines: group.members.length, of });
    for (const member of group.members) m.members.set(member.key, member.traits);
  }
  for (const m of merged.values()) m.rules.sort((a, b) => b.machines - a.machines || (a.rule < b.rule ? -1 : 1));
  return [...merged.values()];
}

function describe(g: Merged, ctx: DescribeContext, names: ReadonlyMap<string, string>, signals: ReadonlyArray<{ machine: string; signal: Signal }>): FleetGroup {
  const traits = [...g.members.values()];
  const shared = g.lead.shared;
  const hostOf = groupHost(shared, traits, ctx.share);
  const host = hostOf ? hostState(hostOf.name, ctx) : undefined;
  const hasLog = host?.machine ? (ctx.fleet.hostRequests.get(host.machine.key)?.length ?? 0) > 0 : false;
  const machines = [...g.members.keys()].map((k) => names.get(k) ?? k).sort();
  // A host's count falling is looked for only on the host the group is about.
  const onset = groupOnset(traits, new Set(machines), { fleet: ctx.fleet, hosts: [...ctx.hostViews.values()], signals, ...(ctx.newest !== undefined ? { newest: ctx.newest } : {}) }, hostOf?.shared ? host?.machine : undefined);
  const group: FleetGroup = {
    id: g.id,
    shared,
    rules: g.rules,
    machines,
    healthy: g.lead.healthy,
    onset,
    message: groupSentence({ rules: g.rules, shared, traits, implied: impliedCodes(g.rules[0].rule), ...(host && hostOf ? { host: { state: host.state, shared: hostOf.shared, hasLog } } : {}) }, ctx),
  };
  if (host) group.host = host.state;
  const onsetMessage = onsetSentence(onset);
  if (onsetMessage) group.onsetMessage = onsetMessage;
  return group;
}
