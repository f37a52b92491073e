// The shape of a rule: what it is (meta) and how it looks at one machine (check).
import type { FactKind } from '../decode/index.js';
import type { Fleet } from '../evidence/index.js';
import { BASE_CATALOG, english, msg, type MessageRef } from '../messages/index.js';
import type { EvidenceRef, Severity } from '../types.js';
import type { MachineView } from './machine-view.js';
import type { DiagnoseOptions } from './options.js';

export interface RuleMeta {
  /** Stable id, `area/name`, as in RULES.md. */
  id: string;
  severity: Severity;
  /** Short title shown when the rule fires: the English text of the catalog's `<rule id>.title`. */
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
  /** Replaces the rule's title (`<rule id>.title` in the catalog) for this hit. */
  title?: MessageRef;
  detail: MessageRef;
  evidence: EvidenceRef[];
  remedy: MessageRef[];
  /** Replaces the default severity for this hit (e.g. expiry within 7 days is an error). */
  severity?: Severity;
  /** Extra KB ids for this hit (the codes it names). */
  kb?: string[];
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): RuleHit[];
}

/** A rule's meta without its title: the title comes from the catalog (`<id>.title`). */
export type RuleMetaInput = Omit<RuleMeta, 'title'> & { title?: string };

export function defineRule(input: RuleMetaInput, check: Rule['check']): Rule {
  const meta: RuleMeta = { ...input, title: input.title ?? english(titleOf(input.id)) };
  if (!meta.kb.includes(meta.id)) meta.kb = [meta.id, ...meta.kb];
  return { meta, check };
}

/** The catalog message for a rule's title. */
export function titleOf(ruleId: string): MessageRef {
  return { id: `${ruleId}.title` };
}

/** The title message of a rule: from the catalog, or (a rule defined outside volact) its meta title as it is. */
export function ruleTitle(meta: RuleMeta): MessageRef {
  const ref = titleOf(meta.id);
  return BASE_CATALOG.has(ref.id) ? ref : msg('common.value', { value: meta.title });
}
