// The Markdown report: renders on GitHub, GitLab and wikis, and reads well in a terminal.
import type { ExpiryRange, FleetViews, KmsHostView } from '../fleet/index.js';
import type { Finding, Severity, WalkStep, EvidenceRef } from '../types.js';
import { codeSpan, joinMd, md, trusted, type Markdown } from './escape.js';
import type { MachineReport, Report, ReportInput } from './model.js';

const SEVERITY_MARK: Record<Severity, string> = { error: '✘ error', warning: '⚠ warning', info: 'ℹ info' };
const STEP_MARK: Record<WalkStep['status'], string> = { pass: '✔', fail: '✘', unknown: '?' };
const SEVERITY_ORDER: Severity[] = ['error', 'warning', 'info'];
/** A finding can carry hundreds of records (a client retrying every 2 hours); a reader needs a few. */
const EVIDENCE_SHOWN = 4;

export interface MarkdownOptions {
  /** Renders KB article ids as links; the default points at the appendix anchors or plain ids. */
  kbLink?: (id: string) => Markdown;
  /** Sections appended after the report (e.g. the KB articles it cites). */
  appendix?: Markdown[];
}

export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const kbLink = options.kbLink ?? ((id: string) => codeSpan(id));
  const parts: Markdown[] = [
    md`# volact report`,
    md`Generated ${report.generatedAt} by volact ${report.tool.version}. “Now” is ${report.now || 'unknown (no dated records)'}.`,
    renderSummary(report),
    renderFindingsTable(report.findings),
    ...report.machines.map((m) => renderMachine(m, report.findings.filter((f) => f.machine === m.name), kbLink)),
    ...renderFleet(report.fleet, report.findings, kbLink),
    renderInputs(report.inputs),
    ...(options.appendix ?? []),
  ];
  return joinMd(parts, '\n\n').source + '\n';
}

function renderSummary(report: Report): Markdown {
  const s = report.summary;
  const withRejections = report.inputs.filter((i) => i.rejected.length > 0).length;
  const roles = new Map<string, number>();
  for (const m of report.machines) for (const r of m.roles) roles.set(r, (roles.get(r) ?? 0) + 1);
  const roleText = [...roles].map(([r, n]) => `${r} ${n}`).join(', ');
  return joinMd([
    md`## Summary`,
    md``,
    md`| | |`,
    md`|---|---|`,
    md`| Inputs | ${s.inputs} (${withRejections} with rejections) |`,
    md`| Records | read ${s.records} · decoded ${s.decoded} · ignored ${s.ignored} · rejected ${s.rejected} |`,
    md`| Machines | ${s.machines}${roleText ? ` (${roleText})` : ''} |`,
    md`| Findings | ${s.findings.error} errors · ${s.findings.warning} warnings · ${s.findings.info} info |`,
  ]);
}

function renderFindingsTable(findings: Finding[]): Markdown {
  if (findings.length === 0) return md`## Findings\n\nNo findings.`;
  const rows = sortFindings(findings).map(
    (f) => md`| ${trusted(SEVERITY_MARK[f.severity])} | ${f.machine ?? 'fleet'} | ${codeSpan(f.rule)} | ${f.title} |`,
  );
  return joinMd([md`## Findings`, md``, md`| Severity | Machine | Rule | Finding |`, md`|---|---|---|---|`, ...rows]);
}

function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) ||
      (a.machine ?? '').localeCompare(b.machine ?? '') ||
      a.rule.localeCompare(b.rule),
  );
}

function renderMachine(machine: MachineReport, findings: Finding[], kbLink: (id: string) => Markdown): Markdown {
  const parts: Markdown[] = [md`## ${machine.name}`];
  const facts: Markdown[] = [md`- Roles: ${machine.roles.join(', ')}`];
  if (machine.aliases.length > 1) facts.push(md`- Also seen as: ${machine.aliases.filter((a) => a !== machine.name).join(', ')}`);
  if (machine.cmids.length > 0) facts.push(md`- CMID: ${machine.cmids.join(', ')}`);
  for (const l of machine.licenses) {
    const left = l.minutesLeft !== undefined ? md` · ${l.minutesLeft} minutes left${l.expires ? ` (until ${l.expires})` : ''}` : md``;
    facts.push(md`- License: ${l.edition ?? l.product} · ${l.channel || l.keyType} · ${trusted('**')}${l.status}${trusted('**')}${left}`);
  }
  facts.push(md`- Files: ${machine.files.join(', ')}`);
  parts.push(joinMd(facts));
  if (machine.walk.length > 0) parts.push(renderWalk(machine.walk));
  for (const f of sortFindings(findings)) parts.push(renderFinding(f, kbLink));
  return joinMd(parts, '\n\n');
}

function renderWalk(walk: WalkStep[]): Markdown {
  const rows = walk.map((s) => {
    const detail: Markdown[] = [];
    if (s.note) detail.push(md`${s.note}`);
    for (const e of s.evidence.slice(0, EVIDENCE_SHOWN)) detail.push(evidenceText(e));
    if (s.evidence.length > EVIDENCE_SHOWN) detail.push(md`… and ${s.evidence.length - EVIDENCE_SHOWN} more`);
    if (s.status === 'unknown' && s.collect) detail.push(md`Collect: ${s.collect}`);
    return md`| ${trusted(STEP_MARK[s.status])} | ${s.step} | ${joinMd(detail, '<br>')} |`;
  });
  return joinMd([md`### Walk`, md``, md`| | Step | Evidence |`, md`|---|---|---|`, ...rows]);
}

function evidenceText(e: EvidenceRef): Markdown {
  const place = e.record !== undefined ? md` record ${e.record}` : e.line !== undefined ? md` line ${e.line}` : md``;
  const event = e.eventId !== undefined ? md` (event ${e.eventId})` : md``;
  return md`${codeSpan(e.file)}${place}${event}: ${e.summary}`;
}

function renderFinding(f: Finding, kbLink: (id: string) => Markdown): Markdown {
  const parts: Markdown[] = [md`### ${trusted(SEVERITY_MARK[f.severity])} ${codeSpan(f.rule)} ${f.title}`, md`${f.detail}`];
  if (f.evidence.length > 0) {
    const shown = f.evidence.slice(0, EVIDENCE_SHOWN).map((e) => md`- ${evidenceText(e)}`);
    if (f.evidence.length > EVIDENCE_SHOWN) shown.push(md`- … and ${f.evidence.length - EVIDENCE_SHOWN} more of the same kind (all of them are in the JSON report)`);
    parts.push(joinMd([md`Evidence:`, ...shown]));
  }
  if (f.remedy.length > 0) parts.push(joinMd([md`What to do:`, ...f.remedy.map((r, i) => md`${i + 1}. ${r}`)]));
  if (f.kb.length > 0) parts.push(md`See: ${joinMd(f.kb.map(kbLink), ', ')}`);
  return joinMd(parts, '\n\n');
}

/** The fleet views (the guide's SCCM license reports) and the findings that belong to no single machine. */
function renderFleet(views: FleetViews | undefined, findings: Finding[], kbLink: (id: string) => Markdown): Markdown[] {
  const fleetFindings = sortFindings(findings.filter((f) => !f.machine));
  const sections = views ? renderFleetViews(views) : [];
  if (sections.length === 0 && fleetFindings.length === 0) return [];
  const parts: Markdown[] = [md`## Fleet`, ...sections];
  if (fleetFindings.length > 0) parts.push(md`### Fleet-wide findings`, ...fleetFindings.map((f) => renderFinding(f, kbLink)));
  return parts;
}

/** Rows shown per table; the JSON report always has all of them. */
const FLEET_ROWS = 100;
const RANGE_LABEL: Record<ExpiryRange, string> = {
  expired: 'expired',
  '0-7d': 'within 7 days',
  '8-30d': '8–30 days',
  '31-60d': '31–60 days',
  '61-90d': '61–90 days',
  '>90d': 'more than 90 days',
};
const SOON: ReadonlySet<ExpiryRange> = new Set(['expired', '0-7d', '8-30d']);

/** One Markdown table per view, or nothing for a view with no rows. */
export function renderFleetViews(views: FleetViews): Markdown[] {
  const out: Markdown[] = [];
  const statuses = Object.entries(views.statusCounts);
  if (statuses.length > 0) {
    out.push(table(md`### Licenses by status (03A)`, md`| Status | Licenses |`, md`|---|---:|`, statuses.map(([status, n]) => md`| ${status} | ${n} |`)));
  }
  const ranges = (Object.entries(views.expiringByRange) as [ExpiryRange, number][]).filter(([, n]) => n > 0);
  if (ranges.length > 0) {
    out.push(table(md`### Activations and grace periods ending, by time range (02A)`, md`| Ends | Licenses |`, md`|---|---:|`, ranges.map(([r, n]) => md`| ${RANGE_LABEL[r]} | ${n} |`)));
  }
  const soon = views.expiring.filter((e) => SOON.has(e.range));
  if (soon.length > 0) {
    out.push(
      table(
        md`### Machines whose activation or grace period ends within 30 days (02B)`,
        md`| Machine | Product | Status | Ends | Time left |`,
        md`|---|---|---|---|---:|`,
        soon.slice(0, FLEET_ROWS).map((e) => md`| ${e.machine} | ${e.product} | ${e.status} | ${e.expires} | ${timeLeft(e.minutesLeft)} |`),
        soon.length,
      ),
    );
  }
  if (views.products.length > 0) {
    out.push(
      table(
        md`### Products (04A)`,
        md`| Edition | Family | Channel | Machines | Licensed |`,
        md`|---|---|---|---:|---:|`,
        views.products.slice(0, FLEET_ROWS).map((p) => md`| ${p.edition} | ${p.family} | ${p.channel} | ${p.machines} | ${p.licensed} |`),
        views.products.length,
      ),
    );
  }
  if (views.kmsHosts.length > 0) {
    out.push(
      table(
        md`### KMS hosts (05A)`,
        md`| Host | Current count | Needed | Clients seen | Last activity | DNS publishing |`,
        md`|---|---:|---:|---:|---|---|`,
        views.kmsHosts.map((h) => md`| ${h.name} | ${countText(h)} | ${h.requiredCount ?? '?'} | ${h.clientsSeen} | ${h.lastActivity ?? 'none logged'} | ${h.dnsPublishing} |`),
      ),
    );
  }
  if (views.duplicateCmids.length > 0) {
    out.push(
      table(
        md`### CMIDs shared by several machines`,
        md`| CMID | Machines |`,
        md`|---|---|`,
        views.duplicateCmids.slice(0, FLEET_ROWS).map((d) => md`| ${codeSpan(d.cmid)} | ${d.names.join(', ')} |`),
        views.duplicateCmids.length,
      ),
    );
  }
  if (views.unseenClients.length > 0) {
    out.push(
      table(
        md`### KMS clients their host never logged`,
        md`| Client | KMS host |`,
        md`|---|---|`,
        views.unseenClients.slice(0, FLEET_ROWS).map((u) => md`| ${u.machine} | ${u.host} |`),
        views.unseenClients.length,
      ),
    );
  }
  return out;
}

function table(title: Markdown, head: Markdown, rule: Markdown, rows: Markdown[], total = rows.length): Markdown {
  const parts = [title, md``, head, rule, ...rows];
  if (total > rows.length) parts.push(md``, md`${total - rows.length} more rows in the JSON report.`);
  return joinMd(parts);
}

function countText(host: KmsHostView): Markdown {
  if (host.currentCount === undefined) return md`?`;
  return host.currentCountSource === '12290' ? md`${host.currentCount} (from 12290)` : md`${host.currentCount}`;
}

function timeLeft(minutes: number): string {
  const abs = Math.abs(minutes);
  const text = abs >= 2 * 24 * 60 ? `${Math.floor(abs / (24 * 60))} d` : abs >= 60 ? `${Math.floor(abs / 60)} h` : `${abs} min`;
  return minutes < 0 ? `${text} ago` : text;
}

function renderInputs(inputs: ReportInput[]): Markdown {
  const rows = inputs.map(
    (i) => md`| ${codeSpan(i.file)} | ${i.format} | ${i.records} | ${i.decoded} | ${i.ignored} | ${i.rejected.length} |`,
  );
  const parts: Markdown[] = [
    joinMd([md`## Inputs`, md``, md`| File | Format | Records | Decoded | Ignored | Rejected |`, md`|---|---|---:|---:|---:|---:|`, ...rows]),
  ];
  const rejected = inputs.filter((i) => i.rejected.length > 0);
  if (rejected.length > 0) {
    const lines: Markdown[] = [md`### Rejected records`, md``];
    for (const input of rejected) {
      for (const r of input.rejected.slice(0, 50)) lines.push(md`- ${codeSpan(input.file)} ${r.where}: ${r.reason}`);
      if (input.rejected.length > 50) lines.push(md`- ${codeSpan(input.file)}: ${input.rejected.length - 50} more (see the JSON report)`);
    }
    parts.push(joinMd(lines));
  }
  const warned = inputs.filter((i) => i.warnings?.length);
  if (warned.length > 0) {
    const lines: Markdown[] = [md`### Damage that cost no record`, md``];
    for (const input of warned) for (const w of input.warnings!.slice(0, 20)) lines.push(md`- ${codeSpan(input.file)} ${w.where}: ${w.reason}`);
    parts.push(joinMd(lines));
  }
  const unknown = inputs.filter((i) => i.unknownLines?.length);
  if (unknown.length > 0) {
    const lines: Markdown[] = [md`### Lines volact did not understand`, md``];
    for (const input of unknown) for (const u of input.unknownLines!.slice(0, 20)) lines.push(md`- ${codeSpan(input.file)} line ${u.line}: ${codeSpan(u.text)}`);
    parts.push(joinMd(lines));
  }
  return joinMd(parts, '\n\n');
}
