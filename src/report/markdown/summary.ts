// The report's head: who wrote it and when, "now", and the summary table with the verdict.
import { joinMd, md, type Markdown } from '../escape.js';
import type { Worst } from '../select.js';
import type { Speaker } from '../speaker.js';
import type { ShownFinding, ShownReport } from '../wording.js';
import { verdictMessage, verdictOf } from '../verdict.js';
import { WORST_ORDER, worstOfMachine } from './common.js';

const count = (n: number): { count: number } => ({ count: n });

export function renderGenerated(report: ShownReport, s: Speaker): Markdown {
  return md`${s.t('report.generated', { at: report.generatedAt, version: report.tool.version, now: nowText(report, s) })}`;
}

/** The report's "now": one time when every machine was judged at it (--now), else each machine's own evidence end. */
function nowText(report: ShownReport, s: Speaker): string {
  if (!report.now) return s.t('report.unknownNow');
  const perMachine = report.machines.some((m) => m.judgedAt !== undefined && m.judgedAt !== report.now);
  return perMachine ? s.t('report.perMachineNow', { newest: report.now }) : report.now;
}

export function renderSummary(report: ShownReport, s: Speaker, byMachine: Map<string, ShownFinding[]>): Markdown {
  const sum = report.summary;
  const withRejections = report.inputs.filter((i) => i.rejected.length > 0).length;
  const roles = new Map<string, number>();
  for (const m of report.machines) for (const r of m.roles) roles.set(r, (roles.get(r) ?? 0) + 1);
  const roleText = [...roles].map(([r, n]) => `${r} ${n}`).join(', ');
  const worst: Record<Worst, number> = { error: 0, warning: 0, info: 0, none: 0 };
  for (const m of report.machines) worst[worstOfMachine(m, byMachine)]++;
  const worstText = WORST_ORDER.filter((w) => worst[w] > 0).map((w) => `${s.t(`report.worst.${w}`)} ${worst[w]}`).join(' · ');
  const v = verdictOf(report);
  const verdict = s.say(verdictMessage(v));
  return joinMd([
    md`## ${s.t('report.summary')}`,
    md``,
    md`${verdict}`,
    md``,
    md`| | |`,
    md`|---|---|`,
    md`| ${s.t('report.inputs')} | ${s.t('report.inputsValue', { n: count(sum.inputs), r: count(withRejections), unread: v.unread > 0 ? count(v.unread) : undefined })} |`,
    md`| ${s.t('report.records')} | ${s.t('report.recordsValue', { read: count(sum.records), decoded: count(sum.decoded), ignored: count(sum.ignored), rejected: count(sum.rejected) })} |`,
    md`| ${s.t('report.machines')} | ${sum.machines}${roleText ? ` (${roleText})` : ''} |`,
    md`| ${s.t('report.machinesByWorst')} | ${worstText || '0'} |`,
    md`| ${s.t('report.findings')} | ${s.t('report.findingsValue', { e: count(sum.findings.error), w: count(sum.findings.warning), i: count(sum.findings.info) })} |`,
  ]);
}
