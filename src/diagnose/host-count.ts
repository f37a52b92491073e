// What a KMS host's count is and what its clients need, per product line, shared by the host count rule, the walk
// step and the fleet view.
import type { Fleet } from '../evidence/index.js';
import type { EvidenceRef } from '../types.js';
import { evidenceOf, summarizeFact } from './evidence-refs.js';
import type { KmsHostRequestFact, KmsRequestFact, ProductLine } from '../decode/index.js';
import { COUNT_WINDOW, hostLog, hostMachine } from '../evidence/fleet-queries.js';
import type { MachineView } from '../evidence/machine-view/index.js';
import { DAY, toMs } from '../evidence/time.js';
import { msg, time } from '../messages/index.js';

export interface HostCount {
  /** The product line counted: a host counts Windows and Office apart. */
  product: ProductLine;
  count: number;
  /** Windows: 25 when any client asks with required count 25 (client OS), else 5. Office: 5. */
  need: 5 | 25;
  evidence: EvidenceRef[];
  /**
   * False when the count is only a lower bound: distinct CMIDs in a 12290 log shorter than 30 days,
   * with no 0xC004F038 from the host to confirm it is short.
   */
  conclusive: boolean;
}

/** Clients of the snapshot whose 12288 names this host and asks for a count of 25. */
function clientsAsking25(view: MachineView, fleet: Fleet): KmsRequestFact[] {
  return (asking25ByHost(fleet).get(view.key) ?? []).filter(({ client }) => client !== view.key).map(({ request }) => request);
}

// Built once per fleet (one pass over the clients' facts), so no host's rule scans every other machine.
const asking25Indexes = new WeakMap<Fleet, Map<string, { client: string; request: KmsRequestFact }[]>>();

/** Host machine key → the 12288s (in fleet order) that name it and ask for a count of 25. */
function asking25ByHost(fleet: Fleet): Map<string, { client: string; request: KmsRequestFact }[]> {
  let index = asking25Indexes.get(fleet);
  if (index) return index;
  index = new Map();
  for (const m of fleet.machines) {
    for (const f of m.facts) {
      if (f.kind !== 'kms-request' || (f.requiredCount ?? 0) < 25) continue;
      const host = hostMachine(fleet, f.host)?.key;
      if (host === undefined) continue;
      const list = index.get(host);
      if (list) list.push({ client: m.key, request: f });
      else index.set(host, [{ client: m.key, request: f }]);
    }
  }
  asking25Indexes.set(fleet, index);
  return index;
}

/**
 * The host's count for Windows: its Windows KMS host product (slmgr /dlv, WMI), else the distinct CMIDs of the
 * Windows requests in its 12290 log over 30 days. Office is counted apart (hostCounts).
 */
export function hostCount(view: MachineView, fleet: Fleet, now: number): HostCount | undefined {
  return hostCounts(view, fleet, now).find((c) => c.product === 'Windows');
}

/**
 * The host's count per product line it serves. A KMS host counts Windows and Office apart: its /dlv shows a
 * current count per KMS host product, and each 12290 names the requesting product's activation id. Windows
 * needs 25 when a client OS asks (else 5); Office always needs 5. A request whose product the table does not
 * know is counted with Windows, as the host's count was read before Office was told apart.
 */
export function hostCounts(view: MachineView, fleet: Fleet, now: number): HostCount[] {
  const recent = hostLog(fleet, view.key).filter((e) => (toMs(e.time) ?? now) >= now - COUNT_WINDOW);
  const byLine: Record<ProductLine, KmsHostRequestFact[]> = { Windows: [], Office: [] };
  for (const e of recent) byLine[e.product === 'Office' ? 'Office' : 'Windows'].push(e);
  const out: HostCount[] = [];
  for (const product of ['Windows', 'Office'] as const) {
    const c = countFor(product, byLine[product], view, fleet, now);
    if (c) out.push(c);
  }
  return out;
}

function countFor(product: ProductLine, recent: KmsHostRequestFact[], view: MachineView, fleet: Fleet, now: number): HostCount | undefined {
  const asking25 = product === 'Windows' ? clientsAsking25(view, fleet) : [];
  const need: 5 | 25 = product === 'Windows' && (recent.some((e) => e.requiredCount >= 25) || asking25.length > 0) ? 25 : 5;
  const asking = recent.find((e) => e.requiredCount === need);
  const askEvidence = asking
    ? [evidenceOf(asking, msg('host-count.asking', { client: asking.clientName, required: asking.requiredCount }))]
    : asking25.slice(0, 1).map((f) => evidenceOf(f, msg('host-count.asking-any', { client: f.computer || msg('common.a-client'), required: f.requiredCount ?? '?' })));
  const stated = statedCount(view, product);
  if (stated) return { product, count: stated.count, need, conclusive: true, evidence: [stated.evidence, ...askEvidence] };
  if (!recent.length) return undefined;
  const count = new Set(recent.map((e) => e.cmid.toLowerCase())).size;
  const first = toMs(recent[0].time) ?? now;
  const last = recent[recent.length - 1];
  const refused = recent.filter((e) => e.result === '0xC004F038');
  const spansWindow = (toMs(last.time) ?? now) - first >= COUNT_WINDOW - DAY;
  const evidence = [
    evidenceOf(last, msg('host-count.from-log', { count: count, n: recent.length, first: time(first), last: time(toMs(last.time) ?? now) })),
    ...(refused.length
      ? [evidenceOf(refused[refused.length - 1], msg('host-count.refused', { n: refused.length, summary: summarizeFact(refused[refused.length - 1]) }))]
      : []),
    ...askEvidence,
  ];
  return { product, count, need, evidence, conclusive: spansWindow || refused.length > 0 };
}

/** The count the host itself states for a product line: its KMS host product's (slmgr /dlv, WMI), else the service's (Windows). */
function statedCount(view: MachineView, product: ProductLine): { count: number; evidence: EvidenceRef } | undefined {
  const license = view.licenses().find((l) => l.kmsHost?.currentCount !== undefined && (l.product ?? 'Windows') === product);
  if (license?.kmsHost?.currentCount !== undefined) {
    const count = license.kmsHost.currentCount;
    const said = license.form === 'wmi' ? msg('host-count.stated', { tool: 'WMI', count, product }) : msg('host-count.slmgr', { count });
    return { count, evidence: evidenceOf(license, said) };
  }
  if (product !== 'Windows') return undefined;
  const service = view.facts('licensing-service').find((f) => f.kmsHost?.currentCount !== undefined);
  if (service?.kmsHost?.currentCount === undefined) return undefined;
  const count = service.kmsHost.currentCount;
  return { count, evidence: evidenceOf(service, msg('host-count.stated', { tool: 'WMI', count, product })) };
}
