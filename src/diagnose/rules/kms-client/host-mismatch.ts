// Table 2 row 2: is the KMS host name and port in the client's request right?
import { evidenceOf } from '../../evidence.js';
import { hostMachine, kmsHosts, listeningPort } from '../../fleet-queries.js';
import { CMD } from '../../remedies.js';
import { defineRule } from '../../rule.js';
import type { EvidenceRef } from '../../../types.js';
import { list, messageKey, msg, semicolonList, type MessageRef } from '../../../messages/index.js';

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
    const hosts = kmsHosts(fleet).filter((h) => h.key !== view.key);
    if (!hosts.length) return [];
    const hostNames = list(hosts.map((h) => h.name));
    const evidence: EvidenceRef[] = [];
    const problems = new Map<string, MessageRef>();
    const problem = (m: MessageRef): void => void problems.set(messageKey(m), m);
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
