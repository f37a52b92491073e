// A machine shown in full (its facts, licenses, walk and findings), and the compact table of the others.
import { time } from '../../messages/index.js';
import type { StepStatus } from '../../types.js';
import { codeSpan, joinMd, md, mdParts, trusted, type Markdown } from '../escape.js';
import { CauseGroups } from '../cause-groups.js';
import { evidenceTotal } from '../model.js';
import type { WrittenLicense } from '../json-machine.js';
import type { Speaker } from '../speaker.js';
import { stepCollectParts, stepNote, stepQuestion, type ShownFinding, type ShownMachine, type ShownStep } from '../wording.js';
import { header, machineAnchor, sortFindings, utcMinute, worstOfMachine, type Ctx } from './common.js';
import { evidenceText, renderFinding } from './findings.js';
import { timelineHead, timelineRow } from '../timeline/machine.js';

const STEP_MARK: Record<StepStatus, string> = { pass: '✔', fail: '✘', unknown: '?' };
/** Past this many machines without a detail section, the compact table gives way to a count. */
export const COMPACT_ROWS = 200;

export function renderMachine(machine: ShownMachine, findings: readonly ShownFinding[], ctx: Ctx): Markdown {
  const { s } = ctx;
  const anchor = ctx.anchors ? trusted(` {#${machineAnchor(machine.name)}}`) : md``;
  const parts: Markdown[] = [md`## ${machine.name}${anchor}`];
  const facts: Markdown[] = [md`- ${s.t('report.roles')}: ${machine.roles.join(', ')}`];
  if (machine.aliases.length > 1) facts.push(md`- ${s.t('report.alsoSeenAs')}: ${machine.aliases.filter((a) => a !== machine.name).join(', ')}`);
  if (machine.cmids.length > 0) facts.push(md`- CMID: ${machine.cmids.join(', ')}`);
  for (const l of machine.licenses) facts.push(licenseLine(l, s));
  facts.push(md`- ${s.t('report.files')}: ${machine.files.join(', ')}`);
  // Where this machine's evidence stops: without --now it is also the time the machine is judged at.
  if (machine.evidenceEnds) facts.push(md`- ${s.t('report.evidenceEnds', { utc: utcMinute(machine.evidenceEnds) })}`);
  parts.push(joinMd(facts));
  if (machine.walk && machine.walk.length > 0) parts.push(renderWalk(machine.walk, ctx));
  for (const part of renderMachineFindings(machine, findings, ctx)) parts.push(part);
  const timeline = renderTimelineSection(machine, s);
  if (timeline) parts.push(timeline);
  return joinMd(parts, '\n\n');
}

/**
 * The machine's likely cause first, with the findings that follow from it under it; then the other findings
 * (worst first), each with its own consequences under it.
 */
function renderMachineFindings(machine: ShownMachine, findings: readonly ShownFinding[], ctx: Ctx): Markdown[] {
  const groups = new CauseGroups(findings);
  const heads = sortFindings(findings.filter((f) => !groups.headOf(f)));
  const likely = heads.findIndex((f) => f.rule === machine.cause);
  if (likely > 0) heads.unshift(heads.splice(likely, 1)[0]);
  const out: Markdown[] = [];
  for (const f of heads) {
    const consequences = groups.consequencesOf(f);
    out.push(renderFinding(f, ctx, f.rule === machine.cause ? 'cause' : 'other'));
    if (consequences.length === 0) continue;
    const list = consequences.map((c) => md`${ctx.s.t(`report.severity.${c.severity}`)} ${codeSpan(c.rule)}`);
    out.push(md`${ctx.s.t('report.followsFrom')}: ${joinMd(list, ', ')}`);
    for (const c of consequences) out.push(renderFinding(c, ctx, 'consequence'));
  }
  return out;
}

/** Entries of a machine's timeline shown in its section; the JSON report keeps more, `volact timeline` all. */
export const TEXT_TIMELINE = 12;

/** The newest entries of its history across files and hosts, in time order. */
function renderTimelineSection(machine: ShownMachine, s: Speaker): Markdown | undefined {
  if (!machine.timeline || machine.timeline.length === 0) return undefined;
  const shown = machine.timeline.slice(-TEXT_TIMELINE);
  const total = machine.timelineTotal ?? machine.timeline.length;
  const parts = [md`### ${s.t('timeline.section')}`, md``, timelineHead(s), ...shown.map((e) => timelineRow(e, s))];
  if (total > shown.length) {
    const command = `volact timeline <paths> --machine ${machine.name}`;
    parts.push(md``, md`${s.t('timeline.earlier', { n: { count: total - shown.length }, command })}`);
  }
  return joinMd(parts);
}

function licenseLine(l: WrittenLicense, s: Speaker): Markdown {
  // English keeps the ISO stamp it always printed; Japanese gets its own date form (both in UTC).
  const until = (iso: string): string => s.t('report.until', { iso: s.lang === 'en' ? iso : time(iso) });
  const minutes = l.minutesLeft;
  const leftText = minutes === undefined ? '' : minutes < 0 ? s.t('report.minutesLeft.ended', { m: { count: -minutes } }) : s.t('report.minutesLeft.left', { m: { count: minutes } });
  const left = minutes !== undefined ? md` · ${leftText}${l.expires ? ` (${until(l.expires)})` : ''}` : l.expires ? md` · ${until(l.expires)}` : md``;
  const key = l.partialKey ? md` · …${l.partialKey}` : md``;
  // A license joined from several descriptions (slmgr /dli and 12288) names each of them.
  const bases = l.sources && l.sources.length > 1 ? l.sources.map((b) => s.t(`report.basis.${b.basis}`)).join(' + ') : s.t(`report.basis.${l.basis}`);
  return md`- ${s.t('report.license')}: ${l.edition || l.product} · ${l.channel}${key} · ${trusted('**')}${l.status}${trusted('**')}${left} (${bases})`;
}

function renderWalk(walk: readonly ShownStep[], { s, evidence }: Ctx): Markdown {
  const rows = walk.map((step) => {
    const detail: Markdown[] = [];
    const note = stepNote(step, s);
    if (note) detail.push(md`${note}`);
    for (const e of step.evidence.slice(0, evidence)) detail.push(evidenceText(e, s));
    const more = evidenceTotal(step) - Math.min(evidence, step.evidence.length);
    if (more > 0) detail.push(md`${s.t('report.andMore', { n: { count: more } })}`);
    const collect = stepCollectParts(step, s);
    if (step.status === 'unknown' && collect) detail.push(md`${s.t('report.collect')}: ${mdParts(collect)}`);
    return md`| ${trusted(STEP_MARK[step.status])} | ${stepQuestion(step, s)} | ${joinMd(detail, '<br>')} |`;
  });
  return joinMd([md`### ${s.t('report.walk')}`, md``, md`| | ${s.t('report.stepHead')} | ${s.t('report.evidenceHead')} |`, md`|---|---|---|`, ...rows]);
}

/** Machines without a detail section: one compact row each, or past COMPACT_ROWS a count and a pointer. */
export function renderOtherMachines(machines: readonly ShownMachine[], byMachine: Map<string, ShownFinding[]>, s: Speaker): Markdown | undefined {
  if (machines.length === 0) return undefined;
  const healthy = machines.every((m) => ['info', 'none'].includes(worstOfMachine(m, byMachine)));
  const title = md`## ${s.t(healthy ? 'report.healthyMachines' : 'report.otherMachines')} (${machines.length})`;
  const parts: Markdown[] = [title, md``, md`${s.t('report.detailHint')}`, md``];
  if (machines.length > COMPACT_ROWS) {
    parts.push(md`${s.t('report.compactOmitted', { n: { count: machines.length } })}`);
    return joinMd(parts);
  }
  parts.push(header(s, 'report.compactHead', 6), md`|---|---|---|---|---|---|`);
  for (const m of machines) {
    const [first, ...others] = m.licenses;
    const extra = others.length > 0 ? ` (+${others.length})` : '';
    const product = first ? `${first.edition || first.product}${extra}` : '';
    const expires = m.licenses.find((l) => l.expires)?.expires?.slice(0, 10) ?? '';
    parts.push(md`| ${m.name} | ${m.roles.join(', ')} | ${product} | ${first?.status ?? ''} | ${expires} | ${s.t(`report.worst.${worstOfMachine(m, byMachine)}`)} |`);
  }
  return joinMd(parts);
}
