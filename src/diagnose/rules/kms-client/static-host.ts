// Failover section: a KMS host set by hand gets no automatic failover.
import { evidenceOf } from '../../evidence.js';
import { CMD } from '../../remedies.js';
import { defineRule } from '../../rule.js';

export default defineRule(
  {
    id: 'kms-client/static-host',
    severity: 'info',
    title: 'KMS host is set by hand (no failover)',
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
        detail: `The client always uses ${names.join(', ')}. With auto-discovery it would move to another host from DNS when this one stops answering.`,
        evidence: fixed.map((l) => evidenceOf(l, `slmgr: registered KMS machine name ${l.kmsClient?.kmsName ?? '?'}${l.kmsClient?.kmsPort ? `:${l.kmsClient.kmsPort}` : ''}`)),
        remedy: [`Return to DNS auto-discovery: ${CMD.ckms}`, `Or, if the fixed host is intended, update it when hosts change: ${CMD.skms()}`],
      },
    ];
  },
);
