// The options that choose how much a report shows, shared by `analyze` and `check`.
import type { Command } from 'commander';
import type { ReportOptions } from '../report/model.js';
import { MACHINE_DETAILS, unmatchedPatterns, type MachineDetail, type NamedMachine } from '../report/select.js';
import { msg } from '../messages/index.js';
import { expectsOneOf, tell, UsageError, type CliIo } from './output.js';

export interface ReportFlags {
  machines: string;
  showMachine?: string[];
  evidence?: string;
}

export function addReportOptions(command: Command): Command {
  return command
    .option('--machines <which>', `detail sections for: ${MACHINE_DETAILS.join('|')} (failing: machines with a warning or an error)`, 'failing')
    .option('--show-machine <name>', 'show this machine in full too; a name or a glob such as "lab-*" (repeatable)', collect)
    .option('--evidence <n>', 'evidence kept per finding and walk step: a number or all (default: 3 in text reports, 20 in JSON)');
}

/** The report options the flags ask for; `evidence` stays undefined when not given (each format has its own default). */
export function reportOptionsFrom(flags: ReportFlags): ReportOptions {
  if (!(MACHINE_DETAILS as readonly string[]).includes(flags.machines)) throw expectsOneOf('--machines', MACHINE_DETAILS, flags.machines);
  const show = flags.showMachine ?? [];
  for (const name of show) if (name.trim() === '') throw new UsageError(msg('cli.show-machine-empty'));
  const options: ReportOptions = { machines: flags.machines as MachineDetail, show };
  const evidence = parseEvidence(flags.evidence);
  if (evidence !== undefined) options.evidence = evidence;
  return options;
}

function parseEvidence(value: string | undefined): number | 'all' | undefined {
  if (value === undefined) return undefined;
  if (value === 'all') return 'all';
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(msg('cli.expects-evidence', { found: JSON.stringify(value) }));
  return n;
}

/** A nightly run must not fail because a machine left the fleet, but the user should hear about it. */
export function warnUnmatched(machines: readonly NamedMachine[], show: readonly string[], io: CliIo): void {
  for (const glob of unmatchedPatterns(machines, show)) tell(io, msg('cli.show-machine-unmatched', { glob: JSON.stringify(glob) }));
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}
