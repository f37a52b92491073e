// One report model for every renderer (Markdown, HTML, JSON, JUnit, GitHub). The JSON report is this model
// serialized, so its field names are a contract (schemaVersion 1, DESIGN.md).
import { rejectedCount, type Analysis, type InputAccount } from '../analyze.js';
import { judgedAt, type Machine, type Role } from '../evidence/index.js';
import { licenseRecords, recordExpiry, type FleetViews, type LicenseRecord, type LicenseSource } from '../fleet/index.js';
import type { Finding, Severity, WalkStep } from '../types.js';
import { VERSION } from '../version.js';

export const SCHEMA_VERSION = 1;

export interface LicenseSummary {
  product: string;
  edition: string;
  channel: string;
  status: string;
  /** Where the state comes from: slmgr text, the client's newest 12288, or 8230. */
  basis: 'slmgr' | '12288' | '8230';
  /** Every description of this product the license was joined from (slmgr and events), the basis first. */
  sources: LicenseSource[];
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
  walk: WalkStep[];
}

export interface ReportSummary {
  inputs: number;
  records: number;
  decoded: number;
  ignored: number;
  rejected: number;
  machines: number;
  findings: Record<Severity, number>;
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

export interface Report {
  schemaVersion: number;
  tool: { name: 'volact'; version: string };
  generatedAt: string;
  now: string;
  summary: ReportSummary;
  inputs: ReportInput[];
  machines: MachineReport[];
  findings: Finding[];
  /** The SCCM-style views of the snapshot (src/fleet/types.ts). */
  fleet: FleetViews;
}

export function buildReport(analysis: Analysis): Report {
  const findings: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of analysis.findings) findings[f.severity]++;
  const inputs = analysis.inputs.map(toReportInput);
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
      machines: analysis.fleet.machines.length,
      findings,
    },
    inputs,
    machines: analysis.fleet.machines.map((m) => toMachineReport(m, analysis)),
    findings: analysis.findings,
    fleet: analysis.views,
  };
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

function toMachineReport(machine: Machine, analysis: Analysis): MachineReport {
  const at = judgedAt(analysis.fleet, machine) || analysis.now;
  return {
    name: machine.name,
    key: machine.key,
    aliases: machine.aliases,
    roles: machine.roles,
    cmids: machine.cmids,
    files: machine.files,
    ...(machine.evidenceEnd ? { evidenceEnds: machine.evidenceEnd } : {}),
    ...(at ? { judgedAt: at } : {}),
    licenses: licenseRecords(machine).map((r) => licenseSummary(r, at)),
    walk: analysis.walks.get(machine.key) ?? [],
  };
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
  if (record.keyType) summary.keyType = record.keyType;
  if (record.partialKey) summary.partialKey = record.partialKey;
  const end = recordExpiry(record, Date.parse(now));
  if (end) {
    summary.minutesLeft = end.minutesLeft;
    summary.expires = end.expires;
  }
  return summary;
}
