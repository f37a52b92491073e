// Failover section: a KMS host set by hand gets no automatic failover.
import { evidenceOf } from '../../evidence.js';
import { CMD } from '../../remedies.js';
import { defineRule } from '../../rule.js';
import { list, msg } from '../../../messages/index.js';

export default defineRule(
  {
    id: 'kms-client/static-host',
    severity: 'info',
    description: 'slmgr shows a "Registered KMS machine name" (set with slmgr /skms) instead of a name from DNS, or a pasted slmgr /skms run set one: if that host fails, the client will not pick another one.',
    kb: ['procedure/kms-host-failover', 'procedure/read-slmgr-dli-dlv'],
    facts: ['license', 'kms-host-set'],
    seed: 'failover section',
  },
  ({ view }) => {
    const fixed = view.licenses('kms-client').filter((l) => l.kmsClient?.kmsNameSource === 'registered');
    // "Key Management Service machine name set to … successfully." in a pasted console window.
    const set = view.facts('kms-host-set');
    if (!fixed.length && !set.length) return [];
    const hostPort = (host: string | undefined, port: number | undefined): string => `${host ?? '?'}${port ? `:${port}` : ''}`;
    const names = [...new Set([...fixed.map((l) => hostPort(l.kmsClient?.kmsName, l.kmsClient?.kmsPort)), ...set.map((f) => hostPort(f.host, f.port))])];
    return [
      {
        detail: msg('kms-client/static-host.detail', { names: list(names) }),
        evidence: [
          ...fixed.map((l) => evidenceOf(l, msg('kms-client/static-host.evidence', { name: hostPort(l.kmsClient?.kmsName, l.kmsClient?.kmsPort) }))),
          ...set.map((f) => evidenceOf(f)),
        ],
        remedy: [msg('kms-client/static-host.remedy-ckms', { cmd: CMD.ckms }), msg('kms-client/static-host.remedy-skms', { cmd: CMD.skms() })],
      },
    ];
  },
);
