// The license status values slmgr prints ("Licensed", "ライセンスされています", "已授权", "Additional grace period
// (…)") → the status name. The words live with the rest of the slmgr vocabulary, in the ingest layer.
import { statusFromText } from '../../ingest/index.js';
import type { LicenseStatusName } from '../facts.js';

export function licenseStatusFromText(text: string): LicenseStatusName {
  return (statusFromText(text) as LicenseStatusName | undefined) ?? 'Unknown';
}
