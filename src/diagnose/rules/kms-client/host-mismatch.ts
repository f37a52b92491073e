// Table 2 row 2: is the KMS host name and port in the client's request right?
import { evidenceOf } from '../../evidence.js';
import { hostMachine, kmsHosts, listeningPort } from '../../fleet-queries.js';
import { CMD } from '../../remedies.js';
import { defineRule } from '../../rule.js';
import type { EvidenceRef } from '../../../types.js';

export default defineRule(
  {
    id: 'kms-client/host-mismatch',
    severity: 'warning',
    title: 'Client contacts a machine that is not a KMS host of the snapshot, or the wrong port',
    description: 'The host:port in 12288 names no KMS host among the machines of the snapshot, or its port differs from the port that host listens on.',
    kb: ['event/12288', 'kms-client/static-host', 'procedure/check-srv-record'],
    facts: ['kms-request', 'license'],
    seed: 'Table 2 row 2',
  },
  ({ view, fleet }) => {
    const hosts = kmsHosts(fleet).filter((h) => h.key !== view.key);
    if (!hosts.length) return [];
    const hostNames = hosts.map((h) => h.name).join(', ');
    const evidence: EvidenceRef[] = [];
    const problems: string[] = [];
    for (const x of view.recentExchanges()) {
      const q = x.request;
      if (!q.host) continue;
      const target = hostMachine(fleet, q.host);
      if (!target) {
        // An IP we cannot map to a machine proves nothing either way.
        if (/^[\d.:[\]a-f]+$/i.test(q.host) && !/[g-z]/i.test(q.host)) continue;
        problems.push(`${q.host} is not one of the snapshot's KMS hosts (${hostNames})`);
        evidence.push(evidenceOf(q));
        continue;
      }
      if (!target.roles.includes('kms-host')) {
        problems.push(`${q.host} is in the snapshot but shows no sign of being a KMS host`);
        evidence.push(evidenceOf(q));
        continue;
      }
      const listen = listeningPort(target);
      if (q.port !== undefined && q.port !== listen.port) {
        problems.push(`port ${q.port} differs from the port ${target.name} listens on (${listen.port}${listen.stated ? ', per slmgr' : ', the default'})`);
        evidence.push(evidenceOf(q));
      }
    }
    if (!evidence.length) return [];
    return [
      {
        detail: [...new Set(problems)].join('; ') + '.',
        evidence,
        remedy: [
          `Point the client at a working host: ${CMD.skms(hosts[0].name, listeningPort(hosts[0]).port)}`,
          `Or return to DNS auto-discovery: ${CMD.ckms}`,
          `Check what DNS publishes: ${CMD.srvLookup()}`,
          `Then: ${CMD.ato}`,
        ],
      },
    ];
  },
);
