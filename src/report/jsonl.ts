// One JSON object per line: inputs, machines, findings. Easy to grep, stream and load into log tools.
import type { Report } from './model.js';

export function renderJsonl(report: Report): string {
  const lines: string[] = [JSON.stringify({ type: 'report', schemaVersion: report.schemaVersion, tool: report.tool, generatedAt: report.generatedAt, now: report.now, summary: report.summary })];
  for (const input of report.inputs) lines.push(JSON.stringify({ type: 'input', ...input }));
  for (const machine of report.machines) lines.push(JSON.stringify({ type: 'machine', ...machine }));
  for (const finding of report.findings) lines.push(JSON.stringify({ type: 'finding', ...finding }));
  return lines.join('\n') + '\n';
}
