// One object of an inventory of the WMI licensing classes → facts. A SoftwareLicensingProduct object with a
// partial product key is an installed license (the others are SKUs the machine only knows of: counted, not
// judged); a SoftwareLicensingService object gives the machine's CMID and, on a KMS host, the host's count.
// The machine is PSComputerName (Invoke-Command, -ComputerName) or __SERVER (Get-WmiObject) when the object names it.
import type { PropertyObject } from '../types.js';
import type { DecodeResult, KmsClientInfo, KmsHostInfo, LicenseFact, LicensingServiceFact } from './facts.js';
import { channelFromDescription, keyTypeForChannel } from './channels.js';
import { isSuccessHresult } from './hresult.js';
import { identifyLicense } from './license-identity.js';
import { licenseStateName } from './products.js';
import { WmiValues } from './wmi-values.js';
import { classOfProperties, parseTimeZone, type TimeZone } from '../ingest/index.js';

export interface WmiDecodeOptions {
  /** Zone of the machines that wrote the dates (`--tz`). */
  tz?: string;
}

const zones = new Map<string, TimeZone | undefined>();

export function decodeWmiObject(object: PropertyObject, options: WmiDecodeOptions = {}): DecodeResult {
  const cls = object.className ?? classOfProperties(Object.keys(object.properties));
  if (!cls) return { status: 'ignored' };
  const zone = options.tz === undefined ? undefined : zones.get(options.tz) ?? zones.set(options.tz, parseTimeZone(options.tz)).get(options.tz);
  const line = object.source.line ?? 0;
  const v = new WmiValues(object.properties, line, zone);
  if (cls === 'SoftwareLicensingService') return { status: 'decoded', facts: [serviceFact(object, v)] };
  if (!installed(v)) return { status: 'ignored' };
  const fact = licenseFact(object, v);
  return typeof fact === 'string' ? { status: 'rejected', reason: fact } : { status: 'decoded', facts: [fact] };
}

/**
 * Every SKU the machine knows is listed; only one with a key installed is a license of the machine. When the
 * export left PartialProductKey out (a Select-Object of other properties), a license state other than
 * Unlicensed still says a key is installed: no SKU leaves Unlicensed without one.
 */
function installed(v: WmiValues): boolean {
  if (v.has('PartialProductKey')) return v.text('PartialProductKey') !== undefined;
  const status = v.uint('LicenseStatus');
  return status !== undefined && status > 0;
}

function computerOf(v: WmiValues): string {
  return v.text('PSComputerName') ?? v.text('__SERVER') ?? '';
}

function licenseFact(object: PropertyObject, v: WmiValues): LicenseFact | string {
  const line = object.source.line ?? 0;
  const name = v.text('Name') ?? '';
  const activationId = v.guid('ID');
  if (!name && !activationId) return 'a SoftwareLicensingProduct object with a partial product key but no ID or Name';
  const description = v.text('Description') ?? '';
  const channel = channelFromDescription(description) ?? '';
  const status = v.uint('LicenseStatus');
  const fact: LicenseFact = {
    kind: 'license',
    source: { ...object.source },
    computer: computerOf(v),
    time: '',
    name,
    description,
    channel,
    keyType: keyTypeOf(v, channel),
    licenseStatus: status === undefined ? 'Unknown' : licenseStateName(status),
    licenseStatusText: v.text('LicenseStatus') ?? '',
    errors: [],
    form: 'wmi',
    lineStart: line,
    lineEnd: object.lineEnd ?? line,
  };
  if (activationId) fact.activationId = activationId;
  const applicationId = v.guid('ApplicationID');
  if (applicationId) fact.applicationId = applicationId;
  const partial = v.text('PartialProductKey');
  if (partial !== undefined && /^[0-9A-Z]{5}$/i.test(partial)) fact.partialKey = partial.toUpperCase();
  else if (partial !== undefined) v.problems.push(`line ${line} (PartialProductKey ${JSON.stringify(partial.slice(0, 40))} is not five key characters)`);
  const pid = v.text('ProductKeyID');
  if (pid) fact.extendedPid = pid;
  const reason = v.hresult('LicenseStatusReason');
  if (reason) {
    fact.statusReason = reason;
    if (isSuccessHresult(reason)) fact.statusReasonInformational = true;
  }
  const grace = v.uint('GracePeriodRemaining');
  if (grace !== undefined && grace > 0) {
    if (fact.licenseStatus === 'Licensed') fact.volumeExpiryMinutes = grace;
    else fact.graceMinutes = grace;
  }
  const evaluationEnd = v.date('EvaluationEndDate');
  if (evaluationEnd) fact.evaluationEnd = evaluationEnd;
  const trusted = v.date('TrustedTime');
  if (trusted) fact.trustedTime = trusted;
  const rearm = v.uint('RemainingAppReArmCount');
  if (rearm !== undefined) fact.rearmCount = rearm;
  const skuRearm = v.uint('RemainingSkuReArmCount');
  if (skuRearm !== undefined) fact.skuRearmCount = skuRearm;
  if (v.bool('LicenseIsAddon')) fact.addon = true;
  const kms = kmsClientOf(v, fact.channel === 'VOLUME_KMSCLIENT' || fact.keyType === 'Volume:GVLK');
  if (kms) fact.kmsClient = kms;
  if (v.uint('IsKeyManagementServiceMachine') === 1) fact.kmsHost = kmsHostOf(v);
  identifyLicense(fact);
  if (v.problems.length) fact.problems = [...v.problems];
  return fact;
}

/** ProductKeyChannel when it reads as a key type (Volume:GVLK, Retail, OEM:DM …), else what the channel says. */
function keyTypeOf(v: WmiValues, channel: string): string {
  const given = v.text('ProductKeyChannel');
  if (given && /^[A-Za-z]+(?::[A-Za-z]+)*$/.test(given)) return given;
  return channel ? keyTypeForChannel(channel) : 'Unknown';
}

/** The KMS host a client is told to use (registry) or found in DNS, and its intervals. */
function kmsClientOf(v: WmiValues, isKmsClient: boolean): KmsClientInfo | undefined {
  const registered = v.text('KeyManagementServiceMachine');
  const discovered = v.text('DiscoveredKeyManagementServiceMachineName');
  if (!isKmsClient && !registered && !discovered) return undefined;
  const info: KmsClientInfo = { kmsNameSource: registered ? 'registered' : 'dns' };
  if (registered) {
    info.kmsName = registered;
    const port = v.uint('KeyManagementServicePort');
    if (port) info.kmsPort = port;
  } else if (discovered) {
    info.kmsName = discovered;
    const port = v.uint('DiscoveredKeyManagementServiceMachinePort');
    if (port) info.kmsPort = port;
  }
  const ip = v.text('DiscoveredKeyManagementServiceMachineIpAddress');
  if (ip) info.kmsIp = ip;
  const domain = v.text('KeyManagementServiceLookupDomain');
  if (domain) info.lookupDomain = domain;
  const activation = v.uint('VLActivationInterval');
  if (activation !== undefined) info.activationInterval = activation;
  const renewal = v.uint('VLRenewalInterval');
  if (renewal !== undefined) info.renewalInterval = renewal;
  const caching = v.bool('KeyManagementServiceHostCaching');
  if (caching !== undefined) info.hostCaching = caching;
  const type = v.uint('VLActivationTypeEnabled');
  if (type !== undefined) info.activationType = ['All', 'AD', 'KMS', 'Token'][type] ?? String(type);
  return info;
}

/** A KMS host's count and counters (SoftwareLicensingService, or the host's product object). */
function kmsHostOf(v: WmiValues): KmsHostInfo {
  const host: KmsHostInfo = {};
  const count = v.uint('KeyManagementServiceCurrentCount');
  if (count !== undefined) host.currentCount = count;
  const port = v.uint('KeyManagementServiceListeningPort');
  if (port) host.listeningPort = port;
  const dns = v.bool('KeyManagementServiceDnsPublishing');
  if (dns !== undefined) host.dnsPublishing = dns;
  const low = v.bool('KeyManagementServiceLowPriority');
  if (low !== undefined) host.priority = low ? 'Low' : 'Normal';
  const total = v.uint('KeyManagementServiceTotalRequests');
  const failed = v.uint('KeyManagementServiceFailedRequests');
  if (total !== undefined || failed !== undefined) {
    const byState: Record<string, number> = {};
    for (const [state, property] of REQUESTS_BY_STATE) {
      const n = v.uint(property);
      if (n !== undefined) byState[state] = n;
    }
    host.requests = { total: total ?? 0, failed: failed ?? 0, byState };
  }
  return host;
}

const REQUESTS_BY_STATE: ReadonlyArray<[string, string]> = [
  ['Unlicensed', 'KeyManagementServiceUnlicensedRequests'],
  ['Licensed', 'KeyManagementServiceLicensedRequests'],
  ['OOBGrace', 'KeyManagementServiceOOBGraceRequests'],
  ['OOTGrace', 'KeyManagementServiceOOTGraceRequests'],
  ['NonGenuineGrace', 'KeyManagementServiceNonGenuineGraceRequests'],
  ['Notification', 'KeyManagementServiceNotificationRequests'],
];

function serviceFact(object: PropertyObject, v: WmiValues): LicensingServiceFact {
  const line = object.source.line ?? 0;
  const fact: LicensingServiceFact = { kind: 'licensing-service', form: 'wmi', source: { ...object.source }, computer: computerOf(v), time: '', line };
  const version = v.text('Version');
  if (version) fact.version = version;
  const cmid = v.guid('ClientMachineID');
  if (cmid) fact.cmid = cmid;
  const kms = kmsClientOf(v, false);
  if (kms) fact.kmsClient = kms;
  if (v.uint('IsKeyManagementServiceMachine') === 1) fact.kmsHost = kmsHostOf(v);
  const rearm = v.uint('RemainingWindowsReArmCount');
  if (rearm !== undefined) fact.rearmCount = rearm;
  if (v.problems.length) fact.problems = [...v.problems];
  return fact;
}
