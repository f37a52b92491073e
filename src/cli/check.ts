// `volact check <paths...>`: the whole analysis as a CI gate. Exit 0 when nothing is at or above --fail-on,
// 1 when something is, 2 on a usage error or when nothing could be read.
import type { Command } from 'commander';
import { withProgress } from './progress.js';
import { analyze } from '../analyze.js';
import { diagnoseOptionsFrom, SEVERITIES } from '../config/index.js';
import { reportNothingToRead } from './no-input.js';
import { parseLang, parseNow, parseTz, UsageError, type CliIo } from './output.js';
import { msg, LANGS } from '../messages/index.js';
import { addReportOptions, reportOptionsFrom, type ReportFlags } from './report-options.js';
import { addGroupOptions, groupOptionsFrom, type GroupFlags } from './group-options.js';
import { gateFrom, parseReporter, reportGate, REPORTERS } from './gate.js';

export interface CheckFlags extends ReportFlags, GroupFlags {
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
  addGroupOptions(addReportOptions(command)).action(async (paths: string[], flags: CheckFlags) => {
    const reporter = parseReporter(flags.reporter);
    const now = parseNow(flags.now);
    const tz = parseTz(flags.tz);
    const threads = parseThreads(flags.threads);
    const lang = parseLang(flags.lang, io);
    const reportOptions = reportOptionsFrom(flags);
    const groups = groupOptionsFrom(flags);
    const gate = await gateFrom(flags);

    const analysis = await analyze(paths, {
      groups,
      diagnose: diagnoseOptionsFrom(gate.config),
      ...(now ? { now } : {}),
      ...(flags.machine ? { machine: flags.machine } : {}),
      ...(tz ? { tz } : {}),
      ...(io.stdin ? { stdin: io.stdin } : {}),
      ...(threads !== undefined ? { threads } : {}),
      ...withProgress(io),
    });
    if (reportNothingToRead(analysis.inputs, io)) {
      setExit(2);
      return;
    }
    await reportGate(io, setExit, analysis, gate, { reporter, reportOptions, command: 'check', lang, ...(flags.out ? { out: flags.out } : {}) });
  });
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
