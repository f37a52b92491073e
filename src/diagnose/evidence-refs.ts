// Evidence references (EvidenceRef): where a finding's fact came from (file + record or line) and what it said. The facts
// themselves, gathered per machine, are src/evidence/; this module only points at them.
import { editionByActivationId, type DnsSrvLookupFact, type Fact } from '../decode/index.js';
import { list, messageKey, msg, type MessageRef } from '../messages/index.js';
import type { EvidenceRef } from '../types.js';

const KMS_SERVICE_EVENT = { 'start-failed': 12291, 'renewal-timer-failed': 12292, 'dns-publish-failed': 12293, 'dns-publish-ok': 12294 } as const;
const flagsOf = (flags: readonly string[]): string | undefined => (flags.length ? flags.join('|') : undefined);

/** A one-line account of a fact with the values a support engineer checks: one flat message (evidence lists are long). */
export function summarizeFact(fact: Fact): MessageRef {
  switch (fact.kind) {
    case 'kms-request':
      return msg('evidence.kms-request', {
        result: fact.result,
        host: `${fact.host}${fact.port !== undefined ? `:${fact.port}` : ''}`,
        cmid: fact.cmid,
        state: fact.licenseState ?? '?',
        stateName: fact.licenseStateName,
        required: fact.requiredCount,
        flags: flagsOf(fact.flags),
      });
    case 'kms-response':
      return msg('evidence.kms-response', { result: fact.result, activated: fact.activated ? 1 : 0, count: fact.currentCount, flags: flagsOf(fact.flags) });
    case 'kms-host-request':
      return msg('evidence.kms-host-request', {
        result: fact.result,
        client: fact.clientName,
        cmid: fact.cmid,
        required: fact.requiredCount,
        clientTime: fact.clientTime,
      });
    case 'kms-service':
      return msg('evidence.kms-service', { event: KMS_SERVICE_EVENT[fact.event], what: fact.event, result: fact.result, domain: fact.domain });
    case 'online-activation-failure':
      return msg('evidence.online-failed', { event: fact.eventId ?? 8198, result: fact.result });
    case 'non-genuine':
      return msg('evidence.non-genuine', { reason: fact.reason, app: fact.appId });
    case 'license-state-data':
      return msg('evidence.8230', { state: fact.licenseState, keyType: fact.keyType, key: fact.partialKey });
    case 'service-info':
      return msg('evidence.service-info', { event: fact.eventId, what: fact.what, result: fact.result });
    case 'log-cleared':
      return msg('evidence.log-cleared', { channel: fact.channel, user: fact.user ? `${fact.domain ? `${fact.domain}\\` : ''}${fact.user}` : undefined });
    case 'license':
      if (fact.form.startsWith('ospp') || fact.form === 'wmi') {
        return msg('evidence.tool-license', {
          tool: fact.form === 'wmi' ? 'WMI' : 'ospp.vbs',
          name: fact.name,
          channel: fact.channel || fact.keyType,
          status: fact.licenseStatusText || fact.licenseStatus,
          reason: fact.statusReason,
        });
      }
      if (fact.form === 'settings') return msg('evidence.settings', { name: fact.name, status: fact.licenseStatusText || undefined, key: fact.partialKey });
      // An /ato that failed: Windows' own words, not a status the output never printed.
      if (fact.form === 'ato' && fact.activationMessage) return msg('evidence.ato', { name: fact.name, text: fact.activationMessage });
      return msg('evidence.license', { name: fact.name, channel: fact.channel, status: fact.licenseStatusText || fact.licenseStatus });
    case 'slmgr-error':
      if (fact.tool === 'ospp' && fact.code) return msg('evidence.tool-error', { tool: 'ospp.vbs', command: fact.command ? `/${fact.command}` : undefined, code: fact.code, text: fact.text || undefined });
      if (fact.origin === 'slui' && fact.code) return msg('evidence.slui-error', { code: fact.code, text: fact.text || undefined });
      if (fact.origin === 'settings' && fact.code) return msg('evidence.settings-error', { code: fact.code, text: fact.text || undefined });
      return msg('evidence.slmgr-error', { text: fact.text });
    case 'licensing-service':
      return msg('evidence.licensing-service', {
        tool: fact.form === 'wmi' ? 'WMI' : 'ospp.vbs',
        cmid: fact.cmid,
        count: fact.kmsHost?.currentCount,
        port: fact.kmsHost?.listeningPort,
      });
    case 'key-installed':
      return msg('evidence.key-installed', { key: fact.partialKey, gvlk: fact.gvlkFor });
    case 'kms-host-set':
      return msg('evidence.kms-host-set', { host: fact.host, port: fact.port });
    case 'ip-config':
      return msg('evidence.ip-config', {
        host: fact.hostName || undefined,
        suffix: fact.primarySuffix ? fact.primarySuffix : msg('evidence.ip-config.no-suffix'),
        search: fact.searchList.length ? list(fact.searchList) : undefined,
      });
    case 'dns-srv-lookup':
      return summarizeSrvLookup(fact);
    case 'port-check':
      return msg('evidence.port-check', {
        tool: fact.tool === 'probe' ? 'probe' : 'Test-NetConnection',
        host: fact.host,
        address: fact.address && fact.address !== fact.host ? fact.address : undefined,
        port: fact.port,
        outcome: msg(`evidence.port.${fact.outcome}`),
        detail: fact.detail,
      });
  }
}

function summarizeSrvLookup(fact: DnsSrvLookupFact): MessageRef {
  const tool = { nslookup: 'nslookup', 'resolve-dnsname': 'Resolve-DnsName', probe: 'probe' }[fact.tool];
  const result =
    fact.outcome === 'answer'
      ? list(fact.records.map((r) => msg('evidence.srv-record', { target: r.target, port: r.port, priority: r.priority, weight: r.weight })))
      : msg('evidence.srv-failed', { outcome: msg(`evidence.dns.${fact.outcome}`), detail: fact.detail });
  return msg('evidence.srv-lookup', {
    tool,
    query: fact.query || msg('evidence.srv-query-unknown'),
    server: fact.server,
    address: fact.server ? fact.serverAddress : undefined,
    result,
  });
}

// Steps and findings cite the same records again and again: one reference per fact, shared (references
// are never changed once made).
const shared = new WeakMap<Fact, EvidenceRef>();

/** Evidence citing a fact, summarized by `summary` or by the fact's own one-line account. */
export function evidenceOf(fact: Fact, summary?: MessageRef): EvidenceRef {
  if (summary !== undefined) return makeEvidence(fact, summary);
  let ref = shared.get(fact);
  if (!ref) shared.set(fact, (ref = makeEvidence(fact, summarizeFact(fact))));
  return ref;
}

/** Evidence at a place that is no single fact (a hole between records, a whole file), said by a message. */
export function evidenceAt(place: { file: string; record?: number; line?: number }, message: MessageRef): EvidenceRef {
  return { ...place, message };
}

/** Evidence pointing at the fact's record (events) or line (slmgr text). */
function makeEvidence(fact: Fact, message: MessageRef): EvidenceRef {
  const ref: EvidenceRef = { file: fact.source.file, message };
  if (fact.kind === 'license') ref.line = fact.lineStart;
  else if (fact.kind === 'slmgr-error' || fact.kind === 'key-installed' || fact.kind === 'kms-host-set' || fact.kind === 'ip-config') ref.line = fact.line;
  else {
    if (fact.source.record !== undefined) ref.record = fact.source.record;
    else if (fact.source.line !== undefined) ref.line = fact.source.line;
  }
  if (fact.eventId !== undefined) ref.eventId = fact.eventId;
  const product = productNameOf(fact);
  if (product) products.set(ref, product);
  return ref;
}

/** The product each evidence reference is about, kept beside it (not in it: reports would carry it thousands of times). */
const products = new WeakMap<EvidenceRef, string>();

/** The licensed product a piece of evidence is about, when its fact names one. */
export function productOfEvidence(ref: EvidenceRef): string | undefined {
  return products.get(ref);
}

/** The licensed product a fact is about: its edition from the products table, else the name the output printed. */
export function productNameOf(fact: Fact): string | undefined {
  switch (fact.kind) {
    case 'license':
      return fact.edition ?? (fact.name || undefined);
    case 'kms-request':
    case 'kms-host-request':
    case 'license-state-data':
      return fact.edition;
    case 'online-activation-failure':
    case 'service-info':
      return fact.skuId ? editionByActivationId(fact.skuId)?.edition : undefined;
    default:
      return undefined;
  }
}

/** Same place: one record or line is cited once, with the first (richest) summary a rule gave it. */
function evidenceKey(e: EvidenceRef): string {
  const located = e.record !== undefined || e.line !== undefined;
  return `${e.file}\u0000${e.record ?? ''}\u0000${e.line ?? ''}\u0000${e.eventId ?? ''}${located ? '' : `\u0000${messageKey(e.message)}`}`;
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
