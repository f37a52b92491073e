// Table 2 row 7: only the first KMS host can create the SRV record.
import { evidenceOf, summarizeFact } from '../../evidence.js';
import { kmsHosts } from '../../fleet-queries.js';
import { openPublishFailures, publishSuccesses } from '../../host-dns.js';
import { defineRule } from '../../rule.js';
import { list, msg } from '../../../messages/index.js';

export default defineRule(
  {
    id: 'kms-host/srv-only-first-host',
    severity: 'warning',
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
        detail: msg('kms-host/srv-only-first-host.detail', { hosts: list(publishers.map((p) => p.v.name)), n: publishers.length }),
        evidence: [
          ...failing.map((f) => evidenceOf(f)),
          ...publishers.map((p) => evidenceOf(p.f, msg('kms-host/srv-only-first-host.evidence', { host: p.v.name, summary: summarizeFact(p.f) }))),
        ],
        remedy: [msg('kms-host/srv-only-first-host.remedy-rights'), msg('kms-host/srv-only-first-host.remedy-manual')],
      },
    ];
  },
);
