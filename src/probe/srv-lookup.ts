// The SRV lookup for _vlmcs._tcp.<domain>, and the addresses of its targets, through one resolver: the
// system's DNS servers, or the one named with --dns-server. Every call is bounded by the timeout.
import { Resolver } from 'node:dns/promises';
import type { DnsOutcome, SrvRecord } from '../decode/index.js';

export interface SrvAnswer {
  outcome: DnsOutcome;
  records: SrvRecord[];
  detail?: string;
}

export interface ProbeResolver {
  /** Address shown as the server ("10.0.0.10:53"), or undefined for the system's servers. */
  server?: string;
  resolveSrv(name: string): Promise<SrvAnswer>;
  /** IPv4 addresses of a name; an error code ('ENOTFOUND', 'ETIMEOUT' …) when there are none. */
  resolveAddresses(name: string): Promise<{ addresses: string[] } | { error: string }>;
}

/** node:dns error codes → how the lookup ended. */
const OUTCOMES: Record<string, DnsOutcome> = {
  ENOTFOUND: 'name-error',
  ENODATA: 'no-records',
  ETIMEOUT: 'timeout',
  ECANCELLED: 'timeout',
  ESERVFAIL: 'server-failure',
  EREFUSED: 'refused',
  ECONNREFUSED: 'refused',
};

export function makeResolver(options: { server?: { host: string; port: number }; timeoutMs: number }): ProbeResolver {
  const resolver = new Resolver({ timeout: options.timeoutMs, tries: 1 });
  const server = options.server ? (options.server.host.includes(':') ? `[${options.server.host}]:${options.server.port}` : `${options.server.host}:${options.server.port}`) : undefined;
  if (server) resolver.setServers([server]);

  /** The resolver's own timeout counts per try; this bounds the whole call whatever happens inside. */
  const bounded = <T>(work: Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        resolver.cancel();
        reject(Object.assign(new Error(`no answer within ${options.timeoutMs} ms`), { code: 'ETIMEOUT' }));
      }, options.timeoutMs + 250);
      work.then(
        (v) => {
          clearTimeout(timer);
          resolve(v);
        },
        (e: unknown) => {
          clearTimeout(timer);
          reject(e);
        },
      );
    });

  return {
    ...(server ? { server } : {}),
    async resolveSrv(name) {
      try {
        const answers = await bounded(resolver.resolveSrv(name));
        if (!answers.length) return { outcome: 'no-records', records: [], detail: 'empty answer' };
        // A target of "." says the service is decidedly not offered (RFC 2782): nothing to connect to.
        const records = answers
          .map((a) => ({ priority: a.priority, weight: a.weight, port: a.port, target: a.name.replace(/\.$/, '') }))
          .filter((r) => r.target !== '')
          .sort((a, b) => a.priority - b.priority || b.weight - a.weight || a.target.localeCompare(b.target));
        if (!records.length) return { outcome: 'no-records', records: [], detail: 'the record names no host (target ".": service not offered)' };
        return { outcome: 'answer', records };
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? '';
        return { outcome: OUTCOMES[code] ?? 'error', records: [], detail: code ? `${code}: ${(error as Error).message}` : (error as Error).message };
      }
    },
    async resolveAddresses(name) {
      try {
        const addresses = await bounded(resolver.resolve4(name));
        return addresses.length ? { addresses } : { error: 'ENODATA' };
      } catch (error) {
        return { error: (error as NodeJS.ErrnoException).code ?? (error as Error).message };
      }
    },
  };
}
