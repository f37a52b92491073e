// Runs the rule chain over every machine: one finding per (rule, machine) with all its evidence,
// more specific rules suppressing generic ones, a throwing rule turned into an internal-error finding.
import type { FactKind } from '../decode/index.js';
import { machineKey, type Fleet } from '../evidence/index.js';
import { duration, list, messageKey, msg, sentences, time, type MessageRef } from '../messages/index.js';
import type { Finding, Severity } from '../types.js';
import { mergeEvidence, productOfEvidence } from './evidence-refs.js';
import { machineView, type MachineView } from '../evidence/machine-view/index.js';
import type { DiagnoseOptions } from './options.js';
import { CauseLinker } from './causes.js';
import { ruleTitle, type InputHit, type InputRead, type InputRule, type InputRuleContext, type Rule, type RuleContext, type RuleHit } from './rule.js';
import { staleness, type Staleness } from './staleness.js';
import { toMs } from '../evidence/time.js';

export const INTERNAL_ERROR_ID = 'volact/internal-error';

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function worse(a: Severity, b: Severity): Severity {
  return SEVERITY_RANK[a] <= SEVERITY_RANK[b] ? a : b;
}

/** A finding being gathered, with the keys of the messages it holds: merging hits stays linear. */
interface Found {
  finding: Finding;
  machineKey: string;
  detailKeys: Set<string>;
  remedyKeys: Set<string>;
}

export interface EngineResult {
  findings: Finding[];
  views: Map<string, MachineView>;
  /** Each machine's likely cause (machine key → the finding), where it has one: see causes.ts. */
  causes: Map<string, Finding>;
}

/**
 * `now` is the pinned clock when `pinned`, else the fallback for machines without any dated record: each
 * machine is judged as of the newest record in its own files.
 */
export function runRules(
  fleet: Fleet,
  rules: readonly Rule[],
  options: DiagnoseOptions,
  now: number,
  pinned = true,
  inputs: readonly InputRead[] = [],
): EngineResult {
  const views = new Map(fleet.machines.map((m) => [m.key, machineView(fleet, m, pinned ? now : (toMs(m.evidenceEnd) ?? now))]));
  const present = new Set<FactKind>();
  for (const m of fleet.machines) for (const f of m.facts) present.add(f.kind);
  const disabled = new Set(options.disabled);
  // key: rule id + machine key
  const found = new Map<string, Found>();
  let owners: Map<string, string[]> | undefined;

  for (const rule of rules) {
    const { meta } = rule;
    if (disabled.has(meta.id)) continue;
    if (rule.scope === 'input') {
      owners ??= fileOwners(fleet);
      for (const input of inputs) addInputHits(found, rule, { input, fleet, options, owners: owners.get(input.file) ?? [] });
      continue;
    }
    if (!meta.facts.some((k) => present.has(k))) continue;
    for (const view of views.values()) {
      const ctx: RuleContext = { view, fleet, options, now: view.now, views };
      let hits: RuleHit[];
      try {
        hits = rule.check(ctx);
      } catch (err) {
        addInternalError(found, view, meta.id, err);
        continue;
      }
      const stale = meta.usesClock ? staleness(view.machine, fleet, options) : undefined;
      for (const hit of hits) add(found, rule, view, stale ? extrapolated(hit, stale) : hit, options);
    }
  }

  // A more specific rule wins: drop findings whose rule declares it is superseded by one that fired.
  const fired = new Set(found.keys());
  const byId = new Map(rules.map((r) => [r.meta.id, r]));
  for (const [key, { finding, machineKey }] of found) {
    const over = byId.get(finding.rule)?.meta.supersededBy ?? [];
    if (over.some((id) => fired.has(`${id}\u0000${machineKey}`))) found.delete(key);
  }

  // The cause before its symptoms, per machine of the fleet.
  const byMachine = new Map<string, Finding[]>();
  for (const { finding, machineKey: key } of found.values()) {
    if (!views.has(key)) continue;
    const mine = byMachine.get(key);
    if (mine) mine.push(finding);
    else byMachine.set(key, [finding]);
  }
  const linker = new CauseLinker(rules);
  const causes = new Map<string, Finding>();
  for (const [key, mine] of byMachine) {
    const cause = linker.link(mine);
    if (cause) causes.set(key, cause);
  }

  const findings = [...found.values()].map((f) => aboutProducts(f.finding, views.get(f.machineKey)));
  findings.sort(
    (a, b) =>
      (a.machine ?? '').localeCompare(b.machine ?? '') ||
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      a.rule.localeCompare(b.rule),
  );
  return { findings, views, causes };
}

/** Rules about the machine's own licenses: their findings say which products (Windows, each Office product) they are about. */
const ABOUT_OWN_PRODUCTS = /^(?:kms-client|mak|license|oem|genuine|error)\//;

/**
 * Names the products a finding's evidence is about, in the finding (`products`) and as its last detail sentence,
 * on machines that hold Office: there a KMS client finding could be about Windows or any Office product. A
 * Windows-only machine's findings stay as they were.
 */
function aboutProducts(finding: Finding, view: MachineView | undefined): Finding {
  if (!view || !ABOUT_OWN_PRODUCTS.test(finding.rule) || !view.holdsOffice()) return finding;
  const named = new Set<string>();
  for (const e of finding.evidence) {
    const product = productOfEvidence(e);
    if (product) named.add(product);
  }
  if (named.size === 0) return finding;
  finding.products = [...named];
  finding.messages.detail.push(msg('common.about-products', { products: list(finding.products) }));
  return finding;
}

/** A time-based hit on a machine whose evidence ends long before --now says it extrapolates from there. */
function extrapolated(hit: RuleHit, stale: Staleness): RuleHit {
  const note = msg('input/stale-export.extrapolated', { end: time(stale.endMs), gap: duration(stale.gapMs) });
  return { ...hit, detail: msg('common.sentences', { items: sentences([hit.detail, note]) }) };
}

function add(found: Map<string, Found>, rule: Rule, view: MachineView, hit: RuleHit, options: DiagnoseOptions): void {
  const { meta } = rule;
  const key = `${meta.id}\u0000${view.key}`;
  const severity = options.severity[meta.id] ?? hit.severity ?? meta.severity;
  const kb = [...new Set([...meta.kb, ...(hit.kb ?? [])])];
  const existing = found.get(key);
  if (!existing) {
    found.set(key, {
      machineKey: view.key,
      detailKeys: new Set([messageKey(hit.detail)]),
      remedyKeys: new Set(hit.remedy.map(messageKey)),
      finding: {
        rule: meta.id,
        severity,
        machine: view.name,
        evidence: mergeEvidence([], hit.evidence),
        kb,
        messages: { title: hit.title ?? ruleTitle(meta), detail: [hit.detail], remedy: [...hit.remedy] },
      },
    });
    return;
  }
  // Another hit of the rule on this machine: its evidence, detail and remedy join the finding, each once.
  const f = existing.finding;
  mergeEvidence(f.evidence, hit.evidence);
  for (const r of hit.remedy) {
    const k = messageKey(r);
    if (existing.remedyKeys.has(k)) continue;
    existing.remedyKeys.add(k);
    f.messages.remedy.push(r);
  }
  for (const k of kb) if (!f.kb.includes(k)) f.kb.push(k);
  const detailKey = messageKey(hit.detail);
  if (!existing.detailKeys.has(detailKey)) {
    existing.detailKeys.add(detailKey);
    f.messages.detail.push(hit.detail);
  }
  if (!options.severity[meta.id]) f.severity = worse(f.severity, severity);
}

/** Which machines each file gave facts to: one pass over the fleet. */
function fileOwners(fleet: Fleet): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const m of fleet.machines) {
    for (const file of m.files) {
      const list = out.get(file);
      if (list) list.push(m.name);
      else out.set(file, [m.name]);
    }
  }
  return out;
}

/**
 * An input rule's hits on one file: one finding per file (a CI job annotates each file), on the machine the
 * file belongs to when the rule names one (as the fleet spells it), else fleet-wide.
 */
function addInputHits(found: Map<string, Found>, rule: InputRule, ctx: InputRuleContext): void {
  const { meta } = rule;
  const { input, fleet, options } = ctx;
  let hits: InputHit[];
  try {
    hits = rule.check(ctx);
  } catch (err) {
    addInternalError(found, { key: '' }, `${meta.id}\u0000${input.file}`, err);
    return;
  }
  for (const hit of hits) {
    const machine = hit.machine !== undefined ? (fleet.find(hit.machine)?.name ?? hit.machine) : undefined;
    const key = machine !== undefined ? (fleet.find(machine)?.key ?? machineKey(machine)) : '';
    found.set(`${meta.id}\u0000${key}\u0000${input.file}`, {
      machineKey: key,
      detailKeys: new Set([messageKey(hit.detail)]),
      remedyKeys: new Set(hit.remedy.map(messageKey)),
      finding: {
        rule: meta.id,
        severity: options.severity[meta.id] ?? hit.severity ?? meta.severity,
        ...(machine !== undefined ? { machine } : {}),
        evidence: mergeEvidence([], hit.evidence),
        kb: [...new Set([...meta.kb, ...(hit.kb ?? [])])],
        messages: { title: hit.title ?? ruleTitle(meta), detail: [hit.detail], remedy: [...hit.remedy] },
      },
    });
  }
}

/** A rule that threw: the run goes on, and the machine (or, for an input rule, the fleet) gets a finding saying so. */
function addInternalError(found: Map<string, Found>, where: { key: string; name?: string }, ruleKey: string, err: unknown): void {
  const ruleId = ruleKey.split('\u0000')[0];
  const message = err instanceof Error ? err.message : String(err);
  const title = msg('volact/internal-error.title', { rule: ruleId });
  const detail = msg('volact/internal-error.detail', { rule: ruleId, message });
  const remedy: MessageRef[] = [msg('volact/internal-error.remedy')];
  found.set(`${INTERNAL_ERROR_ID}\u0000${where.key}\u0000${ruleKey}`, {
    machineKey: where.key,
    detailKeys: new Set(),
    remedyKeys: new Set(),
    finding: {
      rule: INTERNAL_ERROR_ID,
      severity: 'warning',
      ...(where.name !== undefined ? { machine: where.name } : {}),
      evidence: [],
      kb: ['procedure/internal-error'],
      messages: { title, detail: [detail], remedy },
    },
  });
}
