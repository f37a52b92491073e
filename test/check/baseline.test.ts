import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffBaseline, findingKey, readBaseline, BaselineError, verdict } from '../../src/report/baseline.js';
import type { WrittenFinding as Finding } from '../../src/report/index.js';
import { check, failingCauses, NIGHT1, NIGHT2, NOW1, NOW2, tempDir, type CheckJson } from './helpers.js';

async function night1Baseline(): Promise<string> {
  const file = path.join(tempDir(), 'night1.json');
  writeFileSync(file, (await check([NIGHT1, ...NOW1, '--reporter', 'json'])).stdout);
  return file;
}

const ids = (list: Array<{ rule: string; machine?: string }>) => list.map((f) => `${f.machine} ${f.rule}`).sort();

describe('--baseline', () => {
  it('reports what is new, resolved and persisting since the previous snapshot', async () => {
    const baseline = await night1Baseline();
    const night1 = JSON.parse((await check([NIGHT1, ...NOW1, '--reporter', 'json'])).stdout) as CheckJson;
    const run = await check([NIGHT2, ...NOW2, '--reporter', 'json', '--baseline', baseline]);
    const report = JSON.parse(run.stdout) as CheckJson;
    const diff = report.baseline!;
    // client04 appeared with a DNS failure; client03's missing responses were fixed.
    expect(diff.new.length).toBeGreaterThan(0);
    expect(new Set(diff.new.map((f) => f.machine))).toEqual(new Set(['client04.corp.contoso.com']));
    expect(ids(diff.new)).toContain('client04.corp.contoso.com kms-client/dns-lookup-failed');
    expect(ids(diff.resolved)).toEqual(['client03.corp.contoso.com kms-client/no-response', 'client03.corp.contoso.com kms-client/not-seen-by-host']);
    expect(diff.persisting).toBe(night1.findings.length - diff.resolved.length);
    expect(diff.persisting + diff.new.length).toBe(report.findings.length);
    expect(run.code).toBe(1);
  });

  it('--fail-on-new fails on new findings only', async () => {
    const baseline = await night1Baseline();
    const night2 = await check([NIGHT2, ...NOW2, '--reporter', 'json', '--baseline', baseline, '--fail-on-new']);
    expect(night2.code).toBe(1);
    const report = JSON.parse(night2.stdout) as CheckJson;
    // New errors fail through their causes (a new error that follows from a known finding fails that finding).
    const fresh = new Set(report.baseline!.new.filter((f) => (f as { severity?: string }).severity === 'error').map((f) => `${f.machine} ${f.rule}`));
    expect(fresh.size).toBeGreaterThan(0);
    expect(report.check.failing).toBe(failingCauses(report.findings, (f) => fresh.has(`${f.machine} ${f.rule}`)).length);
    // The same snapshot again: everything persists, nothing is new.
    const again = await check([NIGHT1, ...NOW1, '--reporter', 'md', '--baseline', baseline, '--fail-on-new']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('### Since the baseline');
    expect(again.stdout).toMatch(/0 new, 0 resolved, \d+ persisting/);
  });

  it('reads a schema-1 baseline (written before evidence caps) as it reads a schema-2 one', async () => {
    const v1 = 'fixtures/snapshots/baseline-v1-2024-03-07.json';
    expect((JSON.parse(readFileSync(v1, 'utf8')) as { schemaVersion: number }).schemaVersion).toBe(1);
    const fromV1 = JSON.parse((await check([NIGHT2, ...NOW2, '--reporter', 'json', '--baseline', v1])).stdout) as CheckJson;
    const fromV2 = JSON.parse((await check([NIGHT2, ...NOW2, '--reporter', 'json', '--baseline', await night1Baseline()])).stdout) as CheckJson;
    expect(fromV1.schemaVersion).toBe(2);
    expect(ids(fromV1.baseline!.new)).toEqual(ids(fromV2.baseline!.new));
    expect(ids(fromV1.baseline!.resolved)).toEqual(['client03.corp.contoso.com kms-client/no-response', 'client03.corp.contoso.com kms-client/not-seen-by-host']);
    expect(fromV1.baseline!.persisting).toBe(fromV2.baseline!.persisting);
    // Resolved findings from the old report are capped like tonight's.
    for (const f of fromV1.baseline!.resolved as unknown as Array<{ evidence: unknown[]; evidenceTotal: number }>) expect(f.evidenceTotal).toBeGreaterThanOrEqual(f.evidence.length);
  });

  it('refuses a baseline written with an older schemaVersion, with a clear message', async () => {
    const dir = tempDir();
    const old = path.join(dir, 'old.json');
    writeFileSync(old, JSON.stringify({ schemaVersion: 0, tool: { name: 'volact', version: '0.0.1' }, findings: [] }));
    const run = await check([NIGHT2, ...NOW2, '--baseline', old]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('older report format, schemaVersion 0 (volact 0.0.1); this volact reads schemaVersion 1 and 2');
    expect(run.stdout).toBe('');
    const notJson = path.join(dir, 'bad.json');
    writeFileSync(notJson, '<html>');
    expect((await check([NIGHT2, ...NOW2, '--baseline', notJson])).stderr).toMatch(/the baseline is not JSON/);
    expect((await check([NIGHT2, ...NOW2, '--baseline', path.join(dir, 'missing.json')])).stderr).toMatch(/cannot read it \(no such file\)/);
  });
});

describe('finding identity', () => {
  const base: Finding = { rule: 'kms-host/count-below-threshold', severity: 'error', machine: 'KMS01.corp.contoso.com', title: 'KMS host count 12 is below 25', detail: '', evidence: [{ file: 'a', record: 1, summary: 's' }], remedy: [], kb: [] };

  it('ignores counts, evidence and the spelling of the machine name, but not codes or CMIDs', () => {
    const tomorrow = { ...base, machine: 'kms01', title: 'KMS host count 14 is below 25', evidence: [{ file: 'b', record: 99, summary: 't' }] };
    expect(findingKey(tomorrow)).toBe(findingKey(base));
    const code = (c: string): Finding => ({ ...base, rule: 'kms-client/request-failed', title: `Request failed with ${c}` });
    expect(findingKey(code('0xC004F074'))).not.toBe(findingKey(code('0xC004F038')));
    const cmid = (c: string): Finding => ({ ...base, rule: 'kms-host/duplicate-cmid', title: `CMID ${c} is shared` });
    expect(findingKey(cmid('c0ffee00-1111-4222-8333-444455556666'))).not.toBe(findingKey(cmid('c0ffee00-1111-4222-8333-444455556667')));
    expect(findingKey({ ...base, machine: 'kms02' })).not.toBe(findingKey(base));
  });

  it('matches repeated identities one for one', () => {
    const previous = readBaseline(JSON.stringify({ schemaVersion: 1, findings: [base] }), 'prev.json');
    const diff = diffBaseline([base, { ...base }], previous, 'prev.json');
    expect(diff.persisting).toHaveLength(1);
    expect(diff.new).toHaveLength(1);
    expect(diff.resolved).toHaveLength(0);
  });

  it('rejects a file that is not a volact report', () => {
    expect(() => readBaseline('{"findings":[]}', 'x.json')).toThrow(BaselineError);
    expect(() => readBaseline('{"schemaVersion":1,"findings":[{"rule":1}]}', 'x.json')).toThrow(/malformed/);
    expect(() => readBaseline('{"schemaVersion":3,"findings":[]}', 'x.json')).toThrow(/a newer report format, schemaVersion 3/);
  });

  it('verdict: at or above the level, and with failOnNew only the new ones', () => {
    const warn = { ...base, severity: 'warning' as const };
    const info = { ...base, severity: 'info' as const };
    expect([...verdict([base, warn, info], 'error').failing]).toEqual([base]);
    expect([...verdict([base, warn, info], 'warning').failing]).toEqual([base, warn]);
    const diff = { file: 'p', new: [warn], resolved: [], persisting: [base] };
    const v = verdict([base, warn], 'warning', diff, true);
    expect([...v.failing]).toEqual([warn]);
    expect([...v.known]).toEqual([base]);
  });
});
