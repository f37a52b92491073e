import type { Command } from 'commander';
import { withProgress } from './progress.js';
import { analyze } from '../analyze.js';
import { buildReport, jsonReportChunks, markdownReportChunks, renderHtml, ReportWriter, speaker, streamedReport, type MarkdownOptions } from '../report/index.js';
import { jsonlReportChunks } from '../report/jsonl.js';
import { kbAppendix } from '../report/kb-appendix.js';
import { LANGS } from '../messages/index.js';
import { reportNothingJudged, reportNothingToRead } from './no-input.js';
import { emitChunks, expectsOneOf, parseLang, parseNow, parseTz, type CliIo } from './output.js';
import { addReportOptions, reportOptionsFrom, warnUnmatched, type ReportFlags } from './report-options.js';
import { addGroupOptions, groupOptionsFrom, type GroupFlags } from './group-options.js';

const FORMATS = ['md', 'html', 'json', 'jsonl'] as const;
type Format = (typeof FORMATS)[number];

interface AnalyzeFlags extends ReportFlags, GroupFlags {
  format: string;
  out?: string;
  now?: string;
  machine?: string;
  tz?: string;
  kb: boolean;
  lang?: string;
}

export function registerAnalyze(program: Command, io: CliIo, setExit: (code: number) => void): void {
  const command = program
    .command('analyze')
    .description('read exports and slmgr output, walk the troubleshooting tables, print a report')
    .argument('<paths...>', 'files, folders (recursive), globs, or - for stdin')
    .option('-f, --format <format>', `report format: ${FORMATS.join('|')}`, 'md')
    .option('-o, --out <file>', 'write the report to a file instead of stdout')
    .option('--now <iso>', 'pin "now" for every machine (default: each machine is judged as of the newest record in its own files)')
    .option('--machine <name>', 'machine name for slmgr text that does not say (stdin, loose files)')
    .option('--tz <zone>', 'time zone of local times in text exports (IANA name or ±HH:MM)')
    .option('--lang <lang>', `language of the report's own wording: ${LANGS.join('|')} (default: from LC_ALL, LC_MESSAGES or LANG, else en; input is never translated)`)
    .option('--no-kb', 'do not append the knowledge-base articles the findings cite (Markdown, HTML)');
  addGroupOptions(addReportOptions(command)).action(async (paths: string[], flags: AnalyzeFlags) => {
    if (!(FORMATS as readonly string[]).includes(flags.format)) throw expectsOneOf('--format', FORMATS, flags.format);
    const lang = parseLang(flags.lang, io);
    const now = parseNow(flags.now);
    const tz = parseTz(flags.tz);
    const reportOptions = reportOptionsFrom(flags);
    const groups = groupOptionsFrom(flags);
    const analysis = await analyze(paths, {
      groups,
      ...(now ? { now } : {}),
      ...(flags.machine ? { machine: flags.machine } : {}),
      ...(tz ? { tz } : {}),
      ...(io.stdin ? { stdin: io.stdin } : {}),
      ...withProgress(io),
    });
    if (reportNothingToRead(analysis.inputs, io)) {
      setExit(2);
      return;
    }
    const report = buildReport(analysis, reportOptions);
    warnUnmatched(report.machines, reportOptions.show ?? [], io);
    const markdown = (): MarkdownOptions => ({
      appendix: flags.kb ? kbAppendix(report, lang) : [],
      lang,
      ...(reportOptions.evidence !== undefined ? { evidence: reportOptions.evidence } : {}),
    });
    const render: Record<Format, () => Iterable<string>> = {
      md: () => markdownReportChunks(report, markdown()),
      html: () => [renderHtml(report, { markdown: markdown() })],
      json: () => jsonReportChunks(streamedReport(report, new ReportWriter(speaker(lang)))),
      jsonl: () => jsonlReportChunks(report, lang),
    };
    await emitChunks(io, render[flags.format as Format](), flags.out);
    if (reportNothingJudged(report, { ...io, lang })) setExit(2);
  });
}
