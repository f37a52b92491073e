// Evidence references: where a fact came from (file + record or line) and what it said.
import type { Fact } from '../decode/index.js';
import { describeHresult } from '../decode/index.js';
import { code, english, list, msg, NONE, type MessageRef } from '../messages/index.js';
import type { EvidenceRef } from '../types.js';

/** "0xC004F038 (SL_E_VL_NOT_ENOUGH_COUNT)" — the code with its symbol when we know it. */
export function codeLabel(code: string): string {
  const info = describeHresult(code);
  return info.symbol ? `${info.code} (${info.symbol})` : info.code;
}

const parts = (items: MessageRef[]): MessageRef => msg('evidence.parts', { parts: list(items) });
const result = (event: string | number, c: string): MessageRef => msg('evidence.result', { event, code: code(c) });
const KMS_SERVICE_EVENT = { 'start-failed': 12291, 'renewal-timer-failed': 12292, 'dns-publish-failed': 12293, 'dns-publish-ok': 12294 } as const;

/** A one-line account of a fact with the values a support engineer checks. */
export function summarizeFact(fact: Fact): MessageRef {
  switch (fact.kind) {
    case 'kms-request': {
      const items = [
        result(12288, fact.result),
        msg('evidence.kms-host', { host: `${fact.host}${fact.port !== undefined ? `:${fact.port}` : ''}` }),
        msg('evidence.cmid', { cmid: fact.cmid }),
      ];
      if (fact.licenseStateName) items.push(msg('evidence.license-state', { state: fact.licenseState ?? '', name: fact.licenseStateName }));
      if (fact.requiredCount !== undefined) items.push(msg('evidence.required-count', { count: fact.requiredCount }));
      if (fact.flags.length) items.push(msg('evidence.flags', { flags: fact.flags.join('|') }));
      return parts(items);
    }
    case 'kms-response':
      return parts([
        result(12289, fact.result),
        msg('evidence.activated', { value: fact.activated ? 1 : 0 }),
        msg('evidence.current-count', { count: fact.currentCount }),
        ...(fact.flags.length ? [msg('evidence.flags', { flags: fact.flags.join('|') })] : []),
      ]);
    case 'kms-host-request':
      return parts([
        result(12290, fact.result),
        msg('evidence.client', { client: fact.clientName }),
        msg('evidence.cmid', { cmid: fact.cmid }),
        msg('evidence.required-count', { count: fact.requiredCount }),
        ...(fact.clientTime ? [msg('evidence.client-time', { time: fact.clientTime })] : []),
      ]);
    case 'kms-service': {
      const items = [msg('evidence.service-event', { event: KMS_SERVICE_EVENT[fact.event], what: fact.event })];
      if (fact.result) items.push(msg('evidence.result-code', { code: code(fact.result) }));
      if (fact.domain) items.push(msg('evidence.domain', { domain: fact.domain }));
      return parts(items);
    }
    case 'online-activation-failure':
      return msg('evidence.online-failed', { event: fact.eventId ?? 8198, code: code(fact.result) });
    case 'non-genuine':
      return msg('evidence.non-genuine', { reason: fact.reason, app: fact.appId ? msg('evidence.non-genuine-app', { app: fact.appId }) : NONE });
    case 'license-state-data':
      return msg('evidence.8230', { state: fact.licenseState, keyType: fact.keyType, key: fact.partialKey ? msg('evidence.8230-key', { key: fact.partialKey }) : NONE });
    case 'service-info':
      return msg('evidence.service-info', {
        event: fact.eventId ?? '',
        what: fact.what,
        result: fact.result ? msg('evidence.service-info-result', { code: code(fact.result) }) : NONE,
      });
    case 'log-cleared':
      return msg('evidence.log-cleared', {
        channel: fact.channel,
        by: fact.user ? msg('evidence.log-cleared-by', { user: `${fact.domain ? `${fact.domain}\\` : ''}${fact.user}` }) : NONE,
      });
    case 'license':
      return msg('evidence.license', { name: fact.name, channel: fact.channel, status: fact.licenseStatusText || fact.licenseStatus });
    case 'slmgr-error':
      return msg('evidence.slmgr-error', { text: fact.text });
  }
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

/** Evidence pointing at the fact's record (events) or line (slmgr text). */
function makeEvidence(fact: Fact, message: MessageRef): EvidenceRef {
  const ref: EvidenceRef = { file: fact.source.file, summary: english(message), message };
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
