// Table 2 row 2: the SRV record sends clients to a port the KMS host does not listen on.
import { evidenceOf } from '../../evidence.js';
import { hostMachine, listeningPort } from '../../fleet-queries.js';
import { portChecksFor, srvTargets } from '../../network-queries.js';
import { defineRule } from '../../rule.js';
import type { EvidenceRef } from '../../../types.js';
import { msg, semicolonList, type MessageRef } from '../../../messages/index.js';

export default defineRule(
  {
    id: 'dns/srv-port-mismatch',
    severity: 'warning',
    description: 'A _vlmcs._tcp SRV record gives a port other than the one the host listens on (slmgr /dlv "Listening on Port"), or only another port of the host accepts connections.',
    kb: ['procedure/check-srv-record', 'kms-client/host-mismatch', 'procedure/read-slmgr-dli-dlv'],
    facts: ['dns-srv-lookup'],
    seed: 'Table 2 row 2',
  },
  ({ view, fleet }) => {
    const evidence: EvidenceRef[] = [];
    const wrong: MessageRef[] = [];
    for (const { lookup, record } of srvTargets(view)) {
      const host = hostMachine(fleet, record.target);
      if (host?.roles.includes('kms-host')) {
        const listen = listeningPort(host);
        if (listen.stated && listen.port !== record.port) {
          wrong.push(msg('dns/srv-port-mismatch.listens', { target: record.target, port: record.port, listen: listen.port }));
          const stated = listen.statedBy;
          evidence.push(evidenceOf(lookup));
          if (stated) evidence.push(evidenceOf(stated, msg('dns/srv-port-mismatch.listening-evidence', { host: host.name, port: listen.port })));
          continue;
        }
      }
      const checks = portChecksFor(view, record.target, record.addresses);
      const failedOnSrvPort = checks.find((c) => c.port === record.port && c.outcome !== 'open');
      const openElsewhere = checks.find((c) => c.port !== record.port && c.outcome === 'open');
      if (failedOnSrvPort && openElsewhere) {
        wrong.push(msg('dns/srv-port-mismatch.other-port', { target: record.target, port: record.port, open: openElsewhere.port }));
        evidence.push(evidenceOf(lookup), evidenceOf(failedOnSrvPort), evidenceOf(openElsewhere));
      }
    }
    if (!wrong.length) return [];
    return [
      {
        detail: msg('dns/srv-port-mismatch.detail', { problems: semicolonList(wrong) }),
        evidence,
        remedy: [msg('dns/srv-port-mismatch.remedy-agree'), msg('dns/srv-port-mismatch.remedy-publish'), msg('dns/srv-port-mismatch.remedy-firewall')],
      },
    ];
  },
);
