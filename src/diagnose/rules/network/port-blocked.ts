// Table 2 row 2: this machine cannot open a TCP connection to the KMS host's port.
import { evidenceOf } from '../../evidence.js';
import { latestPortChecks } from '../../network-queries.js';
import { defineRule } from '../../rule.js';

const WHY: Record<string, string> = {
  refused: 'refused (nothing listens, or a firewall rejects)',
  timeout: 'timed out (a firewall drops the packets, or the host is down)',
  unreachable: 'no route to the host',
  'name-not-resolved': 'the name did not resolve, so no connection was tried',
  failed: 'failed (TcpTestSucceeded False)',
};

export default defineRule(
  {
    id: 'network/port-blocked',
    severity: 'error',
    title: 'TCP connection to the KMS port fails',
    description: 'A TCP connection to the KMS host\'s port (1688 unless changed) did not open: Test-NetConnection TcpTestSucceeded False, or volact probe saw it refused or timed out.',
    kb: ['procedure/open-kms-port', 'kms-client/no-response', 'dns/srv-stale'],
    facts: ['port-check'],
    seed: 'Table 2 row 2',
  },
  ({ view }) => {
    const failed = latestPortChecks(view).filter((c) => c.outcome !== 'open');
    if (!failed.length) return [];
    const listed = failed.map((c) => `${c.host}:${c.port} ${WHY[c.outcome] ?? c.outcome}`);
    const first = failed[0]!;
    return [
      {
        detail: `${listed.join('; ')}. A KMS client that cannot connect gets 0xC004F074 (no KMS host could be contacted).`,
        evidence: failed.map((c) => evidenceOf(c)),
        remedy: [
          `On ${first.host}, check the Software Protection service runs and listens: netstat -ano | findstr :${first.port}`,
          `Allow inbound TCP ${first.port} in the host's Windows Firewall (rule "Key Management Service (TCP-In)") and in any network firewall between client and host.`,
          `Check again from the client: Test-NetConnection ${first.host} -Port ${first.port}`,
        ],
      },
    ];
  },
);
