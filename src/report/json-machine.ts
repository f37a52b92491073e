// A machine as the JSON reports write it: without what the same report already says once. On a fleet of
// 10,000 machines judged at one --now, each machine repeating that time and each license repeating the place
// of its first source made about 1.3 MB of a 26 MB report. A reader gets both back: `judgedAt ?? now`,
// `source ?? sources[0]` (its file, line and record).
import type { LicenseSummary, MachineReport } from './model.js';

type Place = LicenseSummary['source'];

function samePlace(a: Place, b: Place | undefined): boolean {
  return b !== undefined && a.file === b.file && a.line === b.line && a.record === b.record;
}

/** A license as the JSON reports write it: `source` only where it is not the place of `sources[0]`. */
export type WrittenLicense = Omit<LicenseSummary, 'source'> & { source?: Place };

/** The license without `source` where it is the place of its first `sources` entry. */
export function compactLicense(license: LicenseSummary): WrittenLicense {
  if (!samePlace(license.source, license.sources?.[0])) return license;
  const { source: _same, ...rest } = license;
  return rest;
}

export interface CompactMachine extends Omit<MachineReport, 'licenses'> {
  licenses: WrittenLicense[];
}

/** The machine without `judgedAt` where it is the report's `now`, its licenses through compactLicense; keys stay in order. */
export function compactMachine(machine: MachineReport, now: string): CompactMachine {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(machine)) {
    if (key === 'judgedAt' && value === now) continue;
    out[key] = key === 'licenses' ? machine.licenses.map(compactLicense) : value;
  }
  return out as unknown as CompactMachine;
}
