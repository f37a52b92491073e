// The GitHub job summary follows the report's layout and stays under GitHub's 1 MiB limit for any fleet,
// cut with a line that says where the rest is.
import { describe, expect, it } from 'vitest';
import { JOB_SUMMARY_LIMIT, renderJobSummary } from '../../src/report/github.js';
import { machineName, syntheticFleetReport } from '../helpers/synthetic-fleet-report.js';

function summaryOf(machines: number, failing: number): { text: string; failingCount: number } {
  const report = syntheticFleetReport({ machines, failing });
  const errors = new Set(report.findings.filter((f) => f.severity === 'error'));
  return { text: renderJobSummary(report, { failing: errors, failOn: 'error' }), failingCount: errors.size };
}

describe('job summary', () => {
  it('has the report layout: verdict, findings by rule, fleet views, failing machines, the rest counted', () => {
    const { text, failingCount } = summaryOf(10_000, 20);
    expect(text.startsWith('## volact check\n\n**✘ 40 findings fail the check**')).toBe(true);
    expect(failingCount).toBe(40);
    const headings = [...text.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    expect(headings.slice(0, 4)).toEqual(['volact check', 'Summary', 'Findings by rule', 'Fleet']);
    const sections = headings.filter((h) => h.startsWith('pc'));
    expect(sections).toHaveLength(20);
    expect(sections[0]).toBe(machineName(0));
    expect(text).toContain('| ℹ info | `kms-client/activated` | KMS client is activated | 9980 |');
    expect(text).toContain('## Machines without warnings or errors (9980)');
    expect(text).toContain('9980 machines are not listed one by one');
    expect(text).not.toContain('summary stops here');
    expect(Buffer.byteLength(text)).toBeLessThan(300 * 1024);
  });

  it('cuts a summary that would pass 1 MiB, and says how many sections are left and where they are', () => {
    const { text } = summaryOf(6000, 3000);
    const size = Buffer.byteLength(text);
    expect(size).toBeLessThanOrEqual(JOB_SUMMARY_LIMIT);
    expect(size).toBeGreaterThan(JOB_SUMMARY_LIMIT - 64 * 1024);
    const shown = [...text.matchAll(/^## (pc\d+\.corp\.example)$/gm)].length;
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(3000);
    const last = text.trimEnd().split('\n').at(-1)!;
    expect(last).toBe(
      `**The summary stops here: GitHub shows at most 1 MiB of a job summary. ${shown} machine sections are above, ${3000 - shown} more are in the full report: run the same check with “--reporter md -o report.md” (or “--reporter json -o report.json”) and keep the file as a build artifact.**`,
    );
  });

  it('cuts in Japanese too', () => {
    const report = syntheticFleetReport({ machines: 6000, failing: 3000 });
    const text = renderJobSummary(report, { failing: new Set(), failOn: 'error', lang: 'ja' });
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(JOB_SUMMARY_LIMIT);
    expect(text.trimEnd().split('\n').at(-1)).toMatch(/^\*\*概要はここまでです \(GitHub のジョブ概要は 1 MiB まで\)。上に \d+ 台の詳細があり/);
  });
});
