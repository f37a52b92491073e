// Decoders for the other Software Protection events: online activation failures (8198/8200/8208),
// non-genuine (8209), rules-engine state (8230), informational events, and System 104 (log cleared).
import type {
  LicenseStateDataFact,
  LogClearedFact,
  NonGenuineFact,
  OnlineActivationFailureFact,
  ServiceInfoFact,
} from './facts.js';
import { parseClientTime, parseGuid, parseKeyValues, pick } from './fields.js';
import { normalizeHresult } from './hresult.js';
import { editionByActivationId } from './products.js';
import type { DecoderInput, DecoderOutput } from './decoder.js';

const HR_IN_TEXT = /hr\s*=\s*(0x[0-9a-f]{1,8}|-?\d+)/i;
const HEX_IN_TEXT = /0x[0-9a-f]{1,8}\b/i;

/** 8198: [0] 'hr=0x…', [1] 'RuleId=…;Action=…;AppId=…;SkuId=…'. 8200: [0] 'hr=…'. 8208: [0] 'hr=…', [1] template id. */
export function decodeOnlineFailure({ base, data, eventId }: DecoderInput): DecoderOutput {
  const all = data.join(';');
  const hr = HR_IN_TEXT.exec(all)?.[1] ?? HEX_IN_TEXT.exec(all)?.[0];
  const result = hr !== undefined ? normalizeHresult(hr) : undefined;
  if (!result) {
    return { rejected: `${eventId} carries no error code (expected 'hr=0x…' in field 0, got ${JSON.stringify(data[0] ?? '')})` };
  }
  const fields: Record<string, string> = {};
  for (const d of data) Object.assign(fields, parseKeyValues(d.replace(/^\((.*)\)$/, '$1')));
  const fact: OnlineActivationFailureFact = { kind: 'online-activation-failure', ...base, result, fields };
  const ruleId = parseGuid(pick(fields, 'RuleId') ?? '');
  const appId = parseGuid(pick(fields, 'AppId') ?? '');
  const skuId = parseGuid(pick(fields, 'SkuId') ?? '');
  if (ruleId) fact.ruleId = ruleId;
  if (appId) fact.appId = appId;
  if (skuId) fact.skuId = skuId;
  if (eventId === 8208) {
    const template = data.map((d) => parseGuid(d)).find((g) => g !== undefined);
    if (template) fact.templateId = template;
  }
  return { facts: [fact] };
}

/** 8209: [0] reason (HRESULT or text), [1] application id. */
export function decodeNonGenuine({ base, data }: DecoderInput): DecoderOutput {
  const reasonRaw = (data[0] ?? '').trim();
  if (reasonRaw === '') return { rejected: '8209 field 0 (reason): missing' };
  const fact: NonGenuineFact = { kind: 'non-genuine', ...base, reason: normalizeHresult(reasonRaw) ?? reasonRaw };
  const appRaw = (data[1] ?? '').trim();
  const appId = parseGuid(appRaw);
  if (appId) fact.appId = appId;
  else if (appRaw !== '') fact.problems = [`field 1 (application id): ${JSON.stringify(appRaw)} is not a GUID`];
  return { facts: [fact] };
}

/** 'yyyy/MM/dd:HH:mm:ss' as in GraceEndDate → ISO. */
function graceEndDate(raw: string): string | undefined {
  return parseClientTime(raw.replace(/^(\d{4}\/\d{1,2}\/\d{1,2}):/, '$1 '));
}

/** 8230: 'Security-SPP-Action-StateData (REG_SZ) =AppId=…;LicenseState=…;PartialProductKey=…;ProductKeyType=…;…'. */
export function decodeStateData({ base, data }: DecoderInput): DecoderOutput {
  const fields: Record<string, string> = {};
  for (const d of data) {
    // Drop the value name and type ('Security-SPP-Action-StateData (REG_SZ) =') before the pairs.
    const body = d.replace(/^[^=;]*\(REG_[A-Z_]+\)\s*=/, '');
    Object.assign(fields, parseKeyValues(body));
  }
  const licenseState = pick(fields, 'LicenseState');
  const keyType = pick(fields, 'ProductKeyType');
  if (!licenseState && !keyType) {
    return { rejected: `8230 has no LicenseState or ProductKeyType in its state data (${JSON.stringify((data[0] ?? '').slice(0, 60))})` };
  }
  const problems: string[] = [];
  const fact: LicenseStateDataFact = {
    kind: 'license-state-data',
    ...base,
    licenseState: licenseState ?? '',
    keyType: keyType ?? '',
    fields,
  };
  if (!licenseState) problems.push('LicenseState: missing');
  if (!keyType) problems.push('ProductKeyType: missing');
  const partial = pick(fields, 'PartialProductKey');
  if (partial) {
    if (/^[0-9A-Z]{5}$/i.test(partial)) fact.partialKey = partial.toUpperCase();
    else problems.push(`PartialProductKey: ${JSON.stringify(partial)} is not five key characters`);
  }
  const skuId = parseGuid(pick(fields, 'SkuId') ?? '');
  if (skuId) {
    fact.skuId = skuId;
    const e = editionByActivationId(skuId);
    if (e) {
      fact.edition = e.edition;
      fact.family = e.family;
    }
  }
  const appId = parseGuid(pick(fields, 'AppId') ?? '');
  if (appId) fact.appId = appId;
  const reason = pick(fields, 'LastConsumptionReason');
  if (reason) {
    const code = normalizeHresult(reason);
    if (code) fact.lastConsumptionReason = code;
    else problems.push(`LastConsumptionReason: ${JSON.stringify(reason)} is not an HRESULT`);
  }
  const notification = pick(fields, 'LastNotificationId');
  if (notification) fact.lastNotificationId = notification;
  const grace = pick(fields, 'GraceEndDate');
  if (grace) {
    const g = graceEndDate(grace);
    if (g) fact.graceEnd = g;
    else problems.push(`GraceEndDate: ${JSON.stringify(grace)} is not a date`);
  }
  if (problems.length) fact.problems = problems;
  return { facts: [fact] };
}

type InfoFieldType = 'text' | 'guid' | 'hresult' | 'version' | 'int';

interface InfoSpec {
  what: string;
  /** Positional fields: [name on the fact (or in `fields`), type]. */
  fields: Array<[string, InfoFieldType]>;
}

/** Informational events, keyed by id (and '<id>/<qualifiers>' where the qualifiers change the meaning). */
const INFO_EVENTS: Record<string, InfoSpec> = {
  '900': { what: 'service-starting', fields: [['detail', 'text']] },
  '902': { what: 'service-started', fields: [['version', 'version']] },
  '903': { what: 'service-stopped', fields: [] },
  '1003': { what: 'licensing-status-check', fields: [['appId', 'guid'], ['detail', 'text']] },
  '1040': { what: 'hardware-changed', fields: [['appId', 'guid'], ['skuId', 'guid']] },
  '1058': { what: 'acpi-key-install-failed', fields: [['result', 'hresult']] },
  '8197': { what: 'slui-launched', fields: [['detail', 'text']] },
  '8233': { what: 'vl-activation-failed', fields: [['result', 'hresult'], ['appId', 'guid'], ['skuId', 'guid'], ['trigger', 'text']] },
  '12304': { what: 'genuine-ticket-acquired', fields: [['templateId', 'guid']] },
  '12305': { what: 'genuine-state-genuine', fields: [['appId', 'guid']] },
  '12306': { what: 'rearm-succeeded', fields: [['appId', 'guid'], ['skuId', 'guid'], ['rearmsRemaining', 'int']] },
  '12308': { what: 'ad-activation-succeeded', fields: [['skuId', 'guid'], ['aoName', 'text'], ['aoDn', 'text']] },
  '12320': { what: 'token-activation-succeeded', fields: [['skuId', 'guid']] },
  '8213': { what: 'ad-object-not-retrieved', fields: [['result', 'hresult'], ['kmsId', 'text']] },
  '8214': { what: 'ad-object-not-usable', fields: [['result', 'hresult'], ['kmsId', 'text']] },
  '8215': { what: 'ad-activation-failed', fields: [['result', 'hresult'], ['skuId', 'guid']] },
  '16384': { what: 'restart-scheduled', fields: [['at', 'text'], ['reason', 'text']] },
  '16388/16384': { what: 'current-time', fields: [['time1', 'text'], ['time2', 'text']] },
  '16388/49152': { what: 'authorized-upgrade', fields: [['pid', 'text']] },
};

export const INFO_EVENT_IDS: readonly number[] = [...new Set(Object.keys(INFO_EVENTS).map((k) => Number(k.split('/')[0])))];

function infoSpec(eventId: number, qualifiers: number | undefined, data: readonly string[]): InfoSpec | undefined {
  if (eventId === 16388) {
    // Qualifiers tell the two messages apart; text exports lack them, so fall back to the data's shape.
    const q = qualifiers ?? (data[0] !== undefined && parseClientTime(data[0]) ? 16384 : 49152);
    return INFO_EVENTS[`16388/${q}`];
  }
  return INFO_EVENTS[String(eventId)];
}

export function decodeInfo({ base, data, eventId, event }: DecoderInput): DecoderOutput {
  const spec = infoSpec(eventId, event.qualifiers, data);
  if (!spec) return { ignored: true };
  const fact: ServiceInfoFact = { kind: 'service-info', ...base, what: spec.what };
  const extra: Record<string, string> = {};
  const problems: string[] = [];
  spec.fields.forEach(([name, type], i) => {
    const raw = (data[i] ?? '').trim();
    if (raw === '' || raw === '(null)') return;
    let value: string | undefined = raw;
    if (type === 'guid') value = parseGuid(raw);
    else if (type === 'hresult') value = normalizeHresult(raw) ?? normalizeHresult(HEX_IN_TEXT.exec(raw)?.[0] ?? '');
    else if (type === 'version') value = /^\d+(\.\d+){1,3}$/.test(raw) ? raw : undefined;
    else if (type === 'int') value = /^\d+$/.test(raw) ? raw : undefined;
    if (value === undefined) {
      problems.push(`field ${i} (${name}): ${JSON.stringify(raw.slice(0, 60))} is not a ${type === 'hresult' ? 'HRESULT' : type}`);
      return;
    }
    switch (name) {
      case 'version':
      case 'result':
      case 'appId':
      case 'skuId':
      case 'trigger':
      case 'detail':
        fact[name] = value;
        break;
      default:
        extra[name] = value;
    }
  });
  if (Object.keys(extra).length) fact.fields = extra;
  if (problems.length) fact.problems = problems;
  return { facts: [fact] };
}

const KMS_LOG = 'key management service';

/** System 104: UserData LogFileCleared/Channel names the cleared log (or the rendered message does). */
export function decodeLogCleared({ base, event }: DecoderInput): DecoderOutput {
  const ud = event.userData ?? {};
  const key = Object.keys(ud).find((k) => /(^|[./])Channel$/i.test(k));
  let channel = key !== undefined ? ud[key].trim() : '';
  if (!channel && event.message) {
    const m = /The (.+?) log file was cleared/i.exec(event.message) ?? /(.+?)\s*ログ\s*ファイルがクリアされました/.exec(event.message);
    if (m) channel = m[1].trim();
  }
  if (!channel) return { rejected: '104 names no cleared channel (no UserData Channel and no readable message)' };
  const fact: LogClearedFact = { kind: 'log-cleared', ...base, channel, kmsLog: channel.toLowerCase() === KMS_LOG };
  const userKey = Object.keys(ud).find((k) => /SubjectUserName$/i.test(k));
  const domainKey = Object.keys(ud).find((k) => /SubjectDomainName$/i.test(k));
  if (userKey && ud[userKey]) fact.user = ud[userKey];
  if (domainKey && ud[domainKey]) fact.domain = ud[domainKey];
  return { facts: [fact] };
}
