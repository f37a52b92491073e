import { describe, expect, it } from 'vitest';
import { compactLicense, compactMachine } from '../../src/report/json-machine.js';
import type { LicenseSummary, MachineReport } from '../../src/report/model.js';

const NOW = '2024-03-08T00:00:00.000Z';

function license(source: LicenseSummary['source']): LicenseSummary {
  return {
    product: 'Windows(R), Enterprise edition',
    edition: 'Windows 10/11 Enterprise',
    channel: 'VOLUME_KMSCLIENT',
    status: 'Licensed',
    basis: 'slmgr',
    sources: [
      { basis: 'slmgr', file: 'pc01/slmgr.txt', line: 3 },
      { basis: '12288', time: '2024-03-07T00:00:00.000Z', file: 'pc01/Application.xml', line: 10, record: 1009 },
    ],
    source,
  };
}

function machine(judgedAt: string | undefined, licenses: LicenseSummary[]): MachineReport {
  return {
    name: 'pc01', key: 'pc01', aliases: ['pc01'], roles: ['kms-client'], cmids: [], files: ['pc01/slmgr.txt'],
    evidenceEnds: '2024-03-01T00:00:00.000Z', ...(judgedAt ? { judgedAt } : {}), licenses,
    worst: 'none', findings: { error: 0, warning: 0, info: 0 }, detail: false,
  };
}

describe('compactLicense', () => {
  it('leaves out source where it is the place of sources[0]', () => {
    const out = compactLicense(license({ file: 'pc01/slmgr.txt', line: 3 }));
    expect(out).not.toHaveProperty('source');
    expect(out.sources?.[0]).toEqual({ basis: 'slmgr', file: 'pc01/slmgr.txt', line: 3 });
  });

  it('keeps source where it names another place (a line, a record or a file)', () => {
    expect(compactLicense(license({ file: 'pc01/slmgr.txt', line: 4 })).source).toEqual({ file: 'pc01/slmgr.txt', line: 4 });
    expect(compactLicense(license({ file: 'pc01/slmgr.txt', line: 3, record: 7 })).source).toEqual({ file: 'pc01/slmgr.txt', line: 3, record: 7 });
    expect(compactLicense(license({ file: 'pc01/Application.xml', line: 10, record: 1009 })).source).toEqual({ file: 'pc01/Application.xml', line: 10, record: 1009 });
  });

  it('keeps source when the license has no sources (reports of older versions)', () => {
    const { sources: _none, ...old } = license({ file: 'pc01/slmgr.txt', line: 3 });
    expect(compactLicense(old).source).toEqual({ file: 'pc01/slmgr.txt', line: 3 });
  });
});

describe('compactMachine', () => {
  it("leaves out judgedAt where it is the report's now", () => {
    const out = compactMachine(machine(NOW, []), NOW);
    expect(out).not.toHaveProperty('judgedAt');
    expect(out.evidenceEnds).toBe('2024-03-01T00:00:00.000Z');
  });

  it('keeps judgedAt where the machine was judged at another time', () => {
    expect(compactMachine(machine('2023-05-31T07:12:33.000Z', []), NOW).judgedAt).toBe('2023-05-31T07:12:33.000Z');
  });

  it('compacts every license and keeps the rest of the machine as it was', () => {
    const m = machine(NOW, [license({ file: 'pc01/slmgr.txt', line: 3 }), license({ file: 'pc01/other.txt' })]);
    const out = compactMachine(m, NOW);
    expect(out.licenses.map((l) => l.source)).toEqual([undefined, { file: 'pc01/other.txt' }]);
    expect({ ...out, licenses: [] }).toEqual({ ...m, judgedAt: undefined, licenses: [] });
    expect(m.judgedAt).toBe(NOW);
    expect(m.licenses[0].source).toEqual({ file: 'pc01/slmgr.txt', line: 3 });
  });
});
