// One JSON object per line: likely shared causes, inputs, machines, findings. Easy to grep, stream and load into log tools.
import { batched, writtenMachine } from './json.js';
import type { Report } from './model.js';
import type { Lang } from '../messages/index.js';
import { speaker } from './speaker.js';
import { ReportWriter } from './wording.js';

export function* jsonlReportChunks(report: Report, lang: Lang = 'en'): Generator<string> {
  const writer = new ReportWriter(speaker(lang));
  yield* batched(
    (function* () {
      yield JSON.stringify({ type: 'report', schemaVersion: report.schemaVersion, tool: report.tool, generatedAt: report.generatedAt, now: report.now, summary: report.summary, layout: report.layout }) + '\n';
      for (const group of report.groups ?? []) yield JSON.stringify({ type: 'group', ...writer.group(group) }) + '\n';
      for (const input of report.inputs) yield JSON.stringify({ type: 'input', ...input }) + '\n';
      for (const machine of report.machines) yield JSON.stringify({ type: 'machine', ...writtenMachine(machine, writer, report.now) }) + '\n';
      for (const finding of report.findings) yield JSON.stringify({ type: 'finding', ...writer.finding(finding) }) + '\n';
    })(),
  );
}

export function renderJsonl(report: Report, lang: Lang = 'en'): string {
  return [...jsonlReportChunks(report, lang)].join('');
}
