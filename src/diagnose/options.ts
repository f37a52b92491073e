// Tunable thresholds of the rule chain. Defaults are the guide's numbers.
import type { Severity } from '../types.js';
import { DEFAULT_SKEW_HOURS } from '../evidence/unseen-requests.js';

export interface DiagnoseOptions {
  /** ISO time that pins "now"; defaults to the fleet's clock (newest record read). */
  now?: string;
  /** A KMS host with no 12290 for longer than this is idle (KMS Management Pack alert). */
  idleHours: number;
  /** Volume activation expiring within this many days is a warning… */
  expiryWarningDays: number;
  /** …and within this many days an error. */
  expiryErrorDays: number;
  /** Out-of-box / out-of-tolerance grace ending within this many days is a warning. */
  graceWarningDays: number;
  /** Client and host clocks may differ by this much before KMS refuses the request. */
  skewHours: number;
  /** Rule ids not to run. */
  disabled: string[];
  /** Severity per rule id, replacing the rule's default. */
  severity: Record<string, Severity>;
}

export const DEFAULT_OPTIONS: Readonly<DiagnoseOptions> = Object.freeze({
  idleHours: 8,
  expiryWarningDays: 30,
  expiryErrorDays: 7,
  graceWarningDays: 7,
  skewHours: DEFAULT_SKEW_HOURS,
  disabled: [],
  severity: {},
});

export function resolveOptions(partial: Partial<DiagnoseOptions> = {}): DiagnoseOptions {
  const out: DiagnoseOptions = { ...DEFAULT_OPTIONS, disabled: [], severity: {} };
  for (const [k, v] of Object.entries(partial) as [keyof DiagnoseOptions, unknown][]) {
    if (v !== undefined) (out as unknown as Record<string, unknown>)[k] = v;
  }
  return out;
}
