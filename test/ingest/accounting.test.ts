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

describe('local times without a zone', () => {
  it('are counted in a warning that says how to convert them, and --tz makes it go away', async () => {
    const file = 'fixtures/text-forms/eventviewer.csv';
    const { account } = await analyzeFile({ path: file, display: file });
    expect(account.warnings).toEqual([
      // Four records; the MsiInstaller one is skipped by the pre-filter before its time is read.
      { where: 'whole file', reason: `3 records have a local time without a time zone, read as UTC; pass --tz (e.g. --tz Asia/Tokyo or --tz +09:00) to convert` },
    ]);
    const converted = await analyzeFile({ path: file, display: file }, { tz: '-05:00' });
    expect(converted.account.warnings).toBeUndefined();
  });

  it('an XML export with UTC times gets no such warning', async () => {
    const file = 'fixtures/ingest/eventviewer.xml';
    expect((await analyzeFile({ path: file, display: file })).account.warnings).toBeUndefined();
  });
});
