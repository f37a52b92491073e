// Issue 23: files volact could not read are findings in every CI reporter, counted in the verdict, and a run
// that read nothing exits 2 with no ✔ anywhere. The snapshot: client01 read (a healthy KMS client) with a
// screenshot beside its log; client02 and client03 only a cut Application.evtx; client04 a PDF and a screenshot;
// one loose note at the top. Five of six inputs cannot be read.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseStringPromise } from 'xml2js';
import { describe, expect, it } from 'vitest';
import { check, tempDir, type CheckJson } from './helpers.js';

const FIRES = 'fixtures/rules/input--unreadable/fires';
const NOW = ['--now', '2024-03-07T12:00:00Z'];

function snapshot(): string {
  const dir = tempDir();
  for (const m of ['client01', 'client02', 'client03', 'client04']) mkdirSync(path.join(dir, m));
  copyFileSync(`${FIRES}/client01/Application.xml`, path.join(dir, 'client01/Application.xml'));
  copyFileSync(`${FIRES}/client01/slmgr-dli.png`, path.join(dir, 'client01/slmgr-dli.png'));
  copyFileSync(`${FIRES}/client02/Application.evtx`, path.join(dir, 'client02/Application.evtx'));
  copyFileSync(`${FIRES}/client02/Application.evtx`, path.join(dir, 'client03/Application.evtx'));
  copyFileSync(`${FIRES}/client01/slmgr-dli.png`, path.join(dir, 'client04/activation.png'));
  writeFileSync(path.join(dir, 'client04/report.pdf'), '%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n');
  return dir;
}

/** Only unreadable files: nothing at all can be read. */
function nothingReadable(): string {
  const dir = tempDir();
  mkdirSync(path.join(dir, 'client02'));
  copyFileSync(`${FIRES}/client02/Application.evtx`, path.join(dir, 'client02/Application.evtx'));
  copyFileSync(`${FIRES}/client01/slmgr-dli.png`, path.join(dir, 'client02/slmgr-dli.png'));
  return dir;
}

interface JunitCase {
  $: { name: string };
  failure?: unknown[];
  skipped?: Array<{ $: { message: string } }>;
  error?: Array<{ $: { message: string } }>;
}
interface JunitSuite {
  $: { name: string; errors: string };
  testcase: JunitCase[];
}

async function junitSuites(xml: string): Promise<{ root: Record<string, string>; suites: JunitSuite[] }> {
  const doc = (await parseStringPromise(xml)) as { testsuites: { $: Record<string, string>; testsuite?: JunitSuite[] } };
  return { root: doc.testsuites.$, suites: doc.testsuites.testsuite ?? [] };
}

describe('CI reporters with inputs that could not be read', () => {
  it('JSON: one input/unreadable finding per file, on the machine its folder names, and the verdict counts them', async () => {
    const run = await check([snapshot(), ...NOW, '--reporter', 'json']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as CheckJson & { verdict: Record<string, unknown> };
    const unread = report.findings.filter((f) => f.rule === 'input/unreadable');
    expect(unread.map((f) => f.machine).sort()).toEqual(['CLIENT01.corp.contoso.com', 'client02', 'client03', 'client04', 'client04']);
    expect(report.verdict).toEqual({ status: 'attention', machines: 1, attention: 1, errors: 0, inputs: 6, unread: 5, partlyRead: 0 });
    // The check passes on error (the default), and says what it did not read.
    expect(run.stderr).toBe('volact check: no finding at or above error; 5 of 6 inputs could not be read\n');
    // Unread input fails a check on warning like any warning.
    expect((await check([snapshot(), ...NOW, '--fail-on', 'warning'])).code).toBe(1);
  });

  it('GitHub: a ::warning per unreadable file, with its file', async () => {
    const run = await check([snapshot(), ...NOW, '--reporter', 'github']);
    const lines = run.stdout.trimEnd().split('\n');
    const unread = lines.filter((l) => l.includes(',title=input/unreadable'));
    expect(unread).toHaveLength(5);
    for (const line of unread) expect(line).toMatch(/^::warning file=[^,]+\/(client0[1-4])\/[^,]+,title=input\/unreadable on (CLIENT01\.corp\.contoso\.com|client0[2-4])::/);
    expect(unread.some((l) => l.includes('client04/report.pdf') && l.includes('could not be read'))).toBe(true);
  });

  it('JUnit: a test case per input with problems, skipped (not judged) below --fail-on, failed at it', async () => {
    const dir = snapshot();
    const { suites } = await junitSuites((await check([dir, ...NOW, '--reporter', 'junit'])).stdout);
    const byName = new Map(suites.map((s) => [s.$.name, s]));
    expect([...byName.keys()].sort()).toEqual(['CLIENT01.corp.contoso.com', 'client02', 'client03', 'client04']);
    const client04 = byName.get('client04')!.testcase;
    expect(client04.map((c) => c.$.name).sort()).toEqual([`input/unreadable ${dir}/client04/activation.png`, `input/unreadable ${dir}/client04/report.pdf`]);
    for (const c of client04) {
      expect(c.failure).toBeUndefined();
      expect(c.skipped![0].$.message).toMatch(/could not be read$/);
    }
    // The machine that was read keeps its rule cases, plus one for its unread screenshot.
    expect(byName.get('CLIENT01.corp.contoso.com')!.testcase.map((c) => c.$.name)).toContain(`input/unreadable ${dir}/client01/slmgr-dli.png`);
    const failing = await junitSuites((await check([dir, ...NOW, '--reporter', 'junit', '--fail-on', 'warning'])).stdout);
    expect(Number(failing.root.failures)).toBe(5);
  });

  it('nothing readable: exit 2, and every reporter says so instead of passing', async () => {
    const dir = nothingReadable();
    const github = await check([dir, ...NOW, '--reporter', 'github']);
    expect(github.code).toBe(2);
    const lines = github.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('::error title=volact::✘ Nothing in the 2 inputs could be read, so no machine was judged. The findings below say why for each file.');
    expect(lines.filter((l) => l.startsWith('::warning ') && l.includes('title=input/unreadable on client02'))).toHaveLength(2);
    expect(github.stderr).toContain('volact: nothing in the 2 inputs could be read, so no machine was judged');
    expect(github.stderr).not.toContain('Inputs section');

    const junit = await check([dir, ...NOW, '--reporter', 'junit']);
    expect(junit.code).toBe(2);
    const { root, suites } = await junitSuites(junit.stdout);
    expect(root.errors).toBe('1');
    const volact = suites.find((s) => s.$.name === 'volact')!;
    expect(volact.testcase[0].$.name).toBe('volact/nothing-read');
    expect(volact.testcase[0].error![0].$.message).toContain('Nothing in the 2 inputs could be read');

    const json = JSON.parse((await check([dir, ...NOW, '--reporter', 'json'])).stdout) as CheckJson & { verdict: { status: string } };
    expect(json.verdict.status).toBe('nothing-read');
    expect(json.check.passed).toBe(false);

    const md = await check([dir, ...NOW]);
    expect(md.code).toBe(2);
    expect(md.stdout).not.toMatch(/✔/);
    expect(md.stdout).toContain('✘ Nothing in the 2 inputs could be read, so no machine was judged.');
  });
});
