// When not one of the given paths could even be opened, a report of nothing helps nobody: say why per path.
import { isPathProblem, type InputAccount } from '../analyze.js';
import { msg } from '../messages/index.js';
import { tell, type CliIo } from './output.js';

/**
 * True (and one line per path written to stderr) when no given path could be opened at all; the caller then
 * exits 2 without a report. A run where at least one input was opened keeps its report.
 */
export function reportNothingToRead(inputs: readonly InputAccount[], io: CliIo): boolean {
  if (inputs.length === 0 || !inputs.every(isPathProblem)) return false;
  for (const input of inputs) tell(io, msg('cli.path-problem', { file: input.file, reason: input.rejected[0].reason }));
  return true;
}
