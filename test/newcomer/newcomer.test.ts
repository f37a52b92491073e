// Issue 18: what a new user trips over in the first ten minutes, each on a realistic export.
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { machineFromPath } from '../../src/evidence/index.js';
import { sniffFormat } from '../../src/ingest/index.js';
import { ACT, ev12288, ev12289, ev12290, eventViewerXml, slmgrText, wevtutilXml } from '../helpers/activation-exports.js';
import { runCli } from '../cli/run-cli.js';

const NOW = ['--now', '2024-03-07T12:00:00Z'];
const CMID = '5a7c2e10-3f4b-4d8e-9a61-0c2b7d9e4f13';

interface Report {
  machines: Array<{ name: string; roles: string[]; licenses: Array<{ product: string; status: string; expires?: string; minutesLeft?: number }> }>;
  findings: Array<{ rule: string; machine?: string; evidence: Array<{ file: string; record?: number; line?: number }> }>;
  inputs: Array<{ file: string; format: string; decoded: number; rejected: Array<{ reason: string }> }>;
}

async function analyzeJson(args: string[]): Promise<Report> {
  const run = await runCli(['analyze', ...args, '-f', 'json', ...NOW]);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as Report;
}

function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'volact-newcomer-'));
}

function write(root: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  }
}

describe('machine names from log-named files (1)', () => {
  it.each([
    ['PC-JA-07/Application.csv', 'PC-JA-07'],
    ['PC-JA-07/Application-2024-03-08.csv', 'PC-JA-07'],
    ['PC-JA-07/Application_export.csv', 'PC-JA-07'],
    ['PC-JA-07/Application (1).csv', 'PC-JA-07'],
    ['snap/kms01/Key Management Service.evtx', 'kms01'],
    ['snap/kms01/KeyManagementService-2024-03-08.xml', 'kms01'],
    ['x/pc9/ForwardedEvents.evtx', 'pc9'],
    ['x/pc9/System.evtx', 'pc9'],
    ['x/pc9/Security.xml', 'pc9'],
    ['x/pc9/Setup.evtx', 'pc9'],
    ['PC1/export.csv', 'PC1'],
    ['PC1/events.xml', 'PC1'],
    ['PC1/log.txt', 'PC1'],
    ['customer.zip!PC1/Application.evtx', 'PC1'],
    // Names that do name a machine are kept.
    ['nightly/client01-Application.csv', 'client01'],
    ['client01.dlv.txt', 'client01'],
    ['a/b/WS-17_dli.txt', 'WS-17'],
    ['nightly/APPSERVER01.csv', 'APPSERVER01'],
  ])('%s → %s', (file, machine) => {
    expect(machineFromPath(file)).toBe(machine);
  });

  it('an Event Viewer CSV (no computer column) passed as a file or as a folder belongs to its folder', async () => {
    const root = tempDir();
    mkdirSync(path.join(root, 'PC-JA-07'));
    copyFileSync('fixtures/text-forms/eventviewer-ja.csv', path.join(root, 'PC-JA-07', 'Application.csv'));
    const asFile = await analyzeJson([path.join(root, 'PC-JA-07', 'Application.csv')]);
    expect(asFile.machines.map((m) => m.name)).toEqual(['PC-JA-07']);
    const asFolder = await analyzeJson([path.join(root, 'PC-JA-07')]);
    expect(asFolder.machines.map((m) => m.name)).toEqual(['PC-JA-07']);
    // The snapshot layout (one subfolder per machine) and the flat layout say the same.
    const snapshot = await analyzeJson([root]);
    expect(snapshot.machines.map((m) => m.name)).toEqual(['PC-JA-07']);
    const flat = tempDir();
    copyFileSync('fixtures/text-forms/eventviewer-ja.csv', path.join(flat, 'PC-JA-07-Application.csv'));
    expect((await analyzeJson([flat])).machines.map((m) => m.name)).toEqual(['PC-JA-07']);
  });

  it('events that name their computer keep it', async () => {
    const root = tempDir();
    write(root, { 'whatever/Application.xml': eventViewerXml([ev12288('CLIENT07.corp.contoso.com', '2024-03-07T09:00:00Z', 11, { cmid: CMID })]) });
    expect((await analyzeJson([root])).machines.map((m) => m.name)).toEqual(['CLIENT07.corp.contoso.com']);
  });
});

describe('nothing to read (4)', () => {
  it('prints one line per path and exits 2 without a report when no path can be opened', async () => {
    const root = tempDir();
    mkdirSync(path.join(root, 'empty'));
    const run = await runCli(['analyze', '/no/such/path', path.join(root, 'empty'), path.join(root, '*.nothing'), ...NOW]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toEqual([
      'volact: /no/such/path: no such file or folder',
      `volact: ${path.join(root, 'empty')}: the folder holds no files`,
      `volact: ${path.join(root, '*.nothing')}: the pattern matches no file`,
    ]);
    const check = await runCli(['check', '/no/such/path', ...NOW]);
    expect(check.code).toBe(2);
    expect(check.stdout).toBe('');
    expect(check.stderr).toBe('volact: /no/such/path: no such file or folder\n');
  });

  it('keeps the report when at least one input was read', async () => {
    const run = await runCli(['analyze', 'fixtures/example/client02', '/no/such/path', ...NOW]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('/no/such/path');
    expect(run.stdout).toContain('client02');
  });
});

describe('help that teaches (5)', () => {
  it.each([
    [[], ['volact analyze ./customer-0308', '--reporter junit --baseline', 'volact explain 0xC004F074', 'volact search "SRV レコード"']],
    [['analyze'], ['volact analyze ./customer-0308 -f html -o report.html --lang ja']],
    [['check'], ['volact check ./nightly --reporter junit --baseline last-night.json -o junit.xml']],
    [['search'], ['volact search "重複 CMID" --json']],
    [['explain'], ['volact explain 0xC004F074']],
    [['events'], ['volact events --all']],
  ])('volact %j --help ends with examples and where the export instructions are', async (command, examples) => {
    const run = await runCli([...command, '--help']);
    expect(run.code).toBe(0);
    const examplesAt = run.stdout.indexOf('Examples:');
    expect(examplesAt).toBeGreaterThan(run.stdout.indexOf('Options:'));
    for (const e of examples) expect(run.stdout.slice(examplesAt)).toContain(e);
    expect(run.stdout).toMatch(/Exporting the logs on Windows" of\n\s+\S+README\.md\n+$/);
  });
});

describe('a one-line slmgr error is slmgr output (6)', () => {
  const en = 'Error: 0xC004F042 The Software Licensing Service determined that the specified Key Management Service (KMS) cannot be used.\r\n';
  const enWrapped = 'Error: 0xC004F042 The Software Licensing Service determined that the specified Ke\r\ny Management Service (KMS) cannot be used.\r\n';
  const ja = 'エラー: 0xC004F042 指定されたキー管理サービス (KMS) を使用できないことがソフトウェア ライセンス サービスによって判断されました。\r\n';

  it.each([
    ['english', Buffer.from(en, 'utf8')],
    ['wrapped at 80 columns', Buffer.from(enWrapped, 'utf8')],
    ['japanese, UTF-16LE with BOM (PowerShell redirection)', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ja, 'utf16le')])],
  ])('%s: sniffed as slmgr, the code reaches the rules', async (_name, bytes) => {
    expect(sniffFormat(bytes).kind).toBe('slmgr');
    const root = tempDir();
    mkdirSync(path.join(root, 'PC-JA-07'));
    writeFileSync(path.join(root, 'PC-JA-07', 'slmgr-ato.txt'), bytes);
    const report = await analyzeJson([root]);
    expect(report.inputs[0]).toMatchObject({ format: 'slmgr', decoded: 1, rejected: [] });
    const finding = report.findings.find((f) => f.machine === 'PC-JA-07' && f.rule !== 'error/unknown-code');
    // Alone, a KMS-only code belongs to the KMS client walk, not to MAK's (point 9).
    expect(finding?.rule).toBe('kms-client/request-failed');
    expect(finding?.evidence[0]).toMatchObject({ file: path.join(root, 'PC-JA-07', 'slmgr-ato.txt'), line: 1 });
  });

  it('ordinary text that starts with "Error:" but no code is not slmgr', () => {
    expect(sniffFormat(Buffer.from('Error: could not open the configuration file\nat line 3\n')).kind).not.toBe('slmgr');
  });
});

describe('"no response" only when nothing answered (7)', () => {
  const T = '2024-03-07T09:12:00Z';
  const client = 'CLIENT01.corp.contoso.com';
  it.each([
    ['0xC004F06C', 'kms-client/time-skew'],
    ['0xC004F038', 'kms-client/count-below-threshold'],
    ['0xC004F042', 'kms-client/request-failed'],
  ])('a 12288 with %s (only a host returns it) and no 12289 is explained by %s', async (code, rule) => {
    const root = tempDir();
    write(root, { 'client01/Application.xml': eventViewerXml([ev12288(client, T, 5101, { cmid: CMID, result: code, state: 2, minutes: 30240 })]) });
    const rules = (await analyzeJson([root])).findings.map((f) => f.rule);
    expect(rules).toContain(rule);
    expect(rules).not.toContain('kms-client/no-response');
  });

  it("a 12288 without 12289 that the host's 12290 shows arriving is not 'no response'", async () => {
    const root = tempDir();
    write(root, {
      'client01/Application.xml': eventViewerXml([ev12288(client, T, 5101, { cmid: CMID, state: 2, minutes: 30240 })]),
      'kms01/KeyManagementService.xml': wevtutilXml([
        ev12290('kms01.corp.contoso.com', '2024-03-07T09:12:02Z', 30001, { client: 'CLIENT01.corp.contoso.com', cmid: CMID, result: '0x0' }),
      ]),
    });
    const rules = (await analyzeJson([root])).findings.map((f) => f.rule);
    expect(rules).not.toContain('kms-client/no-response');
    expect(rules).not.toContain('kms-client/not-seen-by-host');
  });

  it('a 12288 with no answer anywhere is still "no response"', async () => {
    const root = tempDir();
    write(root, {
      'client01/Application.xml': eventViewerXml([ev12288(client, T, 5101, { cmid: CMID, state: 2, minutes: 30240 })]),
      'kms01/KeyManagementService.xml': wevtutilXml([
        ev12290('kms01.corp.contoso.com', '2024-03-07T09:12:02Z', 30001, { client: 'OTHER.corp.contoso.com', cmid: '11111111-2222-3333-4444-555555555555' }),
      ]),
    });
    const report = await analyzeJson([root]);
    const finding = report.findings.find((f) => f.rule === 'kms-client/no-response');
    expect(finding?.evidence.map((e) => e.record)).toEqual([5101]);
  });

  it('a 12288 answered by a 12289 is not "no response"', async () => {
    const root = tempDir();
    write(root, { 'client01/Application.xml': eventViewerXml([ev12288(client, T, 5101, { cmid: CMID }), ev12289(client, '2024-03-07T09:12:01Z', 5102)]) });
    expect((await analyzeJson([root])).findings.map((f) => f.rule)).not.toContain('kms-client/no-response');
  });
});

describe('slmgr /xpr (8)', () => {
  it.each([
    ['Windows(R), Enterprise edition:\r\n    Initial grace period ends 3/20/2024 10:00:00 AM\r\n', 'OOBGrace', '2024-03-20T10:00:00.000Z'],
    ['Windows(R), Enterprise edition:\r\n    Additional grace period ends 3/9/2024 6:00:00 PM\r\n', 'OOTGrace', '2024-03-09T18:00:00.000Z'],
    ['    Windows is in Notification mode\r\n', 'Notification', undefined],
    ['Windows(R), ServerStandard edition:\r\n    Volume activation will expire 9/1/2024 7:07:12 PM\r\n', 'Licensed', '2024-09-01T19:07:12.000Z'],
  ])('%j is read, and its date becomes the expiry', async (text, status, expires) => {
    expect(sniffFormat(Buffer.from(text)).kind).toBe('slmgr');
    const root = tempDir();
    write(root, { 'PC-07/slmgr-xpr.txt': text });
    const report = await analyzeJson([root, '--tz', '+00:00']);
    const license = report.machines.find((m) => m.name === 'PC-07')!.licenses[0];
    expect(license.status).toBe(status);
    expect(license.expires).toBe(expires);
    if (expires) expect(license.minutesLeft).toBe(Math.round((Date.parse(expires) - Date.parse('2024-03-07T12:00:00Z')) / 60_000));
  });

  it('the printed date is local time: --tz converts it', async () => {
    const root = tempDir();
    write(root, { 'PC-07/slmgr-xpr.txt': 'Windows(R), ServerStandard edition:\r\n    Volume activation will expire 9/1/2024 7:07:12 PM\r\n' });
    const report = await analyzeJson([root, '--tz', 'Asia/Tokyo']);
    expect(report.machines[0].licenses[0].expires).toBe('2024-09-01T10:07:12.000Z');
  });

  it('a grace period ending within 7 days is a finding', async () => {
    const root = tempDir();
    write(root, {
      'PC-07/slmgr-xpr.txt': 'Windows(R), Enterprise edition:\r\n    Additional grace period ends 3/9/2024 6:00:00 PM\r\n',
      'PC-07/slmgr-dli.txt': slmgrText('en', [{ name: 'Windows(R), Enterprise edition', description: 'Windows(R) Operating System, VOLUME_KMSCLIENT channel', partialKey: 'WFG6P', status: 'Additional grace period (KMS license expired or hardware out of tolerance)' }]),
    });
    const rules = (await analyzeJson([root])).findings.map((f) => f.rule);
    expect(rules).toContain('license/grace-expiring');
  });
});

describe('an /ato error on a KMS client is not a MAK problem (9)', () => {
  const ato = 'Error: 0xC004F074 The Software Licensing Service reported that the computer could not be activated. No Key Management Service (KMS) could be contacted.\r\n';
  it('with the KMS client product in /dli, the code goes to the KMS client walk', async () => {
    const root = tempDir();
    write(root, {
      'PC-07/slmgr-ato.txt': ato,
      'PC-07/slmgr-dli.txt': slmgrText('en', [{ name: 'Windows(R), Enterprise edition', description: 'Windows(R) Operating System, VOLUME_KMSCLIENT channel', partialKey: 'NPPR9', status: 'Initial grace period', graceMinutes: 40000 }]),
    });
    const rules = (await analyzeJson([root])).findings.filter((f) => f.machine === 'PC-07').map((f) => f.rule);
    expect(rules).toContain('kms-client/request-failed');
    expect(rules).not.toContain('mak/ato-error');
  });

  it('with a 12288 of the machine, too, even when an Office MAK product is installed', async () => {
    const root = tempDir();
    write(root, {
      'PC-07/slmgr-ato.txt': 'Error: 0xC004F039 The Software Licensing Service reported that the computer could not be activated. The Key Management Service (KMS) is not enabled.\r\n',
      'PC-07/Application.xml': eventViewerXml([ev12288('PC-07', '2024-03-07T09:12:00Z', 5101, { cmid: CMID, result: '0xC004F039', activationId: ACT.win10Enterprise })]),
      'PC-07/slmgr-dli-office.txt': slmgrText('en', [{ name: 'Office 19, Office19ProPlus2019MAK edition', description: 'Office 19, VOLUME_MAK channel', partialKey: 'XXXXX', status: 'Licensed' }]),
    });
    const rules = (await analyzeJson([root])).findings.filter((f) => f.machine === 'PC-07').map((f) => f.rule);
    expect(rules).toContain('kms-client/request-failed');
    expect(rules).not.toContain('mak/ato-error');
  });

  it('on a MAK machine a non-KMS code stays a MAK finding', async () => {
    const root = tempDir();
    write(root, {
      'PC-08/slmgr-ato.txt': 'Error: 0xC004C060 The activation server determined that the specified product key has been blocked.\r\n',
      'PC-08/slmgr-dli.txt': slmgrText('en', [{ name: 'Windows(R), Professional edition', description: 'Windows(R) Operating System, VOLUME_MAK channel', partialKey: 'ABCDE', status: 'Notification' }]),
    });
    const rules = (await analyzeJson([root])).findings.filter((f) => f.machine === 'PC-08').map((f) => f.rule);
    expect(rules).toContain('mak/ato-error');
    expect(rules).not.toContain('kms-client/request-failed');
  });
});
