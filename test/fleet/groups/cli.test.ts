// Where likely shared causes show: a line per group on check's standard error, the JSON `groups`, the section
// right after the summary in Markdown, HTML and the GitHub job summary; --group-min and --group-share tune them.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/run-cli.js';

const HOST_DOWN = 'fixtures/groups/host-down';
const SENTENCE = '6 of 6 machines with “KMS request got no response” ask kms02.corp.contoso.com; its last 12290 is 2024-03-05 03:10 UTC, 26 h before the newest record in the snapshot';

describe('likely shared causes in every output', () => {
  const saved = process.env.GITHUB_STEP_SUMMARY;
  afterEach(() => {
    if (saved === undefined) delete process.env.GITHUB_STEP_SUMMARY;
    else process.env.GITHUB_STEP_SUMMARY = saved;
  });

  it('check: one line per group on standard error, before the verdict', async () => {
    const run = await runCli(['check', HOST_DOWN, '-o', '/dev/null']);
    expect(run.code).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(`volact check: likely shared cause: ${SENTENCE}; on that host: “Clients still contact a host that logs no requests”.`);
    expect(lines[1]).toBe('volact check: 6 findings at or above error on 6 machines');
    const ja = await runCli(['check', HOST_DOWN, '-o', '/dev/null', '--lang', 'ja']);
    expect(ja.stderr).toMatch(/^volact check: 共通の原因の候補: 「KMS 要求に応答がない」の 6 台のうち 6 台に共通するのは、要求先の KMS ホスト kms02\.corp\.contoso\.com です。/);
  });

  it('JSON: groups right after the summary and the verdict, with the sentence beside its message', async () => {
    const report = JSON.parse((await runCli(['analyze', HOST_DOWN, '-f', 'json'])).stdout);
    expect(Object.keys(report).slice(0, 7)).toEqual(['schemaVersion', 'tool', 'generatedAt', 'now', 'summary', 'verdict', 'groups']);
    const [group] = report.groups;
    expect(Object.keys(group)).toEqual(['id', 'text', 'onsetText', 'shared', 'rules', 'machines', 'healthy', 'onset', 'host', 'message', 'onsetMessage']);
    expect(group.id).toBe('host:kms02.corp.contoso.com');
    expect(group.text.startsWith(SENTENCE)).toBe(true);
    expect(group.message.id).toBe('groups.sentence');
    // The six healthy clients that ask a host (kms01); the hosts themselves ask none.
    expect(group.healthy).toEqual({ sharing: 0, of: 6 });
  });

  it('Markdown and HTML: the section comes right after the summary', async () => {
    const md = (await runCli(['analyze', HOST_DOWN])).stdout;
    const heads = [...md.matchAll(/^## (.*)$/gm)].map((m) => m[1]);
    expect(heads.slice(0, 3)).toEqual(['Summary', 'Likely shared causes', 'Findings by rule']);
    expect(md).toContain(`1. ${SENTENCE.replace(/_/g, '\\_')}`);
    expect(md).toContain('   Machines: C01.corp.contoso.com, C02.corp.contoso.com, C03.corp.contoso.com, C04.corp.contoso.com, C05.corp.contoso.com, C06.corp.contoso.com');
    const html = (await runCli(['analyze', HOST_DOWN, '-f', 'html'])).stdout;
    expect(html.indexOf('<h2>Likely shared causes</h2>')).toBeGreaterThan(html.indexOf('<h2>Summary</h2>'));
    expect(html.indexOf('<h2>Likely shared causes</h2>')).toBeLessThan(html.indexOf('<h2>Findings by rule</h2>'));
  });

  it('the GitHub job summary has the section after its summary', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'volact-groups-'));
    try {
      process.env.GITHUB_STEP_SUMMARY = path.join(dir, 'summary.md');
      await runCli(['check', HOST_DOWN, '--reporter', 'github', '-o', path.join(dir, 'annotations.txt')]);
      const summary = readFileSync(path.join(dir, 'summary.md'), 'utf8');
      const heads = [...summary.matchAll(/^## (.*)$/gm)].map((m) => m[1]);
      expect(heads.slice(0, 3)).toEqual(['volact check', 'Summary', 'Likely shared causes']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--group-min and --group-share tune it; --group-min 0 turns it off; bad values are usage errors', async () => {
    const groups = async (...flags: string[]): Promise<number> => (JSON.parse((await runCli(['analyze', HOST_DOWN, '-f', 'json', ...flags])).stdout).groups as unknown[]).length;
    expect(await groups()).toBe(1);
    expect(await groups('--group-min', '7')).toBe(0);
    expect(await groups('--group-min', '0')).toBe(0);
    expect(await groups('--group-share', '100%')).toBe(1);
    expect(await groups('--group-share', '0.9')).toBe(1);
    const bad = await runCli(['check', HOST_DOWN, '--group-share', '1.5%x']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--group-share expects a share above 0 and at most 1, or a percentage (0.8, 80%), found "1.5%x"');
    expect((await runCli(['analyze', HOST_DOWN, '--group-min', '-1'])).stderr).toContain('--group-min expects a whole number (0 groups nothing), found "-1"');
  });
});
