// The CI gate on the command line, for `check` and `probe`: flags in, the report out (stdout or -o), the job
// summary appended for GitHub, one line saying the verdict, and the exit code (1 when something fails).
import { appendFile } from 'node:fs/promises';
import type { Analysis } from '../analyze.js';
import { gateChunks, gateJobSummary, GateError, judge, loadGate, REPORTERS, type Gate, type GateFlags, type Reporter } from '../gate/index.js';
import { count, msg, type Lang } from '../messages/index.js';
import { emitChunks, expectsOneOf, runLang, tell, UsageError, type CliIo } from './output.js';
import { neutralizeControls, speaker, type Report, type ReportOptions } from '../report/index.js';
import { warnUnmatched } from './report-options.js';
import { reportNothingJudged } from './no-input.js';

export { REPORTERS, type Gate, type Reporter } from '../gate/index.js';

/** The gate the flags ask for; a flag, config or baseline that cannot be used is a usage error. */
export async function gateFrom(flags: GateFlags): Promise<Gate> {
  try {
    return await loadGate(flags);
  } catch (error) {
    if (error instanceof GateError) throw new UsageError(error.ref);
    throw error;
  }
}

export function parseReporter(value: string): Reporter {
  if ((REPORTERS as readonly string[]).includes(value)) return value as Reporter;
  throw expectsOneOf('--reporter', REPORTERS, value);
}

export interface GateRun {
  reporter: Reporter;
  reportOptions: ReportOptions;
  /** The command's name in the verdict line: `check` or `probe`. */
  command: string;
  out?: string;
  lang?: Lang;
}

/** The report, the reporters and the exit code of `check`, for any analysis (check's files, probe's checks). */
export async function reportGate(io: CliIo, setExit: (code: number) => void, analysis: Analysis, gate: Gate, run: GateRun): Promise<void> {
  const lang = run.lang ?? runLang(io);
  const judged = judge(analysis, gate, run.reportOptions);
  warnUnmatched(judged.report.machines, run.reportOptions.show ?? [], io);
  const output = { lang, ...(run.reportOptions.evidence !== undefined ? { evidence: run.reportOptions.evidence } : {}) };
  await emitChunks(io, gateChunks(run.reporter, judged, gate, output), run.out);
  if (run.reporter === 'github' && process.env.GITHUB_STEP_SUMMARY) await appendFile(process.env.GITHUB_STEP_SUMMARY, gateJobSummary(judged, gate, output));

  if (reportNothingJudged(judged.report, { ...io, lang })) {
    setExit(2);
    return;
  }
  tellGroups(io, judged.report, run.command, lang);
  const { failing, reached, report } = judged;
  const machines = new Set([...failing].map((f) => f.machine ?? 'fleet'));
  const unread = report.verdict.unread > 0 ? msg('report.verdict.unread', { unread: count(report.verdict.unread), inputs: count(report.verdict.inputs) }) : undefined;
  if (failing.size > 0) {
    const what = msg(gate.failOnNew ? 'cli.check-what-new' : 'cli.check-what', { count: count(reached), level: gate.failOn });
    const causes = failing.size < reached ? count(failing.size) : undefined;
    tell(io, msg('cli.check-failing', { command: run.command, what, machines: count(machines.size), causes, unread }));
    setExit(1);
  } else {
    tell(io, msg(gate.failOnNew ? 'cli.check-passing-new' : 'cli.check-passing', { command: run.command, level: gate.failOn, unread }));
  }
}

/** Lines on standard error a CI log shows first: one per likely shared cause. */
const GROUP_LINES = 10;

function tellGroups(io: CliIo, report: Report, command: string, lang: Lang): void {
  const groups = report.groups ?? [];
  const s = speaker(lang);
  // Host names and CMIDs come from input: terminal controls in them are made visible.
  for (const g of groups.slice(0, GROUP_LINES)) io.stderr(`${neutralizeControls(s.say(msg('cli.group-line', { command, text: g.message })))}\n`);
  if (groups.length > GROUP_LINES) tell(io, msg('cli.groups-more', { command, n: groups.length - GROUP_LINES }));
}
