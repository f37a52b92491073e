// The shape of a rule: what it is (meta) and how it looks at one machine (check).
import type { FactKind } from '../decode/index.js';
import type { Fleet } from '../evidence/index.js';
import type { EvidenceRef, Severity } from '../types.js';
import type { MachineView } from './machine-view.js';
import type { DiagnoseOptions } from './options.js';

export interface RuleMeta {
  /** Stable id, `area/name`, as in RULES.md. */
  id: string;
  severity: Severity;
  /** Short title shown when the rule fires. */
  title: string;
  description: string;
  /** KB article ids: the rule id itself plus codes, events and procedures it relies on. */
  kb: string[];
  /** Fact kinds the rule reads (on this machine or on others). The rule is skipped when the fleet holds none. */
  facts: FactKind[];
  /** The part of the source guide the rule comes from. */
  seed: string;
  /** Rules that, when they fire on the same machine, make this one redundant (more specific wins). */
  supersededBy?: string[];
  /** The rule measures time up to "now": on a stale machine (input/stale-export) its findings say they extrapolate. */
  usesClock?: true;
}

export interface RuleContext {
  view: MachineView;
  fleet: Fleet;
  options: DiagnoseOptions;
  now: number;
  /** Views of every machine, by key, for rules that look across machines. */
  views: ReadonlyMap<string, MachineView>;
}

/** What a rule reports for one machine; diagnose turns it into a Finding. */
export interface RuleHit {
  title?: string;
  detail: string;
  evidence: EvidenceRef[];
  remedy: string[];
  /** Replaces the default severity for this hit (e.g. expiry within 7 days is an error). */
  severity?: Severity;
  /** Extra KB ids for this hit (the codes it names). */
  kb?: string[];
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): RuleHit[];
}

export function defineRule(meta: RuleMeta, check: Rule['check']): Rule {
  if (!meta.kb.includes(meta.id)) meta.kb = [meta.id, ...meta.kb];
  return { meta, check };
}
