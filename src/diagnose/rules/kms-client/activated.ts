// Table 2 row 1: is the KMS client activated?
import { evidenceOf } from '../../evidence.js';
import { CMD } from '../../remedies.js';
import { defineRule } from '../../rule.js';
import { msg } from '../../../messages/index.js';

export default defineRule(
  {
    id: 'kms-client/activated',
    severity: 'info',
    description: 'Every KMS client product on the machine reports Licensed (slmgr), or its newest 12289 shows activated=1 with result 0.',
    kb: ['procedure/read-slmgr-dli-dlv', 'event/12289'],
    facts: ['license', 'kms-request', 'kms-response', 'license-state-data'],
    seed: 'Table 2 row 1',
  },
  ({ view }) => {
    const readings = view.states('kms-client');
    if (!readings.length || readings.some((r) => r.state !== 'Licensed')) return [];
    return [
      {
        detail: msg('kms-client/activated.detail', { n: readings.length }),
        evidence: readings.map((r) => evidenceOf(r.fact)),
        remedy: [msg('kms-client/activated.remedy', { cmd: CMD.dli })],
      },
    ];
  },
);
