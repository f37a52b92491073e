// Which machines a report shows in full. Default: every machine with a warning or an error; a run with one
// machine shows it whatever its state (the report a support engineer reads for one PC stays whole).
// `--show-machine` patterns add machines by name, short name or alias, with `*` and `?` as wildcards.
import type { Severity } from '../types.js';

export type MachineDetail = 'failing' | 'all' | 'none';
export const MACHINE_DETAILS: readonly MachineDetail[] = ['failing', 'all', 'none'];

/** Worst severity among a machine's findings; 'none' when it has no finding. */
export type Worst = Severity | 'none';

/** A glob over machine names: `*` any run of characters, `?` one; everything else literal, case-insensitive. */
export function namePattern(glob: string): RegExp {
  const body = [...glob].map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[\\^$.|+()[\]{}]/g, '\\$&'))).join('');
  return new RegExp(`^${body}$`, 'i');
}

export interface NamedMachine {
  name: string;
  key: string;
  aliases: readonly string[];
}

export function matchesAny(machine: NamedMachine, patterns: readonly RegExp[]): boolean {
  return patterns.some((p) => p.test(machine.name) || p.test(machine.key) || machine.aliases.some((a) => p.test(a)));
}

/** `named`: a `--show-machine` pattern matches the machine. */
export function showsDetail(worst: Worst, named: boolean, machineCount: number, machines: MachineDetail): boolean {
  if (named || machines === 'all') return true;
  if (machines === 'none') return false;
  return machineCount === 1 || worst === 'error' || worst === 'warning';
}

/** Patterns that name no machine of the report, so the CLI can say so. */
export function unmatchedPatterns(machines: readonly NamedMachine[], show: readonly string[]): string[] {
  return show.filter((glob) => {
    const pattern = [namePattern(glob)];
    return !machines.some((m) => matchesAny(m, pattern));
  });
}
