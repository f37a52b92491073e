// One report model for every renderer (Markdown, HTML, JSON, JUnit, GitHub). The JSON report is this model
// serialized, so its field names are a contract (DESIGN.md). Schema 2 (this one) differs from 1 in three
// ways: evidence lists are capped (first 20, `evidenceTotal` gives the full count), every machine carries a
// summary (`worst`, `findings`, `detail`), and `walk` is written only for machines shown in detail.
import type { Analysis } from '../analyze.js';
import { rejectedCount, type InputAccount } from '../accounts/index.js';
import { judgedAt, type Machine, type Role } from '../evidence/index.js';
import { licenseRecords, machineTimelines, recordExpiry, type FleetGroup, type FleetViews, type LicenseRecord, type LicenseSource, type TimelineEntry } from '../fleet/index.js';
import type { Finding, Severity, WalkStep } from '../types.js';
import { VERSION } from '../version.js';
import { matchesAny, namePattern, showsDetail, type MachineDetail, type Worst } from './select.js';
import { judgeReport, type ReportVerdict } from './verdict.js';

export const SCHEMA_VERSION = 2;
/** Schema versions `--baseline` reads. */
export const READABLE_SCHEMA_VERSIONS: readonly number[] = [1, 2];

/** How many pieces of evidence a finding or walk step keeps: a number, or 'all'. */
export type EvidenceLimit = number | 'all';
/** The JSON report keeps this many by default; text reports show fewer (markdown.ts). */
export const JSON_EVIDENCE = 20;
/**
 * Clients a host logged that the snapshot lacks, kept per host unless `--evidence all`: a busy host's log names
 * tens of thousands, which would make them most of a fleet report; the newest come first, the count stays.
 */
export const JSON_ABSENT_CLIENTS = 200;

export interface ReportOptions {
  /** Which machines get a detail section (walk, findings, evidence). Default 'failing'. */
  machines?: MachineDetail;
  /** Machines shown in full whatever `machines` says: names or globs. */
  show?: readonly string[];
  /** Evidence kept per finding and per walk step. Default JSON_EVIDENCE. */
  evidence?: EvidenceLimit;
}

/** A finding as the report holds it: evidence capped, with the count before capping. */
export interface ReportFinding extends Finding {
  evidenceTotal: number;
}

export interface ReportWalkStep extends WalkStep {
  evidenceTotal: number;
}

export interface LicenseSummary {
  product: string;
  edition: string;
  channel: string;
  status: string;
  /** Where the state comes from: slmgr text, the client's newest 12288, or 8230. */
  basis: 'slmgr' | 'ospp' | 'wmi' | '12288' | '8230';
  /** Windows or Office, when the license says (absent in reports of older versions). */
  productLine?: 'Windows' | 'Office';
  /** Office as sold ('2019', 'LTSC 2024' …). */
  version?: string;
  /** Every description of this product the license was joined from (slmgr and events), the basis first. Absent in reports of older versions. */
  sources?: LicenseSource[];
  keyType?: string;
  partialKey?: string;
  /** Minutes from `now` until the volume activation or grace period ends (negative: ended). */
  minutesLeft?: number;
  /** ISO time when that happens. */
  expires?: string;
  source: { file: string; line?: number; record?: number };
}

export interface MachineReport {
  name: string;
  key: string;
  aliases: string[];
  roles: Role[];
  cmids: string[];
  files: string[];
  /** ISO time of the newest record in this machine's own files (ignored records included); absent when none had a time. */
  evidenceEnds?: string;
  /** The time this machine was judged at: --now, else its evidence end. */
  judgedAt?: string;
  licenses: LicenseSummary[];
  /** Worst severity among the machine's findings ('none': no finding). */
  worst: Worst;
  /**
   * The rule id of the machine's likely cause: of its findings that follow from no other, the one the guide's
   * tables reach first (the findings that follow from it name it as their `cause`). Absent without one.
   */
  cause?: string;
  findings: Record<Severity, number>;
  /** True when the report shows this machine in full; only then are `walk` and `timeline` written. */
  detail: boolean;
  walk?: ReportWalkStep[];
  /** Its activation history across files and hosts (src/fleet/timeline): the newest entries, as many as `--evidence` keeps (20 by default). Absent in reports of older versions. */
  timeline?: TimelineEntry[];
  /** How many entries the whole timeline has (`volact timeline --machine` lists them all). */
  timelineTotal?: number;
}

export interface ReportSummary {
  inputs: number;
  records: number;
  decoded: number;
  ignored: number;
  rejected: number;
  machines: number;
  /** Machines by role (a machine with two roles counts in both). */
  roles: Partial<Record<Role, number>>;
  /** Machines by the worst severity of their findings. */
  machinesByWorst: Record<Worst, number>;
  findings: Record<Severity, number>;
}

/** What the report chose to show, so a reader of the JSON knows why some walks are absent. */
export interface ReportLayout {
  machines: MachineDetail;
  show: string[];
  evidence: EvidenceLimit;
}

export interface ReportInput {
  file: string;
  format: string;
  records: number;
  decoded: number;
  ignored: number;
  rejected: { where: string; reason: string }[];
  /** Rejections counted but not listed (beyond the first 1000). */
  rejectedOmitted?: number;
  warnings?: { where: string; reason: string }[];
  unknownLines?: { line: number; text: string }[];
}

/** A likely shared cause as the report holds it: its machines capped like other long lists, with their count. */
export interface ReportGroup extends FleetGroup {
  /** How many machines the group holds, when `machines` keeps only the first (JSON_GROUP_MACHINES unless `--evidence all`). */
  machinesTotal?: number;
}

/** Machines a group keeps in the report (every one with `--evidence all`); the count stays. */
export const JSON_GROUP_MACHINES = 200;

export interface Report {
  schemaVersion: number;
  tool: { name: 'volact'; version: string };
  generatedAt: string;
  now: string;
  summary: ReportSummary;
  /** The verdict: how many machines need attention, and how many inputs could not be read (verdict.ts). */
  verdict: ReportVerdict;
  /** Likely shared causes (src/fleet/groups): failing machines grouped by what they share. Absent in reports of older versions. */
  groups?: ReportGroup[];
  layout: ReportLayout;
  inputs: ReportInput[];
  machines: MachineReport[];
  findings: ReportFinding[];
  /** The SCCM-style views of the snapshot (src/fleet/types.ts). */
  fleet: FleetViews;
}

export function buildReport(analysis: Analysis, options: ReportOptions = {}): Report {
  const layout: ReportLayout = { machines: options.machines ?? 'failing', show: [...(options.show ?? [])], evidence: options.evidence ?? JSON_EVIDENCE };
  const findings: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of analysis.findings) findings[f.severity]++;
  const inputs = analysis.inputs.map(toReportInput);
  const byMachine = countByMachine(analysis.findings);
  const patterns = layout.show.map(namePattern);
  const count = analysis.fleet.machines.length;
  const machines = analysis.fleet.machines.map((m) =>
    toMachineReport(m, analysis, byMachine.get(m.name) ?? emptyCounts(), patterns, count, layout),
  );
  addTimelines(analysis, machines, layout.evidence);
  const roles: Partial<Record<Role, number>> = {};
  const machinesByWorst: Record<Worst, number> = { error: 0, warning: 0, info: 0, none: 0 };
  for (const m of machines) {
    for (const r of m.roles) roles[r] = (roles[r] ?? 0) + 1;
    machinesByWorst[m.worst]++;
  }
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'volact', version: VERSION },
    generatedAt: analysis.generatedAt,
    now: analysis.now,
    summary: {
      inputs: inputs.length,
      records: sum(inputs, (i) => i.records),
      decoded: sum(inputs, (i) => i.decoded),
      ignored: sum(inputs, (i) => i.ignored),
      rejected: sum(inputs, rejectedCount),
      machines: count,
      roles,
      machinesByWorst,
      findings,
    },
    verdict: judgeReport(analysis, machinesByWorst),
    groups: (analysis.groups ?? []).map((g) => capGroup(g, layout.evidence)),
    layout,
    inputs,
    machines,
    findings: analysis.findings.map((f) => capFinding(f, layout.evidence)),
    fleet: capAbsentClients(analysis.views, layout.evidence),
  };
}

function capAbsentClients(views: FleetViews, limit: EvidenceLimit): FleetViews {
  if (limit === 'all') return views;
  const keep = Math.max(limit, JSON_ABSENT_CLIENTS);
  const kmsHosts = views.kmsHosts.map((h) => {
    const absent = h.clientsNotInSnapshot;
    if (!absent || absent.length <= keep) return h;
    return { ...h, clientsNotInSnapshot: absent.slice(0, keep), clientsNotInSnapshotTotal: absent.length };
  });
  return { ...views, kmsHosts };
}

/** The machines shown in full get their timeline: one read of the hosts' logs for all of them. */
function addTimelines(analysis: Analysis, machines: MachineReport[], limit: EvidenceLimit): void {
  const shown = new Set(machines.filter((m) => m.detail).map((m) => m.key));
  if (shown.size === 0) return;
  const timelines = machineTimelines(analysis.fleet, analysis.fleet.machines.filter((m) => shown.has(m.key)), limit);
  for (const m of machines) {
    const t = timelines.get(m.key);
    if (!t || !m.detail) continue;
    m.timeline = t.entries;
    m.timelineTotal = t.total;
  }
}

function capGroup(group: FleetGroup, limit: EvidenceLimit): ReportGroup {
  if (limit === 'all') return group;
  const keep = Math.max(limit, JSON_GROUP_MACHINES);
  if (group.machines.length <= keep) return group;
  return { ...group, machines: group.machines.slice(0, keep), machinesTotal: group.machines.length };
}

function emptyCounts(): Record<Severity, number> {
  return { error: 0, warning: 0, info: 0 };
}

function countByMachine(findings: readonly Finding[]): Map<string, Record<Severity, number>> {
  const out = new Map<string, Record<Severity, number>>();
  for (const f of findings) {
    if (f.machine === undefined) continue;
    let counts = out.get(f.machine);
    if (!counts) out.set(f.machine, (counts = emptyCounts()));
    counts[f.severity]++;
  }
  return out;
}

export function worstOf(counts: Record<Severity, number>): Worst {
  return counts.error > 0 ? 'error' : counts.warning > 0 ? 'warning' : counts.info > 0 ? 'info' : 'none';
}

export function capEvidence<E>(evidence: readonly E[], limit: EvidenceLimit): E[] {
  return limit === 'all' || evidence.length <= limit ? [...evidence] : evidence.slice(0, limit);
}

/** The count a capped list stood for: `evidenceTotal` when the report has it (schema 2), else its length. */
export function evidenceTotal(item: { evidence: readonly unknown[]; evidenceTotal?: number }): number {
  return item.evidenceTotal ?? item.evidence.length;
}

export function capFinding<F extends { evidence: readonly unknown[]; evidenceTotal?: number }>(f: F, limit: EvidenceLimit): F & { evidenceTotal: number } {
  return { ...f, evidence: capEvidence(f.evidence, limit), evidenceTotal: evidenceTotal(f) };
}

function capStep(s: WalkStep, limit: EvidenceLimit): ReportWalkStep {
  return { ...s, evidence: capEvidence(s.evidence, limit), evidenceTotal: evidenceTotal(s) };
}

function sum<T>(items: T[], of: (item: T) => number): number {
  return items.reduce((total, item) => total + of(item), 0);
}

function toReportInput(account: InputAccount): ReportInput {
  const input: ReportInput = {
    file: account.file,
    format: account.format,
    records: account.records,
    decoded: account.decoded,
    ignored: account.ignored,
    rejected: account.rejected.map((r) => ({ where: r.where, reason: r.reason })),
  };
  if (account.rejectedOmitted) input.rejectedOmitted = account.rejectedOmitted;
  if (account.warnings?.length) input.warnings = account.warnings.map((w) => ({ where: w.where, reason: w.reason }));
  if (account.unknownLines?.length) input.unknownLines = account.unknownLines;
  return input;
}

function toMachineReport(
  machine: Machine,
  analysis: Analysis,
  findings: Record<Severity, number>,
  patterns: readonly RegExp[],
  machineCount: number,
  layout: ReportLayout,
): MachineReport {
  const worst = worstOf(findings);
  const detail = showsDetail(worst, patterns.length > 0 && matchesAny(machine, patterns), machineCount, layout.machines);
  const at = judgedAt(analysis.fleet, machine) || analysis.now;
  const report: MachineReport = {
    name: machine.name,
    key: machine.key,
    aliases: machine.aliases,
    roles: machine.roles,
    cmids: machine.cmids,
    files: machine.files,
    ...(machine.evidenceEnd ? { evidenceEnds: machine.evidenceEnd } : {}),
    ...(at ? { judgedAt: at } : {}),
    licenses: licenseRecords(machine).map((r) => licenseSummary(r, at)),
    worst,
    findings,
    detail,
  };
  const cause = analysis.causes.get(machine.key);
  if (cause) report.cause = cause.rule;
  if (detail) report.walk = (analysis.walks.get(machine.key) ?? []).map((s) => capStep(s, layout.evidence));
  return report;
}

/** One line per product on the machine, from the same records as the fleet views (slmgr wins over events). */
export function licenseSummary(record: LicenseRecord, now: string): LicenseSummary {
  const summary: LicenseSummary = {
    product: record.product,
    edition: record.edition,
    channel: record.channel,
    status: record.status,
    basis: record.basis,
    sources: record.sources,
    source: record.source,
  };
  if (record.productLine) summary.productLine = record.productLine;
  if (record.version) summary.version = record.version;
  if (record.keyType) summary.keyType = record.keyType;
  if (record.partialKey) summary.partialKey = record.partialKey;
  const end = recordExpiry(record, Date.parse(now));
  if (end) {
    summary.minutesLeft = end.minutesLeft;
    summary.expires = end.expires;
  } else if (record.expiresAt !== undefined && Number.isFinite(Date.parse(record.expiresAt))) {
    // slmgr /xpr prints the date it ends: absolute, so it is kept without a "now" to count the time left from.
    summary.expires = new Date(record.expiresAt).toISOString();
  }
  return summary;
}
