// `volact probe`: looks up _vlmcs._tcp.<domain>, opens a TCP connection to each SRV target's port and to
// the hosts named with --host, and turns what it saw into the same dns-srv-lookup and port-check facts
// that pasted nslookup / Test-NetConnection text gives. It only resolves names and opens (then closes)
// TCP connections: no byte of activation traffic is sent.
import { readFile } from 'node:fs/promises';
import { isIP } from 'node:net';
import { hostname } from 'node:os';
import type { InputAccount } from '../accounts/index.js';
import type { DnsSrvLookupFact, PortCheckFact } from '../decode/index.js';
import type { FactWithOwner } from '../evidence/index.js';
import type { SourceRef } from '../types.js';
import { parseEndpoint, type Endpoint } from './endpoint.js';
import { makeResolver, type ProbeResolver } from './srv-lookup.js';
import { tryConnect, type TcpResult } from './tcp-check.js';

export { EndpointError, parseEndpoint, type Endpoint } from './endpoint.js';

export const DEFAULT_TIMEOUT_MS = 3000;
const KMS_PORT = 1688;

export interface ProbeOptions {
  /** DNS domain whose _vlmcs._tcp record is looked up. */
  domain: string;
  /** Extra hosts to test, "name[:port]" (port 1688 when left out). */
  hosts?: string[];
  /** "IP[:port]": ask this DNS server instead of the system's. */
  dnsServer?: string;
  /** Bound for each DNS query and each connection attempt. */
  timeoutMs?: number;
  /** The machine the facts belong to (default: this computer's name). */
  machine?: string;
  /** ISO time stamped on the facts (default: the current time). */
  now?: string;
}

export interface ProbeResult {
  inputs: InputAccount[];
  facts: FactWithOwner[];
  machine: string;
}

export async function runProbe(options: ProbeOptions): Promise<ProbeResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const dnsServer = options.dnsServer ? parseEndpoint(options.dnsServer, 53, '--dns-server') : undefined;
  const extraHosts = (options.hosts ?? []).map((h) => parseEndpoint(h, KMS_PORT, '--host'));
  const resolver = makeResolver({ ...(dnsServer ? { server: dnsServer } : {}), timeoutMs });
  const machine = options.machine ?? hostname().split('.')[0] ?? 'localhost';
  const time = options.now ?? new Date().toISOString();
  const base = (file: string): { source: SourceRef; computer: string; time: string } => ({ source: { file, format: 'network' }, computer: '', time });

  const query = `_vlmcs._tcp.${options.domain.replace(/\.$/, '')}`;
  const srv = await resolver.resolveSrv(query);
  const lookup: DnsSrvLookupFact = {
    kind: 'dns-srv-lookup',
    ...base(`volact probe: SRV ${query}`),
    tool: 'probe',
    query,
    domain: options.domain.replace(/\.$/, '').toLowerCase(),
    server: resolver.server ?? 'system resolver',
    outcome: srv.outcome,
    records: srv.records,
    ...(srv.detail ? { detail: srv.detail } : {}),
  };

  const targets = new Map<string, Endpoint>();
  for (const r of srv.records) targets.set(`${r.target.toLowerCase()}:${r.port}`, { host: r.target, port: r.port });
  for (const h of extraHosts) targets.set(`${h.host.toLowerCase()}:${h.port}`, h);

  const checks = await Promise.all(
    [...targets.values()].map(async (target): Promise<PortCheckFact> => {
      const { address, result } = await connectTo(target, resolver, Boolean(dnsServer), timeoutMs);
      const record = srv.records.find((r) => r.target.toLowerCase() === target.host.toLowerCase());
      if (record && address) record.addresses = [...new Set([...(record.addresses ?? []), address])];
      return {
        kind: 'port-check',
        ...base(`volact probe: TCP ${target.host}:${target.port}`),
        tool: 'probe',
        host: target.host,
        ...(address ? { address } : {}),
        port: target.port,
        outcome: result.outcome,
        warnings: [],
        ...(result.detail ? { detail: result.detail } : {}),
      };
    }),
  );

  const facts = [lookup, ...checks].map((fact) => ({ fact, fallbackMachine: machine }));
  const account: InputAccount = { file: 'volact probe', format: 'network', records: facts.length, decoded: facts.length, ignored: 0, rejected: [] };
  return { inputs: [account], facts, machine };
}

/**
 * Names go through the chosen DNS server when --dns-server is given (so a test or a look at another
 * resolver sees the same answers as the SRV lookup), else through the system's name lookup (hosts
 * file, suffix search list), as a KMS client would resolve them.
 */
async function connectTo(target: Endpoint, resolver: ProbeResolver, viaResolver: boolean, timeoutMs: number): Promise<{ address?: string; result: TcpResult }> {
  if (isIP(target.host) || !viaResolver) {
    const result = await tryConnect(target.host, target.port, timeoutMs);
    return { ...(isIP(target.host) ? { address: target.host } : {}), result };
  }
  const resolved = await resolver.resolveAddresses(target.host);
  if ('error' in resolved) return { result: { outcome: 'name-not-resolved', detail: `${resolved.error} for ${target.host}` } };
  const address = resolved.addresses[0]!;
  return { address, result: await tryConnect(address, target.port, timeoutMs) };
}

/** This computer's DNS suffix: from its FQDN, the resolver configuration, or the logon DNS domain. */
export async function machineDnsSuffix(): Promise<string | undefined> {
  const name = hostname();
  if (name.includes('.')) return name.slice(name.indexOf('.') + 1).toLowerCase();
  if (process.env.USERDNSDOMAIN) return process.env.USERDNSDOMAIN.toLowerCase();
  try {
    const conf = await readFile('/etc/resolv.conf', 'utf8');
    const m = /^\s*(?:domain|search)\s+(\S+)/m.exec(conf);
    if (m?.[1]) return m[1].toLowerCase();
  } catch {
    // no resolver configuration on this system
  }
  return undefined;
}
