import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli, type CliRun } from '../cli/run-cli.js';

export const NIGHT1 = 'fixtures/snapshots/nightly-2024-03-07';
export const NIGHT2 = 'fixtures/snapshots/nightly-2024-03-08';
export const FLAT1 = 'fixtures/snapshots/flat-2024-03-07';
export const CONFIG = 'fixtures/snapshots/volact.config.json';
export const NOW1 = ['--now', '2024-03-07T23:59:00Z'];
export const NOW2 = ['--now', '2024-03-08T23:59:00Z'];

export function check(args: string[]): Promise<CliRun> {
  // Reading in this thread keeps the tests independent of a build in dist/.
  return runCli(['check', '--threads', '0', ...args]);
}

export function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'volact-check-'));
}

export interface CheckJson {
  schemaVersion: number;
  findings: Array<{ rule: string; severity: string; machine?: string; title: string; cause?: string; consequences?: string[] }>;
  machines: Array<{ name: string }>;
  check: { failOn: string; failOnNew: boolean; failing: number; passed: boolean };
  baseline?: { new: Array<{ rule: string; machine?: string }>; resolved: Array<{ rule: string; machine?: string }>; persisting: number };
  fleet: Record<string, unknown>;
}

type JsonFinding = CheckJson['findings'][number];

/**
 * The findings a check fails on: the causes of the findings `reach` selects (a finding that follows from
 * another fails through it, once), worked out independently of src/report/baseline.ts.
 */
export function failingCauses(findings: readonly JsonFinding[], reach: (f: JsonFinding) => boolean): JsonFinding[] {
  const out = new Set<JsonFinding>();
  for (const f of findings.filter(reach)) {
    const head = f.cause !== undefined ? findings.find((h) => h.machine === f.machine && h.rule === f.cause) : undefined;
    out.add(head ?? f);
  }
  return [...out];
}
