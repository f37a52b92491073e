// Findings: the table of rules that fired, and one finding in full (detail, evidence, what to do, articles).
import type { Severity } from '../../types.js';
import { codeSpan, joinMd, md, type Markdown } from '../escape.js';
import { evidenceTotal } from '../model.js';
import { MESSAGES, type Speaker } from '../speaker.js';
import { evidenceSummary, findingDetail, findingRemedy, findingTitle, type ShownEvidence, type ShownFinding } from '../wording.js';
import { header, SEVERITY_ORDER, type Ctx } from './common.js';

/** Machine names listed per rule in the findings-by-rule table; the rest are counted. */
const NAMES_PER_RULE = 5;

interface RuleGroup {
  severity: Severity;
  rule: string;
  findings: ShownFinding[];
  /** Machine names in first-seen order (a Set: a rule can fire on 10,000 machines). */
  machines: Set<string>;
}

/** One row per rule (and severity) that fired, with how many machines and the first few names. */
export function renderFindingsByRule(findings: readonly ShownFinding[], { s }: Ctx): Markdown {
  if (findings.length === 0) return md`## ${s.t('report.findingsByRule')}\n\n${s.t('report.noFindings')}`;
  const groups = new Map<string, RuleGroup>();
  for (const f of findings) {
    const key = `${f.severity}\u0000${f.rule}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { severity: f.severity, rule: f.rule, findings: [], machines: new Set() }));
    group.findings.push(f);
    group.machines.add(f.machine ?? s.t('report.fleetMachine'));
  }
  const rows = [...groups.values()]
    .sort(
      (a, b) =>
        SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) || b.machines.size - a.machines.size || a.rule.localeCompare(b.rule),
    )
    .map((g) => {
      const names = [...g.machines].slice(0, NAMES_PER_RULE).join(', ');
      const more = g.machines.size > NAMES_PER_RULE ? md` ${s.t('report.moreMachines', { n: { count: g.machines.size - NAMES_PER_RULE } })}` : md``;
      return md`| ${s.t(`report.severity.${g.severity}`)} | ${codeSpan(g.rule)} | ${groupTitle(g, s)} | ${g.machines.size} | ${names}${more} |`;
    });
  return joinMd([md`## ${s.t('report.findingsByRule')}`, md``, header(s, 'report.findingsByRuleHead', 5), md`|---|---|---|---:|---|`, ...rows]);
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

export function renderFinding(f: ShownFinding, { s, kbLink, evidence }: Ctx): Markdown {
  const parts: Markdown[] = [md`### ${s.t(`report.severity.${f.severity}`)} ${codeSpan(f.rule)} ${findingTitle(f, s)}`, md`${findingDetail(f, s)}`];
  if (f.evidence.length > 0) {
    const shown = f.evidence.slice(0, evidence).map((e) => md`- ${evidenceText(e, s)}`);
    const more = evidenceTotal(f) - shown.length;
    if (more > 0) shown.push(md`- ${s.t('report.moreEvidence', { n: { count: more } })}`);
    parts.push(joinMd([md`${s.t('report.evidence')}:`, ...shown]));
  }
  const remedy = findingRemedy(f, s);
  if (remedy.length > 0) parts.push(joinMd([md`${s.t('report.whatToDo')}:`, ...remedy.map((r, i) => md`${i + 1}. ${r}`)]));
  if (f.kb.length > 0) parts.push(md`${s.t('report.see')}: ${joinMd(f.kb.map(kbLink), ', ')}`);
  return joinMd(parts, '\n\n');
}
