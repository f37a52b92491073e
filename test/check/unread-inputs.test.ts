// Issue 23: files volact could not read are findings in every CI reporter, counted in the verdict, and a run
// that read nothing exits 2 with no ✔ anywhere. The snapshot: client01 read (a healthy KMS client) with a
// screenshot beside its log; client02 and client03 only a cut Application.evtx; client04 a PDF and a screenshot;
// one loose note at the top. Five of six inputs cannot be read.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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

// Issue 23, done when: a CI reporter run with unreadable inputs beside a machine whose cause has consequences.
// CLIENT01 is pinned with /skms to a host that is gone (fixtures/scenarios/kms-client-static-host-times-out):
// host-mismatch (a warning) is the cause of four errors. client02's log is cut, client04 sent a PDF and a screenshot.
describe('CI reporters: unread inputs beside a cause with its consequences', () => {
  const CONSEQUENCES = ['kms-client/no-response', 'kms-client/request-failed', 'kms-client/not-activated', 'license/notification'];

  function mixed(): string {
    const dir = tempDir();
    const scenario = 'fixtures/scenarios/kms-client-static-host-times-out';
    for (const file of ['client01/Application.xml', 'client01/slmgr-dli.txt', 'kms01/KeyManagementService.xml', 'kms01/slmgr-dlv.txt']) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      copyFileSync(`${scenario}/${file}`, path.join(dir, file));
    }
    for (const m of ['client02', 'client04']) mkdirSync(path.join(dir, m));
    copyFileSync(`${FIRES}/client02/Application.evtx`, path.join(dir, 'client02/Application.evtx'));
    copyFileSync(`${FIRES}/client01/slmgr-dli.png`, path.join(dir, 'client04/activation.png'));
    writeFileSync(path.join(dir, 'client04/report.pdf'), '%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n');
    return dir;
  }

  it('JSON: the cause names its consequences, and the verdict counts the unread inputs', async () => {
    const run = await check([mixed(), ...NOW, '--reporter', 'json']);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as CheckJson & { verdict: Record<string, unknown> };
    const cause = report.findings.find((f) => f.rule === 'kms-client/host-mismatch')!;
    expect(cause.consequences).toEqual(CONSEQUENCES);
    for (const rule of CONSEQUENCES) expect(report.findings.find((f) => f.rule === rule)?.cause).toBe('kms-client/host-mismatch');
    expect(report.verdict).toMatchObject({ status: 'attention', machines: 2, attention: 1, errors: 1, inputs: 7, unread: 3 });
    expect(run.stderr).toBe('volact check: 4 findings at or above error on 1 machine, from 1 cause; 3 of 7 inputs could not be read\n');
  });

  it('GitHub: one error on the cause listing its consequences, a warning per unread file, none for a consequence', async () => {
    const dir = mixed();
    const summary = path.join(tempDir(), 'summary.md');
    writeFileSync(summary, '');
    const before = process.env.GITHUB_STEP_SUMMARY;
    process.env.GITHUB_STEP_SUMMARY = summary;
    try {
      const run = await check([dir, ...NOW, '--reporter', 'github']);
      expect(run.code).toBe(1);
      const lines = run.stdout.trimEnd().split('\n');
      const errors = lines.filter((l) => l.startsWith('::error '));
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(/^::error file=[^,]+\/client01\/Application\.xml,title=kms-client\/host-mismatch on CLIENT01\.corp\.contoso\.com::/);
      const listed = errors[0].split('%0AFollows from it:%0A')[1] ?? '';
      expect(listed.split('%0A').slice(0, 4).map((l) => /^✘ (\S+):/.exec(l)?.[1])).toEqual(CONSEQUENCES);
      for (const rule of CONSEQUENCES) expect(lines.some((l) => l.includes(`title=${rule} on`))).toBe(false);
      const unread = lines.filter((l) => l.includes(',title=input/unreadable on '));
      expect(unread.map((l) => /file=[^,]+\/(client0\d\/[^,]+),/.exec(l)?.[1]).sort()).toEqual(['client02/Application.evtx', 'client04/activation.png', 'client04/report.pdf']);
      expect(unread.every((l) => l.startsWith('::warning '))).toBe(true);
      const text = readFileSync(summary, 'utf8');
      expect(text).toContain('**✘ 1 finding fails the check (4 more follow from it)**');
      expect(text).toContain('✘ 1 of 2 machines needs attention: 1 with errors; 3 of 7 inputs could not be read.');
    } finally {
      if (before === undefined) delete process.env.GITHUB_STEP_SUMMARY;
      else process.env.GITHUB_STEP_SUMMARY = before;
    }
  });

  it('--rule sets an input rule\'s level like any rule\'s; off drops the findings but the verdict still counts the files', async () => {
    const dir = mixed();
    const strict = JSON.parse((await check([dir, ...NOW, '--reporter', 'json', '--rule', 'input/unreadable=error'])).stdout) as CheckJson;
    const unread = strict.findings.filter((f) => f.rule === 'input/unreadable');
    expect(unread.map((f) => f.severity)).toEqual(['error', 'error', 'error']);
    // Three unreadable files on two machines fail beside the one cause of CLIENT01.
    expect(strict.check.failing).toBe(4);
    const off = await check([dir, ...NOW, '--reporter', 'json', '--rule', 'input/unreadable=off']);
    const quiet = JSON.parse(off.stdout) as CheckJson & { verdict: Record<string, unknown> };
    expect(quiet.findings.filter((f) => f.rule.startsWith('input/'))).toEqual([]);
    expect(quiet.verdict).toMatchObject({ inputs: 7, unread: 3 });
    expect(off.stderr).toContain('3 of 7 inputs could not be read');
  });

  it('a baseline knows the unread files: --fail-on-new passes on the same ones and fails on a new one', async () => {
    const dir = mixed();
    const baseline = path.join(tempDir(), 'last.json');
    expect((await check([dir, ...NOW, '--reporter', 'json', '-o', baseline, '--fail-on', 'warning'])).code).toBe(1);
    const same = await check([dir, ...NOW, '--fail-on', 'warning', '--fail-on-new', '--baseline', baseline]);
    expect(same.code).toBe(0);
    expect(same.stderr).toBe('volact check: no new finding at or above warning; 3 of 7 inputs could not be read\n');
    writeFileSync(path.join(dir, 'client02/export.pdf'), '%PDF-1.7\n');
    const grown = await check([dir, ...NOW, '--fail-on', 'warning', '--fail-on-new', '--baseline', baseline, '--reporter', 'json']);
    expect(grown.code).toBe(1);
    const report = JSON.parse(grown.stdout) as CheckJson;
    expect(report.baseline?.new.map((f) => [f.rule, f.machine])).toEqual([['input/unreadable', 'client02']]);
  });

  it('JUnit: the cause fails with its consequences in the text, their cases are skipped, each unread file is a case', async () => {
    const dir = mixed();
    const run = await check([dir, ...NOW, '--reporter', 'junit']);
    expect(run.code).toBe(1);
    const { root, suites } = await junitSuites(run.stdout);
    expect(root.failures).toBe('1');
    const client = suites.find((s) => s.$.name === 'CLIENT01.corp.contoso.com')!.testcase;
    const cause = client.find((c) => c.$.name === 'kms-client/host-mismatch')!;
    const body = String((cause.failure as Array<{ _: string }>)[0]._);
    const followers = body.split('Follows from it:\n')[1]?.split('\n').slice(0, 4).map((l) => /^- \[error\] (\S+):/.exec(l)?.[1]);
    expect(followers).toEqual(CONSEQUENCES);
    for (const rule of CONSEQUENCES) {
      const c = client.find((x) => x.$.name === rule)!;
      expect(c.failure).toBeUndefined();
      expect(c.skipped![0].$.message).toMatch(/^follows from kms-client\/host-mismatch: /);
    }
    const unread = suites.flatMap((s) => s.testcase.filter((c) => c.$.name.startsWith('input/unreadable ')));
    expect(unread.map((c) => c.$.name.slice(dir.length + 'input/unreadable '.length + 1)).sort()).toEqual(['client02/Application.evtx', 'client04/activation.png', 'client04/report.pdf']);
    for (const c of unread) expect(c.skipped![0].$.message).toMatch(/could not be read$/);
  });
});

describe('an input read only in part (input/partly-read, info)', () => {
  const PARTLY = 'fixtures/rules/input--partly-read/fires';

  it('is counted in the JSON verdict and the headline, passes at error and fails at --fail-on info', async () => {
    const json = await check([PARTLY, ...NOW, '--reporter', 'json']);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout) as CheckJson & { verdict: Record<string, unknown> };
    expect(report.verdict).toEqual({ status: 'clean', machines: 1, attention: 0, errors: 0, inputs: 1, unread: 0, partlyRead: 1 });
    expect(report.findings.find((f) => f.rule === 'input/partly-read')?.severity).toBe('info');
    const md = await check([PARTLY, ...NOW]);
    expect(md.stdout).toContain('✔ The machine has no warning or error; 1 of 1 input was read only in part.');
    const strict = JSON.parse((await check([PARTLY, ...NOW, '--reporter', 'json', '--fail-on', 'info'])).stdout) as CheckJson;
    expect(strict.check.passed).toBe(false);
    expect((await check([PARTLY, ...NOW, '--fail-on', 'info'])).code).toBe(1);
  });
});
