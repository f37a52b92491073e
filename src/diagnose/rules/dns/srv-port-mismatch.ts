// Table 2 row 2: the SRV record sends clients to a port the KMS host does not listen on.
import { evidenceOf } from '../../evidence.js';
import { hostMachine, listeningPort } from '../../fleet-queries.js';
import { checksHost, srvTargets } from '../../network-queries.js';
import { defineRule } from '../../rule.js';
import type { EvidenceRef } from '../../../types.js';

export default defineRule(
  {
    id: 'dns/srv-port-mismatch',
    severity: 'warning',
    title: 'SRV record port differs from the port the KMS host listens on',
    description: 'A _vlmcs._tcp SRV record gives a port other than the one the host listens on (slmgr /dlv "Listening on Port"), or only another port of the host accepts connections.',
    kb: ['procedure/check-srv-record', 'kms-client/host-mismatch', 'procedure/read-slmgr-dli-dlv'],
    facts: ['dns-srv-lookup'],
    seed: 'Table 2 row 2',
  },
  ({ view, fleet }) => {
    const evidence: EvidenceRef[] = [];
    const wrong: string[] = [];
    for (const { lookup, record } of srvTargets(view)) {
      const host = hostMachine(fleet, record.target);
      if (host?.roles.includes('kms-host')) {
        const listen = listeningPort(host);
        if (listen.stated && listen.port !== record.port) {
          wrong.push(`${record.target}: SRV port ${record.port}, host listens on ${listen.port}`);
          const stated = host.facts.find((f) => f.kind === 'license' && f.kmsHost?.listeningPort !== undefined);
          evidence.push(evidenceOf(lookup), ...(stated ? [evidenceOf(stated, `${host.name}: Listening on Port ${listen.port}`)] : []));
          continue;
        }
      }
      const checks = view.facts('port-check').filter((c) => checksHost(c, record.target, record.addresses));
      const failedOnSrvPort = checks.find((c) => c.port === record.port && c.outcome !== 'open');
      const openElsewhere = checks.find((c) => c.port !== record.port && c.outcome === 'open');
      if (failedOnSrvPort && openElsewhere) {
        wrong.push(`${record.target}: SRV port ${record.port} fails, port ${openElsewhere.port} accepts connections`);
        evidence.push(evidenceOf(lookup), evidenceOf(failedOnSrvPort), evidenceOf(openElsewhere));
      }
    }
    if (!wrong.length) return [];
    return [
      {
        detail: `${wrong.join('; ')}. Clients that find the host through DNS connect to the SRV port and fail.`,
        evidence,
        remedy: [
          'Make the record and the host agree: edit the SRV record\'s port in DNS, or set the host\'s port with slmgr.vbs /sprt <port> and restart the Software Protection service.',
          'A host that publishes its own record (12294) updates it when the service restarts; a record created by hand must be edited by hand.',
          'Open the chosen port in the host\'s firewall (slmgr /sprt does not do it).',
        ],
      },
    ];
  },
);
