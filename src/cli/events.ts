import type { Command } from 'commander';
import { csvHeader, csvRow, jsonlRow, readEvents } from '../events.js';
import { neutralizeControls } from '../report/index.js';
import { UsageError, type CliIo } from './output.js';
import { createWriteStream } from 'node:fs';
import { msg, render } from '../messages/index.js';

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
      if (flags.format !== 'jsonl' && flags.format !== 'csv') throw new UsageError(msg('cli.expects-events-format', { found: JSON.stringify(flags.format) }));
      const file = flags.out ? createWriteStream(flags.out) : undefined;
      const write = file ? (text: string) => void file.write(text) : io.stdout;
      if (flags.format === 'csv') write(csvHeader());
      let rows = 0;
      let rejected = 0;
      const options = { ...(flags.all ? { all: true } : {}), ...(flags.tz ? { tz: flags.tz } : {}), ...(io.stdin ? { stdin: io.stdin } : {}) };
      for await (const item of readEvents(paths, options)) {
        if (item.kind === 'warning') {
          io.stderr(neutralizeControls(render(msg('cli.event-warning', { file: item.file, where: item.warning.where, reason: item.warning.reason }), io.lang ?? 'en')) + '\n');
          continue;
        }
        if (item.kind === 'rejected') {
          rejected++;
          io.stderr(neutralizeControls(render(msg('cli.event-rejected', { file: item.file, where: item.rejection.where, reason: item.rejection.reason }), io.lang ?? 'en')) + '\n');
          continue;
        }
        rows++;
        write(flags.format === 'csv' ? csvRow(item.row) : jsonlRow(item.row));
      }
      if (file) await new Promise<void>((resolve, reject) => file.end((error?: Error | null) => (error ? reject(error) : resolve())));
      if (rows === 0 && rejected > 0) setExit(2);
    });
}
