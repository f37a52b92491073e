// The fleet-scale layout on a fleet of 38 machines, 4 of them failing (fixtures/fleet-report): sections only
// for the failing machines, info findings grouped into one row per rule, evidence capped with the right
// counts, --machines/--show-machine choosing the sections, and a one-machine run shown whole.
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze, type Analysis } from '../../src/analyze.js';
import { buildReport, renderJson, renderMarkdown, type Report, type ReportOptions } from '../../src/report/index.js';
import { runCli } from '../cli/run-cli.js';

const FLEET = 'fixtures/fleet-report/fleet-2024-03-08';
const NOW = '2024-03-08T00:00:00Z';
const FAILING = ['pc-count.corp.example', 'pc-dns.corp.example', 'pc-silent.corp.example', 'pc-expiry.corp.example'];

let analysis: Analysis;

/** The report as the CLI builds it, with the wall-clock `generatedAt` pinned so the text is reproducible. */
function report(options: ReportOptions = {}, from: Analysis = analysis): Report {
  return { ...buildReport(from, options), generatedAt: '2024-03-08T00:00:00.000Z' };
}

/** The `## ` headings of a Markdown report, in order. */
function sections(markdown: string): string[] {
  return [...markdown.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
}

/** The text of one `## ` section, up to the next one. */
function section(markdown: string, title: string): string {
  const start = markdown.indexOf(`\n## ${title}\n`);
  if (start < 0) throw new Error(`no section ${title}`);
  const end = markdown.indexOf('\n## ', start + 1);
  return markdown.slice(start, end < 0 ? undefined : end);
}

beforeAll(async () => {
  analysis = await analyze([FLEET], { now: NOW, threads: 0 });
});

describe('fleet layout (Markdown)', () => {
  it('reads as the snapshot says', async () => {
    await expect(renderMarkdown(report())).toMatchFileSnapshot('__snapshots__/fleet-report.md');
  });

  it('leads with the verdict and counts, then findings by rule, the fleet views, the failing machines, the rest', () => {
    const text = renderMarkdown(report());
    expect(text).toContain('✘ 4 of 38 machines need attention: 3 with errors, 1 with warnings only.');
    expect(text).toContain('| Machines by worst finding | ✘ error 3 · ⚠ warning 1 · ℹ info only 33 · no finding 1 |');
    // Errors first, then warnings; nothing for the 34 healthy machines.
    expect(sections(text)).toEqual([
      'Summary',
      'Findings by rule',
      'Fleet',
      'pc-count.corp.example',
      'pc-dns.corp.example',
      'pc-silent.corp.example',
      'pc-expiry.corp.example',
      'Machines without warnings or errors (34)',
      'Inputs',
    ]);
  });

  it('groups a rule’s findings into one row with the machine count and the first names', () => {
    const table = section(renderMarkdown(report()), 'Findings by rule');
    const rows = table.split('\n').filter((l) => l.startsWith('| '));
    expect(rows).toHaveLength(1 + 8);
    expect(rows.filter((r) => r.includes('`kms-client/activated`'))).toEqual([
      '| ℹ info | `kms-client/activated` | KMS client is activated | 34 | pc-001.corp.example, pc-002.corp.example, pc-003.corp.example, pc-004.corp.example, pc-005.corp.example and 29 more |  |',
    ]);
    // The last column says where the finding is the likely cause, and what it follows from elsewhere.
    expect(rows).toContain(
      '| ✘ error | `kms-client/no-response` | KMS request got no response | 2 | pc-dns.corp.example, pc-silent.corp.example | likely cause on 1 machine · follows from kms-client/dns-lookup-failed on 1 machine |',
    );
    expect(rows).toContain(
      '| ✘ error | `kms-client/not-seen-by-host` | KMS host never logged this client | 2 | pc-dns.corp.example, pc-silent.corp.example | follows from kms-client/dns-lookup-failed on 1 machine · follows from kms-client/no-response on 1 machine |',
    );
    // Errors before warnings before info.
    const severities = rows.slice(1).map((r) => r.split(' | ')[0]);
    expect(severities).toEqual(['| ✘ error', '| ✘ error', '| ✘ error', '| ✘ error', '| ✘ error', '| ⚠ warning', '| ℹ info', '| ℹ info']);
  });

  it('caps evidence at 3 in text, counting the rest from the full list', () => {
    const text = renderMarkdown(report());
    const dns = section(text, 'pc-dns.corp.example');
    // 25 failed requests: 3 shown, 22 counted, in the finding and in its walk step.
    const finding = dns.slice(dns.indexOf('`kms-client/dns-lookup-failed`'), dns.indexOf('What to do'));
    expect(finding.match(/^- `/gm)).toHaveLength(3);
    expect(finding).toContain('- … and 22 more of the same kind (all of them are in the JSON report)');
    expect(dns).toMatch(/\| ✘ \| Can the client find a KMS host[^\n]*<br>… and 22 more \|/);
    // 5 unanswered requests: 3 shown, 2 counted.
    const silent = section(text, 'pc-silent.corp.example');
    const noResponse = silent.slice(silent.indexOf('`kms-client/no-response`'), silent.indexOf('What to do'));
    expect(noResponse.match(/^- `/gm)).toHaveLength(3);
    expect(noResponse).toContain('- … and 2 more of the same kind');
    // --evidence all shows every piece.
    const all = section(renderMarkdown(report({ evidence: 'all' }), { evidence: 'all' }), 'pc-dns.corp.example');
    const full = all.slice(all.indexOf('`kms-client/dns-lookup-failed`'), all.indexOf('What to do'));
    expect(full.match(/^- `/gm)).toHaveLength(25);
    expect(full).not.toContain('more of the same kind');
  });

  it('lists the healthy machines in one compact table', () => {
    const table = section(renderMarkdown(report()), 'Machines without warnings or errors (34)');
    const rows = table.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Machine |'));
    expect(rows).toHaveLength(34);
    expect(rows).toContain('| pc-007.corp.example | kms-client | Windows 10/11 Enterprise | Licensed | 2024-09-03 | ℹ info only |');
    expect(rows).toContain('| kms01.corp.example | kms-host | Windows(R), ServerStandard edition | Licensed |  | no finding |');
    for (const name of FAILING) expect(table).not.toContain(name);
  });

  it('summarizes the inputs past 50 files instead of one row each', () => {
    const inputs = section(renderMarkdown(report()), 'Inputs');
    expect(inputs).toContain('73 files without rejections or warnings (xml 37 · slmgr 36): read 172 · decoded 172 · ignored 0.');
    expect(inputs).not.toContain('| `fixtures/');
  });

  it('--machines all restores every section, each as the failing-only run writes it', () => {
    const failing = renderMarkdown(report());
    const all = renderMarkdown(report({ machines: 'all' }));
    const names = sections(all).filter((s) => !['Summary', 'Findings by rule', 'Fleet', 'Inputs'].includes(s));
    expect(names).toHaveLength(38);
    expect(names.slice(0, 4)).toEqual(FAILING);
    expect(all).not.toContain('## Machines without');
    for (const name of FAILING) expect(section(all, name)).toBe(section(failing, name));
    expect(section(all, 'pc-017.corp.example')).toContain('### Walk');
    expect(section(all, 'pc-017.corp.example')).toContain('### ℹ info `kms-client/activated` KMS client is activated');
  });

  it('--machines none keeps only the compact table; --show-machine adds machines by name or glob', () => {
    const none = renderMarkdown(report({ machines: 'none' }));
    expect(sections(none)).toContain('Machines without a detail section (38)');
    expect(sections(none).some((s) => s.startsWith('pc-'))).toBe(false);
    expect(section(none, 'Machines without a detail section (38)')).toContain('| pc-dns.corp.example | kms-client | Windows 10/11 Enterprise | OOBGrace | 2024-09-02 | ✘ error |');

    const shown = renderMarkdown(report({ show: ['PC-01?', 'mak01'] }));
    const names = sections(shown);
    expect(names.filter((s) => /^pc-01\d/.test(s))).toHaveLength(10);
    expect(names).toContain('mak01');
    expect(names).toContain('Machines without warnings or errors (23)');
    for (const name of FAILING) expect(names).toContain(name);
  });

  it('a one-machine run shows that machine in full whatever its state', async () => {
    const one = await analyze([`${FLEET}/pc-001`], { now: NOW, threads: 0 });
    const text = renderMarkdown(report({}, one));
    expect(sections(text)).toEqual(['Summary', 'Findings by rule', 'Fleet', 'pc-001.corp.example', 'Inputs']);
    expect(text).toBe(renderMarkdown(report({ machines: 'all' }, one)));
    const machine = section(text, 'pc-001.corp.example');
    expect(machine).toContain('- License: Windows 10/11 Enterprise · VOLUME\\_KMSCLIENT · …2YT43 · **Licensed**');
    expect(machine).toContain('### Walk');
    expect(machine).toContain('### ℹ info `kms-client/activated` KMS client is activated');
    // Few inputs: each file keeps its row.
    expect(section(text, 'Inputs')).toContain(`| \`${FLEET}/pc-001/slmgr-dlv.txt\` | slmgr | 1 | 1 | 0 | 0 |`);
  });

  it('says so on stderr when --show-machine names no machine', async () => {
    const run = await runCli(['analyze', FLEET, '--now', NOW, '--no-kb', '--show-machine', 'pc-9*', '--machines', 'none']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('volact: --show-machine "pc-9*" matched no machine of the report');
    expect((await runCli(['analyze', FLEET, '--machines', 'some'])).stderr).toContain('--machines expects one of failing, all, none, found "some"');
    expect((await runCli(['analyze', FLEET, '--evidence', 'lots'])).stderr).toContain('--evidence expects a whole number of 0 or more, or all, found "lots"');
  });
});

describe('fleet layout (JSON, schema 2)', () => {
  interface JsonMachine {
    name: string;
    worst: string;
    findings: Record<string, number>;
    detail: boolean;
    walk?: Array<{ id: string; evidence: unknown[]; evidenceTotal: number }>;
  }
  interface JsonReport {
    schemaVersion: number;
    layout: { machines: string; show: string[]; evidence: number | 'all' };
    summary: { machinesByWorst: Record<string, number>; roles: Record<string, number> };
    machines: JsonMachine[];
    findings: Array<{ rule: string; machine?: string; evidence: unknown[]; evidenceTotal: number }>;
  }
  const parse = (r: Report): JsonReport => JSON.parse(renderJson(r)) as JsonReport;

  it('keeps the first 20 pieces of evidence with evidenceTotal, and walks only for machines in detail', () => {
    const json = parse(report());
    expect(json.schemaVersion).toBe(2);
    expect(json.layout).toEqual({ machines: 'failing', show: [], evidence: 20 });
    expect(json.summary.machinesByWorst).toEqual({ error: 3, warning: 1, info: 33, none: 1 });
    expect(json.summary.roles).toEqual({ 'kms-host': 1, mak: 1, 'kms-client': 36 });
    const dns = json.findings.find((f) => f.rule === 'kms-client/dns-lookup-failed')!;
    expect([dns.evidence.length, dns.evidenceTotal]).toEqual([20, 25]);
    const silent = json.findings.find((f) => f.rule === 'kms-client/no-response' && f.machine === 'pc-silent.corp.example')!;
    expect([silent.evidence.length, silent.evidenceTotal]).toEqual([5, 5]);
    expect(json.machines).toHaveLength(38);
    expect(json.machines.filter((m) => m.detail).map((m) => m.name).sort()).toEqual([...FAILING].sort());
    for (const m of json.machines) expect(m.walk !== undefined).toBe(m.detail);
    const step = json.machines.find((m) => m.name === 'pc-dns.corp.example')!.walk!.find((s) => s.id === 'kms-client/dns-discovery')!;
    expect([step.evidence.length, step.evidenceTotal]).toEqual([20, 25]);
    expect(json.machines.find((m) => m.name === 'pc-007.corp.example')).toMatchObject({ worst: 'info', findings: { error: 0, warning: 0, info: 1 }, detail: false });
  });

  it('--evidence all keeps every piece; --machines all writes every walk', () => {
    const json = parse(report({ evidence: 'all', machines: 'all' }));
    const dns = json.findings.find((f) => f.rule === 'kms-client/dns-lookup-failed')!;
    expect([dns.evidence.length, dns.evidenceTotal]).toEqual([25, 25]);
    expect(json.machines.every((m) => m.detail && (m.walk?.length ?? 0) > 0)).toBe(true);
  });

  it('is streamed one input, machine and finding per line', async () => {
    const run = await runCli(['analyze', FLEET, '-f', 'json', '--now', NOW]);
    const lines = run.stdout.split('\n');
    expect(lines.filter((l) => l.startsWith('    {"name":')).length).toBe(38);
    expect(lines.filter((l) => l.startsWith('    {"rule":')).length).toBe(44);
    expect((JSON.parse(run.stdout) as JsonReport).machines).toHaveLength(38);
  });
});
