// The license status texts slmgr prints ("Licensed", "ライセンスされています", "Additional grace period (…)"),
// from data/slmgr-status.tsv, compared the way labels are (spacing and colons do not matter).
import { fold } from '../ingest/index.js';
import { loadTsv } from './data-files.js';
import type { LicenseStatusName } from './facts.js';

interface StatusText {
  status: LicenseStatusName;
  folded: string;
}

let statuses: StatusText[] | undefined;

function statusTable(): StatusText[] {
  if (statuses) return statuses;
  statuses = loadTsv('slmgr-status.tsv')
    .map((r) => ({ status: r.status as LicenseStatusName, folded: fold(r.text).replace(/[.。]$/, '') }))
    .sort((a, b) => b.folded.length - a.folded.length);
  return statuses;
}

/** 'Licensed', 'ライセンスされています', 'Additional grace period (KMS license expired …)' → normalized name. */
export function licenseStatusFromText(text: string): LicenseStatusName {
  const f = fold(text).replace(/[.。]$/, '');
  if (f === '') return 'Unknown';
  const exact = statusTable().find((s) => s.folded === f);
  if (exact) return exact.status;
  // Longer printed forms start with the short name ('Additional grace period (…)').
  const prefix = statusTable().find((s) => f.startsWith(s.folded) && s.folded.length >= 4);
  return prefix ? prefix.status : 'Unknown';
}

