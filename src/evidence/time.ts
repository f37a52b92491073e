// Clock arithmetic on the ISO strings facts carry. Facts without a time (slmgr text) count as
// "now": slmgr output is what the machine said when the snapshot was collected.
import { utcIsoMs } from '../base/index.js';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export function toMs(iso: string | undefined): number | undefined {
  if (!iso) return undefined;
  const t = utcIsoMs(iso) ?? Date.parse(iso);
  return Number.isNaN(t) ? undefined : t;
}
