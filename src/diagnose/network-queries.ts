// Questions the DNS and network rules (and the KMS client walk) ask of SRV lookups and port checks.
import { isIP } from 'node:net';
import type { DnsSrvLookupFact, PortCheckFact, SrvRecord } from '../decode/index.js';
import { machineKey } from '../evidence/index.js';
import type { MachineView } from './machine-view.js';

/** A machine's SRV lookups for _vlmcs._tcp (the query was shown, or the tool was pointed at it). */
export function srvLookups(view: MachineView): DnsSrvLookupFact[] {
  return view.facts('dns-srv-lookup');
}

/** Lookups that found no SRV record, for domains that no other lookup of this machine answered. */
export function failedLookups(view: MachineView): DnsSrvLookupFact[] {
  const lookups = srvLookups(view);
  const answered = new Set(lookups.filter((l) => l.outcome === 'answer').map((l) => l.domain ?? ''));
  return lookups.filter((l) => l.outcome !== 'answer' && !answered.has(l.domain ?? '') && !(l.domain === undefined && answered.size > 0));
}

export interface SrvTarget {
  lookup: DnsSrvLookupFact;
  record: SrvRecord;
}

/** Every SRV answer of the machine's lookups, once per target and port. */
export function srvTargets(view: MachineView): SrvTarget[] {
  const seen = new Set<string>();
  const out: SrvTarget[] = [];
  for (const lookup of srvLookups(view)) {
    for (const record of lookup.records) {
      const key = `${record.target.toLowerCase()}:${record.port}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ lookup, record });
    }
  }
  return out;
}

/**
 * True when a port check was aimed at this host: by name, or by an address DNS gave for it when the
 * check named an address. Two names that share an address (a load balancer, a test) stay apart.
 */
export function checksHost(check: PortCheckFact, host: string, addresses: readonly string[] = []): boolean {
  if (isIP(check.host)) return addresses.includes(check.host);
  return machineKey(check.host) === machineKey(host) && sameDomainOrShort(check.host, host);
}

/** "kms01" matches "kms01.contoso.com"; "kms01.a.com" does not match "kms01.b.com". */
function sameDomainOrShort(a: string, b: string): boolean {
  const x = a.toLowerCase().replace(/\.$/, '');
  const y = b.toLowerCase().replace(/\.$/, '');
  return x === y || !x.includes('.') || !y.includes('.');
}

/** The newest port check per host and port (a later success means the earlier failure is over). */
export function latestPortChecks(view: MachineView): PortCheckFact[] {
  const latest = new Map<string, PortCheckFact>();
  for (const check of view.facts('port-check')) {
    const key = `${check.host.toLowerCase()}:${check.port}`;
    const before = latest.get(key);
    if (!before || !before.time || !check.time || check.time >= before.time) latest.set(key, check);
  }
  return [...latest.values()];
}

/** Whether the machine is set to a KMS host by hand (slmgr /skms), so DNS discovery is not what it uses. */
export function usesRegisteredHost(view: MachineView): boolean {
  const clients = view.licenses('kms-client').filter((l) => l.kmsClient);
  return clients.length > 0 && clients.every((l) => l.kmsClient?.kmsNameSource === 'registered');
}
