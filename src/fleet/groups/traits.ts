// What one machine is, for grouping: the KMS host it asks, its CMIDs, DNS suffixes, subnets, products, build,
// the failure codes it shows, and when its failures began. One pass over the machine's facts, no sorting.
import { isSuccessHresult, licenseStateFromSlStatus, type Fact } from '../../decode/index.js';
import type { Fleet, Machine } from '../../evidence/index.js';
import { utcIsoMs } from '../../base/index.js';
import type { AttributeKind } from './types.js';

export interface MachineTraits {
  /** Display name of the KMS host its newest request (or its slmgr text) names. */
  host?: string;
  cmids: string[];
  suffixes: string[];
  subnets: string[];
  products: string[];
  build?: string;
  /** Failure codes after its last success (every failure code, for a machine that never succeeded). */
  codes: string[];
  /** Newest success (ms): a 12289 that activated, or 8230 Licensed. */
  lastSuccess?: number;
  /** First failure or unanswered attempt after the last success (ms). */
  onset?: number;
  /** Every dated failure or attempt after the last success (ms), in input order. */
  failures: number[];
  /** Events that may tell what else changed when a group's trouble began: the first 8198 and the first 12293 of its log. */
  signals: Signal[];
}

/** An event of this machine's own log that other machines' trouble may follow from. */
export interface Signal {
  kind: 'online-activation-failed' | 'dns-publish-failed';
  at: number;
  code?: string;
}

/** Values of one attribute kind, as grouping compares them. Onset windows are added by the grouper. */
export function valuesOf(traits: MachineTraits, kind: Exclude<AttributeKind, 'onset'>): readonly string[] {
  switch (kind) {
    case 'host':
      return traits.host ? [traits.host] : [];
    case 'cmid':
      return traits.cmids;
    case 'dns-suffix':
      return traits.suffixes;
    case 'subnet':
      return traits.subnets;
    case 'product':
      return traits.products;
    case 'build':
      return traits.build ? [traits.build] : [];
    case 'code':
      return traits.codes;
  }
}

/** Epoch ms of an ISO time ('' and unreadable times: undefined). */
export function msOf(iso: string | undefined): number | undefined {
  if (!iso) return undefined;
  const t = utcIsoMs(iso) ?? Date.parse(iso);
  return Number.isFinite(t) ? t : undefined;
}

const HRESULT = /^0x[0-9A-Fa-f]{8}$/;
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** `loggedNames`: FQDNs the hosts logged for this machine (12290), for a machine whose own exports give a short name. */
export function traitsOf(machine: Machine, fleet: Fleet, loggedNames: readonly string[] = []): MachineTraits {
  const failures: Array<{ at: number; code?: string }> = [];
  const signals: Signal[] = [];
  const undated = new Set<string>();
  const products = new Map<string, string>();
  const suffixes = new Set<string>();
  for (const name of machine.aliases) addSuffixes(suffixes, name);
  for (const name of loggedNames) addSuffixes(suffixes, name);
  const subnets = new Set<string>();
  let lastSuccess: number | undefined;
  let newestRequest: { at: number; host: string } | undefined;
  let slmgrHost: string | undefined;
  let build: string | undefined;
  const success = (at: number | undefined): void => {
    if (at !== undefined && (lastSuccess === undefined || at > lastSuccess)) lastSuccess = at;
  };
  const failure = (at: number | undefined, code?: string): void => {
    const bad = code !== undefined && HRESULT.test(code) && !isSuccessHresult(code) ? code : undefined;
    if (at === undefined) {
      if (bad) undated.add(bad);
    } else failures.push(bad ? { at, code: bad } : { at });
  };
  for (const fact of machine.facts) {
    // A host's 12290s are most of a fleet's facts and say nothing about the host itself: skip them first.
    if (fact.kind === 'kms-host-request') continue;
    const at = msOf(fact.time);
    addProduct(products, fact);
    switch (fact.kind) {
      case 'kms-request':
        if (fact.host && at !== undefined && (!newestRequest || at >= newestRequest.at)) newestRequest = { at, host: fact.host };
        else if (fact.host && !newestRequest && !slmgrHost) slmgrHost = fact.host;
        // A request that was answered with success is older than that success; any later one is an attempt that failed.
        failure(at, fact.result);
        break;
      case 'kms-response':
        if (fact.activated && isSuccessHresult(fact.result)) success(at);
        else failure(at, fact.result);
        break;
      case 'license-state-data':
        if (licenseStateFromSlStatus(fact.licenseState) === 'Licensed') success(at);
        break;
      case 'online-activation-failure':
        if (fact.eventId === 8198 && at !== undefined) firstSignal(signals, { kind: 'online-activation-failed', at, ...(fact.result ? { code: fact.result } : {}) });
        failure(at, fact.result);
        break;
      case 'non-genuine':
        failure(at, fact.reason);
        break;
      case 'service-info':
        if (fact.what === 'vl-activation-failed') failure(at, fact.result);
        if (fact.what === 'service-started' && fact.version) build = buildOf(fact.version) ?? build;
        break;
      case 'kms-service':
        if (fact.event === 'dns-publish-failed' && at !== undefined) firstSignal(signals, { kind: 'dns-publish-failed', at, ...(fact.result ? { code: fact.result } : {}) });
        if (fact.event !== 'dns-publish-ok') failure(at, fact.result);
        break;
      case 'license':
        if (fact.kmsClient?.kmsName) slmgrHost = fact.kmsClient.kmsName;
        if (fact.serviceVersion) build = buildOf(fact.serviceVersion) ?? build;
        for (const code of fact.errors) failure(undefined, code);
        break;
      case 'slmgr-error':
        if (fact.code) failure(undefined, fact.code);
        break;
      case 'port-check':
        if (fact.sourceAddress) addSubnet(subnets, fact.sourceAddress);
        break;
      case 'kms-host-set':
        // slmgr /skms: the host this client was told to ask.
        if (!slmgrHost) slmgrHost = fact.host;
        break;
      case 'ip-config':
        // ipconfig /all: the machine's own DNS suffixes and addresses, from adapters that are connected.
        if (fact.primarySuffix) addDomain(suffixes, fact.primarySuffix);
        for (const a of fact.adapters) {
          if (a.disconnected) continue;
          if (a.connectionSuffix) addDomain(suffixes, a.connectionSuffix);
          for (const address of a.ipv4) addSubnet(subnets, address);
        }
        break;
      default:
        break;
    }
  }
  const codes = new Set<string>(undated);
  let onset: number | undefined;
  const after: number[] = [];
  for (const f of failures) {
    if (lastSuccess !== undefined && f.at <= lastSuccess) continue;
    if (f.code) codes.add(f.code);
    after.push(f.at);
    if (onset === undefined || f.at < onset) onset = f.at;
  }
  const hostName = newestRequest?.host ?? slmgrHost;
  const traits: MachineTraits = {
    cmids: machine.cmids,
    suffixes: [...suffixes],
    subnets: [...subnets],
    products: [...products].map(([edition, family]) => `${family}: ${edition}`),
    codes: [...codes],
    failures: after,
    signals,
  };
  if (hostName) traits.host = hostDisplay(fleet, hostName);
  if (build) traits.build = build;
  if (lastSuccess !== undefined) traits.lastSuccess = lastSuccess;
  if (onset !== undefined) traits.onset = onset;
  return traits;
}

/**
 * The names KMS hosts logged (12290) for machines whose own exports give only a short name: where their DNS
 * suffix is to be read. One pass over the hosts' logs, a lookup per 12290.
 */
export function namesHostsLogged(fleet: Fleet): Map<string, string[]> {
  const short = new Set(fleet.machines.filter((m) => !m.aliases.some((a) => a.includes('.') && !IPV4.test(a))).map((m) => m.key));
  const out = new Map<string, string[]>();
  if (short.size === 0) return out;
  for (const log of fleet.hostRequests.values()) {
    for (const f of log) {
      if (!f.clientName.includes('.')) continue;
      const key = fleet.find(f.clientName)?.key;
      if (key === undefined || !short.has(key)) continue;
      const names = out.get(key);
      if (!names) out.set(key, [f.clientName]);
      else if (!names.includes(f.clientName)) names.push(f.clientName);
    }
  }
  return out;
}

/** Keeps the earliest signal of each kind: a failure that repeats all along is no change at the time of another. */
function firstSignal(signals: Signal[], signal: Signal): void {
  const i = signals.findIndex((s) => s.kind === signal.kind);
  if (i < 0) signals.push(signal);
  else if (signal.at < signals[i].at) signals[i] = signal;
}

/** A KMS host as the snapshot names it: its machine's display name, else the name as written, lower-case, without the port. */
export function hostDisplay(fleet: Fleet, written: string): string {
  const host = written.trim().replace(/:\d+$/, '').replace(/\.$/, '');
  return fleet.find(host)?.name ?? host.toLowerCase();
}

/** Every DNS suffix of a machine's name, from its own domain up to two labels (`lab.corp.contoso.com`, `corp.contoso.com`, `contoso.com`). */
export function addSuffixes(out: Set<string>, name: string): void {
  const trimmed = name.trim().replace(/\.$/, '').toLowerCase();
  if (!trimmed.includes('.') || IPV4.test(trimmed) || trimmed.includes(':')) return;
  addDomain(out, trimmed.slice(trimmed.indexOf('.') + 1));
}

/** A DNS domain and every parent of it down to two labels. */
function addDomain(out: Set<string>, domain: string): void {
  const labels = domain.trim().replace(/\.$/, '').toLowerCase().split('.').filter(Boolean);
  for (let i = 0; i <= labels.length - 2; i++) out.add(labels.slice(i).join('.'));
}

/** The /24 of an IPv4 address, the /64 of an IPv6 one. */
export function addSubnet(out: Set<string>, address: string): void {
  const v4 = IPV4.exec(address.trim());
  if (v4) {
    out.add(`${v4[1]}.${v4[2]}.${v4[3]}.0/24`);
    return;
  }
  const v6 = address.trim().toLowerCase().replace(/%.*$/, '');
  if (!/^[0-9a-f:]+$/.test(v6) || !v6.includes(':')) return;
  const [head] = v6.split('::');
  const groups = head.split(':').filter(Boolean);
  if (groups.length >= 4) out.add(`${groups.slice(0, 4).join(':')}::/64`);
}

/** Windows 10.0.19041.3996 → 10.0.19041: the licensing service's version follows the OS build. */
function buildOf(version: string): string | undefined {
  const m = /^(\d+\.\d+\.\d+)/.exec(version.trim());
  return m?.[1];
}

/** Products by family and edition (edition → family), so Office and Windows products never fall into one group. */
function addProduct(out: Map<string, string>, fact: Fact): void {
  // A host's 12290s name its clients' products, not its own.
  if (fact.kind !== 'kms-request' && fact.kind !== 'license' && fact.kind !== 'license-state-data') return;
  if (fact.kind === 'license' && fact.notInUse) return;
  if (fact.edition && !out.has(fact.edition)) out.set(fact.edition, fact.family ?? '');
}
