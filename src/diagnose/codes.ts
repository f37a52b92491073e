// Which rule explains which error code. A code listed here belongs to its specific rule, so the
// generic rules (kms-client/request-failed, mak/ato-error) leave it alone. Kept as data so a new
// code is one line, not a new branch.

import type { CodeContext } from '../evidence/machine-view/index.js';

export type { CodeContext };

export interface CodeOwner {
  codes: readonly string[];
  context: CodeContext;
  rule: string;
}

export const DNS_LOOKUP_CODES = ['0x8007232B', '0x8007232A', '0x8007267C', '0x8007251D', '0x8007007B', '0x80092328'] as const;

export const ONLINE_NETWORK_CODES = [
  '0x80072EE7',
  '0x80072EE2',
  '0x80072EFD',
  '0x80072F8F',
  '0x8007274C',
  '0x800704CF',
  '0xC004FC03',
  '0xC004B007',
  // DNS failures during online activation are a network problem of the same kind (no route to Microsoft).
  '0x8007232B',
  '0x8007232A',
  '0x8007267C',
] as const;

/**
 * Results only a KMS host can produce: a 12288 carrying one of these got an answer, even when no 12289 was
 * logged after it (count too low, clock skew, key group mismatch, host not activated, host not serving).
 */
export const HOST_ANSWER_CODES = ['0xC004F038', '0xC004F039', '0xC004F041', '0xC004F042', '0xC004F06C'] as const;

export const ACTIVATION_LIMIT_CODES = ['0xC004C008', '0xC004C020', '0xC004C021'] as const;
export const KEY_BLOCKED_CODES = ['0xC004C003'] as const;

export const CODE_OWNERS: readonly CodeOwner[] = [
  { codes: ['0xC004F038'], context: 'kms', rule: 'kms-client/count-below-threshold' },
  { codes: ['0xC004F06C'], context: 'kms', rule: 'kms-client/time-skew' },
  { codes: ['0xC004F035'], context: 'kms', rule: 'kms-client/invalid-volume-key' },
  { codes: DNS_LOOKUP_CODES, context: 'kms', rule: 'kms-client/dns-lookup-failed' },
  { codes: ONLINE_NETWORK_CODES, context: 'mak', rule: 'mak/online-activation-failed' },
  { codes: ACTIVATION_LIMIT_CODES, context: 'mak', rule: 'mak/activation-limit' },
  { codes: KEY_BLOCKED_CODES, context: 'mak', rule: 'mak/key-blocked' },
];

/** The specific rule that explains `code` in `context`, if any. */
export function ownerOf(code: string, context: CodeContext): string | undefined {
  return CODE_OWNERS.find((o) => o.context === context && o.codes.includes(code))?.rule;
}

export function isOneOf(code: string, list: readonly string[]): boolean {
  return list.includes(code);
}
