// The Markdown report: renders on GitHub, GitLab and wikis, and reads well in a terminal.
import { rejectedCount } from '../read-input-file.js';
import { ruleById } from '../diagnose/index.js';
import { hasMessage, render } from '../messages/index.js';
import type { ExpiryRange, FleetViews, KmsHostView } from '../fleet/index.js';
import type { Finding, Severity, WalkStep, EvidenceRef } from '../types.js';
import { codeSpan, joinMd, md, trusted, type Markdown } from './escape.js';
import { REPORT_TEXT, type Lang, type ReportText } from './i18n.js';
import { evidenceTotal, worstOf, type EvidenceLimit, type MachineReport, type Report, type ReportInput } from './model.js';
import type { Worst } from './select.js';

const STEP_MARK: Record<WalkStep['status'], string> = { pass: '✔', fail: '✘', unknown: '?' };
const SEVERITY_ORDER: Severity[] = ['error', 'warning', 'info'];
const WORST_ORDER: Worst[] = ['error', 'warning', 'info', 'none'];
/** A finding can carry hundreds of records (a client retrying every 2 hours); a reader needs a few. */
export const TEXT_EVIDENCE = 3;
/** Machine names listed per rule in the findings-by-rule table; the rest are counted. */
const NAMES_PER_RULE = 5;
/** Past this many machines without a detail section, the compact table gives way to a count. */
export const COMPACT_ROWS = 200;
/** Up to this many inputs, every file gets a row; past it only files with rejections or warnings do. */
const INPUT_ROWS = 50;
/** Rows for files with rejections or warnings, and rejection lines, in a fleet-sized report. */
const PROBLEM_INPUT_ROWS = 200;

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
  /** Evidence shown per finding and walk step (default TEXT_EVIDENCE); the rest is counted. */
  evidence?: EvidenceLimit;
}

interface Ctx {
  t: ReportText;
  kbLink: (id: string) => Markdown;
  title: (f: Finding) => string;
  /** A rule's own title in the report's language. */
  ruleTitle: (rule: string) => string | undefined;
  question: (s: WalkStep) => string;
  evidence: number;
}

/** The report as Markdown blocks, in reading order; renderMarkdown joins them, the job summary cuts them. */
export interface MarkdownBlocks {
  head: Markdown[];
  /** One block per machine shown in full. */
  machines: Markdown[];
  tail: Markdown[];
}

export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const { head, machines, tail } = renderMarkdownBlocks(report, options);
  return joinMd([...head, ...machines, ...tail], '\n\n').source + '\n';
}

/**
 * The same text as renderMarkdown, block by block: a fleet's report can be tens of MB, and a writer that
 * takes the blocks one by one never holds it joined (nor its bytes) whole.
 */
export function* markdownReportChunks(report: Report, options: MarkdownOptions = {}): Generator<string> {
  const { head, machines, tail } = markdownParts(report, options);
  let first = true;
  for (const blocks of [head, machines(), tail]) {
    for (const block of blocks) {
      yield first ? block.source : '\n\n' + block.source;
      first = false;
    }
  }
  yield '\n';
}

export function renderMarkdownBlocks(report: Report, options: MarkdownOptions = {}): MarkdownBlocks {
  const { head, machines, tail } = markdownParts(report, options);
  return { head, machines: [...machines()], tail };
}

/** The blocks, with the machines' (the bulk of a fleet's report) rendered only as they are asked for. */
function markdownParts(report: Report, options: MarkdownOptions): Omit<MarkdownBlocks, 'machines'> & { machines: () => Iterable<Markdown> } {
  const t = REPORT_TEXT[options.lang ?? 'en'];
  const limit = options.evidence ?? TEXT_EVIDENCE;
  const ctx: Ctx = {
    t,
    kbLink: options.kbLink ?? ((id: string) => codeSpan(id)),
    title: (f) => options.findingTitle?.(f) ?? f.title,
    question: (s) => options.stepQuestion?.(s) ?? s.step,
    ruleTitle: (rule) => (hasMessage(`${rule}.title`) ? render({ id: `${rule}.title` }, options.lang ?? 'en') : ruleById(rule)?.meta.title),
    evidence: limit === 'all' ? Infinity : limit,
  };
  const byMachine = findingsByMachine(report.findings);
  const detailed = report.machines.filter(isDetailed);
  const rest = report.machines.filter((m) => !isDetailed(m));
  const sorted = [...detailed].sort((a, b) => WORST_ORDER.indexOf(worstOfMachine(a, byMachine)) - WORST_ORDER.indexOf(worstOfMachine(b, byMachine)));
  const head: Markdown[] = [
    md`# ${t.title}`,
    md`${t.generated(report.generatedAt, report.tool.version, nowText(report, t))}`,
    renderSummary(report, t, byMachine),
    renderFindingsByRule(report.findings, ctx),
    ...renderFleet(report.fleet, report.findings, ctx),
  ];
  const tail: Markdown[] = [];
  const others = renderOtherMachines(rest, byMachine, t);
  if (others) tail.push(others);
  tail.push(renderInputs(report.inputs, t));
  for (const a of options.appendix ?? []) tail.push(a);
  const machines = function* (): Generator<Markdown> {
    for (const m of sorted) yield renderMachine(m, byMachine.get(m.name) ?? [], ctx);
  };
  return { head, machines, tail };
}

/** Schema-1 reports (an old JSON file) have no `detail`: every machine was shown in full then. */
function isDetailed(m: MachineReport): boolean {
  return m.detail ?? true;
}

function findingsByMachine(findings: readonly Finding[]): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.machine === undefined) continue;
    const list = out.get(f.machine);
    if (list) list.push(f);
    else out.set(f.machine, [f]);
  }
  return out;
}

function worstOfMachine(m: MachineReport, byMachine: Map<string, Finding[]>): Worst {
  if (m.worst) return m.worst;
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of byMachine.get(m.name) ?? []) counts[f.severity]++;
  return worstOf(counts);
}

function renderSummary(report: Report, t: ReportText, byMachine: Map<string, Finding[]>): Markdown {
  const s = report.summary;
  const withRejections = report.inputs.filter((i) => i.rejected.length > 0).length;
  const roles = new Map<string, number>();
  for (const m of report.machines) for (const r of m.roles) roles.set(r, (roles.get(r) ?? 0) + 1);
  const roleText = [...roles].map(([r, n]) => `${r} ${n}`).join(', ');
  const worst: Record<Worst, number> = { error: 0, warning: 0, info: 0, none: 0 };
  for (const m of report.machines) worst[worstOfMachine(m, byMachine)]++;
  const worstText = WORST_ORDER.filter((w) => worst[w] > 0).map((w) => `${t.worst[w]} ${worst[w]}`).join(' · ');
  return joinMd([
    md`## ${t.summary}`,
    md``,
    md`${t.verdict(worst.error, worst.warning, report.machines.length)}`,
    md``,
    md`| | |`,
    md`|---|---|`,
    md`| ${t.inputs} | ${t.inputsValue(s.inputs, withRejections)} |`,
    md`| ${t.records} | ${t.recordsValue(s.records, s.decoded, s.ignored, s.rejected)} |`,
    md`| ${t.machines} | ${s.machines}${roleText ? ` (${roleText})` : ''} |`,
    md`| ${t.machinesByWorst} | ${worstText || '0'} |`,
    md`| ${t.findings} | ${t.findingsValue(s.findings.error, s.findings.warning, s.findings.info)} |`,
  ]);
}

interface RuleGroup {
  severity: Severity;
  rule: string;
  findings: Finding[];
  /** Machine names in first-seen order (a Set: a rule can fire on 10,000 machines). */
  machines: Set<string>;
}

/** One row per rule (and severity) that fired, with how many machines and the first few names. */
function renderFindingsByRule(findings: Finding[], ctx: Ctx): Markdown {
  const { t } = ctx;
  if (findings.length === 0) return md`## ${t.findingsByRule}\n\n${t.noFindings}`;
  const groups = new Map<string, RuleGroup>();
  for (const f of findings) {
    const key = `${f.severity}\u0000${f.rule}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { severity: f.severity, rule: f.rule, findings: [], machines: new Set() }));
    group.findings.push(f);
    group.machines.add(f.machine ?? t.fleetMachine);
  }
  const rows = [...groups.values()]
    .sort(
      (a, b) =>
        SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) || b.machines.size - a.machines.size || a.rule.localeCompare(b.rule),
    )
    .map((g) => {
      const names = [...g.machines].slice(0, NAMES_PER_RULE).join(', ');
      const more = g.machines.size > NAMES_PER_RULE ? md` ${t.moreMachines(g.machines.size - NAMES_PER_RULE)}` : md``;
      return md`| ${t.severity[g.severity]} | ${codeSpan(g.rule)} | ${groupTitle(g, ctx)} | ${g.machines.size} | ${names}${more} |`;
    });
  return joinMd([md`## ${t.findingsByRule}`, md``, header(t.findingsByRuleHead), md`|---|---|---|---:|---|`, ...rows]);
}

/** The finding's own title when every finding of the group has it; else the rule's. */
function groupTitle(group: RuleGroup, { title, ruleTitle }: Ctx): string {
  const first = title(group.findings[0]);
  if (group.findings.every((f) => title(f) === first)) return first;
  return ruleTitle(group.rule) ?? first;
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
    // A license joined from several descriptions (slmgr /dli and 12288) names each of them.
    const bases = l.sources && l.sources.length > 1 ? l.sources.map((s) => t.basis[s.basis]).join(' + ') : t.basis[l.basis];
    facts.push(md`- ${t.license}: ${l.edition || l.product} · ${l.channel}${key} · ${trusted('**')}${l.status}${trusted('**')}${left} (${bases})`);
  }
  facts.push(md`- ${t.files}: ${machine.files.join(', ')}`);
  // Where this machine's evidence stops: without --now it is also the time the machine is judged at.
  if (machine.evidenceEnds) facts.push(md`- ${t.evidenceEnds(utcMinute(machine.evidenceEnds))}`);
  parts.push(joinMd(facts));
  if (machine.walk && machine.walk.length > 0) parts.push(renderWalk(machine.walk, ctx));
  for (const f of sortFindings(findings)) parts.push(renderFinding(f, ctx));
  return joinMd(parts, '\n\n');
}

function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) ||
      (a.machine ?? '').localeCompare(b.machine ?? '') ||
      a.rule.localeCompare(b.rule),
  );
}

function renderWalk(walk: WalkStep[], { t, question, evidence }: Ctx): Markdown {
  const rows = walk.map((s) => {
    const detail: Markdown[] = [];
    if (s.note) detail.push(md`${s.note}`);
    for (const e of s.evidence.slice(0, evidence)) detail.push(evidenceText(e, t));
    const more = evidenceTotal(s) - Math.min(evidence, s.evidence.length);
    if (more > 0) detail.push(md`${t.andMore(more)}`);
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

function renderFinding(f: Finding, { t, kbLink, title, evidence }: Ctx): Markdown {
  const parts: Markdown[] = [md`### ${t.severity[f.severity]} ${codeSpan(f.rule)} ${title(f)}`, md`${f.detail}`];
  if (f.evidence.length > 0) {
    const shown = f.evidence.slice(0, evidence).map((e) => md`- ${evidenceText(e, t)}`);
    const more = evidenceTotal(f) - shown.length;
    if (more > 0) shown.push(md`- ${t.moreEvidence(more)}`);
    parts.push(joinMd([md`${t.evidence}:`, ...shown]));
  }
  if (f.remedy.length > 0) parts.push(joinMd([md`${t.whatToDo}:`, ...f.remedy.map((r, i) => md`${i + 1}. ${r}`)]));
  if (f.kb.length > 0) parts.push(md`${t.see}: ${joinMd(f.kb.map(kbLink), ', ')}`);
  return joinMd(parts, '\n\n');
}

/** Machines without a detail section: one compact row each, or past COMPACT_ROWS a count and a pointer. */
function renderOtherMachines(machines: MachineReport[], byMachine: Map<string, Finding[]>, t: ReportText): Markdown | undefined {
  if (machines.length === 0) return undefined;
  const healthy = machines.every((m) => ['info', 'none'].includes(worstOfMachine(m, byMachine)));
  const title = md`## ${healthy ? t.healthyMachines : t.otherMachines} (${machines.length})`;
  const parts: Markdown[] = [title, md``, md`${t.detailHint}`, md``];
  if (machines.length > COMPACT_ROWS) {
    parts.push(md`${t.compactOmitted(machines.length)}`);
    return joinMd(parts);
  }
  parts.push(header(t.compactHead), md`|---|---|---|---|---|---|`);
  for (const m of machines) {
    const [first, ...others] = m.licenses;
    const extra = others.length > 0 ? ` (+${others.length})` : '';
    const product = first ? `${first.edition || first.product}${extra}` : '';
    const expires = m.licenses.find((l) => l.expires)?.expires?.slice(0, 10) ?? '';
    parts.push(md`| ${m.name} | ${m.roles.join(', ')} | ${product} | ${first?.status ?? ''} | ${expires} | ${t.worst[worstOfMachine(m, byMachine)]} |`);
  }
  return joinMd(parts);
}

/** The fleet views (the guide's SCCM license reports) and the findings that belong to no single machine. */
function renderFleet(views: FleetViews | undefined, findings: Finding[], ctx: Ctx): Markdown[] {
  const fleetFindings = sortFindings(findings.filter((f) => !f.machine));
  const sections = views ? renderFleetViews(views, ctx.t) : [];
  if (sections.length === 0 && fleetFindings.length === 0) return [];
  const parts: Markdown[] = [md`## ${ctx.t.fleet}`, ...sections];
  if (fleetFindings.length > 0) parts.push(md`### ${ctx.t.fleetFindings}`);
  for (const f of fleetFindings) parts.push(renderFinding(f, ctx));
  return parts;
}

/** Rows shown per table; the JSON report always has all of them. */
const FLEET_ROWS = 100;
/** Clients a host saw outside the snapshot, per host: a busy host serves thousands. */
const ABSENT_CLIENT_ROWS = 20;
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
  for (const h of views.kmsHosts) {
    // Names and CMIDs here are what clients sent: input, escaped like every other value.
    const absent = h.clientsNotInSnapshot ?? [];
    if (absent.length === 0) continue;
    out.push(
      table(
        t,
        md`### ${t.absentClientsView(h.name)}`,
        header(t.absentClientsHead),
        md`|---|---|---|---|---:|`,
        absent.slice(0, ABSENT_CLIENT_ROWS).map((c) => md`| ${c.name} | ${codeSpan(c.cmid)} | ${c.lastRequest} | ${c.lastResult} | ${c.requests} |`),
        h.clientsNotInSnapshotTotal ?? absent.length,
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
  const troubled = (i: ReportInput): boolean => i.rejected.length > 0 || Boolean(i.warnings?.length) || Boolean(i.unknownLines?.length);
  // A one-machine run lists every file; a 20,000-file snapshot lists the files with something to say.
  const listed = inputs.length <= INPUT_ROWS ? inputs : inputs.filter(troubled);
  const rows = listed
    .slice(0, PROBLEM_INPUT_ROWS)
    .map((i) => md`| ${codeSpan(i.file)} | ${i.format} | ${i.records} | ${i.decoded} | ${i.ignored} | ${rejectedCount(i)} |`);
  const table: Markdown[] = [md`## ${t.inputs}`];
  if (rows.length > 0) table.push(md``, header(t.inputsHead), md`|---|---|---:|---:|---:|---:|`);
  for (const row of rows) table.push(row);
  if (listed.length > PROBLEM_INPUT_ROWS) table.push(md``, md`${t.moreInputRows(listed.length - PROBLEM_INPUT_ROWS)}`);
  if (listed.length < inputs.length) {
    const rest = inputs.filter((i) => !troubled(i));
    const formats = new Map<string, number>();
    for (const i of rest) formats.set(i.format, (formats.get(i.format) ?? 0) + 1);
    const formatText = [...formats].map(([f, n]) => `${f} ${n}`).join(' · ');
    table.push(md``, md`${t.otherInputs(rest.length, formatText, sum(rest, (i) => i.records), sum(rest, (i) => i.decoded), sum(rest, (i) => i.ignored))}`);
  }
  const parts: Markdown[] = [joinMd(table)];
  const rejected = inputs.filter((i) => i.rejected.length > 0);
  if (rejected.length > 0) {
    const lines: Markdown[] = [md`### ${t.rejectedRecords}`, md``];
    for (const input of rejected.slice(0, PROBLEM_INPUT_ROWS)) {
      for (const r of input.rejected.slice(0, 50)) lines.push(md`- ${codeSpan(input.file)} ${r.where}: ${r.reason}`);
      const more = rejectedCount(input) - 50;
      if (more > 0) lines.push(md`- ${codeSpan(input.file)}: ${t.moreRejected(more)}`);
    }
    if (rejected.length > PROBLEM_INPUT_ROWS) lines.push(md`- ${t.moreInputRows(rejected.length - PROBLEM_INPUT_ROWS)}`);
    parts.push(joinMd(lines));
  }
  const warned = inputs.filter((i) => i.warnings?.length);
  if (warned.length > 0) {
    const lines: Markdown[] = [md`### ${t.warnings}`, md``];
    for (const input of warned.slice(0, PROBLEM_INPUT_ROWS)) for (const w of input.warnings!.slice(0, 20)) lines.push(md`- ${codeSpan(input.file)} ${w.where}: ${w.reason}`);
    if (warned.length > PROBLEM_INPUT_ROWS) lines.push(md`- ${t.moreInputRows(warned.length - PROBLEM_INPUT_ROWS)}`);
    parts.push(joinMd(lines));
  }
  const unknown = inputs.filter((i) => i.unknownLines?.length);
  if (unknown.length > 0) {
    const lines: Markdown[] = [md`### ${t.unknownLines}`, md``];
    for (const input of unknown.slice(0, PROBLEM_INPUT_ROWS)) for (const u of input.unknownLines!.slice(0, 20)) lines.push(md`- ${codeSpan(input.file)} ${t.line} ${u.line}: ${codeSpan(u.text)}`);
    if (unknown.length > PROBLEM_INPUT_ROWS) lines.push(md`- ${t.moreInputRows(unknown.length - PROBLEM_INPUT_ROWS)}`);
    parts.push(joinMd(lines));
  }
  return joinMd(parts, '\n\n');
}

/** "2023-05-31 07:12 UTC" from an ISO time (minute precision, as support engineers filter exports). */
function utcMinute(iso: string): string {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return iso;
  const d = new Date(ms).toISOString();
  return `${d.slice(0, 10)} ${d.slice(11, 16)} UTC`;
}

/** The report's "now": one time when every machine was judged at it (--now), else each machine's own evidence end. */
function nowText(report: Report, t: ReportText): string {
  if (!report.now) return t.unknownNow;
  const perMachine = report.machines.some((m) => m.judgedAt !== undefined && m.judgedAt !== report.now);
  return perMachine ? t.perMachineNow(report.now) : report.now;
}

function sum<T>(items: readonly T[], of: (item: T) => number): number {
  return items.reduce((total, item) => total + of(item), 0);
}
