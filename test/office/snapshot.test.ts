// Issue 21 "done when": a snapshot of one machine with Windows and Office (slmgr + ospp + events) gives one report
// with both products, and a WMI CSV of three machines gives three machines. Through analyze() and the report.
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze, type Analysis } from '../../src/analyze.js';
import { buildReport } from '../../src/report/index.js';

const NOW = '2024-03-07T12:00:00Z';

describe('a machine with Windows and Office', () => {
  let analysis: Analysis;
  beforeAll(async () => {
    analysis = await analyze(['fixtures/office/snapshot'], { now: NOW, threads: 0 });
  });

  it('is one machine whose licenses are its Windows product and each Office product', () => {
    const report = buildReport(analysis);
    const client = report.machines.find((m) => m.name.toLowerCase().startsWith('client01'));
    expect(report.machines.map((m) => m.name.toLowerCase().split('.')[0]).sort()).toEqual(['client01', 'kms01']);
    expect(client?.licenses.map((l) => [l.productLine, l.version, l.edition, l.channel, l.basis]).sort()).toEqual([
      ['Office', '2019', 'Office Professional Plus 2019', 'VOLUME_KMSCLIENT', 'ospp'],
      ['Office', 'LTSC 2024', 'Office LTSC Professional Plus 2024', 'VOLUME_KMSCLIENT', 'ospp'],
      ['Windows', undefined, 'Windows 10/11 Enterprise', 'VOLUME_KMSCLIENT', 'slmgr'],
    ]);
  });

  it('reads every file of the machine without a line it did not understand', () => {
    for (const input of analysis.inputs) {
      expect(input.rejected, input.file).toEqual([]);
      expect(input.unknownLines, input.file).toBeUndefined();
    }
    expect(analysis.inputs.map((i) => i.format).sort()).toEqual(['ospp', 'slmgr', 'slmgr', 'xml', 'xml']);
  });
});

describe('a WMI inventory of three machines', () => {
  it('is three machines, each with its own licenses', async () => {
    const analysis = await analyze(['fixtures/wmi/slp-inventory-3-machines.csv'], { now: NOW, threads: 0 });
    const report = buildReport(analysis);
    expect(report.machines.map((m) => [m.name, m.licenses.map((l) => [l.productLine, l.status, l.basis])])).toEqual([
      ['WS01', [['Windows', 'Unlicensed', 'wmi']]],
      ['WS02', [['Windows', 'Licensed', 'wmi']]],
      ['WS03', [['Windows', 'Licensed', 'wmi'], ['Office', 'Licensed', 'wmi']]],
    ]);
  });
});
