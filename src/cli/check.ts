// `volact check <paths...>`: the whole analysis as a CI gate. Exit 0 when nothing is at or above --fail-on,
// 1 when something is, 2 on a usage error or when nothing could be read.
import { appendFile, readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { withProgress } from './progress.js';
import { analyze, nothingReadable, type Analysis } from '../analyze.js';
import {
  ConfigError, diagnoseOptionsFrom, isSeverity, loadConfig, mergeConfig, parseRuleFlag, SEVERITIES, type RuleSetting, type VolactConfig,
} from '../config/index.js';
import { RULES } from '../diagnose/index.js';
import { buildReport, jsonReportChunks, renderMarkdown, ReportWriter, speaker, writtenReport, type Report, type WrittenFinding, type WrittenReport } from '../report/index.js';
import { BaselineError, diffBaseline, readBaseline, verdict, type BaselineDiff, type BaselineReport } from '../report/baseline.js';
import { renderBaselineSection, renderGithubAnnotations, renderJobSummary } from '../report/github.js';
import { renderJunit } from '../report/junit.js';
import type { Finding, Severity } from '../types.js';
import { reportNothingToRead } from './no-input.js';
import { emitChunks, expectsOneOf, parseLang, parseNow, runLang, tell, UsageError, type CliIo } from './output.js';
import { msg, LANGS, type Lang } from '../messages/index.js';
import { addReportOptions, reportOptionsFrom, warnUnmatched, type ReportFlags } from './report-options.js';
import { capFinding, type EvidenceLimit } from '../report/model.js';

export const REPORTERS = ['md', 'json', 'junit', 'github'] as const;
export type Reporter = (typeof REPORTERS)[number];

export interface CheckFlags extends ReportFlags {
  failOn?: string;
  failOnNew?: boolean;
  reporter: string;
  baseline?: string;
  config?: string;
  rule: string[];
  out?: string;
  now?: string;
  machine?: string;
  tz?: string;
  threads?: string;
  lang?: string;
}

export function registerCheck(program: Command, io: CliIo, setExit: (code: number) => void): void {
  const command = program
    .command('check')
    .description('analyze a fleet snapshot and fail (exit 1) when findings reach --fail-on; CI reporters')
    .argument('<paths...>', 'snapshot folders (one subfolder per machine), files, globs, or - for stdin')
    .option('--fail-on <level>', `lowest severity that fails the check: ${SEVERITIES.join('|')} (default: error, or failOn in the config)`)
    .option('--fail-on-new', 'fail only on findings the --baseline report does not have')
    .option('--reporter <name>', `output: ${REPORTERS.join('|')}`, 'md')
    .option('--baseline <file>', 'previous JSON report: show new, resolved and persisting findings')
    .option('--config <file>', 'config file (default: ./volact.config.json when present)')
    .option('--rule <id=level>', 'set a rule to error|warning|info|off (repeatable; wins over the config)', collect, [])
    .option('-o, --out <file>', 'write the report to a file instead of stdout')
    .option('--now <iso>', 'pin "now" for every machine (default: each machine is judged as of the newest record in its own files)')
    .option('--machine <name>', 'machine name for slmgr text that does not say (stdin, loose files)')
    .option('--tz <zone>', 'time zone of local times in text exports (IANA name or ±HH:MM)')
    .option('--threads <n>', 'worker threads reading files (default: one per core)')
    .option('--lang <lang>', `language of the report's own wording: ${LANGS.join('|')} (default: from LC_ALL, LC_MESSAGES or LANG, else en)`);
  addReportOptions(command).action(async (paths: string[], flags: CheckFlags) => {
    const reporter = parseReporter(flags.reporter);
    const now = parseNow(flags.now);
    const threads = parseThreads(flags.threads);
    const lang = parseLang(flags.lang, io);
    const reportOptions = reportOptionsFrom(flags);
    const gate = await gateFrom(flags);

    const analysis = await analyze(paths, {
      diagnose: diagnoseOptionsFrom(gate.config),
      ...(now ? { now } : {}),
      ...(flags.machine ? { machine: flags.machine } : {}),
      ...(flags.tz ? { tz: flags.tz } : {}),
      ...(io.stdin ? { stdin: io.stdin } : {}),
      ...(threads !== undefined ? { threads } : {}),
      ...withProgress(io),
    });
    if (reportNothingToRead(analysis.inputs, io)) {
      setExit(2);
      return;
    }
    await reportGate(io, setExit, analysis, { ...gate, reporter, reportOptions, command: 'check', lang, ...(flags.out ? { out: flags.out } : {}) });
  });
}

/** What decides a gate's verdict, read from --config, --rule, --fail-on, --fail-on-new and --baseline. */
export interface Gate {
  config: VolactConfig;
  failOn: Severity;
  failOnNew: boolean;
  knownRules: string[];
  baseline?: BaselineReport;
  baselineFile?: string;
}

export type GateFlags = Pick<CheckFlags, 'failOn' | 'failOnNew' | 'baseline' | 'config' | 'rule'>;

export async function gateFrom(flags: GateFlags): Promise<Gate> {
  const knownRules = RULES.map((r) => r.meta.id);
  const config = await configFrom(flags, knownRules);
  const failOn: Severity = config.failOn ?? 'error';
  const failOnNew = config.failOnNew ?? false;
  if (failOnNew && !flags.baseline) throw new UsageError(msg('cli.fail-on-new-needs-baseline'));
  const baseline = flags.baseline ? await loadBaseline(flags.baseline) : undefined;
  return { config, failOn, failOnNew, knownRules, ...(baseline ? { baseline, baselineFile: flags.baseline } : {}) };
}

/** The report, the reporters and the exit code of `check`, for any analysis (check's files, probe's checks). */
export async function reportGate(
  io: CliIo,
  setExit: (code: number) => void,
  analysis: Analysis,
  gate: Gate & { reporter: Reporter; reportOptions: ReturnType<typeof reportOptionsFrom>; command: string; out?: string; lang?: Lang },
): Promise<void> {
  const { config, failOn, failOnNew, knownRules, reporter, reportOptions } = gate;
  const lang = gate.lang ?? runLang(io);
  const report = buildReport(analysis, reportOptions);
  warnUnmatched(report.machines, reportOptions.show ?? [], io);
  const diff = gate.baseline ? diffBaseline(report.findings, gate.baseline, gate.baselineFile!) : undefined;
  const { failing, known } = verdict(report.findings, failOn, diff, failOnNew);
  const ruleIds = knownRules.filter((id) => config.rules[id] !== 'off');

  const evidence = reportOptions.evidence;
  const context: RenderContext = { failing, known, failOn, failOnNew, ruleIds, lang, ...(diff ? { diff } : {}), ...(evidence !== undefined ? { evidence } : {}) };
  await emitChunks(io, render(reporter, report, context), gate.out);
  if (reporter === 'github' && process.env.GITHUB_STEP_SUMMARY) {
    const summary = renderJobSummary(report, { failing, failOn, failOnNew, lang, ...(diff ? { baseline: diff } : {}), ...(evidence !== undefined ? { evidence } : {}) });
    await appendFile(process.env.GITHUB_STEP_SUMMARY, summary);
  }

  if (nothingReadable(analysis.inputs)) {
    tell(io, msg('cli.nothing-readable'));
    setExit(2);
    return;
  }
  const machines = new Set([...failing].map((f) => f.machine ?? 'fleet'));
  const what = msg(failOnNew ? 'cli.check-what-new' : 'cli.check-what', { level: failOn });
  if (failing.size > 0) {
    tell(io, msg('cli.check-failing', { command: gate.command, count: failing.size, what, machines: machines.size }));
    setExit(1);
  } else {
    tell(io, msg('cli.check-passing', { command: gate.command, what }));
  }
}

interface RenderContext {
  failing: Set<Finding>;
  known: Set<Finding>;
  failOn: Severity;
  failOnNew: boolean;
  ruleIds: string[];
  lang: Lang;
  diff?: BaselineDiff;
  evidence?: EvidenceLimit;
}

function render(reporter: Reporter, report: Report, ctx: RenderContext): Iterable<string> {
  switch (reporter) {
    case 'md':
      return [renderMarkdown(report, { lang: ctx.lang, ...(ctx.diff ? { appendix: [renderBaselineSection(ctx.diff, ctx.lang)] } : {}), ...(ctx.evidence !== undefined ? { evidence: ctx.evidence } : {}) })];
    case 'json':
      return jsonReportChunks(withCheck(report, ctx));
    case 'junit':
      return [renderJunit(report, { failing: ctx.failing, known: ctx.known, ruleIds: ctx.ruleIds, lang: ctx.lang })];
    case 'github':
      return [renderGithubAnnotations(report, { failing: ctx.failing, lang: ctx.lang })];
  }
}

/** The JSON report plus what the check decided; a later run reads it back as its baseline. */
function withCheck(report: Report, ctx: RenderContext): CheckReport {
  const writer = new ReportWriter(speaker(ctx.lang));
  const check = { failOn: ctx.failOn, failOnNew: ctx.failOnNew, failing: ctx.failing.size, passed: ctx.failing.size === 0 };
  const baseline = ctx.diff
    ? {
        file: ctx.diff.file,
        previousGeneratedAt: ctx.diff.previousGeneratedAt,
        new: ctx.diff.new.map((f) => writer.finding(f)),
        // A schema-1 baseline's findings carry all their evidence; cap them like tonight's.
        resolved: ctx.diff.resolved.map((f) => capFinding(f, report.layout.evidence)),
        persisting: ctx.diff.persisting.length,
      }
    : undefined;
  return { ...writtenReport(report, writer), check, ...(baseline ? { baseline } : {}) };
}

interface CheckReport extends WrittenReport {
  check: { failOn: Severity; failOnNew: boolean; failing: number; passed: boolean };
  baseline?: { file: string; previousGeneratedAt: string | undefined; new: WrittenFinding[]; resolved: WrittenFinding[]; persisting: number };
}

async function configFrom(flags: GateFlags, knownRules: string[]): Promise<VolactConfig> {
  try {
    const { config } = await loadConfig(flags.config, knownRules);
    const rules: Record<string, RuleSetting> = {};
    for (const value of flags.rule) {
      const [id, setting] = parseRuleFlag(value, knownRules);
      rules[id] = setting;
    }
    const over: Parameters<typeof mergeConfig>[1] = { rules };
    if (flags.failOn !== undefined) {
      if (!isSeverity(flags.failOn)) throw expectsOneOf('--fail-on', SEVERITIES, flags.failOn);
      over.failOn = flags.failOn;
    }
    if (flags.failOnNew) over.failOnNew = true;
    return mergeConfig(config, over);
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message);
    throw error;
  }
}

async function loadBaseline(file: string): Promise<BaselineReport> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const why = (error as NodeJS.ErrnoException).code === 'ENOENT' ? msg('cli.no-such-file') : (error as Error).message;
    throw new UsageError(msg('cli.baseline-unreadable', { file, why }));
  }
  try {
    return readBaseline(text, file);
  } catch (error) {
    if (error instanceof BaselineError) throw new UsageError(error.ref);
    throw error;
  }
}

export function parseReporter(value: string): Reporter {
  if ((REPORTERS as readonly string[]).includes(value)) return value as Reporter;
  throw expectsOneOf('--reporter', REPORTERS, value);
}

function parseThreads(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 64) throw new UsageError(msg('cli.expects-threads', { found: JSON.stringify(value) }));
  return n;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
