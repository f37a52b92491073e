// Clock arithmetic on the ISO strings facts carry. Facts without a time (slmgr text) count as
// "now": slmgr output is what the machine said when the snapshot was collected. English forms of
// times and durations come from the message formatters (src/messages), so both read the same.
import { formatDuration as formatDurationIn, formatTime, formatWindow as formatWindowIn } from '../messages/index.js';

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
  return formatTime(ms, 'en');
}

/** "2024-03-01 10:00–14:00 UTC", or two full stamps when the days differ. */
export function formatWindow(from: number, to: number): string {
  return formatWindowIn(from, to, 'en');
}

export function formatDuration(ms: number): string {
  return formatDurationIn(ms, 'en');
}
