import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { check, failingCauses, FLAT1, NIGHT1, NOW1, tempDir, type CheckJson } from './helpers.js';

describe('volact check exit codes', () => {
  it('exits 1 when findings reach the default --fail-on error, and says how many on stderr', async () => {
    const run = await check([NIGHT1, ...NOW1, '--reporter', 'json']);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as CheckJson;
    const errors = report.findings.filter((f) => f.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    // The check fails on causes: errors that follow from another finding fail through it.
    const causes = failingCauses(report.findings, (f) => f.severity === 'error');
    expect(causes.length).toBeLessThan(errors.length);
    expect(report.check).toEqual({ failOn: 'error', failOnNew: false, failing: causes.length, passed: false });
    const machines = new Set(causes.map((f) => f.machine)).size;
    expect(run.stderr).toContain(`volact check: ${errors.length} findings at or above error on ${machines} machines, from ${causes.length} causes`);
  });

  it('exits 0 when every error-level rule that fires is turned off or lowered by flags', async () => {
    const first = JSON.parse((await check([NIGHT1, ...NOW1, '--reporter', 'json'])).stdout) as CheckJson;
    const errorRules = [...new Set(first.findings.filter((f) => f.severity === 'error').map((f) => f.rule))];
    const flags = errorRules.flatMap((rule, i) => ['--rule', `${rule}=${i % 2 === 0 ? 'off' : 'warning'}`]);
    const run = await check([NIGHT1, ...NOW1, '--reporter', 'json', ...flags]);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as CheckJson;
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(report.check.passed).toBe(true);
    // The same run fails again once warnings count.
    expect((await check([NIGHT1, ...NOW1, '--reporter', 'json', ...flags, '--fail-on', 'warning'])).code).toBe(1);
  });

  it('the flat layout finds the same machines and findings as the folder-per-machine layout', async () => {
    const tree = JSON.parse((await check([NIGHT1, ...NOW1, '--reporter', 'json'])).stdout) as CheckJson;
    const flat = JSON.parse((await check([FLAT1, ...NOW1, '--reporter', 'json'])).stdout) as CheckJson;
    expect(flat.machines.map((m) => m.name)).toEqual(tree.machines.map((m) => m.name));
    const key = (f: CheckJson['findings'][number]) => `${f.rule} ${f.machine} ${f.severity}`;
    expect(flat.findings.map(key).sort()).toEqual(tree.findings.map(key).sort());
    // Same views; only the file names in the sources differ.
    const withoutFiles = (fleet: unknown) => JSON.parse(JSON.stringify(fleet).replace(/"file":"[^"]*"/g, '"file":""')) as unknown;
    expect(withoutFiles(flat.fleet)).toEqual(withoutFiles(tree.fleet));
  });

  it.each([
    [['--reporter', 'xml'], /--reporter expects one of md, json, junit, github/],
    [['--fail-on', 'fatal'], /--fail-on expects one of error, warning, info/],
    [['--rule', 'kms-host/idel=off'], /no such rule \(did you mean "kms-host\/idle"\?\)/],
    [['--rule', 'kms-host/idle'], /--rule expects <rule id>=/],
    [['--rule', 'kms-host/idle=loud'], /setting must be one of error, warning, info, off/],
    [['--fail-on-new'], /--fail-on-new needs --baseline/],
    [['--threads', 'many'], /--threads expects a whole number/],
    [['--config', 'no/such/volact.config.json'], /cannot read the config file \(no such file\)/],
  ])('usage error %j exits 2 with a clear message', async (flags, message) => {
    const run = await check([NIGHT1, ...NOW1, ...flags]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe('');
  });

  it('exits 2 when nothing is readable', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'garbage.bin'), Buffer.from([0, 1, 2, 3, 4, 5, 6, 7]));
    const missing = await check(['no/such/folder', ...NOW1]);
    expect(missing.code).toBe(2);
    const garbage = await check([dir, ...NOW1, '--reporter', 'json']);
    expect(garbage.code).toBe(2);
    expect(garbage.stderr).toMatch(/nothing in the input could be read, so no machine was judged/);
    expect(garbage.stderr).toContain('garbage.bin: whole file: unknown format');
    const json = JSON.parse(garbage.stdout) as CheckJson & { verdict: { status: string; unread: number; inputs: number } };
    // No ✔ without evidence: the JSON says nothing was read and the check did not pass.
    expect(json.verdict).toMatchObject({ status: 'nothing-read', unread: 1, inputs: 1, machines: 0 });
    expect(json.check.passed).toBe(false);
  });
});
