// The gate's judgement of one analysis: the report, what the baseline says is new, and which findings fail the run.
// Then the report in the reporter the run asked for, in its language, with what the check decided.
import type { Analysis } from '../analyze.js';
import type { Lang } from '../messages/index.js';
import { diffBaseline, verdict, type BaselineDiff } from '../report/baseline.js';
import { renderBaselineSection, renderGithubAnnotations, renderJobSummary } from '../report/github.js';
import { buildReport, jsonReportChunks, renderMarkdown, ReportWriter, speaker, streamedReport, type Report, type ReportOptions, type StreamedReport, type WrittenFinding } from '../report/index.js';
import { renderJunit } from '../report/junit.js';
import { capFinding, type EvidenceLimit } from '../report/model.js';
import type { Finding, Severity } from '../types.js';
import type { Gate } from './settings.js';

export const REPORTERS = ['md', 'json', 'junit', 'github'] as const;
export type Reporter = (typeof REPORTERS)[number];

export interface Judged {
  report: Report;
  /** Findings that fail the run. */
  failing: Set<Finding>;
  /** Findings at or above the level the baseline already had (only with failOnNew). */
  known: Set<Finding>;
  /** Findings at or above the level (new ones, with failOnNew) behind the failing causes. */
  reached: number;
  diff?: BaselineDiff;
}

export function judge(analysis: Analysis, gate: Gate, reportOptions: ReportOptions): Judged {
  const report = buildReport(analysis, reportOptions);
  const diff = gate.baseline ? diffBaseline(report.findings, gate.baseline, gate.baselineFile!) : undefined;
  const { failing, known, reached } = verdict(report.findings, gate.failOn, diff, gate.failOnNew);
  return { report, failing, known, reached, ...(diff ? { diff } : {}) };
}

export interface GateOutput {
  lang: Lang;
  /** Evidence per finding and step when --evidence was given (each reporter has its default). */
  evidence?: EvidenceLimit;
}

/** The report in `reporter`'s format, as chunks to write. */
export function gateChunks(reporter: Reporter, judged: Judged, gate: Gate, out: GateOutput): Iterable<string> {
  const { report, failing, known, diff } = judged;
  const evidence = out.evidence !== undefined ? { evidence: out.evidence } : {};
  switch (reporter) {
    case 'md':
      return [renderMarkdown(report, { lang: out.lang, ...(diff ? { appendix: [renderBaselineSection(diff, out.lang)] } : {}), ...evidence })];
    case 'json':
      return jsonReportChunks(withCheck(judged, gate, out.lang));
    case 'junit':
      return [renderJunit(report, { failing, known, ruleIds: gate.knownRules.filter((id) => gate.config.rules[id] !== 'off'), lang: out.lang })];
    case 'github':
      return [renderGithubAnnotations(report, { failing, lang: out.lang })];
  }
}

/** The Markdown job summary for $GITHUB_STEP_SUMMARY. */
export function gateJobSummary(judged: Judged, gate: Gate, out: GateOutput): string {
  const { failing, diff } = judged;
  return renderJobSummary(judged.report, {
    failing,
    failOn: gate.failOn,
    failOnNew: gate.failOnNew,
    lang: out.lang,
    ...(diff ? { baseline: diff } : {}),
    ...(out.evidence !== undefined ? { evidence: out.evidence } : {}),
  });
}

interface CheckReport extends StreamedReport {
  check: { failOn: Severity; failOnNew: boolean; failing: number; passed: boolean };
  baseline?: { file: string; previousGeneratedAt: string | undefined; new: WrittenFinding[]; resolved: WrittenFinding[]; persisting: number };
}

/** The JSON report plus what the check decided; a later run reads it back as its baseline. */
function withCheck({ report, failing, diff }: Judged, gate: Gate, lang: Lang): CheckReport {
  const writer = new ReportWriter(speaker(lang));
  // Nothing read, or no machine judged, is no pass: the exit code is 2 and `passed` says false.
  const judged = report.verdict.status === 'attention' || report.verdict.status === 'clean';
  const check = { failOn: gate.failOn, failOnNew: gate.failOnNew, failing: failing.size, passed: failing.size === 0 && judged };
  const baseline = diff
    ? {
        file: diff.file,
        previousGeneratedAt: diff.previousGeneratedAt,
        new: diff.new.map((f) => writer.finding(f)),
        // A schema-1 baseline's findings carry all their evidence; cap them like tonight's.
        resolved: diff.resolved.map((f) => capFinding(f, report.layout.evidence)),
        persisting: diff.persisting.length,
      }
    : undefined;
  return { ...streamedReport(report, writer), check, ...(baseline ? { baseline } : {}) };
}
