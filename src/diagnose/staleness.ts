// A machine is stale when --now pins the clock and its own evidence ends more than a week before it (the
// KMS renewal interval: a week without any record means the exports were taken earlier, not that the
// machine fell silent).
import type { Fleet, Machine } from '../evidence/index.js';
import type { DiagnoseOptions } from './options.js';
import { DAY, toMs } from '../evidence/time.js';

export const STALE_AFTER_DAYS = 7;

export interface Staleness {
  endMs: number;
  nowMs: number;
  gapMs: number;
}

export function staleness(machine: Pick<Machine, 'evidenceEnd'>, fleet: Pick<Fleet, 'now' | 'nowPinned'>, options: Pick<DiagnoseOptions, 'now'>): Staleness | undefined {
  const pinned = options.now ?? (fleet.nowPinned ? fleet.now : undefined);
  const nowMs = toMs(pinned);
  const endMs = toMs(machine.evidenceEnd);
  if (nowMs === undefined || endMs === undefined) return undefined;
  const gapMs = nowMs - endMs;
  return gapMs > STALE_AFTER_DAYS * DAY ? { endMs, nowMs, gapMs } : undefined;
}
