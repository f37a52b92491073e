// Each failing machine is explained once. The rounds of one rule never share a machine, and groups of one
// attribute are merged across rules; what is left is a machine two groups of different attributes explain
// (under two causes the diagnosis found on it independently). It stays in the most specific of them: the group
// of its likely cause (the one the troubleshooting guide reaches first), else the more specific kind of
// attribute, the value fewer healthy machines share, the smaller group. Groups left under the minimum go.
import { ATTRIBUTE_KINDS, type AttributeKind } from './types.js';

export interface Explaining {
  id: string;
  kind: AttributeKind;
  /** Healthy share of the attribute (sharing / of). */
  healthyShare: number;
  /** Machine keys, by the rule (or likely cause) they were grouped under. */
  byRule: Map<string, Set<string>>;
}

/**
 * Keeps each machine in one group; returns the groups still at least `min` machines strong, each stripped. A
 * group that falls under the minimum gives its machines back to the next best group that holds them.
 */
export function explainOnce<G extends Explaining>(groups: readonly G[], likelyCause: ReadonlyMap<string, string>, min: number): G[] {
  const members = new Map<Explaining, Set<string>>(groups.map((g) => [g, membersOf(g)]));
  const sizes = new Map<Explaining, number>(groups.map((g) => [g, members.get(g)!.size]));
  let alive = [...groups];
  let best = new Map<string, G>();
  // Each round drops one group, so this ends; groups are few (tens), and it rarely takes more than one round.
  for (;;) {
    best = new Map<string, G>();
    for (const g of alive) {
      for (const key of members.get(g)!) {
        const held = best.get(key);
        if (!held || moreSpecific(g, held, key, likelyCause.get(key), sizes)) best.set(key, g);
      }
    }
    const kept = new Map<Explaining, number>();
    for (const g of best.values()) kept.set(g, (kept.get(g) ?? 0) + 1);
    // Only the weakest goes: the others under the minimum may get its machines back in the next round.
    let weakest: G | undefined;
    for (const g of alive) if ((kept.get(g) ?? 0) < min && (!weakest || weaker(g, weakest, kept, sizes))) weakest = g;
    if (!weakest) break;
    alive = alive.filter((g) => g !== weakest);
  }
  for (const g of alive) {
    for (const [rule, keys] of g.byRule) {
      for (const key of keys) if (best.get(key) !== g) keys.delete(key);
      if (keys.size === 0) g.byRule.delete(rule);
    }
  }
  return alive;
}

/** Fewer machines kept, then fewer machines in all (less to get back). */
function weaker(a: Explaining, b: Explaining, kept: ReadonlyMap<Explaining, number>, sizes: ReadonlyMap<Explaining, number>): boolean {
  const k = (kept.get(a) ?? 0) - (kept.get(b) ?? 0);
  return k !== 0 ? k < 0 : sizes.get(a)! < sizes.get(b)!;
}

function moreSpecific(a: Explaining, b: Explaining, key: string, cause: string | undefined, sizes: ReadonlyMap<Explaining, number>): boolean {
  if (cause !== undefined) {
    const aCause = a.byRule.get(cause)?.has(key) ?? false;
    const bCause = b.byRule.get(cause)?.has(key) ?? false;
    if (aCause !== bCause) return aCause;
  }
  const kinds = ATTRIBUTE_KINDS.indexOf(a.kind) - ATTRIBUTE_KINDS.indexOf(b.kind);
  if (kinds !== 0) return kinds < 0;
  if (a.healthyShare !== b.healthyShare) return a.healthyShare < b.healthyShare;
  const size = sizes.get(a)! - sizes.get(b)!;
  if (size !== 0) return size < 0;
  return a.id < b.id;
}

function membersOf(g: Explaining): Set<string> {
  const keys = new Set<string>();
  for (const set of g.byRule.values()) for (const k of set) keys.add(k);
  return keys;
}
