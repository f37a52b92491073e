// Which KMS host a client's evidence names, and where it says so: a next step names the host from whatever
// evidence named it (12288, slmgr's client block, a /skms paste, an SRV answer), never "the host named in 12288"
// when there is no 12288.
import type { Fact } from '../decode/index.js';
import type { MachineView } from '../evidence/machine-view/index.js';

/** Where a host's name came from. */
export type HostSource = '12288' | 'registered' | 'dns' | 'skms' | 'srv';

export interface NamedHost {
  /** host:port as the evidence wrote it (port 1688 when it gave none). */
  host: string;
  source: HostSource;
  fact: Fact;
}

/** The hosts this client's evidence names, each once, in that order of sources (the newest 12288 first). */
export function hostsNamed(view: MachineView): NamedHost[] {
  const out: NamedHost[] = [];
  const seen = new Set<string>();
  const add = (name: string | undefined, port: number | string | undefined, source: HostSource, fact: Fact): void => {
    if (!name) return;
    const host = /:\d+$/.test(name) ? name : `${name}:${port ?? 1688}`;
    const key = host.toLowerCase();
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ host, source, fact });
  };
  const requests = view.facts('kms-request');
  for (let i = requests.length - 1; i >= 0; i--) add(requests[i].host, requests[i].port, '12288', requests[i]);
  for (const l of view.licenses('kms-client')) {
    const k = l.kmsClient;
    if (k?.kmsName) add(k.kmsName, k.kmsPort, k.kmsNameSource === 'dns' ? 'dns' : 'registered', l);
  }
  for (const f of view.facts('kms-host-set')) add(f.host, f.port, 'skms', f);
  for (const f of view.facts('dns-srv-lookup')) for (const r of f.records) add(r.target, r.port, 'srv', f);
  return out;
}
