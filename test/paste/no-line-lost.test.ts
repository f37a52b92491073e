// Issue 22's first report: a Test-NetConnection block followed by the `slmgr /ato` error read as a
// Test-NetConnection property, so the error vanished without being listed and `check` passed. Every line
// after a Test-NetConnection or nslookup block must reach a reader or the list of lines not understood.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';

const fixture = (name: string): string => fileURLToPath(new URL(`../../fixtures/paste/${name}`, import.meta.url));

interface CheckJson {
  findings: Array<{ rule: string; severity: string; title: string; evidence: Array<{ line?: number }> }>;
  inputs: Array<{ unknownLines?: Array<{ line: number; text: string }> }>;
}

async function check(name: string): Promise<{ code: number; report: CheckJson }> {
  const run = await runCli(['check', fixture(name), '--reporter', 'json', '--machine', 'pc1', '--now', '2022-04-03T12:00:00Z']);
  return { code: run.code, report: JSON.parse(run.stdout) as CheckJson };
}

describe('no line after a Test-NetConnection or nslookup block is lost', () => {
  it('the /ato error after a Test-NetConnection block (no prompts) fails the check', async () => {
    const { code, report } = await check('en-tnc-then-ato-error-no-prompt.txt');
    const cited = report.findings.filter((f) => f.evidence.some((e) => e.line === 8));
    expect(cited.map((f) => f.rule)).toContain('kms-client/dns-lookup-failed');
    expect(cited.find((f) => f.rule === 'kms-client/dns-lookup-failed')?.severity).toBe('error');
    expect(code).toBe(1);
  });

  it('nslookup, Test-NetConnection and the /ato error pasted with their prompts: each line used or listed', async () => {
    const { code, report } = await check('en-srv-tnc-then-ato-error.txt');
    expect(code).toBe(1);
    expect(report.findings.some((f) => f.rule === 'kms-client/dns-lookup-failed' && f.evidence.some((e) => e.line === 20))).toBe(true);
    // Prompt lines are the splitter's: they say what follows, they are not lines nobody understood.
    expect(report.inputs[0]?.unknownLines ?? []).toEqual([]);
  });
});
