// "DNS publishing enabled" in a KMS host's slmgr /dlv (issue 23): the KMS hosts view says enabled (not yet
// seen to work) and the walk's publishing step asks for the 12293/12294 events or the SRV record, citing the
// line; "disabled" stays disabled. Fixtures: the transcribed ja and en /dlv of a KMS host.
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';

interface Json {
  fleet: { kmsHosts: Array<{ name: string; dnsPublishing: string }> };
  machines: Array<{ walk: Array<{ id: string; status: string; note?: string; collect?: string; evidence: Array<{ summary: string; line?: number }> }> }>;
}

async function hostReport(fixture: string): Promise<Json> {
  const dir = mkdtempSync(path.join(tmpdir(), 'volact-dns-'));
  mkdirSync(path.join(dir, 'kms01'));
  copyFileSync(`fixtures/slmgr/${fixture}`, path.join(dir, 'kms01/dlv.txt'));
  const run = await runCli(['analyze', dir, '-f', 'json', '--now', '2024-03-07T12:00:00Z']);
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as Json;
}

describe('DNS publishing from a host\'s /dlv', () => {
  it('"DNS 発行は有効です": enabled in the hosts view; the walk cites it and asks for 12293/12294 or the SRV record', async () => {
    const r = await hostReport('ja-dlv-kms-host.txt');
    expect(r.fleet.kmsHosts).toEqual([expect.objectContaining({ name: 'kms01', dnsPublishing: 'enabled' })]);
    const step = r.machines[0].walk.find((s) => s.id === 'kms-host/dns-publish');
    expect(step).toMatchObject({ status: 'unknown', note: 'DNS publishing is enabled (slmgr /dlv), but no 12294 or 12293 says whether the SRV record was written.' });
    expect(step?.evidence).toEqual([expect.objectContaining({ summary: 'slmgr: DNS publishing enabled' })]);
    expect(step?.collect).toContain('events 12293/12294');
    expect(step?.collect).toContain('nslookup -type=srv _vlmcs._tcp.<domain>');
  });

  it('"DNS publishing disabled" stays disabled and is not called enabled', async () => {
    const r = await hostReport('en-dlv-kms-host.txt');
    expect(r.fleet.kmsHosts).toEqual([expect.objectContaining({ name: 'kms01', dnsPublishing: 'disabled' })]);
    const step = r.machines[0].walk.find((s) => s.id === 'kms-host/dns-publish');
    expect(step?.note ?? '').not.toContain('enabled');
  });
});
