// What a machine's pastes say about its own KMS host discovery: an SRV lookup that answered (possibly for the
// bare `_vlmcs._tcp`, completed by the resolver), a port test that connected, and what its ipconfig /all says
// the client itself appends. Rules use it to explain why the client still finds no host, and to stop asking
// for an nslookup the user already gave.
import type { DnsSrvLookupFact, IpConfigFact, PortCheckFact } from '../decode/index.js';
import type { MachineView } from '../evidence/machine-view/index.js';

export interface DiscoveryEvidence {
  /** The SRV lookups in the paste, and the first that answered. */
  lookups: DnsSrvLookupFact[];
  answered?: DnsSrvLookupFact;
  /** A TCP test to the KMS port that connected. */
  portOpen?: PortCheckFact;
  ipConfig?: IpConfigFact;
  /** The suffix the client's own discovery appends: the primary DNS suffix ('' when ipconfig shows none). */
  primarySuffix?: string;
}

export function discoveryEvidence(view: MachineView): DiscoveryEvidence {
  const lookups = view.facts('dns-srv-lookup').filter((f) => f.tool !== 'probe');
  const ipConfig = view.facts('ip-config')[0];
  const out: DiscoveryEvidence = { lookups };
  const answered = lookups.find((f) => f.outcome === 'answer');
  if (answered) out.answered = answered;
  const portOpen = view.facts('port-check').find((f) => f.outcome === 'open');
  if (portOpen) out.portOpen = portOpen;
  if (ipConfig) {
    out.ipConfig = ipConfig;
    if (ipConfig.primarySuffix !== undefined) out.primarySuffix = ipConfig.primarySuffix;
  }
  return out;
}
