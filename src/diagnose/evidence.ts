// Evidence references: where a fact came from (file + record or line) and what it said.
import type { DnsSrvLookupFact, Fact } from '../decode/index.js';
import { describeHresult } from '../decode/index.js';
import type { EvidenceRef } from '../types.js';

/** "0xC004F038 (SL_E_VL_NOT_ENOUGH_COUNT)" — the code with its symbol when we know it. */
export function codeLabel(code: string): string {
  const info = describeHresult(code);
  return info.symbol ? `${info.code} (${info.symbol})` : info.code;
}

/** A one-line account of a fact with the values a support engineer checks. */
export function summarizeFact(fact: Fact): string {
  switch (fact.kind) {
    case 'kms-request': {
      const parts = [`12288 result ${codeLabel(fact.result)}`, `KMS host ${fact.host}${fact.port !== undefined ? `:${fact.port}` : ''}`, `CMID ${fact.cmid}`];
      if (fact.licenseStateName) parts.push(`license state ${fact.licenseState} (${fact.licenseStateName})`);
      if (fact.requiredCount !== undefined) parts.push(`required count ${fact.requiredCount}`);
      if (fact.flags.length) parts.push(`flags ${fact.flags.join('|')}`);
      return parts.join(', ');
    }
    case 'kms-response':
      return [
        `12289 result ${codeLabel(fact.result)}`,
        `activated ${fact.activated ? 1 : 0}`,
        `current count ${fact.currentCount}`,
        ...(fact.flags.length ? [`flags ${fact.flags.join('|')}`] : []),
      ].join(', ');
    case 'kms-host-request':
      return [
        `12290 result ${codeLabel(fact.result)}`,
        `client ${fact.clientName}`,
        `CMID ${fact.cmid}`,
        `required count ${fact.requiredCount}`,
        ...(fact.clientTime ? [`client time ${fact.clientTime}`] : []),
      ].join(', ');
    case 'kms-service': {
      const id = { 'start-failed': 12291, 'renewal-timer-failed': 12292, 'dns-publish-failed': 12293, 'dns-publish-ok': 12294 }[fact.event];
      const parts = [`${id} ${fact.event}`];
      if (fact.result) parts.push(`result ${codeLabel(fact.result)}`);
      if (fact.domain) parts.push(`domain ${fact.domain}`);
      return parts.join(', ');
    }
    case 'online-activation-failure':
      return `${fact.eventId ?? 8198} online activation failed, result ${codeLabel(fact.result)}`;
    case 'non-genuine':
      return `8209 non-genuine, reason ${fact.reason}${fact.appId ? `, application ${fact.appId}` : ''}`;
    case 'license-state-data':
      return `8230 LicenseState=${fact.licenseState}, ProductKeyType=${fact.keyType}${fact.partialKey ? `, partial key ${fact.partialKey}` : ''}`;
    case 'service-info':
      return `${fact.eventId ?? ''} ${fact.what}${fact.result ? `, result ${codeLabel(fact.result)}` : ''}`.trim();
    case 'log-cleared':
      return `104 log cleared: ${fact.channel}${fact.user ? ` by ${fact.domain ? `${fact.domain}\\` : ''}${fact.user}` : ''}`;
    case 'license':
      return `slmgr: ${fact.name} (${fact.channel}), license status ${fact.licenseStatusText || fact.licenseStatus}`;
    case 'slmgr-error':
      return `slmgr: ${fact.text}`;
    case 'dns-srv-lookup':
      return summarizeSrvLookup(fact);
    case 'port-check':
      return `${fact.tool === 'probe' ? 'probe' : 'Test-NetConnection'}: TCP ${fact.host}${fact.address && fact.address !== fact.host ? ` (${fact.address})` : ''}:${fact.port} ${fact.outcome}${fact.detail ? ` (${fact.detail})` : ''}`;
  }
}

function summarizeSrvLookup(fact: DnsSrvLookupFact): string {
  const tool = { nslookup: 'nslookup', 'resolve-dnsname': 'Resolve-DnsName', probe: 'probe' }[fact.tool];
  const asked = `${tool} SRV ${fact.query || '(query not shown)'}${fact.server ? ` via ${fact.server}${fact.serverAddress ? ` (${fact.serverAddress})` : ''}` : ''}`;
  if (fact.outcome !== 'answer') return `${asked}: ${fact.outcome}${fact.detail ? ` (${fact.detail})` : ''}`;
  return `${asked}: ${fact.records.map((r) => `${r.target}:${r.port} (priority ${r.priority}, weight ${r.weight})`).join(', ')}`;
}

// Steps and findings cite the same records again and again: one reference per fact, shared (references
// are never changed once made).
const shared = new WeakMap<Fact, EvidenceRef>();

export function evidenceOf(fact: Fact, summary?: string): EvidenceRef {
  if (summary !== undefined) return makeEvidence(fact, summary);
  let ref = shared.get(fact);
  if (!ref) shared.set(fact, (ref = makeEvidence(fact, summarizeFact(fact))));
  return ref;
}

/** Evidence pointing at the fact's record (events) or line (slmgr text). */
function makeEvidence(fact: Fact, summary: string): EvidenceRef {
  const ref: EvidenceRef = { file: fact.source.file, summary };
  if (fact.kind === 'license') ref.line = fact.lineStart;
  else if (fact.kind === 'slmgr-error') ref.line = fact.line;
  else {
    if (fact.source.record !== undefined) ref.record = fact.source.record;
    else if (fact.source.line !== undefined) ref.line = fact.source.line;
  }
  if (fact.eventId !== undefined) ref.eventId = fact.eventId;
  return ref;
}

/** Same place: one record or line is cited once, with the first (richest) summary a rule gave it. */
function evidenceKey(e: EvidenceRef): string {
  const located = e.record !== undefined || e.line !== undefined;
  return `${e.file}\u0000${e.record ?? ''}\u0000${e.line ?? ''}\u0000${e.eventId ?? ''}${located ? '' : `\u0000${e.summary}`}`;
}

// A host finding can cite tens of thousands of 12290s: dedupe by key, not by scanning the list.
const keysOf = new WeakMap<EvidenceRef[], Set<string>>();

export function mergeEvidence(into: EvidenceRef[], more: readonly EvidenceRef[]): EvidenceRef[] {
  let keys = keysOf.get(into);
  if (!keys) keysOf.set(into, (keys = new Set(into.map(evidenceKey))));
  for (const e of more) {
    const key = evidenceKey(e);
    if (keys.has(key)) continue;
    keys.add(key);
    into.push(e);
  }
  return into;
}
