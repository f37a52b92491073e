// A group in words: what its machines share, the evidence (the state of the host they ask, a host or code most
// of them have in common), and when it began. Message ids and data only; the reporters render them.
import type { Fleet, Machine } from '../../evidence/index.js';
import { code, count, duration, list, msg, semicolonList, time, window, type MessageArg, type MessageRef } from '../../messages/index.js';
import type { KmsHostView } from '../types.js';
import type { HealthyCounts } from './find-groups.js';
import { msOf, type MachineTraits } from './traits.js';
import type { GroupHostState, GroupOnset, GroupRule, OnsetChange, SharedAttribute } from './types.js';

const HOUR = 3_600_000;
/** A host silent this long before the snapshot ends stopped answering (the KMS management pack's 8-hour alert). */
const SILENT = 8 * HOUR;
/** Rules named on a host before "and N more". */
const HOST_RULES = 3;

export interface DescribeContext {
  fleet: Fleet;
  hostViews: ReadonlyMap<string, KmsHostView>;
  healthy: HealthyCounts;
  /** Rules at error or warning per machine key. */
  findingsOn: ReadonlyMap<string, readonly string[]>;
  /** Newest record of the snapshot (ms). */
  newest?: number;
  /** Share of a group's machines that makes a host or a code "theirs" in the evidence. */
  share: number;
}

/** The host the group is about: the one it shares, else the one most of its machines ask. */
export function groupHost(shared: readonly SharedAttribute[], traits: readonly MachineTraits[], share: number): { name: string; shared: boolean } | undefined {
  const named = shared.find((a) => a.kind === 'host');
  if (named) return { name: named.value, shared: true };
  const common = mostCommon(traits.map((t) => (t.host ? [t.host] : [])), traits.length * share);
  return common ? { name: common, shared: false } : undefined;
}

export function hostState(name: string, ctx: DescribeContext): { state: GroupHostState; machine?: Machine } {
  const machine = ctx.fleet.find(name);
  if (!machine) return { state: { name, inSnapshot: false, findings: [] } };
  const view = ctx.hostViews.get(machine.name);
  const last = msOf(view?.lastActivity);
  const logged = view?.lastActivity !== undefined && last !== undefined;
  const state: GroupHostState = {
    name: machine.name,
    inSnapshot: true,
    ...(logged ? { lastRequest: view!.lastActivity! } : {}),
    ...(logged && ctx.newest !== undefined ? { hoursBeforeNewest: Math.round(((ctx.newest - last!) / HOUR) * 10) / 10 } : {}),
    ...(view?.currentCount !== undefined ? { currentCount: view.currentCount } : {}),
    ...(view?.requiredCount !== undefined ? { requiredCount: view.requiredCount } : {}),
    findings: [...(ctx.findingsOn.get(machine.key) ?? [])],
  };
  return { state, machine };
}

/** What is wrong with the host, as evidence: nothing when the snapshot shows it fine. */
function hostTrouble(state: GroupHostState, hasLog: boolean): MessageRef[] {
  if (!state.inSnapshot) return [msg('groups.host.not-in-snapshot')];
  const out: MessageRef[] = [];
  if (!hasLog) out.push(msg('groups.host.no-log'));
  if (state.lastRequest && state.hoursBeforeNewest !== undefined && state.hoursBeforeNewest * HOUR >= SILENT) {
    out.push(msg('groups.host.last-request', { last: time(state.lastRequest), gap: duration(state.hoursBeforeNewest * HOUR) }));
  }
  const low = state.currentCount !== undefined && state.requiredCount !== undefined && state.currentCount < state.requiredCount;
  if (low) out.push(msg('groups.host.count', { count: state.currentCount!, need: state.requiredCount! }));
  // The count said in numbers needs no rule title beside it.
  const rules = low ? state.findings.filter((r) => r !== 'kms-host/count-below-threshold') : state.findings;
  if (rules.length > 0) {
    const titles: MessageArg[] = rules.slice(0, HOST_RULES).map((rule) => msg('groups.rule', { rule: { id: `${rule}.title` } }));
    if (rules.length > HOST_RULES) titles.push(msg('groups.more', { n: count(rules.length - HOST_RULES) }));
    out.push(msg('groups.host.findings', { rules: semicolonList(titles) }));
  }
  return out;
}

export interface Sentence {
  rules: readonly GroupRule[];
  shared: readonly SharedAttribute[];
  traits: readonly MachineTraits[];
  host?: { state: GroupHostState; shared: boolean; hasLog: boolean };
  /** Codes the main rule is about: saying them adds nothing. */
  implied: ReadonlySet<string>;
}

export function groupSentence(s: Sentence, ctx: DescribeContext): MessageRef {
  const [main, ...others] = s.rules;
  const evidence: MessageRef[] = [];
  if (s.host) {
    if (!s.host.shared) evidence.push(msg('groups.context.host', { host: s.host.state.name, k: ctx.healthy.sharing('host', s.host.state.name) }));
    for (const trouble of hostTrouble(s.host.state, s.host.hasLog)) evidence.push(trouble);
  }
  if (!s.shared.some((a) => a.kind === 'code')) {
    const common = mostCommon(s.traits.map((t) => t.codes), s.traits.length * ctx.share);
    if (common && !s.implied.has(common)) evidence.push(msg('groups.context.code', { code: code(common) }));
  }
  return msg('groups.sentence', {
    n: count(main.machines),
    total: count(main.of),
    rule: { id: `${main.rule}.title` },
    follows: main.follows ? list(main.follows.map((r) => msg('groups.also', { rule: { id: `${r.rule}.title` }, n: count(r.machines) }))) : undefined,
    shared: { and: s.shared.map((a) => sharedClause(a, s.traits)) },
    evidence: evidence.length > 0 ? semicolonList(evidence) : undefined,
    also: others.length > 0 ? list(others.map((r) => msg('groups.also', { rule: { id: `${r.rule}.title` }, n: count(r.machines) }))) : undefined,
  });
}

function sharedClause(a: SharedAttribute, traits: readonly MachineTraits[]): MessageRef {
  switch (a.kind) {
    case 'host':
      return msg('groups.shared.host', { host: a.value });
    case 'cmid':
      return msg('groups.shared.cmid', { cmid: a.value });
    case 'dns-suffix':
      return msg('groups.shared.dns-suffix', { suffix: a.value });
    case 'subnet':
      return msg('groups.shared.subnet', { subnet: a.value });
    case 'product':
      return msg('groups.shared.product', { product: a.value.slice(a.value.indexOf(': ') + 2) || a.value });
    case 'build':
      return msg('groups.shared.build', { build: a.value });
    case 'code':
      return msg('groups.shared.code', { code: code(a.value) });
    case 'onset': {
      // The window the machines were hashed into; said as the first and last onset of the group's machines.
      let first = Infinity;
      let last = -Infinity;
      for (const t of traits) {
        if (t.onset === undefined) continue;
        first = Math.min(first, t.onset);
        last = Math.max(last, t.onset);
      }
      return msg('groups.shared.onset', { window: window(first, last) });
    }
  }
}

export function onsetSentence(onset: GroupOnset): MessageRef | undefined {
  if (!onset.firstFailure) return undefined;
  const changes = onset.changes.length > 0 ? { and: onset.changes.map(changeClause) } : undefined;
  return onset.lastSuccess
    ? msg('groups.onset.between', { last: time(onset.lastSuccess), first: time(onset.firstFailure), changes })
    : msg('groups.onset.first', { first: time(onset.firstFailure), changes });
}

function changeClause(c: OnsetChange): MessageRef {
  switch (c.kind) {
    case 'host-last-request':
      return msg('groups.change.host-last-request', { host: c.machine, time: time(c.time) });
    case 'dns-publish-failed':
      return msg('groups.change.dns-publish-failed', { host: c.machine, time: time(c.time), code: c.code ? code(c.code) : undefined });
    case 'online-activation-failed':
      return msg('groups.change.online-activation-failed', { n: count(c.count ?? 1), time: time(c.time), code: c.code ? code(c.code) : undefined });
    case 'count-below-threshold':
      return msg('groups.change.count-below-threshold', { host: c.machine, count: c.count ?? 0, need: c.required ?? 0, time: time(c.time) });
  }
}

/** The value at least `atLeast` of the machines have (each machine's values counted once), the most common first. */
function mostCommon(values: ReadonlyArray<readonly string[]>, atLeast: number): string | undefined {
  const counts = new Map<string, number>();
  for (const vs of values) for (const v of new Set(vs)) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | undefined;
  let n = 0;
  for (const [v, c] of counts) if (c > n || (c === n && best !== undefined && v < best)) [best, n] = [v, c];
  return best !== undefined && n >= atLeast && n > 0 ? best : undefined;
}
