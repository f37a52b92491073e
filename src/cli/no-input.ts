// When not one of the given paths could even be opened, a report of nothing helps nobody: say why per path.
// When paths were opened but nothing in them could be read (or judged), the report says so, and so does stderr.
import { isPathProblem, type InputAccount } from '../analyze.js';
import { count, msg } from '../messages/index.js';
import type { Report } from '../report/index.js';
import { speaker } from '../report/speaker.js';
import { tell, type CliIo } from './output.js';

/**
 * True (and one line per path written to stderr) when no given path could be opened at all; the caller then
 * exits 2 without a report. A run where at least one input was opened keeps its report.
 */
export function reportNothingToRead(inputs: readonly InputAccount[], io: CliIo): boolean {
  if (inputs.length === 0 || !inputs.every(isPathProblem)) return false;
  for (const input of inputs) tell(io, msg('cli.path-problem', { file: input.file, reason: input.rejected[0].message ?? input.rejected[0].reason }));
  return true;
}

/** Unread files named on stderr when nothing could be read; the report's findings have them all. */
const NAMED_UNREAD = 5;

/**
 * After the report is written: when nothing in the inputs could be read, or nothing read names a machine with
 * activation evidence, say so on stderr (naming the first files and why) and return true: the run exits 2,
 * whatever the reporter, since no machine was judged.
 */
export function reportNothingJudged(report: Pick<Report, 'verdict' | 'findings'>, io: CliIo): boolean {
  const v = report.verdict;
  if (v.status === 'no-machines') {
    tell(io, msg('cli.nothing-judged', { n: count(v.inputs) }));
    return true;
  }
  if (v.status !== 'nothing-read') return false;
  tell(io, msg('cli.nothing-readable', { n: count(v.inputs) }));
  const unread = report.findings.filter((f) => f.rule === 'input/unreadable');
  const s = speaker(io.lang ?? 'en');
  for (const f of unread.slice(0, NAMED_UNREAD)) {
    const first = f.evidence[0];
    if (first) tell(io, msg('cli.unread-file', { file: first.file, reason: s.say(first.message) }));
  }
  if (unread.length > NAMED_UNREAD) tell(io, msg('cli.unread-more', { n: count(unread.length - NAMED_UNREAD) }));
  return true;
}
