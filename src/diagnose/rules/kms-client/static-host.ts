// Failover section: a KMS host set by hand gets no automatic failover.
import { evidenceOf } from '../../evidence.js';
import { CMD } from '../../remedies.js';
import { defineRule } from '../../rule.js';
import { list, msg } from '../../../messages/index.js';

export default defineRule(
  {
    id: 'kms-client/static-host',
    severity: 'info',
    description: 'slmgr shows a "Registered KMS machine name" (set with slmgr /skms) instead of a name from DNS: if that host fails, the client will not pick another one.',
    kb: ['procedure/kms-host-failover', 'procedure/read-slmgr-dli-dlv'],
    facts: ['license'],
    seed: 'failover section',
  },
  ({ view }) => {
    const fixed = view.licenses('kms-client').filter((l) => l.kmsClient?.kmsNameSource === 'registered');
    if (!fixed.length) return [];
    const names = [...new Set(fixed.map((l) => `${l.kmsClient?.kmsName ?? '?'}${l.kmsClient?.kmsPort ? `:${l.kmsClient.kmsPort}` : ''}`))];
    return [
      {
        detail: msg('kms-client/static-host.detail', { names: list(names) }),
        evidence: fixed.map((l) =>
          evidenceOf(l, msg('kms-client/static-host.evidence', { name: `${l.kmsClient?.kmsName ?? '?'}${l.kmsClient?.kmsPort ? `:${l.kmsClient.kmsPort}` : ''}` })),
        ),
        remedy: [msg('kms-client/static-host.remedy-ckms', { cmd: CMD.ckms }), msg('kms-client/static-host.remedy-skms', { cmd: CMD.skms() })],
      },
    ];
  },
);
