// Failover section: clients still contact a host that has stopped logging requests.
import { evidenceOf, summarizeFact } from '../../evidence.js';
import { hostLog, hostMachine } from '../../fleet-queries.js';
import { CMD } from '../../remedies.js';
import { defineRule } from '../../rule.js';
import { HOUR, toMs } from '../../time.js';
import type { EvidenceRef } from '../../../types.js';
import { cappedList, LIST_EXAMPLES, msg, time } from '../../../messages/index.js';
import type { Exchange, MachineView } from '../../machine-view.js';
import type { Fleet } from '../../../evidence/index.js';

// Per run: each client's current requests, filed under the host they name, so each host reads only its own
// (a site can have thousands of hosts and of clients).
const asked = new WeakMap<ReadonlyMap<string, MachineView>, Map<string, Array<{ client: MachineView; x: Exchange }>>>();

function requestsTo(views: ReadonlyMap<string, MachineView>, fleet: Fleet, hostKey: string): Array<{ client: MachineView; x: Exchange }> {
  let byHost = asked.get(views);
  if (!byHost) {
    byHost = new Map();
    for (const client of views.values()) {
      for (const x of client.recentExchanges()) {
        const host = hostMachine(fleet, x.request.host)?.key;
        if (host === undefined) continue;
        const list = byHost.get(host);
        if (list) list.push({ client, x });
        else byHost.set(host, [{ client, x }]);
      }
    }
    asked.set(views, byHost);
  }
  return byHost.get(hostKey) ?? [];
}

export default defineRule(
  {
    id: 'kms-host/failed-host-referenced',
    severity: 'warning',
    description: "Clients' 12288 name this host, but its Key Management Service log holds no 12290 from the time of those requests on: the host has failed or stopped serving, and clients need to move.",
    kb: ['procedure/kms-host-failover', 'event/12290', 'kms-client/static-host'],
    facts: ['kms-request', 'kms-host-request'],
    seed: 'failover section',
  },
  ({ view, views, fleet, options }) => {
    const log = hostLog(fleet, view.key);
    if (!log.length) return [];
    // A loop, not Math.max(...log): a busy host logs more 12290s than a call takes arguments.
    let lastLogged = -Infinity;
    for (const e of log) lastLogged = Math.max(lastLogged, toMs(e.time) ?? -Infinity);
    const evidence: EvidenceRef[] = [];
    const clients = new Set<string>();
    for (const { client: other, x } of requestsTo(views, fleet, view.key)) {
      if (other.key === view.key) continue;
      if (x.at - options.skewHours * HOUR <= lastLogged) continue;
      clients.add(other.name);
      evidence.push(evidenceOf(x.request, msg('kms-host/failed-host-referenced.evidence-client', { client: other.name, summary: summarizeFact(x.request) })));
    }
    if (!evidence.length) return [];
    const last = log[log.length - 1];
    evidence.push(evidenceOf(last, msg('kms-host/failed-host-referenced.evidence-last', { host: view.name, at: time(lastLogged) })));
    return [
      {
        detail: msg('kms-host/failed-host-referenced.detail', { clients: cappedList([...clients].slice(0, LIST_EXAMPLES), clients.size), last: time(lastLogged) }),
        evidence,
        remedy: [
          msg('kms-host/failed-host-referenced.remedy-replace'),
          msg('kms-host/failed-host-referenced.remedy-srv'),
          msg('kms-host/failed-host-referenced.remedy-static', { skms: CMD.skms(), ckms: CMD.ckms }),
        ],
      },
    ];
  },
);
