// GitHub Actions output: one workflow command per finding (`::error title=…::…`), and a Markdown job summary
// for $GITHUB_STEP_SUMMARY. Every value comes from input, so it is escaped by the workflow-command rules:
// in data '%', CR and LF; in properties also ':' and ','. Control characters become visible first.
import type { Lang } from '../messages/index.js';
import type { Severity } from '../types.js';
import type { BaselineDiff } from './baseline.js';
import { codeSpan, joinMd, md, neutralizeControls, trusted, type Markdown } from './escape.js';
import { renderMarkdownBlocks } from './markdown/index.js';
import { evidenceTotal, type EvidenceLimit } from './model.js';
import { speaker, type Speaker } from './speaker.js';
import { evidenceSummary, findingDetail, findingTitle, type ShownEvidence, type ShownFinding, type ShownReport } from './wording.js';
import { CauseGroups } from './cause-groups.js';
import { verdictMessage, verdictOf } from './verdict.js';

export interface GithubOptions {
  failing: ReadonlySet<ShownFinding>;
  /** Language of the findings' wording (the annotations' own frame is English, like the workflow commands). */
  lang?: Lang;
  /** At most this many annotations; a notice says how many were left out. Default 1000. */
  max?: number;
}

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };
const SEVERITY_MARK: Record<Severity, string> = { error: '✘', warning: '⚠', info: 'ℹ' };
const ORDER: Severity[] = ['error', 'warning', 'info'];
const EVIDENCE_LINES = 3;

export function escapeData(value: string): string {
  return neutralizeControls(value).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * Errors and warnings always; info only when it fails the run (--fail-on info). A finding that follows from
 * another on its machine is not annotated on its own: its cause's annotation lists it. When nothing could be
 * read or judged, an error annotation says so first (the exit code is 2).
 */
export function renderGithubAnnotations(report: ShownReport, options: GithubOptions): string {
  const max = options.max ?? 1000;
  const groups = new CauseGroups(report.findings);
  const shown = report.findings
    .filter((f) => !groups.headOf(f) && (f.severity !== 'info' || options.failing.has(f)))
    .sort((a, b) => Number(options.failing.has(b)) - Number(options.failing.has(a)) || ORDER.indexOf(a.severity) - ORDER.indexOf(b.severity));
  const s = speaker(options.lang);
  const lines = shown.slice(0, max).map((f) => annotation(f, options.failing.has(f), s, groups.consequencesOf(f)));
  const v = verdictOf(report);
  if (v.status === 'nothing-read' || v.status === 'no-machines') lines.unshift(`::error title=volact::${escapeData(s.say(verdictMessage(v)))}`);
  if (shown.length > max) lines.push(`::notice title=volact::${escapeData(`${shown.length - max} more findings are not annotated; see the job summary or the JSON report.`)}`);
  return lines.length > 0 ? lines.join('\n') + '\n' : '';
}

function annotation(f: ShownFinding, failing: boolean, s: Speaker, consequences: readonly ShownFinding[]): string {
  // A finding that fails the run is an error annotation whatever its own severity.
  const command = failing ? 'error' : COMMAND[f.severity];
  const props: string[] = [];
  const first = f.evidence[0];
  if (first) {
    props.push(`file=${escapeProperty(first.file)}`);
    if (first.line !== undefined) props.push(`line=${first.line}`);
  }
  props.push(`title=${escapeProperty(`${f.rule}${f.machine ? ` on ${f.machine}` : ''}`)}`);
  const message = [`${findingTitle(f, s)}. ${findingDetail(f, s)}`, ...f.evidence.slice(0, EVIDENCE_LINES).map((e) => evidenceLine(e, s))];
  const more = evidenceTotal(f) - Math.min(EVIDENCE_LINES, f.evidence.length);
  if (more > 0) message.push(`… ${more} more pieces of evidence`);
  if (consequences.length > 0) {
    message.push(`${s.t('report.followsFrom')}:`);
    for (const c of consequences) message.push(`${SEVERITY_MARK[c.severity]} ${c.rule}: ${findingTitle(c, s)}`);
  }
  return `::${command} ${props.join(',')}::${escapeData(message.join('\n'))}`;
}

function evidenceLine(e: ShownEvidence, s: Speaker): string {
  const place = e.record !== undefined ? ` record ${e.record}` : e.line !== undefined ? ` line ${e.line}` : '';
  return `${e.file}${place}: ${evidenceSummary(e, s)}`;
}

export interface SummaryOptions {
  failing: ReadonlySet<ShownFinding>;
  failOn: Severity;
  failOnNew?: boolean;
  baseline?: BaselineDiff<ShownFinding>;
  evidence?: EvidenceLimit;
  lang?: Lang;
  /** Bytes the summary may take; GitHub refuses a step summary over 1 MiB. */
  limit?: number;
}

/** Rows per table in the summary. */
const SUMMARY_ROWS = 200;
/** GitHub's limit for one step's summary. */
export const JOB_SUMMARY_LIMIT = 1024 * 1024;
/** Room kept for the line that says where the rest is. */
const CUT_RESERVE = 4 * 1024;

/** The report's layout (verdict, findings by rule, fleet views, failing machines, the rest) under the check's verdict, cut to fit. */
export function renderJobSummary(report: ShownReport, options: SummaryOptions): string {
  const failing = report.findings.filter((f) => options.failing.has(f));
  const v = verdictOf(report);
  const sp = speaker(options.lang);
  // ✔ only for a check that judged every input: nothing read (exit 2) or files left unread say so.
  const verdict =
    v.status === 'nothing-read' || v.status === 'no-machines'
      ? md`**${sp.say(verdictMessage(v))}**`
      : failing.length > 0
        ? md`**${sp.t('report.check.fails', { n: { count: failing.length } })}${followers(failing, sp)}**`
        : v.unread > 0
          ? md`**${sp.t('report.check.passes-unread', { unread: { count: v.unread }, inputs: { count: v.inputs } })}**`
          : md`**${sp.t('report.check.passes')}**`;
  const rule = sp.t(options.failOnNew ? 'report.check.failingOnNew' : 'report.check.failingOn', { level: options.failOn });
  const s = report.summary;
  const n = (value: number): { count: number } => ({ count: value });
  const stats = sp.t('report.check.stats', {
    machines: n(s.machines),
    inputs: n(s.inputs),
    records: n(s.records),
    e: n(s.findings.error),
    w: n(s.findings.warning),
    i: n(s.findings.info),
    now: report.now || sp.t('report.unknownNow'),
  });
  const head: Markdown[] = [md`## volact check`, md`${verdict} (${rule}). ${stats}`];
  if (options.baseline) head.push(renderBaselineSection(options.baseline));
  const blocks = renderMarkdownBlocks(report, { ...(options.lang ? { lang: options.lang } : {}), ...(options.evidence !== undefined ? { evidence: options.evidence } : {}) });
  // The report's own title and "generated" line would repeat the heading above.
  const parts = [...head, ...blocks.head.slice(2)];
  const limit = (options.limit ?? JOB_SUMMARY_LIMIT) - CUT_RESERVE;
  let used = 0;
  const kept: Markdown[] = [];
  const fits = (part: Markdown): boolean => {
    const size = Buffer.byteLength(part.source, 'utf8') + 2;
    if (used + size > limit) return false;
    used += size;
    kept.push(part);
    return true;
  };
  let shown = 0;
  let cut = !parts.every(fits);
  if (!cut) {
    for (const section of blocks.machines) {
      if (!fits(section)) {
        cut = true;
        break;
      }
      shown++;
    }
  }
  if (!cut) cut = !blocks.tail.every(fits);
  if (cut) kept.push(md`**${speaker(options.lang).t('report.summaryCut', { shown: { count: shown }, left: { count: blocks.machines.length - shown } })}**`);
  return joinMd(kept, '\n\n').source + '\n';
}

/** " (4 more follow from them)": the consequences of the failing findings, which they stand for. */
function followers(failing: readonly ShownFinding[], sp: Speaker): string {
  const n = failing.reduce((total, f) => total + (f.consequences?.length ?? 0), 0);
  return n === 0 ? '' : ` (${sp.t('report.check.followers', { n: { count: n }, causes: { count: failing.length } })})`;
}

/** New, resolved and persisting findings, for Markdown reports and the job summary. */
export function renderBaselineSection(diff: BaselineDiff<ShownFinding>, lang?: Lang): Markdown {
  const s = speaker(lang);
  const since = diff.previousGeneratedAt ? md` (written ${diff.previousGeneratedAt})` : md``;
  const parts: Markdown[] = [
    md`### Since the baseline`,
    md`Compared with ${codeSpan(diff.file)}${since}: ${diff.new.length} new, ${diff.resolved.length} resolved, ${diff.persisting.length} persisting.`,
  ];
  if (diff.new.length > 0) parts.push(findingsTable(md`#### New`, diff.new, s));
  if (diff.resolved.length > 0) parts.push(findingsTable(md`#### Resolved`, diff.resolved, s));
  return joinMd(parts, '\n\n');
}

function findingsTable(title: Markdown, findings: readonly ShownFinding[], s: Speaker): Markdown {
  const rows = findings
    .slice(0, SUMMARY_ROWS)
    .map((f) => md`| ${trusted(f.severity === 'error' ? '✘' : f.severity === 'warning' ? '⚠' : 'ℹ')} ${f.severity} | ${f.machine ?? 'fleet'} | ${codeSpan(f.rule)} | ${findingTitle(f, s)} |`);
  const parts = [title, md``, md`| Severity | Machine | Rule | Finding |`, md`|---|---|---|---|`, ...rows];
  if (findings.length > SUMMARY_ROWS) parts.push(md``, md`${findings.length - SUMMARY_ROWS} more in the JSON report.`);
  return joinMd(parts);
}
