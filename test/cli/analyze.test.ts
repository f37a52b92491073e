import { mkdtempSync, readFileSync, writeFileSync, copyFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const NOW = ['--now', '2024-03-06T00:00:00Z'];
const FIX = 'fixtures/ingest';

interface JsonReport {
  schemaVersion: number;
  tool: { name: string; version: string };
  now: string;
  summary: { inputs: number; records: number; decoded: number; ignored: number; rejected: number; machines: number; findings: Record<string, number> };
  inputs: Array<{ file: string; format: string; records: number; decoded: number; ignored: number; rejected: Array<{ where: string; reason: string }> }>;
  machines: Array<{ name: string; roles: string[]; walk: Array<{ step: string; status: string }> }>;
  findings: Array<{ rule: string; severity: string; machine?: string; evidence: Array<{ file: string; record?: number }> }>;
  fleet: Record<string, unknown>;
}

async function analyzeJson(args: string[]): Promise<{ code: number; report: JsonReport; stderr: string }> {
  const run = await runCli(['analyze', ...args, '-f', 'json', ...NOW]);
  return { code: run.code, report: JSON.parse(run.stdout) as JsonReport, stderr: run.stderr };
}

describe('volact analyze on XML exports', () => {
  it.each(['eventviewer.xml', 'wevtutil-rootless.xml', 'wevtutil-utf16le.xml'])('%s: one KMS client failing on count', async (name) => {
    const { code, report } = await analyzeJson([`${FIX}/${name}`]);
    expect(code).toBe(0);
    expect(report.inputs).toEqual([
      { file: `${FIX}/${name}`, format: 'xml', records: 4, decoded: 3, ignored: 1, rejected: [] },
    ]);
    expect(report.machines.map((m) => [m.name, m.roles])).toEqual([['CLIENT01.corp.contoso.com', ['kms-client']]]);
    const rules = report.findings.map((f) => f.rule);
    expect(rules).toContain('kms-client/count-below-threshold');
    expect(rules).not.toContain('kms-client/request-failed');
    const finding = report.findings.find((f) => f.rule === 'kms-client/count-below-threshold')!;
    expect(finding.machine).toBe('CLIENT01.corp.contoso.com');
    expect(finding.evidence.map((e) => e.record)).toContain(8002);
  });

  it('a folder with every form plus broken files: the broken ones are rejected and counted, the rest is read', async () => {
    const { code, report } = await analyzeJson([FIX]);
    expect(code).toBe(0);
    const byFile = Object.fromEntries(report.inputs.map((i) => [path.basename(i.file), i]));
    expect(byFile['broken-truncated.xml']).toMatchObject({ records: 4, decoded: 1, ignored: 1 });
    expect(byFile['broken-truncated.xml'].rejected.map((r) => r.where)).toEqual(['line 4', 'line 6']);
    expect(byFile['not-xml.xml']).toMatchObject({ format: 'unknown', records: 1, decoded: 0 });
    expect(byFile['not-xml.xml'].rejected[0].reason).toMatch(/^unknown format/);
    for (const input of report.inputs) {
      expect(input.records).toBe(input.decoded + input.ignored + input.rejected.length);
    }
    expect(report.summary.rejected).toBe(3);
    expect(report.summary.inputs).toBe(report.inputs.length);
    // Six good copies of the same client events collapse into one machine.
    expect(report.machines).toHaveLength(1);
  });

  it('reports an unreadable path and still reads the rest', async () => {
    const { code, report } = await analyzeJson([`${FIX}/eventviewer.xml`, 'no/such/file.evtx']);
    expect(code).toBe(0);
    expect(report.inputs[0]).toMatchObject({ file: 'no/such/file.evtx', format: 'unknown', rejected: [{ where: 'path', reason: 'no such file or folder' }] });
  });

  it('exits 2 when nothing at all could be read', async () => {
    const run = await runCli(['analyze', `${FIX}/not-xml.xml`, 'missing.xml', ...NOW]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('nothing in the 2 inputs could be read, so no machine was judged');
    expect(run.stderr).toContain('not-xml.xml: whole file: unknown format');
    expect(run.stdout).toContain('## Inputs');
    // The report says so too, and judges no machine: no "✔ None of the 0 machines".
    expect(run.stdout).toContain('✘ Nothing in the 2 inputs could be read, so no machine was judged.');
    expect(run.stdout).not.toContain('✔');
  });

  it('reads standard input', async () => {
    const run = await runCli(['analyze', '-', '-f', 'json', ...NOW], readFileSync(`${FIX}/wevtutil-utf16le.xml`));
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.inputs[0]).toMatchObject({ file: '<stdin>', format: 'xml', records: 4, decoded: 3 });
  });

  it('expands globs', async () => {
    const { report } = await analyzeJson([`${FIX}/wevtutil-*.xml`]);
    expect(report.inputs.map((i) => path.basename(i.file))).toEqual(['wevtutil-rooted.xml', 'wevtutil-rootless.xml', 'wevtutil-utf16le.xml']);
  });

  it('writes to -o and keeps stdout empty', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'volact-'));
    const out = path.join(dir, 'report.md');
    const run = await runCli(['analyze', `${FIX}/eventviewer.xml`, '-o', out, ...NOW]);
    expect(run.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toMatch(/^# volact report/);
  });

  it('has the JSON shape of DESIGN.md', async () => {
    const { report } = await analyzeJson([`${FIX}/eventviewer.xml`]);
    expect(report.schemaVersion).toBe(2);
    expect(report.tool.name).toBe('volact');
    expect(report.tool.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(report.now).toBe('2024-03-06T00:00:00.000Z');
    expect(Object.keys(report)).toEqual(['schemaVersion', 'tool', 'generatedAt', 'now', 'summary', 'verdict', 'groups', 'layout', 'inputs', 'machines', 'findings', 'fleet']);
    const machine = report.machines[0];
    expect(machine.walk.length).toBeGreaterThan(0);
    for (const step of machine.walk) expect(['pass', 'fail', 'unknown']).toContain(step.status);
  });

  it('"now" defaults to the newest record, not the wall clock', async () => {
    const run = await runCli(['analyze', `${FIX}/eventviewer.xml`, '-f', 'json']);
    expect((JSON.parse(run.stdout) as JsonReport).now).toBe('2024-03-05T09:30:00.0000000Z');
  });

  it('usage errors exit 2 with a message', async () => {
    expect((await runCli(['analyze', FIX, '-f', 'pdf'])).code).toBe(2);
    expect((await runCli(['analyze', FIX, '--now', 'yesterday'])).stderr).toContain('--now expects an ISO-8601 time');
    expect((await runCli(['frobnicate'])).code).toBe(2);
    expect((await runCli(['analyze'])).code).toBe(2);
  });

  it('--version and --help exit 0', async () => {
    const version = await runCli(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('analyze');
  });

  it('takes slmgr text with --machine from stdin', async () => {
    const dlv = 'Name: Windows(R), Enterprise edition\r\nDescription: Windows(R) Operating System, VOLUME_KMSCLIENT channel\r\nPartial Product Key: 2YT43\r\nLicense Status: Licensed\r\nVolume activation expiration: 259200 minute(s) (180 day(s))\r\n';
    const run = await runCli(['analyze', '-', '--machine', 'ws042', '-f', 'json', ...NOW], dlv);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.inputs[0]).toMatchObject({ format: 'slmgr', records: 1, decoded: 1 });
    expect(report.machines.map((m) => m.name)).toEqual(['ws042']);
  });

  it('a machine folder names slmgr text that does not say', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'volact-'));
    mkdirSync(path.join(dir, 'WS-17'));
    writeFileSync(path.join(dir, 'WS-17', 'dli.txt'), 'Name: Windows(R), Enterprise edition\r\nDescription: Windows(R) Operating System, VOLUME_MAK channel\r\nLicense Status: Licensed\r\n');
    copyFileSync(`${FIX}/eventviewer.xml`, path.join(dir, 'WS-17', 'app.xml'));
    const { report } = await analyzeJson([dir]);
    expect(report.machines.map((m) => m.name).sort()).toEqual(['CLIENT01.corp.contoso.com', 'WS-17']);
  });
});
