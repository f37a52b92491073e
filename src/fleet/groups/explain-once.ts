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

/** Keeps each machine in one group; returns the groups still at least `min` machines strong, each stripped. */
export function explainOnce<G extends Explaining>(groups: readonly G[], likelyCause: ReadonlyMap<string, string>, min: number): G[] {
  const sizes = new Map<Explaining, number>();
  for (const g of groups) sizes.set(g, membersOf(g).size);
  const best = new Map<string, G>();
  for (const g of groups) {
    for (const key of membersOf(g)) {
      const held = best.get(key);
      if (!held || moreSpecific(g, held, key, likelyCause.get(key), sizes)) best.set(key, g);
    }
  }
  const out: G[] = [];
  for (const g of groups) {
    let kept = 0;
    for (const [rule, keys] of g.byRule) {
      for (const key of keys) if (best.get(key) !== g) keys.delete(key);
      if (keys.size === 0) g.byRule.delete(rule);
      kept += keys.size;
    }
    if (kept >= min) out.push(g);
  }
  return out;
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
