import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeFile, MAX_KEPT_REJECTIONS, rejectedCount } from '../../src/analyze.js';

describe('input accounting', () => {
  it('keeps the first rejections with their places and counts the rest, so junk cannot grow memory', async () => {
    const bad = 1500;
    const good = `<Event><System><Provider Name='Microsoft-Windows-Security-SPP'/><EventID Qualifiers='16384'>12289</EventID><TimeCreated SystemTime='2024-03-05T09:12:05Z'/><EventRecordID>1</EventRecordID><Channel>Application</Channel><Computer>c1</Computer></System><EventData><Data>0x0, 0x0, 1, 0, 30, 120, 10080, 2024/03/05 09:12</Data></EventData></Event>`;
    const lines = [good, ...Array.from({ length: bad }, (_, i) => `<Event><System><EventID>x${i}</EventID></System></Event>`), good];
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'volact-')), 'junk.xml');
    writeFileSync(file, lines.join('\n'));
    const { account } = await analyzeFile({ path: file, display: file });
    expect(account.records).toBe(bad + 2);
    expect(account.decoded).toBe(2);
    expect(account.rejected).toHaveLength(MAX_KEPT_REJECTIONS);
    expect(account.rejectedOmitted).toBe(bad - MAX_KEPT_REJECTIONS);
    expect(rejectedCount(account)).toBe(bad);
    expect(account.records).toBe(account.decoded + account.ignored + rejectedCount(account));
    expect(account.rejected[0]).toMatchObject({ where: 'line 2', line: 2 });
  });
});
