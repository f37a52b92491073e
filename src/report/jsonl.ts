// One JSON object per line: inputs, machines, findings. Easy to grep, stream and load into log tools.
import { batched } from './json.js';
import type { Report } from './model.js';

export function* jsonlReportChunks(report: Report): Generator<string> {
  yield* batched(
    (function* () {
      yield JSON.stringify({ type: 'report', schemaVersion: report.schemaVersion, tool: report.tool, generatedAt: report.generatedAt, now: report.now, summary: report.summary, layout: report.layout }) + '\n';
      for (const input of report.inputs) yield JSON.stringify({ type: 'input', ...input }) + '\n';
      for (const machine of report.machines) yield JSON.stringify({ type: 'machine', ...machine }) + '\n';
      for (const finding of report.findings) yield JSON.stringify({ type: 'finding', ...finding }) + '\n';
    })(),
  );
}

export function renderJsonl(report: Report): string {
  return [...jsonlReportChunks(report)].join('');
}
