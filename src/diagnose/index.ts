// Public face of the diagnose layer: the rule chain and the per-machine walk.
import type { Fleet } from '../evidence/index.js';
import type { Finding, WalkStep } from '../types.js';
import { runRules } from './engine.js';
import { resolveOptions, type DiagnoseOptions } from './options.js';
import type { InputRead } from './rule.js';
import { RULES } from './registry.js';
import { toMs } from '../evidence/time.js';
import { walkMachine } from './walk/index.js';

export { RULES, ruleById } from './registry.js';
export { RULE_MESSAGES, ruleMessages } from './catalog.js';
export { DEFAULT_OPTIONS, resolveOptions, type DiagnoseOptions } from './options.js';
export { INTERNAL_ERROR_ID } from './engine.js';
export { CODE_OWNERS, type CodeOwner } from './codes.js';
export type { Rule, RuleMeta, RuleHit, RuleContext, RuleMessages, InputRead } from './rule.js';
export { causeRanks } from './causes.js';
export { unread } from './input-reads.js';

export interface Diagnosis {
  findings: Finding[];
  /** Walk steps per machine key. */
  walks: Map<string, WalkStep[]>;
  /**
   * Each machine's likely cause, by machine key: the finding the guide reaches first among those that follow
   * from no other (its `consequences` name the findings that follow from it; theirs, `cause`, name it).
   */
  causes: Map<string, Finding>;
}

/**
 * Runs every rule on every machine and walks the guide's tables for each. "Now" is options.now (or the
 * fleet's pinned clock) for every machine; else each machine's own evidence end (newest record of its files).
 */
export function diagnose(fleet: Fleet, options: Partial<DiagnoseOptions> = {}, inputs: readonly InputRead[] = []): Diagnosis {
  const opts = resolveOptions(options);
  // Without any timed record the clock does not matter to any rule; 0 keeps the run reproducible.
  const now = toMs(opts.now) ?? toMs(fleet.now) ?? 0;
  // Without --now, each machine is judged as of the newest record in its own files (its evidence end).
  const pinned = opts.now !== undefined || fleet.nowPinned;
  const { findings, views, causes } = runRules(fleet, RULES, opts, now, pinned, inputs);
  const byMachine = new Map<string | undefined, Finding[]>();
  for (const f of findings) {
    const list = byMachine.get(f.machine);
    if (list) list.push(f);
    else byMachine.set(f.machine, [f]);
  }
  const walks = new Map<string, WalkStep[]>();
  for (const view of views.values()) {
    walks.set(view.key, walkMachine({ view, fleet, options: opts, now: view.now, views }, byMachine.get(view.name) ?? []));
  }
  return { findings, walks, causes };
}
