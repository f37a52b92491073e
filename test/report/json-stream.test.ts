import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { buildReport, jsonReportChunks, ReportWriter, speaker, streamedReport, writtenReport, type Report } from '../../src/report/index.js';

const NOW = '2024-03-07T12:00:00Z';

async function report(dir: string): Promise<Report> {
  return { ...buildReport(await analyze([dir], { now: NOW })), generatedAt: '2024-03-08T00:00:00.000Z' };
}

function streamed(r: Report): string {
  return [...jsonReportChunks(streamedReport(r, new ReportWriter(speaker('en'))))].join('');
}

describe('the JSON report streamed machine by machine and finding by finding', () => {
  it('holds what the whole written report holds, in the same key order', async () => {
    const r = await report('fixtures/example');
    expect(r.findings.length).toBeGreaterThan(0);
    const text = streamed(r);
    expect(JSON.stringify(JSON.parse(text))).toBe(JSON.stringify(writtenReport(r, new ReportWriter(speaker('en')))));
  });

  it('writes an empty list of findings as [] (not as the list object)', async () => {
    const r = await report('fixtures/rules/network--port-blocked/quiet');
    expect(r.findings).toEqual([]);
    const text = streamed(r);
    expect(text).toContain('"findings": []');
    expect(JSON.parse(text).findings).toEqual([]);
  });
});
