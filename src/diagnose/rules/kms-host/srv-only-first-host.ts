// Table 2 row 7: only the first KMS host can create the SRV record.
import { evidenceOf } from '../../evidence.js';
import { kmsHosts } from '../../fleet-queries.js';
import { openPublishFailures, publishSuccesses } from '../../host-dns.js';
import { defineRule } from '../../rule.js';

export default defineRule(
  {
    id: 'kms-host/srv-only-first-host',
    severity: 'warning',
    title: 'Only the first KMS host can publish the SRV record',
    description: 'Several KMS hosts are in the snapshot; one publishes (12294) while this one fails (12293): the first host owns the _VLMCS record and the others lack permission on it.',
    kb: ['event/12293', 'event/12294', 'procedure/publish-srv-record'],
    facts: ['kms-service'],
    seed: 'Table 2 row 7',
  },
  ({ view, views, fleet }) => {
    const failing = openPublishFailures(view);
    if (!failing.length) return [];
    const publishers = kmsHosts(fleet)
      .filter((h) => h.key !== view.key)
      .map((h) => views.get(h.key))
      .flatMap((v) => (v ? publishSuccesses(v).slice(-1).map((f) => ({ v, f })) : []));
    if (!publishers.length) return [];
    return [
      {
        detail: `${publishers.map((p) => p.v.name).join(', ')} publish${publishers.length === 1 ? 'es' : ''} the SRV record, but this host cannot update it. The first host to create _VLMCS owns the record; other hosts need rights on it.`,
        evidence: [...failing.map((f) => evidenceOf(f)), ...publishers.map((p) => evidenceOf(p.f, `${p.v.name}: ${evidenceOf(p.f).summary}`))],
        remedy: [
          'In DNS, give every KMS host (for example a security group holding their computer accounts) Full Control on the _VLMCS record.',
          'Or list the hosts in the record by hand and turn off publishing on the extra hosts (slmgr.vbs /cdns).',
        ],
      },
    ];
  },
);
