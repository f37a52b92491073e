// The cause before its symptoms. A rule's meta says which rules it can follow from (`consequenceOf`); on each
// machine a finding whose possible cause fired too is shown under that cause, and of the findings that follow
// from nothing, the one the troubleshooting tables reach first is the machine's likely cause: a static host that
// does not answer (host-mismatch) explains no response, not activated, the failed request and notification mode.
import type { Finding } from '../types.js';
import type { Rule, RuleMeta } from './rule.js';
import { WALK_STEPS } from './walk/index.js';

/**
 * Where each rule stands in the guide's order: the rules of the steps that ask why (in the order the walk asks
 * them), then the rules no step names (in registry order), then the rules of the steps that ask what the state
 * is (activated? in notification?), which everything else explains.
 */
export function causeRanks(rules: readonly Pick<Rule, 'meta'>[]): Map<string, number> {
  const ranks = new Map<string, number>();
  const place = (id: string): void => {
    if (!ranks.has(id)) ranks.set(id, ranks.size);
  };
  const symptoms = new Set<string>();
  for (const step of WALK_STEPS) for (const id of step.rules ?? []) if (step.symptom) symptoms.add(id);
  for (const step of WALK_STEPS) if (!step.symptom) for (const id of step.rules ?? []) place(id);
  for (const { meta } of rules) if (!symptoms.has(meta.id)) place(meta.id);
  for (const id of symptoms) place(id);
  return ranks;
}

/** The rules' metas by id and their ranks: built once per run, asked once per machine. */
export class CauseLinker {
  private readonly metas: ReadonlyMap<string, RuleMeta>;
  private readonly ranks: ReadonlyMap<string, number>;

  constructor(rules: readonly Pick<Rule, 'meta'>[]) {
    this.metas = new Map(rules.map((r) => [r.meta.id, r.meta]));
    this.ranks = causeRanks(rules);
  }

  rank(ruleId: string): number {
    return this.ranks.get(ruleId) ?? Number.MAX_SAFE_INTEGER;
  }

  /**
   * Links one machine's findings: each finding that follows from another gets `cause` (the rule id of the
   * finding at the head of its chain), that head gets `consequences` (in the guide's order). Returns the
   * likely cause: the head the guide reaches first that is a warning or an error, or explains something.
   * Linear in the findings (each rule names a handful of possible causes).
   */
  link(findings: readonly Finding[]): Finding | undefined {
    const byRule = new Map<string, Finding>();
    for (const f of findings) if (!byRule.has(f.rule)) byRule.set(f.rule, f);
    // The finding each one follows from directly: the earliest in the guide's order among its possible causes.
    const parent = new Map<Finding, Finding>();
    for (const f of findings) {
      let best: Finding | undefined;
      for (const id of this.metas.get(f.rule)?.consequenceOf ?? []) {
        const p = byRule.get(id);
        if (p && p !== f && (!best || this.rank(p.rule) < this.rank(best.rule))) best = p;
      }
      if (best) parent.set(f, best);
    }
    // Chains are short (a rule's possible causes are few and the graph has no loop), so this stays linear.
    const headOf = (f: Finding): Finding => {
      let head = f;
      for (let steps = 0; parent.has(head) && steps < findings.length; steps++) head = parent.get(head)!;
      // A loop (which test/diagnose/causes.test.ts rules out) leaves the finding its own head.
      return parent.has(head) ? f : head;
    };
    for (const f of findings) {
      const head = headOf(f);
      if (head === f) continue;
      f.cause = head.rule;
      (head.consequences ??= []).push(f.rule);
    }
    let likely: Finding | undefined;
    for (const f of findings) {
      if (f.cause !== undefined) continue;
      f.consequences?.sort((a, b) => this.rank(a) - this.rank(b));
      if (f.severity === 'info' && !f.consequences?.length) continue;
      if (!likely || this.rank(f.rule) < this.rank(likely.rule)) likely = f;
    }
    return likely;
  }
}
