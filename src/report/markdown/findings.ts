// Findings: the table of rules that fired, and one finding in full (detail, evidence, what to do, articles).
import type { Severity } from '../../types.js';
import { codeSpan, joinMd, md, mdParts, trusted, type Markdown } from '../escape.js';
import { evidenceTotal } from '../model.js';
import { MESSAGES, type Speaker } from '../speaker.js';
import { evidenceSummary, findingDetailParts, findingRemedyParts, findingTitle, type ShownEvidence, type ShownFinding } from '../wording.js';
import { header, SEVERITY_ORDER, type Ctx } from './common.js';

/** Machine names listed per rule in the findings-by-rule table; the rest are counted. */
const NAMES_PER_RULE = 5;

interface RuleGroup {
  severity: Severity;
  rule: string;
  findings: ShownFinding[];
  /** Machine names in first-seen order (a Set: a rule can fire on 10,000 machines). */
  machines: Set<string>;
  /** Machines where this finding is the likely cause. */
  causeOn: number;
  /** The causes it follows from, with on how many machines. */
  causedBy: Map<string, number>;
}

/**
 * One row per rule (and severity) that fired, with how many machines and the first few names, and where it is
 * the likely cause or follows from another finding. `causes`: each machine's likely cause, by machine name.
 */
export function renderFindingsByRule(findings: readonly ShownFinding[], { s, machineLink }: Ctx, causes: ReadonlyMap<string, string> = new Map()): Markdown {
  if (findings.length === 0) return md`## ${s.t('report.findingsByRule')}\n\n${s.t('report.noFindings')}`;
  const groups = new Map<string, RuleGroup>();
  for (const f of findings) {
    const key = `${f.severity}\u0000${f.rule}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { severity: f.severity, rule: f.rule, findings: [], machines: new Set(), causeOn: 0, causedBy: new Map() }));
    group.findings.push(f);
    group.machines.add(f.machine ?? s.t('report.fleetMachine'));
    if (f.cause !== undefined) group.causedBy.set(f.cause, (group.causedBy.get(f.cause) ?? 0) + 1);
    else if (f.machine !== undefined && causes.get(f.machine) === f.rule) group.causeOn++;
  }
  const rows = [...groups.values()]
    .sort(
      (a, b) =>
        SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) || b.machines.size - a.machines.size || a.rule.localeCompare(b.rule),
    )
    .map((g) => {
      const names = joinMd([...g.machines].slice(0, NAMES_PER_RULE).map((name) => machineLink(name)), ', ');
      const more = g.machines.size > NAMES_PER_RULE ? md` ${s.t('report.moreMachines', { n: { count: g.machines.size - NAMES_PER_RULE } })}` : md``;
      return md`| ${s.t(`report.severity.${g.severity}`)} | ${codeSpan(g.rule)} | ${groupTitle(g, s)} | ${g.machines.size} | ${names}${more} | ${causeCell(g, s)} |`;
    });
  return joinMd([md`## ${s.t('report.findingsByRule')}`, md``, header(s, 'report.findingsByRuleHead', 6), md`|---|---|---|---:|---|---|`, ...rows]);
}

/** "likely cause on 3 · follows from `kms-client/host-mismatch` on 2". */
function causeCell(g: RuleGroup, s: Speaker): Markdown {
  const parts: Markdown[] = [];
  if (g.causeOn > 0) parts.push(md`${s.t('report.causeOn', { n: { count: g.causeOn } })}`);
  for (const [cause, n] of g.causedBy) parts.push(md`${s.t('report.followsFromOn', { rule: cause, n: { count: n } })}`);
  return joinMd(parts, ' · ');
}

/** The finding's own title when every finding of the group has it; else the rule's. */
function groupTitle(group: RuleGroup, s: Speaker): string {
  const first = findingTitle(group.findings[0], s);
  if (group.findings.every((f) => findingTitle(f, s) === first)) return first;
  const ruleTitle = { id: `${group.rule}.title` };
  return MESSAGES.has(ruleTitle.id) ? s.say(ruleTitle) : first;
}

export function evidenceText(e: ShownEvidence, s: Speaker): Markdown {
  const place = e.record !== undefined ? md` ${s.t('report.record')} ${e.record}` : e.line !== undefined ? md` ${s.t('report.line')} ${e.line}` : md``;
  const event = e.eventId !== undefined ? md` (${s.t('report.event')} ${e.eventId})` : md``;
  return md`${codeSpan(e.file)}${place}${event}: ${evidenceSummary(e, s)}`;
}

/** How a finding stands on its machine: its likely cause, or one that follows from another (a deeper heading). */
export type FindingPlace = 'cause' | 'consequence' | 'other';

export function renderFinding(f: ShownFinding, { s, kbLink, evidence }: Ctx, place: FindingPlace = 'other'): Markdown {
  const level = place === 'consequence' ? '####' : '###';
  const label = place === 'cause' ? md` — ${s.t('report.likelyCause')}` : md``;
  const parts: Markdown[] = [md`${trusted(level)} ${s.t(`report.severity.${f.severity}`)} ${codeSpan(f.rule)} ${findingTitle(f, s)}${label}`, mdParts(findingDetailParts(f, s))];
  if (f.evidence.length > 0) {
    const shown = f.evidence.slice(0, evidence).map((e) => md`- ${evidenceText(e, s)}`);
    const more = evidenceTotal(f) - shown.length;
    if (more > 0) shown.push(md`- ${s.t('report.moreEvidence', { n: { count: more } })}`);
    parts.push(joinMd([md`${s.t('report.evidence')}:`, ...shown]));
  }
  const remedy = findingRemedyParts(f, s);
  if (remedy.length > 0) parts.push(joinMd([md`${s.t('report.whatToDo')}:`, ...remedy.map((r, i) => md`${i + 1}. ${mdParts(r)}`)]));
  if (f.kb.length > 0) parts.push(md`${s.t('report.see')}: ${joinMd(f.kb.map(kbLink), ', ')}`);
  return joinMd(parts, '\n\n');
}
