// The short fuzz budget of the normal test run: a fixed number of mutated inputs per reader family, seeded
// from the fixtures, with every property checked (the long run is `npm run fuzz`). A finding prints the
// family, input index and minimized bytes, so it can be rebuilt and kept under fixtures/hostile/found/.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSeeds, runCampaign, type Finding } from './lib/index.js';

const SEED = Number(process.env.VOLACT_FUZZ_SEED ?? 20240301);
const COUNT = Number(process.env.VOLACT_FUZZ_COUNT ?? 300);
const seeds = loadSeeds([path.join(import.meta.dirname, '../../fixtures')]);

describe('fuzzing every reader (short budget)', () => {
  it('has seeds for every reader family', () => {
    expect([...seeds.keys()].sort()).toEqual(expect.arrayContaining([
      'csv-eventviewer', 'csv-powershell', 'evtx', 'json-powershell', 'jsonl-events', 'slmgr', 'text-eventviewer',
      'text-network', 'text-paste', 'text-powershell-list', 'text-wevtutil', 'tsv-eventviewer', 'xml-events', 'ospp', 'wmi-list', 'wmi-csv', 'wmi-json', 'wmi-table',
    ]));
  });

  for (const [family, list] of [...seeds].sort(([a], [b]) => a.localeCompare(b))) {
    it(`${family}: ${COUNT} mutated inputs, no crash, bad item or broken accounting`, async () => {
      const findings: Finding[] = [];
      const stats = await runCampaign({ family, seeds: list, runSeed: SEED, count: COUNT, minimizeTries: 150, onFinding: (f) => void findings.push(f) });
      const report = findings.map((f) => `${family} #${f.index} (${f.mutations.join(', ')}): ${f.violations.map((v) => `${v.property}: ${v.detail.slice(0, 300)}`).join('; ')}\n  minimized (${f.minimized.length} B, base64): ${f.minimized.toString('base64').slice(0, 400)}`);
      expect(report).toEqual([]);
      expect(stats.inputs).toBe(COUNT);
      expect(stats.records).toBeGreaterThan(0);
    });
  }
});
