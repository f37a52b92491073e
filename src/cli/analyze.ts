import type { Command } from 'commander';
import { withProgress } from './progress.js';
import { analyze, nothingReadable } from '../analyze.js';
import { buildReport, renderHtml, renderJson, renderMarkdown } from '../report/index.js';
import { renderJsonl } from '../report/jsonl.js';
import { kbAppendix } from '../report/kb-appendix.js';
import { LANGS } from '../report/i18n.js';
import { languageOptions, localizeReport } from '../report/localize.js';
import type { MarkdownOptions } from '../report/markdown.js';
import { emit, expectsOneOf, parseLang, parseNow, tell, type CliIo } from './output.js';
import { msg } from '../messages/index.js';

const FORMATS = ['md', 'html', 'json', 'jsonl'] as const;
type Format = (typeof FORMATS)[number];

interface AnalyzeFlags {
  format: string;
  out?: string;
  now?: string;
  machine?: string;
  tz?: string;
  kb: boolean;
  lang?: string;
}

export function registerAnalyze(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('analyze')
    .description('read exports and slmgr output, walk the troubleshooting tables, print a report')
    .argument('<paths...>', 'files, folders (recursive), globs, or - for stdin')
    .option('-f, --format <format>', `report format: ${FORMATS.join('|')}`, 'md')
    .option('-o, --out <file>', 'write the report to a file instead of stdout')
    .option('--now <iso>', 'pin "now" (default: the newest record read)')
    .option('--machine <name>', 'machine name for slmgr text that does not say (stdin, loose files)')
    .option('--tz <zone>', 'time zone of local times in text exports (IANA name or ±HH:MM)')
    .option('--lang <lang>', `language of the report's own wording: ${LANGS.join('|')} (default: from LC_ALL, LC_MESSAGES or LANG, else en; input is never translated)`)
    .option('--no-kb', 'do not append the knowledge-base articles the findings cite (Markdown, HTML)')
    .action(async (paths: string[], flags: AnalyzeFlags) => {
      if (!(FORMATS as readonly string[]).includes(flags.format)) throw expectsOneOf('--format', FORMATS, flags.format);
      const lang = parseLang(flags.lang, io);
      const now = parseNow(flags.now);
      const analysis = await analyze(paths, {
        ...(now ? { now } : {}),
        ...(flags.machine ? { machine: flags.machine } : {}),
        ...(flags.tz ? { tz: flags.tz } : {}),
        ...(io.stdin ? { stdin: io.stdin } : {}),
        ...withProgress(io),
      });
      const report = localizeReport(buildReport(analysis), lang);
      const markdown = (): MarkdownOptions => ({ appendix: flags.kb ? kbAppendix(report) : [], ...languageOptions(lang) });
      const render: Record<Format, () => string> = {
        md: () => renderMarkdown(report, markdown()),
        html: () => renderHtml(report, { markdown: markdown() }),
        json: () => renderJson(report),
        jsonl: () => renderJsonl(report),
      };
      await emit(io, render[flags.format as Format](), flags.out);
      if (nothingReadable(analysis.inputs)) {
        tell(io, msg('cli.nothing-readable'));
        setExit(2);
      }
    });
}
