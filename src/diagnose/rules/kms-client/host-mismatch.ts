// Table 2 row 2: is the KMS host name and port in the client's request right?
import { evidenceOf } from '../../evidence.js';
import { hostMachine, kmsHosts, listeningPort } from '../../fleet-queries.js';
import { CMD } from '../../remedies.js';
import { defineRule } from '../../rule.js';
import type { EvidenceRef } from '../../../types.js';
import { cappedList, english, LIST_EXAMPLES, msg, semicolonList, type MessageRef } from '../../../messages/index.js';
import type { Machine } from '../../../evidence/index.js';

export default defineRule(
  {
    id: 'kms-client/host-mismatch',
    severity: 'warning',
    description: 'The host:port in 12288 names no KMS host among the machines of the snapshot, or its port differs from the port that host listens on.',
    kb: ['event/12288', 'kms-client/static-host', 'procedure/check-srv-record'],
    facts: ['kms-request', 'license'],
    seed: 'Table 2 row 2',
  },
  ({ view, fleet }) => {
    // The snapshot's other hosts: a few by name and a count (a site can have thousands, and every client asks).
    const all = kmsHosts(fleet);
    const others = all.length - (view.hasRole('kms-host') ? 1 : 0);
    if (others <= 0) return [];
    const hosts: Machine[] = [];
    for (const h of all) {
      if (h.key === view.key) continue;
      hosts.push(h);
      if (hosts.length === LIST_EXAMPLES) break;
    }
    const hostNames = cappedList(hosts.map((h) => h.name), others);
    const evidence: EvidenceRef[] = [];
    const problems = new Map<string, MessageRef>();
    const problem = (m: MessageRef): void => void problems.set(english(m), m);
    for (const x of view.recentExchanges()) {
      const q = x.request;
      if (!q.host) continue;
      const target = hostMachine(fleet, q.host);
      if (!target) {
        // An IP we cannot map to a machine proves nothing either way.
        if (/^[\d.:[\]a-f]+$/i.test(q.host) && !/[g-z]/i.test(q.host)) continue;
        problem(msg('kms-client/host-mismatch.not-a-host', { host: q.host, hosts: hostNames }));
        evidence.push(evidenceOf(q));
        continue;
      }
      if (!target.roles.includes('kms-host')) {
        problem(msg('kms-client/host-mismatch.no-host-role', { host: q.host }));
        evidence.push(evidenceOf(q));
        continue;
      }
      const listen = listeningPort(target);
      if (q.port !== undefined && q.port !== listen.port) {
        problem(msg(listen.stated ? 'kms-client/host-mismatch.port-stated' : 'kms-client/host-mismatch.port-default', { port: q.port, host: target.name, listen: listen.port }));
        evidence.push(evidenceOf(q));
      }
    }
    if (!evidence.length) return [];
    return [
      {
        detail: msg('kms-client/host-mismatch.detail', { problems: semicolonList([...problems.values()]) }),
        evidence,
        remedy: [
          msg('kms-client/host-mismatch.remedy-point', { cmd: CMD.skms(hosts[0].name, listeningPort(hosts[0]).port) }),
          msg('kms-client/host-mismatch.remedy-ckms', { cmd: CMD.ckms }),
          msg('kms-client/host-mismatch.remedy-dns', { cmd: CMD.srvLookup() }),
          msg('common.then', { cmd: CMD.ato }),
        ],
      },
    ];
  },
);
