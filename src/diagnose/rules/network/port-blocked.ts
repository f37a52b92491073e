// Table 2 row 2: this machine cannot open a TCP connection to the KMS host's port.
import { evidenceOf } from '../../evidence.js';
import { latestPortChecks } from '../../network-queries.js';
import { defineRule } from '../../rule.js';
import { msg, semicolonList } from '../../../messages/index.js';

export default defineRule(
  {
    id: 'network/port-blocked',
    severity: 'error',
    description: 'A TCP connection to the KMS host\'s port (1688 unless changed) did not open: Test-NetConnection TcpTestSucceeded False, or volact probe saw it refused or timed out.',
    kb: ['procedure/open-kms-port', 'kms-client/no-response', 'dns/srv-stale'],
    facts: ['port-check'],
    seed: 'Table 2 row 2',
  },
  ({ view }) => {
    const failed = latestPortChecks(view).filter((c) => c.outcome !== 'open');
    if (!failed.length) return [];
    const listed = failed.map((c) => msg('network/port-blocked.check', { target: `${c.host}:${c.port}`, why: msg(`network/port-blocked.why.${c.outcome}`) }));
    const first = failed[0]!;
    return [
      {
        detail: msg('network/port-blocked.detail', { checks: semicolonList(listed) }),
        evidence: failed.map((c) => evidenceOf(c)),
        remedy: [
          msg('network/port-blocked.remedy-listen', { host: first.host, cmd: `netstat -ano | findstr :${first.port}` }),
          msg('network/port-blocked.remedy-firewall', { port: first.port }),
          msg('network/port-blocked.remedy-check', { cmd: `Test-NetConnection ${first.host} -Port ${first.port}` }),
        ],
      },
    ];
  },
);
