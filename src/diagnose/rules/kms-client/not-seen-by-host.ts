// Table 2 row 2: did the KMS host log a 12290 for this client?
import { evidenceOf } from '../../evidence.js';
import { firstMatchingHostEntry, hostLog, hostLogSpan, hostMachine, nearestHostEntry } from '../../fleet-queries.js';
import { CMD } from '../../remedies.js';
import { defineRule } from '../../rule.js';
import { HOUR } from '../../time.js';
import type { EvidenceRef } from '../../../types.js';
import { cappedList, count, LIST_EXAMPLES, msg, time } from '../../../messages/index.js';

export default defineRule(
  {
    id: 'kms-client/not-seen-by-host',
    severity: 'error',
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
      if (firstMatchingHostEntry(fleet, host.key, x.request, view.machine, skew, x.at)) continue;
      hosts.add(host.name);
      const log = hostLog(fleet, host.key);
      evidence.push(evidenceOf(x.request));
      const nearest = nearestHostEntry(fleet, host.key, x.at)!;
      evidence.push(
        evidenceOf(
          nearest,
          msg('kms-client/not-seen-by-host.evidence', {
            host: host.name,
            n: count(log.length),
            first: time(span.first),
            last: time(span.last),
            hours: options.skewHours,
            at: time(x.at),
            cmid: x.request.cmid,
            client: view.name,
            nearest: nearest.clientName,
            nearestAt: time(nearest.time),
          }),
        ),
      );
    }
    if (!evidence.length) return [];
    return [
      {
        detail: msg('kms-client/not-seen-by-host.detail', { hosts: cappedList([...hosts].slice(0, LIST_EXAMPLES), hosts.size) }),
        evidence,
        remedy: [
          msg('kms-client/not-seen-by-host.remedy-port'),
          msg('kms-client/not-seen-by-host.remedy-exception'),
          msg('kms-client/not-seen-by-host.remedy-resolve', { cmd: CMD.srvLookup() }),
          msg('kms-client/not-seen-by-host.remedy-retry', { cmd: CMD.ato }),
        ],
      },
    ];
  },
);
