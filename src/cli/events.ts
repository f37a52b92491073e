import type { Command } from 'commander';
import { csvHeader, csvRow, jsonlRow, readEvents } from '../events.js';
import { neutralizeControls } from '../report/index.js';
import { openOutput, UsageError, type CliIo } from './output.js';

interface EventsFlags {
  format: string;
  all?: boolean;
  out?: string;
  tz?: string;
}

export function registerEvents(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('events')
    .description('print decoded records, one per line (activation events; --all for every record)')
    .argument('<paths...>', 'files, folders (recursive), globs, or - for stdin')
    .option('-f, --format <format>', 'jsonl|csv', 'jsonl')
    .option('--all', 'every record read, in input order, not only activation events')
    .option('-o, --out <file>', 'write to a file instead of stdout')
    .option('--tz <zone>', 'time zone of local times in text exports (IANA name or ±HH:MM)')
    .action(async (paths: string[], flags: EventsFlags) => {
      if (flags.format !== 'jsonl' && flags.format !== 'csv') throw new UsageError(`--format expects jsonl or csv, found ${JSON.stringify(flags.format)}`);
      const file = flags.out ? await openOutput(flags.out) : undefined;
      // Each row waits for its reader (backpressure); a reader that went away stops the loop (OutputClosed).
      const write = async (text: string): Promise<void> => {
        if (file) await file.write(text);
        else if (io.write) await io.write(text);
        else io.stdout(text);
      };
      if (flags.format === 'csv') await write(csvHeader());
      let rows = 0;
      let rejected = 0;
      const options = { ...(flags.all ? { all: true } : {}), ...(flags.tz ? { tz: flags.tz } : {}), ...(io.stdin ? { stdin: io.stdin } : {}) };
      for await (const item of readEvents(paths, options)) {
        if (item.kind === 'warning') {
          io.stderr(neutralizeControls(`volact: ${item.file}: ${item.warning.where}: warning: ${item.warning.reason}`) + '\n');
          continue;
        }
        if (item.kind === 'rejected') {
          rejected++;
          io.stderr(neutralizeControls(`volact: ${item.file}: ${item.rejection.where}: ${item.rejection.reason}`) + '\n');
          continue;
        }
        rows++;
        await write(flags.format === 'csv' ? csvRow(item.row) : jsonlRow(item.row));
      }
      if (file) await file.close();
      if (rows === 0 && rejected > 0) setExit(2);
    });
}
