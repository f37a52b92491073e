// Decoders for the KMS events: 12288/12289 (client), 12290 (host), 12291..12294 (host service, DNS).
// Field orders are those of the reference (events.md §3.1–3.4).
import { responseCount } from './count-bearing.js';
import type { Fact, KmsHostRequestFact, KmsRequestFact, KmsResponseFact, KmsServiceFact, ProductLine } from './facts.js';
import { FieldReader, parseHostPort, positionalFields } from './fields.js';
import { normalizeHresult } from './hresult.js';
import { editionByActivationId, licenseStateName } from './products.js';
import { statusFlagNames } from './status-flags.js';
import type { DecoderInput, DecoderOutput } from './decoder.js';

/** The products table's edition for a requested activation id, and its product line (Office is counted apart). */
function editionOf(activationId: string | undefined): { edition?: string; family?: string; product?: ProductLine } {
  if (!activationId) return {};
  const e = editionByActivationId(activationId);
  return e ? { edition: e.edition, family: e.family, product: e.family === 'Office' ? 'Office' : 'Windows' } : {};
}

function withProblems<T extends Fact>(fact: T, r: FieldReader): T {
  if (r.problems.length > 0) fact.problems = [...r.problems];
  return fact;
}

/** 12288: result, flags, host:port, CMID, client time, VM, license state, minutes, activation id, required count. */
export function decode12288({ base, data }: DecoderInput): DecoderOutput {
  const r = new FieldReader(positionalFields(data, 10));
  if (r.length < 4) return { rejected: `12288 needs at least 4 comma-separated fields (result, flags, host, CMID), got ${r.length}` };
  const result = r.hresult(0, 'result');
  if (!result) return { rejected: `12288 field 0 (result): ${JSON.stringify(r.raw(0))} is not an HRESULT` };
  const statusFlags = r.flags(1, 'status flags') ?? 0;
  const hostRaw = r.text(2) ?? '';
  const hp = parseHostPort(hostRaw);
  if (!hp && hostRaw !== '') r.note(`field 2 (host:port): ${JSON.stringify(hostRaw)} is not host:port`);
  const cmid = r.guid(3, 'CMID');
  const activationId = r.guid(8, 'activation id');
  const licenseState = r.int(6, 'license state', 0, 6);
  const fact: KmsRequestFact = {
    kind: 'kms-request',
    ...base,
    result,
    statusFlags,
    flags: statusFlagNames(statusFlags),
    host: hp?.host ?? hostRaw,
    cmid: cmid ?? r.text(3) ?? '',
  };
  if (hp?.port !== undefined) fact.port = hp.port;
  const clientTime = r.time(4, 'client time');
  if (clientTime) fact.clientTime = clientTime;
  const isVm = r.bool01(5, 'VM');
  if (isVm !== undefined) fact.isVm = isVm;
  if (licenseState !== undefined) {
    fact.licenseState = licenseState;
    fact.licenseStateName = licenseStateName(licenseState);
  }
  const minutes = r.int(7, 'minutes to expiry');
  if (minutes !== undefined) fact.minutesToExpiry = minutes;
  if (activationId) {
    fact.activationId = activationId;
    Object.assign(fact, editionOf(activationId));
  }
  const required = r.int(9, 'required count', 1, 1000);
  if (required !== undefined) fact.requiredCount = required;
  return { facts: [withProblems(fact, r)] };
}

/** 12289: result, flags, activated, (unused), current count, activation interval, renewal interval, client time. */
export function decode12289({ base, data }: DecoderInput): DecoderOutput {
  const r = new FieldReader(positionalFields(data, 8));
  if (r.length < 7) return { rejected: `12289 needs at least 7 comma-separated fields, got ${r.length}` };
  const result = r.hresult(0, 'result');
  if (!result) return { rejected: `12289 field 0 (result): ${JSON.stringify(r.raw(0))} is not an HRESULT` };
  const statusFlags = r.flags(1, 'status flags') ?? 0;
  const activated = r.bool01(2, 'activated');
  const currentCount = r.int(4, 'current count');
  const activationInterval = r.int(5, 'activation interval');
  const renewalInterval = r.int(6, 'renewal interval');
  if (activated === undefined && r.missing(2)) r.note('field 2 (activated): missing');
  const fact: KmsResponseFact = {
    kind: 'kms-response',
    ...base,
    result,
    statusFlags,
    flags: statusFlagNames(statusFlags),
    activated: activated ?? false,
    activationInterval: activationInterval ?? 0,
    renewalInterval: renewalInterval ?? 0,
  };
  // A failed exchange's field 4 is 0 whatever the host's count: only an answer that carries one keeps it.
  if (currentCount !== undefined && responseCount({ result, currentCount }) !== undefined) fact.currentCount = currentCount;
  const clientTime = r.time(7, 'client time');
  if (clientTime) fact.clientTime = clientTime;
  return { facts: [withProblems(fact, r)] };
}

/** 12290: result, required count, client FQDN, CMID, client time, VM, license state, minutes, activation id. */
export function decode12290({ base, data }: DecoderInput): DecoderOutput {
  const r = new FieldReader(positionalFields(data, 9));
  if (r.length < 4) return { rejected: `12290 needs at least 4 fields (result, required count, client, CMID), got ${r.length}` };
  const result = r.hresult(0, 'result');
  if (!result) return { rejected: `12290 field 0 (result): ${JSON.stringify(r.raw(0))} is not an HRESULT` };
  const requiredCount = r.int(1, 'required count', 1, 1000);
  const cmid = r.guid(3, 'CMID');
  const fact: KmsHostRequestFact = {
    kind: 'kms-host-request',
    ...base,
    result,
    requiredCount: requiredCount ?? 0,
    clientName: r.text(2) ?? '',
    cmid: cmid ?? r.text(3) ?? '',
  };
  const clientTime = r.time(4, 'client time');
  if (clientTime) fact.clientTime = clientTime;
  const isVm = r.bool01(5, 'VM');
  if (isVm !== undefined) fact.isVm = isVm;
  const licenseState = r.int(6, 'license state', 0, 6);
  if (licenseState !== undefined) {
    fact.licenseState = licenseState;
    fact.licenseStateName = licenseStateName(licenseState);
  }
  const minutes = r.int(7, 'minutes to expiry');
  if (minutes !== undefined) fact.minutesToExpiry = minutes;
  const activationId = r.guid(8, 'activation id');
  if (activationId) {
    fact.activationId = activationId;
    Object.assign(fact, editionOf(activationId));
  }
  return { facts: [withProblems(fact, r)] };
}

const SERVICE_EVENT: Record<number, KmsServiceFact['event']> = {
  12291: 'start-failed',
  12292: 'renewal-timer-failed',
  12293: 'dns-publish-failed',
  12294: 'dns-publish-ok',
};

/** 12291/12292: [0] HRESULT. 12293: [0] HRESULT, [1] DNS domain. 12294: [0] DNS domain. */
export function decodeKmsService({ base, data, eventId }: DecoderInput): DecoderOutput {
  const event = SERVICE_EVENT[eventId];
  const r = new FieldReader(data);
  const fact: KmsServiceFact = { kind: 'kms-service', ...base, event };
  if (eventId === 12294) {
    const domain = r.text(0);
    if (domain) fact.domain = domain;
    else r.note('field 0 (domain): missing');
    return { facts: [withProblems(fact, r)] };
  }
  const first = r.text(0);
  const code = first !== undefined ? normalizeHresult(first) ?? /0x[0-9a-f]{1,8}/i.exec(first)?.[0] : undefined;
  const result = code !== undefined ? normalizeHresult(code) : undefined;
  if (result) fact.result = result;
  else if (first !== undefined) {
    fact.detail = first;
    r.note(`field 0 (result): ${JSON.stringify(first)} is not an HRESULT`);
  } else r.note('field 0 (result): missing');
  if (eventId === 12293) {
    const domain = r.text(1);
    if (domain) fact.domain = domain;
    else r.note('field 1 (domain): missing');
  }
  return { facts: [withProblems(fact, r)] };
}
