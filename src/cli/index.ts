// The command line: commander wiring only. Domain work happens in the library.
import { Command, CommanderError } from 'commander';
import { msg } from '../messages/index.js';
import { VERSION } from '../version.js';
import { registerAnalyze } from './analyze.js';
import { registerCheck } from './check.js';
import { registerEvents } from './events.js';
import { registerExplain } from './explain.js';
import { helpExamples } from './help-examples.js';
import { registerProbe } from './probe.js';
import { registerSearch } from './search.js';
import { registerTimeline } from './timeline.js';
import { langOfArgs, OutputClosed, processIo, tell, UsageError, type CliIo } from './output.js';

export async function main(argv: string[], given: CliIo = processIo): Promise<number> {
  const io: CliIo = given === processIo ? processIo : { ...given };
  io.lang = langOfArgs(argv, given.env ?? process.env);
  let exitCode = 0;
  const setExit = (code: number): void => {
    exitCode = Math.max(exitCode, code);
  };
  const program = new Command('volact')
    .description('Finds out why Windows volume activation (KMS, MAK) fails, from exported event logs and slmgr output')
    .version(VERSION, '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError();
  registerAnalyze(program, io, setExit);
  registerEvents(program, io, setExit);
  registerTimeline(program, io, setExit);
  registerCheck(program, io, setExit);
  registerProbe(program, io, setExit);
  registerSearch(program, io, setExit);
  registerExplain(program, io, setExit);
  program.addHelpText('after', helpExamples(''));
  for (const command of program.commands) command.addHelpText('after', helpExamples(command.name()));
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version exit through here with code 0.
      return error.exitCode === 0 ? 0 : 2;
    }
    // The reader of our output went away (`volact events … | head`): nothing is wrong, stop quietly.
    if (error instanceof OutputClosed) return 0;
    if (error instanceof UsageError) {
      tell(io, msg('cli.error', { message: error.ref }));
      return 2;
    }
    throw error;
  }
}
