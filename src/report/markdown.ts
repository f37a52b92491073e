// The Markdown report: renders on GitHub, GitLab and wikis, and reads well in a terminal.
import { rejectedCount } from '../analyze.js';
import type { ExpiryRange, FleetViews, KmsHostView } from '../fleet/index.js';
import type { Finding, Severity, WalkStep, EvidenceRef } from '../types.js';
import { codeSpan, joinMd, md, trusted, type Markdown } from './escape.js';
import { REPORT_TEXT, type Lang, type ReportText } from './i18n.js';
import type { MachineReport, Report, ReportInput } from './model.js';

const STEP_MARK: Record<WalkStep['status'], string> = { pass: '✔', fail: '✘', unknown: '?' };
const SEVERITY_ORDER: Severity[] = ['error', 'warning', 'info'];
/** A finding can carry hundreds of records (a client retrying every 2 hours); a reader needs a few. */
const EVIDENCE_SHOWN = 4;

export interface MarkdownOptions {
  /** Renders KB article ids as links; the default points at the appendix anchors or plain ids. */
  kbLink?: (id: string) => Markdown;
  /** Sections appended after the report (e.g. the KB articles it cites). */
  appendix?: Markdown[];
  /** Language of our own wording (labels, walk questions, finding titles); input is never translated. */
  lang?: Lang;
  /** A finding's title in `lang`, when there is one (the knowledge base has Japanese titles). */
  findingTitle?: (finding: Finding) => string | undefined;
  /** A walk step's question in `lang`, when there is one. */
  stepQuestion?: (step: WalkStep) => string | undefined;
}

interface Ctx {
  t: ReportText;
  kbLink: (id: string) => Markdown;
  title: (f: Finding) => string;
  question: (s: WalkStep) => string;
}

export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const t = REPORT_TEXT[options.lang ?? 'en'];
  const ctx: Ctx = {
    t,
    kbLink: options.kbLink ?? ((id: string) => codeSpan(id)),
    title: (f) => options.findingTitle?.(f) ?? f.title,
    question: (s) => options.stepQuestion?.(s) ?? s.step,
  };
  const parts: Markdown[] = [
    md`# ${t.title}`,
    md`${t.generated(report.generatedAt, report.tool.version, report.now || t.unknownNow)}`,
    renderSummary(report, t),
    renderFindingsTable(report.findings, ctx),
    ...report.machines.map((m) => renderMachine(m, report.findings.filter((f) => f.machine === m.name), ctx)),
    ...renderFleet(report.fleet, report.findings, ctx),
    renderInputs(report.inputs, t),
    ...(options.appendix ?? []),
  ];
  return joinMd(parts, '\n\n').source + '\n';
}

function renderSummary(report: Report, t: ReportText): Markdown {
  const s = report.summary;
  const withRejections = report.inputs.filter((i) => i.rejected.length > 0).length;
  const roles = new Map<string, number>();
  for (const m of report.machines) for (const r of m.roles) roles.set(r, (roles.get(r) ?? 0) + 1);
  const roleText = [...roles].map(([r, n]) => `${r} ${n}`).join(', ');
  return joinMd([
    md`## ${t.summary}`,
    md``,
    md`| | |`,
    md`|---|---|`,
    md`| ${t.inputs} | ${t.inputsValue(s.inputs, withRejections)} |`,
    md`| ${t.records} | ${t.recordsValue(s.records, s.decoded, s.ignored, s.rejected)} |`,
    md`| ${t.machines} | ${s.machines}${roleText ? ` (${roleText})` : ''} |`,
    md`| ${t.findings} | ${t.findingsValue(s.findings.error, s.findings.warning, s.findings.info)} |`,
  ]);
}

function renderFindingsTable(findings: Finding[], { t, title }: Ctx): Markdown {
  if (findings.length === 0) return md`## ${t.findings}\n\n${t.noFindings}`;
  const rows = sortFindings(findings).map(
    (f) => md`| ${t.severity[f.severity]} | ${f.machine ?? t.fleetMachine} | ${codeSpan(f.rule)} | ${title(f)} |`,
  );
  return joinMd([md`## ${t.findings}`, md``, md`| ${t.severityHead} | ${t.machineHead} | ${t.ruleHead} | ${t.findingHead} |`, md`|---|---|---|---|`, ...rows]);
}

function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) ||
      (a.machine ?? '').localeCompare(b.machine ?? '') ||
      a.rule.localeCompare(b.rule),
  );
}

function renderMachine(machine: MachineReport, findings: Finding[], ctx: Ctx): Markdown {
  const { t } = ctx;
  const parts: Markdown[] = [md`## ${machine.name}`];
  const facts: Markdown[] = [md`- ${t.roles}: ${machine.roles.join(', ')}`];
  if (machine.aliases.length > 1) facts.push(md`- ${t.alsoSeenAs}: ${machine.aliases.filter((a) => a !== machine.name).join(', ')}`);
  if (machine.cmids.length > 0) facts.push(md`- CMID: ${machine.cmids.join(', ')}`);
  for (const l of machine.licenses) {
    const left = l.minutesLeft !== undefined ? md` · ${t.minutesLeft(l.minutesLeft)}${l.expires ? ` (${t.until(l.expires)})` : ''}` : md``;
    const key = l.partialKey ? md` · …${l.partialKey}` : md``;
    facts.push(md`- ${t.license}: ${l.edition || l.product} · ${l.channel}${key} · ${trusted('**')}${l.status}${trusted('**')}${left} (${t.basis[l.basis]})`);
  }
  facts.push(md`- ${t.files}: ${machine.files.join(', ')}`);
  parts.push(joinMd(facts));
  if (machine.walk.length > 0) parts.push(renderWalk(machine.walk, ctx));
  for (const f of sortFindings(findings)) parts.push(renderFinding(f, ctx));
  return joinMd(parts, '\n\n');
}

function renderWalk(walk: WalkStep[], { t, question }: Ctx): Markdown {
  const rows = walk.map((s) => {
    const detail: Markdown[] = [];
    if (s.note) detail.push(md`${s.note}`);
    for (const e of s.evidence.slice(0, EVIDENCE_SHOWN)) detail.push(evidenceText(e, t));
    if (s.evidence.length > EVIDENCE_SHOWN) detail.push(md`${t.andMore(s.evidence.length - EVIDENCE_SHOWN)}`);
    if (s.status === 'unknown' && s.collect) detail.push(md`${t.collect}: ${s.collect}`);
    return md`| ${trusted(STEP_MARK[s.status])} | ${question(s)} | ${joinMd(detail, '<br>')} |`;
  });
  return joinMd([md`### ${t.walk}`, md``, md`| | ${t.stepHead} | ${t.evidenceHead} |`, md`|---|---|---|`, ...rows]);
}

function evidenceText(e: EvidenceRef, t: ReportText): Markdown {
  const place = e.record !== undefined ? md` ${t.record} ${e.record}` : e.line !== undefined ? md` ${t.line} ${e.line}` : md``;
  const event = e.eventId !== undefined ? md` (${t.event} ${e.eventId})` : md``;
  return md`${codeSpan(e.file)}${place}${event}: ${e.summary}`;
}

function renderFinding(f: Finding, { t, kbLink, title }: Ctx): Markdown {
  const parts: Markdown[] = [md`### ${t.severity[f.severity]} ${codeSpan(f.rule)} ${title(f)}`, md`${f.detail}`];
  if (f.evidence.length > 0) {
    const shown = f.evidence.slice(0, EVIDENCE_SHOWN).map((e) => md`- ${evidenceText(e, t)}`);
    if (f.evidence.length > EVIDENCE_SHOWN) shown.push(md`- ${t.moreEvidence(f.evidence.length - EVIDENCE_SHOWN)}`);
    parts.push(joinMd([md`${t.evidence}:`, ...shown]));
  }
  if (f.remedy.length > 0) parts.push(joinMd([md`${t.whatToDo}:`, ...f.remedy.map((r, i) => md`${i + 1}. ${r}`)]));
  if (f.kb.length > 0) parts.push(md`${t.see}: ${joinMd(f.kb.map(kbLink), ', ')}`);
  return joinMd(parts, '\n\n');
}

/** The fleet views (the guide's SCCM license reports) and the findings that belong to no single machine. */
function renderFleet(views: FleetViews | undefined, findings: Finding[], ctx: Ctx): Markdown[] {
  const fleetFindings = sortFindings(findings.filter((f) => !f.machine));
  const sections = views ? renderFleetViews(views, ctx.t) : [];
  if (sections.length === 0 && fleetFindings.length === 0) return [];
  const parts: Markdown[] = [md`## ${ctx.t.fleet}`, ...sections];
  if (fleetFindings.length > 0) parts.push(md`### ${ctx.t.fleetFindings}`, ...fleetFindings.map((f) => renderFinding(f, ctx)));
  return parts;
}

/** Rows shown per table; the JSON report always has all of them. */
const FLEET_ROWS = 100;
const SOON: ReadonlySet<ExpiryRange> = new Set(['expired', '0-7d', '8-30d']);

/** One Markdown table per view, or nothing for a view with no rows. */
export function renderFleetViews(views: FleetViews, t: ReportText = REPORT_TEXT.en): Markdown[] {
  const out: Markdown[] = [];
  const statuses = Object.entries(views.statusCounts);
  if (statuses.length > 0) {
    out.push(table(t, md`### ${t.statusView}`, header(t.statusHead), md`|---|---:|`, statuses.map(([status, n]) => md`| ${status} | ${n} |`)));
  }
  const ranges = (Object.entries(views.expiringByRange) as [ExpiryRange, number][]).filter(([, n]) => n > 0);
  if (ranges.length > 0) {
    out.push(table(t, md`### ${t.rangeView}`, header(t.rangeHead), md`|---|---:|`, ranges.map(([r, n]) => md`| ${t.ranges[r]} | ${n} |`)));
  }
  const soon = views.expiring.filter((e) => SOON.has(e.range));
  if (soon.length > 0) {
    out.push(
      table(
        t,
        md`### ${t.soonView}`,
        header(t.soonHead),
        md`|---|---|---|---|---:|`,
        soon.slice(0, FLEET_ROWS).map((e) => md`| ${e.machine} | ${e.product} | ${e.status} | ${e.expires} | ${t.timeLeft(e.minutesLeft)} |`),
        soon.length,
      ),
    );
  }
  if (views.products.length > 0) {
    out.push(
      table(
        t,
        md`### ${t.productsView}`,
        header(t.productsHead),
        md`|---|---|---|---:|---:|`,
        views.products.slice(0, FLEET_ROWS).map((p) => md`| ${p.edition} | ${p.family} | ${p.channel} | ${p.machines} | ${p.licensed} |`),
        views.products.length,
      ),
    );
  }
  if (views.kmsHosts.length > 0) {
    out.push(
      table(
        t,
        md`### ${t.hostsView}`,
        header(t.hostsHead),
        md`|---|---:|---:|---:|---|---|`,
        views.kmsHosts.map((h) => md`| ${h.name} | ${countText(h, t)} | ${h.requiredCount ?? '?'} | ${h.clientsSeen} | ${h.lastActivity ?? t.noneLogged} | ${t.dnsPublishing[h.dnsPublishing] ?? h.dnsPublishing} |`),
      ),
    );
  }
  if (views.duplicateCmids.length > 0) {
    out.push(
      table(
        t,
        md`### ${t.duplicatesView}`,
        header(t.duplicatesHead),
        md`|---|---|`,
        views.duplicateCmids.slice(0, FLEET_ROWS).map((d) => md`| ${codeSpan(d.cmid)} | ${d.names.join(', ')} |`),
        views.duplicateCmids.length,
      ),
    );
  }
  if (views.unseenClients.length > 0) {
    out.push(
      table(
        t,
        md`### ${t.unseenView}`,
        header(t.unseenHead),
        md`|---|---|`,
        views.unseenClients.slice(0, FLEET_ROWS).map((u) => md`| ${u.machine} | ${u.host} |`),
        views.unseenClients.length,
      ),
    );
  }
  return out;
}

function header(names: readonly string[]): Markdown {
  return md`${joinMd(names.map((n) => md`| ${n} `), '')}|`;
}

function table(t: ReportText, title: Markdown, head: Markdown, rule: Markdown, rows: Markdown[], total = rows.length): Markdown {
  const parts = [title, md``, head, rule, ...rows];
  if (total > rows.length) parts.push(md``, md`${t.moreRows(total - rows.length)}`);
  return joinMd(parts);
}

function countText(host: KmsHostView, t: ReportText): Markdown {
  if (host.currentCount === undefined) return md`?`;
  return host.currentCountSource === '12290' ? md`${host.currentCount} (${t.from12290})` : md`${host.currentCount}`;
}

function renderInputs(inputs: ReportInput[], t: ReportText): Markdown {
  const rows = inputs.map(
    (i) => md`| ${codeSpan(i.file)} | ${i.format} | ${i.records} | ${i.decoded} | ${i.ignored} | ${rejectedCount(i)} |`,
  );
  const parts: Markdown[] = [joinMd([md`## ${t.inputs}`, md``, header(t.inputsHead), md`|---|---|---:|---:|---:|---:|`, ...rows])];
  const rejected = inputs.filter((i) => i.rejected.length > 0);
  if (rejected.length > 0) {
    const lines: Markdown[] = [md`### ${t.rejectedRecords}`, md``];
    for (const input of rejected) {
      for (const r of input.rejected.slice(0, 50)) lines.push(md`- ${codeSpan(input.file)} ${r.where}: ${r.reason}`);
      const more = rejectedCount(input) - 50;
      if (more > 0) lines.push(md`- ${codeSpan(input.file)}: ${t.moreRejected(more)}`);
    }
    parts.push(joinMd(lines));
  }
  const warned = inputs.filter((i) => i.warnings?.length);
  if (warned.length > 0) {
    const lines: Markdown[] = [md`### ${t.warnings}`, md``];
    for (const input of warned) for (const w of input.warnings!.slice(0, 20)) lines.push(md`- ${codeSpan(input.file)} ${w.where}: ${w.reason}`);
    parts.push(joinMd(lines));
  }
  const unknown = inputs.filter((i) => i.unknownLines?.length);
  if (unknown.length > 0) {
    const lines: Markdown[] = [md`### ${t.unknownLines}`, md``];
    for (const input of unknown) for (const u of input.unknownLines!.slice(0, 20)) lines.push(md`- ${codeSpan(input.file)} ${t.line} ${u.line}: ${codeSpan(u.text)}`);
    parts.push(joinMd(lines));
  }
  return joinMd(parts, '\n\n');
}
