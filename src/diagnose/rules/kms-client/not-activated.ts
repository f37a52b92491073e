// Table 2 row 2: the KMS client is not activated.
import { evidenceOf } from '../../evidence.js';
import { CMD } from '../../remedies.js';
import { defineRule } from '../../rule.js';

export default defineRule(
  {
    id: 'kms-client/not-activated',
    severity: 'error',
    title: 'KMS client is not activated',
    description: 'A KMS client product (VOLUME_KMSCLIENT / Volume:GVLK) is in a state other than Licensed, per slmgr, 8230 or the license state field of 12288.',
    kb: ['procedure/read-slmgr-dli-dlv', 'event/12288', 'event/8230'],
    facts: ['license', 'kms-request', 'kms-response', 'license-state-data'],
    seed: 'Table 2 row 2',
  },
  ({ view }) => {
    const bad = view.states('kms-client').filter((r) => r.state !== 'Licensed');
    if (!bad.length) return [];
    const states = [...new Set(bad.map((r) => r.state))].join(', ');
    return [
      {
        detail: `The KMS client is in state ${states}, not Licensed. Walk Table 2: is the host count at the threshold, does 12289 report result 0, are the KMS host and port right, is the host reachable on TCP 1688, and did the host log a 12290 for this client?`,
        evidence: bad.map((r) => evidenceOf(r.fact)),
        remedy: [
          `Confirm the state on the machine: ${CMD.dli}`,
          'Fix whatever the failing walk step names (threshold, host, port, DNS, firewall on TCP 1688).',
          `Then activate at once instead of waiting for the 2-hour retry: ${CMD.ato}`,
        ],
      },
    ];
  },
);
