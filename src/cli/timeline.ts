// `volact timeline <paths...> --machine NAME | --all`: a machine's activation history across every file and host,
// or the fleet's per hour or day. Commander wiring only: the query is src/fleet/timeline, the text src/report.
import type { Command } from 'commander';
import { readFleet } from '../analyze.js';
import { fleetTimeline, machineTimeline, type Bucket } from '../fleet/index.js';
import { LANGS, msg } from '../messages/index.js';
import { batched } from '../report/json.js';
import { speaker } from '../report/index.js';
import { renderTimelineHtml } from '../report/html/timeline-page.js';
import { fleetTimelineCsv, fleetTimelineJsonl, fleetTimelineMarkdown } from '../report/timeline/fleet.js';
import { timelineCsv, timelineJsonl, timelineMarkdown } from '../report/timeline/machine.js';
import { VERSION } from '../version.js';
import { reportNothingToRead } from './no-input.js';
import { emitChunks, expectsOneOf, parseLang, UsageError, type CliIo } from './output.js';
import { withProgress } from './progress.js';

const FORMATS = ['md', 'jsonl', 'csv', 'html'] as const;
const BUCKETS: readonly Bucket[] = ['hour', 'day'];
/** Machine names a "no such machine" error lists. */
const NAMES_SHOWN = 10;

interface TimelineFlags {
  machine?: string;
  all?: boolean;
  format: string;
  by?: string;
  out?: string;
  tz?: string;
  lang?: string;
}

export function registerTimeline(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('timeline')
    .description("a machine's activation history in time order, across every file and KMS host (--all: the fleet per hour or day)")
    .argument('<paths...>', 'files, folders (recursive), globs, or - for stdin')
    .option('--machine <name>', 'the machine whose history to list: its FQDN, short name or any alias, any case')
    .option('--all', "the fleet's requests, failures and license state changes per hour or day")
    .option('-f, --format <format>', `${FORMATS.join('|')} (html only with --all)`, 'md')
    .option('--by <bucket>', `with --all: ${BUCKETS.join('|')} (default: hours when the records span at most 3 days, else days)`)
    .option('-o, --out <file>', 'write to a file instead of stdout')
    .option('--tz <zone>', 'time zone of local times in text exports (IANA name or ±HH:MM)')
    .option('--lang <lang>', `language of the text: ${LANGS.join('|')} (default: from LC_ALL, LC_MESSAGES or LANG, else en)`)
    .action(async (paths: string[], flags: TimelineFlags) => {
      if (!(FORMATS as readonly string[]).includes(flags.format)) throw expectsOneOf('--format', FORMATS, flags.format);
      if (Boolean(flags.all) === Boolean(flags.machine)) throw new UsageError(msg('cli.timeline-which'));
      if (flags.format === 'html' && !flags.all) throw new UsageError(msg('cli.timeline-html-all'));
      if (flags.by !== undefined && !(BUCKETS as readonly string[]).includes(flags.by)) throw expectsOneOf('--by', BUCKETS, flags.by);
      const s = speaker(parseLang(flags.lang, io));
      const { inputs, fleet } = await readFleet(paths, {
        ...(flags.tz ? { tz: flags.tz } : {}),
        ...(io.stdin ? { stdin: io.stdin } : {}),
        ...withProgress(io),
      });
      if (reportNothingToRead(inputs, io)) {
        setExit(2);
        return;
      }
      if (flags.all) {
        const t = fleetTimeline(fleet, flags.by as Bucket | undefined);
        const chunks = { md: () => [fleetTimelineMarkdown(t, s).source + '\n'], jsonl: () => fleetTimelineJsonl(t), csv: () => fleetTimelineCsv(t), html: () => [renderTimelineHtml(t, s, VERSION)] };
        await emitChunks(io, batched(chunks[flags.format as keyof typeof chunks]()), flags.out);
        return;
      }
      const machine = fleet.find(flags.machine!);
      if (!machine) {
        const names = fleet.machines.slice(0, NAMES_SHOWN).map((m) => m.name);
        const more = fleet.machines.length - names.length;
        throw new UsageError(msg('cli.timeline-no-machine', { name: JSON.stringify(flags.machine), names: names.join(', ') || '—', more: more > 0 ? more : undefined }));
      }
      const entries = machineTimeline(fleet, machine);
      const chunks = { md: () => timelineMarkdown(machine.name, entries, s), jsonl: () => timelineJsonl(entries, s), csv: () => timelineCsv(entries, s), html: () => [] };
      await emitChunks(io, batched(chunks[flags.format as keyof typeof chunks]()), flags.out);
    });
}
