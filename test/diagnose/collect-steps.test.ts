// What a walk step asks for names the output that would settle it (issue 23, point 4): with no 12288, the
// host-and-port step asks for slmgr /dlv, which prints the KMS host the client is set to, unless an slmgr
// output or /skms already named it; then only the 12288 is missing.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { english } from '../helpers/english.js';

async function hostAndPort(files: Record<string, Buffer>) {
  const root = mkdtempSync(path.join(tmpdir(), 'volact-collect-'));
  mkdirSync(path.join(root, 'pc1'));
  for (const [name, body] of Object.entries(files)) writeFileSync(path.join(root, 'pc1', name), body);
  const a = await analyze([root], { now: '2024-03-07T12:00:00Z', threads: 0 });
  const [walk] = [...a.walks.values()];
  const step = walk?.find((s) => s.id === 'kms-client/host-and-port');
  return step && english.step(step);
}

describe('the host-and-port step without a 12288', () => {
  it('asks for slmgr /dlv (the registered or DNS-found KMS name) when nothing names the host', async () => {
    const step = await hostAndPort({ 'ato.txt': readFileSync('fixtures/paste/zh-CN-ato-0xC004F074-gbk.txt') });
    expect(step?.status).toBe('unknown');
    expect(step?.collect).toContain('Run slmgr.vbs /dlv on pc1');
    expect(step?.collect).toContain('"Registered KMS machine name"');
    expect(step?.collect).toContain('export the Application log from pc1 (Microsoft-Windows-Security-SPP events 12288)');
  });

  it('asks only for the 12288 when slmgr already names the host', async () => {
    const step = await hostAndPort({ 'slmgr-dli.txt': readFileSync('fixtures/rules/kms-client--not-activated/fires/client01/slmgr-dli.txt') });
    expect(step?.status).toBe('unknown');
    expect(step?.collect).not.toContain('slmgr.vbs /dlv');
    expect(step?.collect).toMatch(/^Export the Application log from pc1 \(Microsoft-Windows-Security-SPP events 12288\)/);
  });
});
