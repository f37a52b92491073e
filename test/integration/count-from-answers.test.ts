// Issue 13 point 5: the host's count is read only from an answer that carries one. A client whose requests
// all failed (no host answered, 12289 result 0xC004F074 with its count field 0) is not "below the threshold".
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { ev12288, ev12289, eventViewerXml } from '../helpers/activation-exports.js';
import { english } from '../helpers/english.js';

const CMID = '5d6c0001-1b2a-4c3d-8e4f-a5b6c7d8e9f0';
const PC = 'PC07.corp.contoso.com';

function snapshot(responses: Array<{ result: string; count: number }>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'volact-count-'));
  mkdirSync(path.join(dir, 'pc07'));
  const events = responses.flatMap((r, i) => {
    const t = `2024-03-07T0${i + 1}:00:00Z`;
    return [ev12288(PC, t, 100 + 2 * i, { cmid: CMID, result: r.result, state: 2 }), ev12289(PC, t, 101 + 2 * i, { result: r.result, count: r.count })];
  });
  writeFileSync(path.join(dir, 'pc07', 'Application.xml'), eventViewerXml(events));
  return dir;
}

describe('kms-client/count-below-threshold reads counts only from answers', () => {
  it('failed exchanges with a 0 count field are not a count (request-failed instead)', async () => {
    const a = await analyze([snapshot([{ result: '0xC004F074', count: 0 }, { result: '0xC004F074', count: 0 }])], { now: '2024-03-07T12:00:00Z', threads: 0 });
    const rules = a.findings.map((f) => f.rule);
    expect(rules).not.toContain('kms-client/count-below-threshold');
    expect(rules).toContain('kms-client/request-failed');
    const step = a.walks.get('pc07')?.find((s) => s.id === 'kms-client/threshold');
    expect(step?.status).toBe('unknown');
    expect(english.step(step!).note).toBe('No 12289 tells the host count.');
  });

  it('a 0xC004F038 answer still carries the count', async () => {
    const a = await analyze([snapshot([{ result: '0xC004F074', count: 0 }, { result: '0xC004F038', count: 12 }])], { now: '2024-03-07T12:00:00Z', threads: 0 });
    const f = a.findings.find((x) => x.rule === 'kms-client/count-below-threshold');
    expect(english.finding(f!).detail).toContain('The host reported a count of 12; this client needs 25.');
    expect(f?.evidence.map((e) => e.record)).toEqual([103, 102]);
  });
});
