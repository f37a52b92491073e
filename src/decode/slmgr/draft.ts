// One product block of slmgr output while it is being read, and the license fact it becomes.
import type { SourceRef } from '../../types.js';
import { channelFromDescription, keyTypeForChannel } from '../channels.js';
import type { KmsClientInfo, KmsHostInfo, LicenseFact } from '../facts.js';
import { editionByActivationId, editionByName } from '../products.js';

export type Draft = Omit<LicenseFact, 'channel' | 'keyType'> & { keyChannel?: string };

/** A line after CRLF handling; a line the console wrapped at 80 columns is joined with its continuation. */
export interface Line {
  no: number;
  lastNo: number;
  text: string;
}

export function newDraft(source: SourceRef, name: string, line: Line, form: LicenseFact['form']): Draft {
  return {
    kind: 'license',
    source: { ...source, line: line.no },
    computer: '',
    time: '',
    name,
    description: '',
    licenseStatus: 'Unknown',
    licenseStatusText: '',
    errors: [],
    form,
    lineStart: line.no,
    lineEnd: line.lastNo,
  };
}

export const kmsClient = (d: Draft): KmsClientInfo => (d.kmsClient ??= { kmsNameSource: 'unknown' });
export const kmsHost = (d: Draft): KmsHostInfo => (d.kmsHost ??= {});
export const requests = (d: Draft): NonNullable<KmsHostInfo['requests']> => (kmsHost(d).requests ??= { total: 0, failed: 0, byState: {} });

export function problem(d: Draft, line: Line, what: string): void {
  (d.problems ??= []).push(`line ${line.no} (${what})`);
}

export function finalize(d: Draft, serviceVersion: string | undefined): LicenseFact {
  const { keyChannel, ...rest } = d;
  const channel = channelFromDescription(d.description) ?? '';
  const keyType = keyChannel || (channel ? keyTypeForChannel(channel) : 'Unknown');
  const fact: LicenseFact = { ...rest, channel, keyType };
  // /dlv adds ids, PIDs, rearm counts and trusted time to what /dli prints.
  const verbose = d.applicationId || d.extendedPid || d.rearmCount !== undefined || d.trustedTime || d.serviceVersion;
  if (fact.form === 'dli' && verbose) fact.form = 'dlv';
  if (serviceVersion) fact.serviceVersion = serviceVersion;
  const edition = (d.activationId ? editionByActivationId(d.activationId) : undefined) ?? (d.name ? editionByName(d.name) : undefined);
  if (edition) {
    fact.edition = edition.edition;
    fact.family = edition.family;
    if (!fact.applicationId) fact.applicationId = edition.applicationId;
  }
  return fact;
}
