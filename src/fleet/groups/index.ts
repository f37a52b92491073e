// "Likely shared causes", computed after every machine is diagnosed: the failing machines of each rule grouped
// by what they share. One pass over the fleet reads each machine's traits (failing machines keep theirs,
// healthy ones are only counted); then each rule's failing machines are hashed by attribute value.
import { CODE_OWNERS, RULES } from '../../diagnose/index.js';
import type { Fleet, Machine } from '../../evidence/index.js';
import type { Finding } from '../../types.js';
import type { FleetViews, KmsHostView } from '../types.js';
import { groupHost, groupSentence, hostState, onsetSentence, type DescribeContext } from './describe.js';
import { explainOnce, type Explaining } from './explain-once.js';
import { attributeValues, findGroups, HealthyCounts, idOf, type FoundGroup, type Member } from './find-groups.js';
import { groupOnset } from './onset.js';
import { msOf, namesHostsLogged, traitsOf, type MachineTraits, type Signal } from './traits.js';
import { ATTRIBUTE_KINDS, DEFAULT_GROUP_OPTIONS, type FleetGroup, type GroupOptions, type GroupRule } from './types.js';

export type * from './types.js';
export { DEFAULT_GROUP_OPTIONS, ATTRIBUTE_KINDS } from './types.js';

/** Rules whose findings say nothing about activation (a rule that threw). */
const NOT_GROUPED = new Set(['volact/internal-error']);

/**
 * What a failing finding is grouped under: its rule, or when it follows from another finding on its machine
 * (diagnose/causes.ts), that finding's rule: "no response" on a client pinned to a host that is gone is
 * grouped with the pinning, not again as a group of its own.
 */
export function groupKeyOf(finding: Finding): string | undefined {
  if (finding.machine === undefined || finding.severity === 'info' || NOT_GROUPED.has(finding.rule)) return undefined;
  const key = finding.cause ?? finding.rule;
  return NOT_GROUPED.has(key) ? undefined : key;
}

/**
 * `causes` (Analysis.causes: each machine's likely cause, by machine key) decides which group keeps a machine
 * two groups explain; without it the more specific attribute does.
 */
export function computeGroups(
  fleet: Fleet,
  findings: readonly Finding[],
  views: Pick<FleetViews, 'kmsHosts'>,
  given: Partial<GroupOptions> = {},
  causes: ReadonlyMap<string, Pick<Finding, 'rule'>> = new Map(),
): FleetGroup[] {
  const options: GroupOptions = { ...DEFAULT_GROUP_OPTIONS, ...given };
  const byName = new Map(fleet.machines.map((m) => [m.name, m]));
  const failing = new Map<string, Set<Machine>>();
  const findingsOn = new Map<string, string[]>();
  /** Per machine key, the findings folded into their cause's group: cause → the rules that follow from it. */
  const folded = new Map<string, Map<string, string[]>>();
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
    if (key !== f.rule) foldInto(folded, machine.key, key, f.rule);
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
  const likely = new Map<string, string>();
  for (const [key, f] of causes) likely.set(key, f.rule);
  return explainOnce(mergeByAttribute(found), likely, options.min)
    .map((g) => describe(settle(g, traits, folded), ctx, names, signals))
    .sort((a, b) => b.machines.length - a.machines.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function foldInto(folded: Map<string, Map<string, string[]>>, machine: string, cause: string, rule: string): void {
  let byCause = folded.get(machine);
  if (!byCause) folded.set(machine, (byCause = new Map()));
  const rules = byCause.get(cause);
  if (!rules) byCause.set(cause, [rule]);
  else if (!rules.includes(rule)) rules.push(rule);
}

/**
 * The codes a rule is about (src/diagnose/codes.ts), and those of the rules that can follow from it: its
 * machines all show one, which tells nothing more.
 */
function impliedCodes(rule: string): Set<string> {
  const rules = new Set([rule]);
  for (const { meta } of RULES) if (meta.consequenceOf?.includes(rule)) rules.add(meta.id);
  const out = new Set<string>();
  for (const owner of CODE_OWNERS) if (rules.has(owner.rule)) for (const c of owner.codes) out.add(c);
  return out;
}

interface Merged extends Explaining {
  /** The biggest of the rules' groups: its shared attributes and healthy share speak for the merged group. */
  lead: FoundGroup;
  /** How many failing machines each rule has in all. */
  of: Map<string, number>;
}

/** A merged group once each machine is explained once: its rules counted again, and what follows from them. */
interface Settled {
  id: string;
  lead: FoundGroup;
  rules: GroupRule[];
  members: Map<string, MachineTraits>;
}

/** One group per shared attribute: the rules whose machines it explains are listed together. */
function mergeByAttribute(found: ReadonlyArray<{ rule: string; of: number; group: FoundGroup }>): Merged[] {
  const merged = new Map<string, Merged>();
  for (const { rule, of, group } of found) {
    const [first] = group.shared;
    const id = idOf(first.kind, first.value);
    let m = merged.get(id);
    if (!m) merged.set(id, (m = { id, kind: first.kind, healthyShare: shareOf(group), lead: group, byRule: new Map(), of: new Map() }));
    if (group.members.length > m.lead.members.length) m.lead = group;
    m.of.set(rule, of);
    const keys = m.byRule.get(rule) ?? new Set<string>();
    for (const member of group.members) keys.add(member.key);
    m.byRule.set(rule, keys);
  }
  for (const m of merged.values()) m.healthyShare = shareOf(m.lead);
  return [...merged.values()];
}

function shareOf(g: FoundGroup): number {
  return g.healthy.of > 0 ? g.healthy.sharing / g.healthy.of : 0;
}

/** The rules, the biggest first, each with the findings folded into it on the group's machines. */
function settle(g: Merged, traits: ReadonlyMap<string, MachineTraits>, folded: ReadonlyMap<string, ReadonlyMap<string, readonly string[]>>): Settled {
  const members = new Map<string, MachineTraits>();
  const rules: GroupRule[] = [];
  for (const [rule, keys] of g.byRule) {
    const follows = new Map<string, number>();
    for (const key of keys) {
      members.set(key, traits.get(key)!);
      for (const r of folded.get(key)?.get(rule) ?? []) follows.set(r, (follows.get(r) ?? 0) + 1);
    }
    const entry: GroupRule = { rule, machines: keys.size, of: g.of.get(rule) ?? keys.size };
    if (follows.size > 0) entry.follows = [...follows].map(([r, machines]) => ({ rule: r, machines })).sort((a, b) => b.machines - a.machines || (a.rule < b.rule ? -1 : 1));
    rules.push(entry);
  }
  rules.sort((a, b) => b.machines - a.machines || (a.rule < b.rule ? -1 : 1));
  return { id: g.id, lead: g.lead, rules, members };
}

function describe(g: Settled, ctx: DescribeContext, names: ReadonlyMap<string, string>, signals: ReadonlyArray<{ machine: string; signal: Signal }>): FleetGroup {
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
