// Failover section: clients still contact a host that has stopped logging requests.
import { evidenceOf } from '../../evidence.js';
import { hostLog, hostMachine } from '../../fleet-queries.js';
import { CMD } from '../../remedies.js';
import { defineRule } from '../../rule.js';
import { HOUR, formatUtc, toMs } from '../../time.js';
import type { EvidenceRef } from '../../../types.js';

export default defineRule(
  {
    id: 'kms-host/failed-host-referenced',
    severity: 'warning',
    title: 'Clients still contact a host that logs no requests',
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
        evidence.push(evidenceOf(x.request, `${other.name}: ${evidenceOf(x.request).summary}`));
      }
    }
    if (!evidence.length) return [];
    const last = log[log.length - 1];
    evidence.push(evidenceOf(last, `last 12290 on ${view.name} at ${formatUtc(lastLogged)}`));
    return [
      {
        detail: `${[...clients].join(', ')} sent requests to this host after its last 12290 (${formatUtc(lastLogged)}). If the host has failed, install and activate a KMS host key on a replacement and make sure its SRV record is in DNS.`,
        evidence,
        remedy: [
          'Bring the host back, or install the KMS host key on a new host and activate it; a replacement with the same name and IP can reuse the SRV record.',
          'Remove the failed host\'s _vlmcs._tcp SRV record from DNS (or let scavenging do it).',
          `Clients set by hand do not fail over: update them with ${CMD.skms()} or return them to auto-discovery with ${CMD.ckms}.`,
        ],
      },
    ];
  },
);
