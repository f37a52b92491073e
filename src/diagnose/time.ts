// Clock arithmetic on the ISO strings facts carry. Facts without a time (slmgr text) count as
// "now": slmgr output is what the machine said when the snapshot was collected.

import { utcIsoMs } from '../time-ms.js';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export function toMs(iso: string | undefined): number | undefined {
  if (!iso) return undefined;
  const t = utcIsoMs(iso) ?? Date.parse(iso);
  return Number.isNaN(t) ? undefined : t;
}

/** "2024-03-01 10:00 UTC" — minute precision is what support engineers filter exports by. */
export function formatUtc(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** "2024-03-01 10:00–14:00 UTC", or two full stamps when the days differ. */
export function formatWindow(from: number, to: number): string {
  const a = new Date(from).toISOString();
  const b = new Date(to).toISOString();
  if (a.slice(0, 10) === b.slice(0, 10)) return `${a.slice(0, 10)} ${a.slice(11, 16)}–${b.slice(11, 16)} UTC`;
  return `${formatUtc(from)} – ${formatUtc(to)}`;
}

export function formatDuration(ms: number): string {
  const abs = Math.abs(ms);
  if (abs >= 2 * DAY) return `${(abs / DAY).toFixed(1).replace(/\.0$/, '')} days`;
  if (abs >= HOUR) return `${(abs / HOUR).toFixed(1).replace(/\.0$/, '')} h`;
  return `${Math.round(abs / MINUTE)} min`;
}
