import type { Command } from 'commander';
import { readEvents } from '../read/index.js';
import { csvHeader, csvRow, jsonlRow, neutralizeControls } from '../report/index.js';
import { openOutput, parseTz, runLang, UsageError, type CliIo } from './output.js';
import { msg } from '../messages/index.js';
import { speaker } from '../report/speaker.js';

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
      const tz = parseTz(flags.tz);
      const file = flags.out ? await openOutput(flags.out) : undefined;
      // Rows are small and can be millions: hand them on in batches of about 64 KiB, not one write each. Each batch
      // waits for its reader (backpressure); a reader that went away stops the loop (OutputClosed).
      let pending: string[] = [];
      let pendingLength = 0;
      const flush = async (): Promise<void> => {
        if (pending.length === 0) return;
        const text = pending.join('');
        pending = [];
        pendingLength = 0;
        if (file) await file.write(text);
        else if (io.write) await io.write(text);
        else io.stdout(text);
      };
      const write = async (text: string): Promise<void> => {
        pending.push(text);
        pendingLength += text.length;
        if (pendingLength >= 65_536) await flush();
      };
      if (flags.format === 'csv') await write(csvHeader());
      let rows = 0;
      let rejected = 0;
      const options = { format: flags.format, ...(flags.all ? { all: true } : {}), ...(tz ? { tz } : {}), ...(io.stdin ? { stdin: io.stdin } : {}) } as const;
      for await (const item of readEvents(paths, options)) {
        if (item.kind === 'warning') {
          flush();
          io.stderr(neutralizeControls(speaker(runLang(io)).say(msg('cli.event-warning', { file: item.file, where: item.warning.where, reason: item.warning.reason }))) + '\n');
          continue;
        }
        if (item.kind === 'rejected') {
          rejected++;
          flush();
          io.stderr(neutralizeControls(speaker(runLang(io)).say(msg('cli.event-rejected', { file: item.file, where: item.rejection.where, reason: item.rejection.reason }))) + '\n');
          continue;
        }
        if (item.kind === 'text') {
          rows += item.rows;
          await write(item.text);
          continue;
        }
        rows++;
        await write(flags.format === 'csv' ? csvRow(item.row) : jsonlRow(item.row));
      }
      await flush();
      if (file) await file.close();
      if (rows === 0 && rejected > 0) setExit(2);
    });
}
