// Table 2 row 2: did the KMS host log a 12290 for this client?
import { evidenceOf } from '../../evidence.js';
import { hostLog, hostLogSpan, hostMachine, matchingHostEntries, nearestHostEntry } from '../../fleet-queries.js';
import { CMD } from '../../remedies.js';
import { defineRule } from '../../rule.js';
import { HOUR, formatUtc } from '../../time.js';
import type { EvidenceRef } from '../../../types.js';

export default defineRule(
  {
    id: 'kms-client/not-seen-by-host',
    severity: 'error',
    title: 'KMS host never logged this client',
    description: "The snapshot holds the host's Key Management Service log for the time of the client's 12288, and no 12290 in it (within the clock-skew allowance) names the client's CMID or name.",
    kb: ['event/12290', 'event/12288', 'procedure/open-kms-port'],
    facts: ['kms-request', 'kms-host-request'],
    seed: 'Table 2 row 2',
  },
  ({ view, fleet, options }) => {
    const skew = options.skewHours * HOUR;
    const evidence: EvidenceRef[] = [];
    const hosts = new Set<string>();
    // A request the client got a 12289 for did reach a host; only unanswered ones can be "never seen".
    for (const x of view.recentExchanges().filter((e) => !e.response)) {
      const host = hostMachine(fleet, x.request.host);
      if (!host || host.key === view.key) continue;
      const span = hostLogSpan(fleet, host.key);
      if (!span || span.first > x.at + skew || span.last < x.at) continue;
      if (matchingHostEntries(fleet, host.key, x.request, view.machine, skew, x.at).length) continue;
      hosts.add(host.name);
      const log = hostLog(fleet, host.key);
      evidence.push(evidenceOf(x.request));
      const nearest = nearestHostEntry(fleet, host.key, x.at)!;
      evidence.push(
        evidenceOf(
          nearest,
          `${host.name} logged ${log.length} 12290 records from ${formatUtc(span.first)} to ${formatUtc(span.last)}; none within ±${options.skewHours} h of ${formatUtc(x.at)} names CMID ${x.request.cmid} or ${view.name} (nearest: ${nearest.clientName} at ${formatUtc(Date.parse(nearest.time))})`,
        ),
      );
    }
    if (!evidence.length) return [];
    return [
      {
        detail: `The request never reached ${[...hosts].join(', ')}, or the host could not process it: its Key Management Service log covers the time, but holds no 12290 for this client.`,
        evidence,
        remedy: [
          'Check that routers and firewalls pass TCP 1688 (or the configured port) from the client to the host, and the stateful return traffic.',
          'On the host, enable the "Key Management Service" firewall exception.',
          `Check the client resolves the name it uses: ${CMD.srvLookup()}`,
          `Retry from the client: ${CMD.ato}`,
        ],
      },
    ];
  },
);
