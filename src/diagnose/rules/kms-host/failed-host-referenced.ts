// Failover section: clients still contact a host that has stopped logging requests.
import { evidenceOf, summarizeFact } from '../../evidence.js';
import { hostLog, hostMachine } from '../../fleet-queries.js';
import { CMD } from '../../remedies.js';
import { defineRule } from '../../rule.js';
import { HOUR, toMs } from '../../time.js';
import type { EvidenceRef } from '../../../types.js';
import { list, msg, time } from '../../../messages/index.js';

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
    const lastLogged = Math.max(...log.map((e) => toMs(e.time) ?? -Infinity));
    const evidence: EvidenceRef[] = [];
    const clients = new Set<string>();
    for (const other of views.values()) {
      if (other.key === view.key) continue;
      for (const x of other.recentExchanges()) {
        if (hostMachine(fleet, x.request.host)?.key !== view.key) continue;
        if (x.at - options.skewHours * HOUR <= lastLogged) continue;
        clients.add(other.name);
        evidence.push(evidenceOf(x.request, msg('kms-host/failed-host-referenced.evidence-client', { client: other.name, summary: summarizeFact(x.request) })));
      }
    }
    if (!evidence.length) return [];
    const last = log[log.length - 1];
    evidence.push(evidenceOf(last, msg('kms-host/failed-host-referenced.evidence-last', { host: view.name, at: time(lastLogged) })));
    return [
      {
        detail: msg('kms-host/failed-host-referenced.detail', { clients: list([...clients]), last: time(lastLogged) }),
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
