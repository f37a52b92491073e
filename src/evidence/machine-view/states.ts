// License state readings of one machine: what slmgr states, else the newest event that tells the state.
import type { Fact, LicenseFact, LicenseStatusName } from '../../decode/index.js';
import { isSuccessHresult, licenseStateFromSlStatus } from '../../decode/index.js';
import { MINUTE, toMs } from '../time.js';
import { KEY_TYPE, type ProductKind } from './license-kinds.js';
import type { MachineFacts } from './shape.js';

/** A successful KMS activation or renewal is valid for 180 days. */
export const KMS_VALIDITY_MIN = 180 * 24 * 60;

/** A license state as one source reports it. */
export interface StateReading {
  state: LicenseStatusName;
  fact: Fact;
  at: number;
  /** Minutes until the state expires, counted from `at` (volume expiry or grace). */
  minutes?: number;
}

/**
 * License state readings for one kind of product. slmgr text is the authority (one reading per
 * product block); without it, the newest event that tells the state.
 */
export function licenseStates(view: MachineFacts, kind: ProductKind): StateReading[] {
  const slmgr = view.statusLicenses(kind);
  if (slmgr.length) return slmgr.map((l) => slmgrReading(view, l));
  const readings: StateReading[] = [];
  for (const s of view.facts('license-state-data')) {
    if (s.keyType !== KEY_TYPE[kind]) continue;
    const r: StateReading = { state: licenseStateFromSlStatus(s.licenseState), fact: s, at: view.at(s) };
    const end = toMs(s.graceEnd);
    if (end !== undefined) r.minutes = Math.round((end - r.at) / MINUTE);
    readings.push(r);
  }
  if (kind === 'kms-client') {
    for (const x of view.exchanges()) {
      const q = x.request;
      if (q.licenseStateName) {
        const r: StateReading = { state: q.licenseStateName, fact: q, at: x.at };
        if (q.minutesToExpiry !== undefined) r.minutes = q.minutesToExpiry;
        readings.push(r);
      }
      if (x.response) {
        const ok = x.response.activated && isSuccessHresult(x.response.result);
        // A failed response leaves the state the request reported; a success makes it Licensed.
        if (ok) readings.push({ state: 'Licensed', fact: x.response, at: view.at(x.response), minutes: KMS_VALIDITY_MIN });
      }
    }
  }
  if (!readings.length) return [];
  const newest = readings.reduce((a, b) => (b.at >= a.at ? b : a));
  return [newest];
}

/**
 * The state an slmgr block states, with the minutes it has left: /dli and /dlv print minutes (volume expiry
 * when Licensed, else grace), /xpr prints the date it ends.
 */
export function slmgrReading(view: Pick<MachineFacts, 'at'>, l: LicenseFact): StateReading {
  const r: StateReading = { state: l.licenseStatus, fact: l, at: view.at(l) };
  const minutes = l.licenseStatus === 'Licensed' ? l.volumeExpiryMinutes : l.graceMinutes;
  const printedEnd = toMs(l.expiresAt);
  if (minutes !== undefined) r.minutes = minutes;
  else if (printedEnd !== undefined) r.minutes = Math.round((printedEnd - r.at) / MINUTE);
  return r;
}

/** The machine's current license states, any kind of product: every slmgr product, else the newest event that says. */
export function currentStates(view: MachineFacts): StateReading[] {
  const slmgr = view.statusLicenses();
  if (slmgr.length) return slmgr.map((l) => slmgrReading(view, l));
  const readings: StateReading[] = [];
  for (const s of view.facts('license-state-data')) {
    const r: StateReading = { state: licenseStateFromSlStatus(s.licenseState), fact: s, at: view.at(s) };
    const end = s.graceEnd ? Date.parse(s.graceEnd) : NaN;
    if (!Number.isNaN(end)) r.minutes = Math.round((end - r.at) / MINUTE);
    readings.push(r);
  }
  for (const r of licenseStates(view, 'kms-client')) readings.push(r);
  if (!readings.length) return [];
  return [readings.reduce((a, b) => (b.at >= a.at ? b : a))];
}
